#pragma once
// Per-trainee variants of a case: the same case with every address and transaction id renamed
// consistently (ledger, entities, records, holdings, checkpoint answers, rubric, expert solution
// and every text that quotes them), so neighbours cannot copy answers while structure, difficulty
// and scoring stay identical. Amounts and times are not changed.
#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <string_view>

#include "model/world.hpp"

namespace mt::seminar {

struct ScenarioVariant {
    std::shared_ptr<const Scenario> scenario;
    std::map<std::string, std::string> renamed;  // original address or tx id -> the variant's
};

// Deterministic: the same (scenario, seed, trainee key) always gives the same variant. New texts
// keep each identifier's length, prefix ("bc1q", "0x", "T", "tx-") and alphabet (hex, bech32,
// base58), and never collide with an original or another new identifier. Checksums embedded in
// real address formats are not recomputed.
ScenarioVariant make_variant(const Scenario& base, std::uint64_t seed,
                             std::string_view trainee_key);

// Replaces every whole identifier of `renamed` found in `text` (an identifier is delimited by
// characters that are not ASCII letters or digits).
std::string rename_in_text(std::string_view text,
                           const std::map<std::string, std::string>& renamed);

}  // namespace mt::seminar
