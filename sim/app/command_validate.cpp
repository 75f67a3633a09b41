// `moneytrail validate FILE...`: every problem of every file, in one pass, compiler style.
#include <iostream>
#include <memory>

#include "app/commands.hpp"
#include "i18n/catalogue.hpp"
#include "i18n/diagnostic_text.hpp"
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
                                    Message("cli.validate.word_missing")
                                        .arg("word", key)
                                        .arg("language", language),
                                    ""});
}

}  // namespace

void register_validate(CLI::App& app, int& exit_code) {
    auto files = std::make_shared<std::vector<std::string>>();
    auto language = std::make_shared<std::string>(environment_language());
    CLI::App* cmd = app.add_subcommand("validate", tr("cli.validate.help"));
    cmd->add_option("files", *files, tr("cli.validate.files"))->required();
    cmd->add_option("--lang", *language, tr("cli.lang"))->check(CLI::IsMember({"en", "es"}));
    cmd->callback([files, language, &exit_code] {
        set_interface_language(*language);
        int invalid = 0;
        for (const std::string& file : *files) {
            LoadResult loaded = load_scenario_file(file);
            std::vector<Diagnostic> problems = loaded.errors;
            if (loaded.scenario) {
                check_case_words(file, *loaded.scenario, problems);
                // A case whose expert path cannot reach full marks would score trainees unfairly.
                for (const Message& p : replay_expert_solution(loaded.scenario).problems)
                    problems.push_back({file, 0, 0, p, "expert_solution"});
            }
            for (const Diagnostic& d : problems) std::cerr << render(d) << '\n';
            if (problems.empty()) {
                const Scenario& s = *loaded.scenario;
                std::cout << render(
                                 Message("cli.validate.ok")
                                     .arg("file", file)
                                     .arg("transactions",
                                          render(Message("cli.count.transactions")
                                                     .arg("count", s.ledger.transaction_count())))
                                     .arg("entities", render(Message("cli.count.entities")
                                                                 .arg("count", s.entities.size()))))
                          << '\n';
            } else {
                ++invalid;
                std::cerr << render(Message("cli.validate.invalid")
                                        .arg("file", file)
                                        .arg("count", problems.size()))
                          << '\n';
            }
        }
        exit_code = invalid > 0 ? kExitFailure : kExitOk;
    });
}

}  // namespace mt
