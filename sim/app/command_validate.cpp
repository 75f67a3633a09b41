// `moneytrail validate FILE...`: every problem of every file, in one pass, compiler style.
#include <iostream>
#include <memory>

#include "app/commands.hpp"
#include "scenario/loader.hpp"
#include "session/expert_check.hpp"

namespace mt {

void register_validate(CLI::App& app, int& exit_code) {
    auto files = std::make_shared<std::vector<std::string>>();
    CLI::App* cmd = app.add_subcommand(
        "validate", "Check case-study files and report every problem (exit 0 valid, 1 invalid)");
    cmd->add_option("files", *files, "Case-study YAML files")->required();
    cmd->callback([files, &exit_code] {
        int invalid = 0;
        for (const std::string& file : *files) {
            LoadResult loaded = load_scenario_file(file);
            std::vector<Diagnostic> problems = loaded.errors;
            if (loaded.scenario) {
                // A case whose expert path cannot reach full marks would score trainees unfairly.
                for (const std::string& p : replay_expert_solution(loaded.scenario).problems)
                    problems.push_back({file, 0, 0, p, "expert_solution"});
            }
            for (const Diagnostic& d : problems) std::cerr << d.format() << '\n';
            if (problems.empty()) {
                std::cout << file << ": ok (" << loaded.scenario->ledger.transaction_count()
                          << " transactions, " << loaded.scenario->entities.size()
                          << " entities)\n";
            } else {
                ++invalid;
                std::cerr << file << ": " << problems.size() << " error(s)\n";
            }
        }
        exit_code = invalid > 0 ? kExitFailure : kExitOk;
    });
}

}  // namespace mt
