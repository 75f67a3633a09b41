#pragma once
// Writes the case file of a generated case: the story, who is who, what each service honours and
// holds, the adversary's cash-out, checkpoints, rubric and the expert's path, in the format of
// docs/scenario-format.md, with the bulk transactions in the CSV side file.
#include <string>
#include <vector>

#include "generate/background.hpp"
#include "generate/case_names.hpp"
#include "generate/ledger_sink.hpp"
#include "generate/trail.hpp"
#include "generate/typology.hpp"

namespace mt::generate {

// The start of every generated case (simulated time 0), as written in the case file.
inline constexpr std::string_view kCaseStart = "2024-03-18T15:00:00Z";

struct CaseSpec {
    std::string id;
    std::uint64_t seed = 0;
    std::uint64_t transactions = 0;
    std::vector<Typology> typologies;
    int days = 30;
    std::string ledger_file;  // relative to the case file
};

std::string case_yaml(const CaseSpec& spec, const TrailFacts& trail, const CaseNames& names,
                      const LedgerSink& sink, const Background& background);

}  // namespace mt::generate
