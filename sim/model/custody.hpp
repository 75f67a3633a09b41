#pragma once
// What a custodian holds for a holding at a simulated time, read from the ledger: the loader
// checks declared holdings against it and the session freezes and seizes by it.
#include "model/ledger.hpp"
#include "model/world.hpp"

namespace mt {

// Deposits of `asset` that reached `subject` at or before `at`, as an exchange credits them. A
// transaction that also spends from the subject (a sweep with change back) is not a deposit.
Units credited_deposits(const Ledger& ledger, AddressId subject, AssetId asset, SimSeconds at);

// What the ledger puts in the custodian's hands for this holding at `at`: the credited deposits of
// an account, or the on-chain balance of an address. Not capped by the declared amount.
Units ledger_custody(const Ledger& ledger, const Holding& holding, SimSeconds at);

// What a freeze or seizure taking effect at `at` can hold: the ledger's custody, at most the
// declared amount (the rest of an account's deposits was withdrawn or traded away before).
Units holdable(const Ledger& ledger, const Holding& holding, SimSeconds at);

}  // namespace mt
