#pragma once
// From the transactions of one or more exports to the trail a case is made of: duplicates that
// several exports share are merged, the Bitcoin side is checked for consistency (every spent
// output exists once, every transaction balances, outspends agree with the spends), only what is
// within the chosen number of hops downstream of the seeds is kept, and the trail's path from each
// seed to its last hop is found for the starter objective and the expert's path.
#include <optional>
#include <string>
#include <vector>

#include "import/draft_ledger.hpp"

namespace mt::import {

struct TrailOptions {
    // Transaction ids or addresses the trail starts from (one per chain at most matters); a chain
    // with none starts from its earliest transaction.
    std::vector<std::string> seeds;
    std::optional<int> max_hops;  // keep hop 0 (the seed's transactions) to this hop
};

struct ChainTrail {
    std::string chain;
    std::vector<std::string> path;  // transaction ids from the seed to the last hop
    std::string seed_address;       // where the trail starts
    std::string last_address;       // where its funds rest
    int hops = 0;                   // transactions on the path
};

struct Trail {
    // Kept transactions, every transaction after those whose outputs it spends, in time order.
    std::vector<DraftTransaction> transactions;
    std::vector<ChainTrail> chains;  // in the order the chains were read
};

// Throws ImportFailure naming the export's file and path for any inconsistency.
Trail build_trail(DraftLedger ledger, const TrailOptions& options);

}  // namespace mt::import
