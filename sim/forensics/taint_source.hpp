#pragma once
// Turns an analysis target into taint seeds: an address taints everything it received before the
// horizon (in ledger order; with an amount, only the first that much), a transaction all its
// outputs (or its transfer), an output just itself.
#include <vector>

#include "forensics/analysis_target.hpp"
#include "forensics/taint.hpp"

namespace mt {

std::vector<TaintSeed> seeds_for(const Ledger& ledger, const AnalysisTarget& target,
                                 TxIndex horizon);

}  // namespace mt
