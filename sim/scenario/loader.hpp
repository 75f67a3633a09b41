#pragma once
// Loads a case study from YAML (plus any CSV ledger side file) into a Scenario, collecting every
// problem of the file in one pass. Never throws on bad input and never hangs: sizes, nesting
// depth, alias expansion and numbers are all bounded, each with its own clear error.
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "model/case_card.hpp"
#include "model/diagnostic.hpp"
#include "model/world.hpp"
#include "scenario/ledger_cache.hpp"

namespace mt {

struct LoadResult {
    std::shared_ptr<const Scenario> scenario;  // null when any error was found
    std::vector<Diagnostic> errors;
    bool ledger_from_cache = false;  // the transactions came from the ledger cache's image
    bool ok() const { return scenario != nullptr && errors.empty(); }
};

LoadResult load_scenario_file(const std::filesystem::path& path,
                              const LedgerCacheOptions& cache = default_ledger_cache());
// `name` stands for the file in diagnostics; `base_dir` resolves side files.
LoadResult load_scenario_text(std::string_view yaml, const std::string& name,
                              const std::filesystem::path& base_dir = {},
                              const LedgerCacheOptions& cache = {});

// Metadata for the case picker, read without building the ledger.
struct ScenarioSummary : CaseCard {
    std::filesystem::path path;
    std::vector<Diagnostic> errors;  // non-empty when the file could not be read
};
std::vector<ScenarioSummary> list_scenarios(const std::filesystem::path& directory);

// The rule for a case id and a typology name: 1 to 64 lower-case letters, digits, '-' or '_'.
bool is_slug(std::string_view text);

}  // namespace mt
