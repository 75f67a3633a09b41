// `moneytrail validate FILE...`: every problem of every file, in one pass, compiler style.
#include <iostream>
#include <memory>

#include "app/commands.hpp"
#include "i18n/catalogue.hpp"
#include "scenario/case_words.hpp"
#include "scenario/loader.hpp"
#include "session/expert_check.hpp"

namespace mt {
namespace {

// Words a trainee reads that come from the catalogues (typologies, kinds), in both languages.
void check_case_words(const std::string& file, const Scenario& scenario,
                      std::vector<Diagnostic>& problems) {
    for (const std::string& key : case_word_keys(scenario))
        for (const char* language : {"en", "es"})
            if (builtin_catalogue(language).find(key) == nullptr)
                problems.push_back({file, 0, 0,
                                    "the trainee-facing word '" + key +
                                        "' has no text in assets/i18n/" + language +
                                        ".json; add it to both catalogues (English and Spanish)",
                                    ""});
}

}  // namespace

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
                check_case_words(file, *loaded.scenario, problems);
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
