// Loading one case: document checks, then each section in dependency order, collecting every
// diagnostic; the scenario is handed out only when there were none.
#include "scenario/loader.hpp"

#include "scenario/cached_ledger.hpp"
#include "scenario/limits.hpp"
#include "scenario/load_state.hpp"
#include "scenario/yaml_document.hpp"

namespace mt {

using namespace scenario_detail;

LoadResult load_scenario_text(std::string_view yaml, const std::string& name,
                              const std::filesystem::path& base_dir,
                              const LedgerCacheOptions& cache) {
    LoadResult result;
    Diagnostics diagnostics;
    read_yaml_file(yaml, name, diagnostics, "case_error.what.case_file", kTopLevelKeys,
                   "case_error.out_of_memory", [&](YamlReader& reader, MapReader& root) {
                       auto scenario = std::make_shared<Scenario>();
                       LoadState state(reader, *scenario, base_dir);
                       read_header(state, root);
                       read_jurisdiction(state, root);
                       read_chains_and_assets(state, root);
                       // The same case bytes loaded cleanly before: their checked transactions are
                       // read back from the cache instead of parsed and checked again.
                       const auto cached = diagnostics.count() == 0
                                               ? find_cached_ledger(cache, state, root, yaml)
                                               : std::nullopt;
                       result.ledger_from_cache = cached && restore_cached_ledger(*cached, state);
                       // A ledger with broken transactions is incomplete: checks against it would
                       // only repeat its problems.
                       std::size_t before = diagnostics.count();
                       if (!result.ledger_from_cache) {
                           read_yaml_transactions(state, root);
                           read_ledger_file(state, root);
                       }
                       state.ledger_complete = diagnostics.count() == before;
                       read_entities(state, root);
                       read_opening_balances(state, root);
                       read_prices(state, root);
                       before = diagnostics.count();
                       if (!result.ledger_from_cache) build_ledger(state);
                       state.ledger_complete =
                           state.ledger_complete && diagnostics.count() == before;
                       read_services(state, root);
                       read_holdings(state, root);
                       read_events(state, root);
                       check_custody(state);
                       read_checkpoints(state, root);
                       read_start_knowledge(state, root);
                       read_hints(state, root);
                       read_rubric(state, root);
                       read_tool_costs(state, root);
                       read_expert_solution(state, root);
                       if (state.unchecked_ledger_references > 0)
                           diagnostics.error(Where{name, 0, 0, ""},
                                             Message("case_error.ledger_references_unchecked")
                                                 .arg("count", state.unchecked_ledger_references));
                       if (diagnostics.count() == 0) {
                           if (cached && !result.ledger_from_cache)
                               store_cached_ledger(*cached, scenario->ledger, cache);
                           scenario->index_owners();
                           result.scenario = std::move(scenario);
                       }
                   });
    result.errors = diagnostics.take();
    if (!result.errors.empty()) result.scenario.reset();
    return result;
}

LoadResult load_scenario_file(const std::filesystem::path& path, const LedgerCacheOptions& cache) {
    try {
        FileRead file = read_bounded_file(path, scenario_limits::kMaxYamlBytes);
        if (!file.error.empty()) {
            LoadResult result;
            result.errors.push_back(Diagnostic{path.string(), 0, 0, std::move(file.error), ""});
            return result;
        }
        return load_scenario_text(file.text, path.string(), path.parent_path(), cache);
    } catch (...) {
        LoadResult result;
        result.errors.push_back(
            Diagnostic{path.string(), 0, 0, Message("case_error.cannot_read_case"), ""});
        return result;
    }
}

}  // namespace mt
