#pragma once
// `moneytrail generate`: a seeded synthetic case study. A ransomware affiliate's share is
// laundered through the chosen typologies inside a configurable amount of ordinary activity on
// Bitcoin and Tron, with the complete answer key (entities, services and records, the holding and
// its cash-out, checkpoints, rubric, expert solution). Writes DIR/<id>.yaml and
// DIR/<id>-ledger.csv.
//
// Same options, same bytes: every random choice comes from one seeded xoshiro256** stream, no
// standard-library distribution or floating point is involved, and nothing reads the clock.
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "generate/case_names.hpp"
#include "generate/typology.hpp"
#include "model/message.hpp"

namespace mt::generate {

struct GenerateOptions {
    std::uint64_t seed = 7;
    std::uint64_t transactions = 100'000;  // rows of the ledger, the trail included
    std::vector<Typology> typologies{all_typologies().begin(), all_typologies().end()};
    std::string id;  // empty: "haystack-<seed>-<transactions>"
    std::filesystem::path out_dir;
    int days = 30;  // how far before the briefing the background activity starts
    // The people, organisations and places to write instead of those drawn from the seed (the
    // ledger and the answers stay the seed's); any text, in any language, goes into the file.
    std::optional<CaseNames> cast;
};

struct GenerateResult {
    Message error;  // empty on success; "generate.error.*" with the file or value at fault
    std::filesystem::path case_file;
    std::filesystem::path ledger_file;
    std::uint64_t transactions = 0;
    std::size_t trail_transactions = 0;
    bool ok() const { return error.empty(); }
};

inline constexpr std::uint64_t kMaxGeneratedTransactions = 5'000'000;

GenerateResult generate_case(const GenerateOptions& options);

// The least number of transactions a case with these typologies can have (the trail and some
// background around it).
std::uint64_t minimum_transactions(const std::vector<Typology>& typologies);

}  // namespace mt::generate
