#pragma once
// Writes the case skeleton of an imported trail in the format of docs/scenario-format.md: chains
// and assets, the opening balances the account-chain transfers need, every address as an entity
// (unknown, or named by attribution data), the ledger (YAML, or the CSV side file for a large
// trail), the time origin, a bilingual briefing stub, and a starter objective (discover where
// each chain's trail ends) with the expert's path to it, for the author to replace.
#include <cstdint>
#include <string>
#include <vector>

#include "import/draft_ledger.hpp"
#include "import/trail.hpp"

namespace mt::import {

inline constexpr std::size_t kDefaultCsvThreshold = 500;

struct CaseWriteOptions {
    std::string id;  // case id and file stem
    std::string home_jurisdiction = "MX";
    std::int64_t shift_seconds = 0;                    // added to every time (and the start)
    std::size_t csv_threshold = kDefaultCsvThreshold;  // more transactions than this: CSV ledger
};

struct CaseFiles {
    std::string yaml;
    std::string ledger_file_name;  // empty when the ledger is in the YAML
    std::string ledger_csv;
    std::int64_t start_unix = 0;
};

CaseFiles write_case(const Trail& trail, const DraftLedger& ledger,
                     const CaseWriteOptions& options);

// "2024-03-18T15:00:00Z"
std::string iso_utc(std::int64_t unix_seconds);

}  // namespace mt::import
