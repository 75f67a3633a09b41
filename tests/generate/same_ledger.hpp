#pragma once
// Two ledgers compared fact by fact, for tests that build one ledger in two ways.
#include "model/ledger.hpp"

namespace mt::testing {

// Every fact a session reads from a ledger, compared one by one (Catch2 REQUIREs).
void require_same_ledger(const Ledger& a, const Ledger& b);

}  // namespace mt::testing
