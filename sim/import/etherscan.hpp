#pragma once
// Etherscan's CSV exports (the "Download CSV Export" of an address page): normal transactions,
// ERC-20 token transfers and internal transactions, old and new header spellings. Columns are
// matched by what they mean (their name with case, spaces and punctuation ignored), never by
// position, so a column added or moved by Etherscan does not break the import. Amounts are in
// whole ETH or tokens; failed and zero-value rows moved nothing and are skipped.
#include <string>
#include <string_view>

#include "import/draft_ledger.hpp"

namespace mt::import {

// Whether the first line of `text` names the columns of an Etherscan export.
bool looks_like_etherscan_csv(std::string_view text);

void read_etherscan_csv(const std::string& file, std::string_view text, DraftLedger& ledger);

}  // namespace mt::import
