// `moneytrail run SCENARIO (--actions FILE | --expert)`: a scripted session without a window,
// printing each action's outcome and the score breakdown (or JSON with --json).
#include <iostream>
#include <memory>
#include <optional>
#include "model/nlohmann_json.hpp"

#include "app/commands.hpp"
#include "i18n/catalogue.hpp"
#include "i18n/diagnostic_text.hpp"
#include "model/json.hpp"
#include "model/regular_file.hpp"
#include "model/text.hpp"
#include "scenario/loader.hpp"
#include "session/journal.hpp"
#include "session/local_session.hpp"
#include "ui/format.hpp"

namespace mt {
namespace {

struct RunOptions {
    std::string scenario;
    std::string actions;
    std::string journal;
    std::string language = environment_language();
    bool expert = false;
    bool json = false;
    bool leave_open = false;  // no automatic submit: the journal resumes in `play`
};

// Reads actions from a JSON array or from JSON Lines; errors name the file and line.
bool read_actions(const std::string& path, std::vector<Action>& out, std::string& error) {
    RegularFile file = RegularFile::open_for_reading(path);
    const std::optional<std::string> read = file.is_open() ? file.read_all() : std::nullopt;
    if (!read) {
        error = trf("cli.run.cannot_open_actions", {path});
        return false;
    }
    const std::string& text = *read;
    auto whole = nlohmann::json::parse(text, nullptr, false);
    if (!whole.is_discarded() && whole.is_array()) {
        for (std::size_t i = 0; i < whole.size(); ++i) {
            auto parsed = action_from_json(whole[i]);
            if (!parsed.action) {
                error =
                    trf("cli.run.bad_action", {path, std::to_string(i + 1), render(parsed.error)});
                return false;
            }
            out.push_back(std::move(*parsed.action));
        }
        return true;
    }
    std::istringstream lines(text);
    std::string line;
    for (int number = 1; std::getline(lines, line); ++number) {
        if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
        auto json = nlohmann::json::parse(line, nullptr, false);
        if (json.is_discarded()) {
            error = trf("cli.run.not_json", {path + ":" + std::to_string(number)});
            return false;
        }
        auto parsed = action_from_json(json);
        if (!parsed.action) {
            error = path + ":" + std::to_string(number) + ": " + render(parsed.error);
            return false;
        }
        out.push_back(std::move(*parsed.action));
    }
    return true;
}

// The score breakdown in the interface language (set from --lang).
void print_report(const ScoreReport& r) {
    std::cout << "\n"
              << trf("cli.run.score", {std::to_string(r.total), std::to_string(r.max),
                                       std::to_string(r.percent), ui::text_of(r.grade)})
              << "\n\n"
              << tr("ui.debrief.objectives") << "\n";
    for (const auto& o : r.objectives)
        std::cout << "  [" << (o.earned == o.points ? "x" : " ") << "] " << o.earned << "/"
                  << o.points << "  " << ui::text_of(o.title) << "\n";
    std::cout << "  "
              << trf("cli.run.recovery",
                     {std::to_string(r.recovery_earned), std::to_string(r.recovery_points),
                      ui::usd_text(r.frozen_usd_cents), ui::usd_text(r.at_stake_usd_cents)})
              << "\n";
    if (!r.penalties.empty()) {
        std::cout << tr("ui.debrief.penalties") << "\n";
        for (const auto& p : r.penalties)
            std::cout << "  -" << p.points << "  " << tr(ui::key_of(p.kind)) << ": " << p.detail
                      << "\n";
    }
    std::cout << tr("ui.debrief.checkpoints") << "\n";
    for (const auto& c : r.checkpoints)
        std::cout << "  [" << (c.is_correct ? "x" : " ") << "] " << ui::text_of(c.question) << "\n";
}

int run(const RunOptions& o) {
    if (o.expert == !o.actions.empty()) {
        std::cerr << tr("cli.run.one_source") << "\n";
        return kExitUsage;
    }
    LoadResult loaded = load_scenario_file(o.scenario);
    if (!loaded.ok()) {
        for (const Diagnostic& d : loaded.errors) std::cerr << render(d) << '\n';
        return kExitFailure;
    }
    std::vector<Action> actions;
    std::string error;
    if (o.expert) {
        actions = loaded.scenario->expert_solution;
    } else if (!read_actions(o.actions, actions, error)) {
        std::cerr << error << '\n';
        return kExitFailure;
    }
    set_interface_language(o.language);
    std::unique_ptr<TraineeSession> session;
    if (!o.journal.empty()) {
        auto journaled = std::make_unique<JournaledSession>(loaded.scenario, o.journal);
        if (!journaled->session()) {
            std::cerr << render(journaled->error()) << '\n';
            return kExitFailure;
        }
        session = std::move(journaled);
    } else {
        session = std::make_unique<LocalSession>(loaded.scenario);
    }
    // A session in this process settles each action inside submit(): the poll right after it
    // holds its outcome.
    const auto play = [&session](const Action& a) {
        session->submit(a);
        SessionArrivals arrived = session->poll();
        return arrived.settled.empty() ? ActionOutcome{false, Message("reject.no_session"), 0}
                                       : arrived.settled.back().outcome;
    };
    const Casefile& casefile = *session->casefile();

    nlohmann::json log = nlohmann::json::array();
    int rejected = 0;
    for (const Action& a : actions) {
        const ActionOutcome outcome = play(a);
        rejected += outcome.accepted ? 0 : 1;
        // The outcome as the seminar sends it (the reason as a message id with its arguments),
        // and the reason worded in the --lang language.
        nlohmann::json entry = outcome;
        entry["action"] = to_json(a);
        entry["now"] = casefile.now;
        if (!outcome.accepted) entry["reason_text"] = render(outcome.reason);
        log.push_back(std::move(entry));
        if (!o.json) {
            const std::string what = ui::describe_action(a, &casefile);
            std::cout << "  "
                      << (outcome.accepted
                              ? trf("cli.run.accepted", {what})
                              : trf("cli.run.rejected", {what, render(outcome.reason)}))
                      << "  [" << format_duration(casefile.now) << "]\n";
        }
    }
    if (o.leave_open && !casefile.submitted) {
        if (o.json) {
            std::cout << nlohmann::json{{"scenario", loaded.scenario->info.id},
                                        {"actions", log},
                                        {"rejected", rejected},
                                        {"elapsed", casefile.now},
                                        {"submitted", false}}
                             .dump(2)
                      << '\n';
        } else {
            std::cout << "\n" << tr("cli.run.left_open");
            if (!o.journal.empty())
                std::cout << " "
                          << trf("cli.run.continue_with",
                                 {"moneytrail play " + o.scenario + " --journal " + o.journal});
            std::cout << '\n';
        }
        return kExitOk;
    }
    if (!casefile.submitted) {
        Action submit;
        submit.type = ActionType::Submit;
        play(submit);
    }
    if (!casefile.score) {  // the case could not be submitted (a journal that cannot be written)
        std::cerr << tr("reject.journal_write") << '\n';
        return kExitFailure;
    }
    const ScoreReport& report = *casefile.score;
    if (o.json) {
        std::cout << nlohmann::json{{"scenario", loaded.scenario->info.id},
                                    {"actions", log},
                                    {"rejected", rejected},
                                    {"elapsed", casefile.now},
                                    {"score", to_json(report)}}
                         .dump(2)
                  << '\n';
    } else {
        print_report(report);
    }
    return kExitOk;
}

}  // namespace

void register_run(CLI::App& app, int& exit_code) {
    auto o = std::make_shared<RunOptions>();
    CLI::App* cmd = app.add_subcommand("run", tr("cli.run.help"));
    cmd->add_option("scenario", o->scenario, tr("cli.scenario_file"))->required();
    cmd->add_option("--actions", o->actions, tr("cli.run.actions"));
    cmd->add_flag("--expert", o->expert, tr("cli.run.expert"));
    cmd->add_flag("--json", o->json, tr("cli.run.json"));
    cmd->add_flag("--leave-open", o->leave_open, tr("cli.run.leave_open"));
    cmd->add_option("--journal", o->journal, tr("cli.run.journal"));
    cmd->add_option("--lang", o->language, tr("cli.lang"))->check(CLI::IsMember({"en", "es"}));
    cmd->callback([o, &exit_code] { exit_code = run(*o); });
}

}  // namespace mt
