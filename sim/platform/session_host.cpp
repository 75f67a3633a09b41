#include "platform/session_host.hpp"

#include <cstdlib>

#include "i18n/catalogue.hpp"
#include "scenario/loader.hpp"

namespace mt::platform {
namespace {

namespace fs = std::filesystem;

// Moves a journal aside ("<id>.1.jsonl", "<id>.2.jsonl", ...) so the case starts over and the
// old session stays readable.
void archive(const fs::path& journal) {
    std::error_code ec;
    if (!fs::exists(journal, ec)) return;
    for (int n = 1; n < 10000; ++n) {
        fs::path target = journal;
        target.replace_extension('.' + std::to_string(n) + journal.extension().string());
        if (fs::exists(target, ec)) continue;
        fs::rename(journal, target, ec);
        return;
    }
}

}  // namespace

fs::path default_journal_directory() {
    if (const char* data = std::getenv("XDG_DATA_HOME"); data && *data)
        return fs::path(data) / "moneytrail" / "journals";
    if (const char* home = std::getenv("HOME"); home && *home)
        return fs::path(home) / ".local" / "share" / "moneytrail" / "journals";
    return fs::current_path() / "moneytrail-journals";
}

SessionHost::SessionHost(fs::path scenarios_dir, fs::path journal_dir, fs::path journal_override)
    : scenarios_dir_(std::move(scenarios_dir)),
      journal_dir_(std::move(journal_dir)),
      journal_override_(std::move(journal_override)) {}

fs::path SessionHost::journal_path_for(const std::string& scenario_id) const {
    return journal_dir_ / (scenario_id + ".jsonl");
}

const std::vector<ui::CaseChoice>& SessionHost::cases() const {
    if (cases_read_) return cases_;
    cases_read_ = true;
    cases_.clear();
    std::error_code ec;
    if (scenarios_dir_.empty() || !fs::is_directory(scenarios_dir_, ec)) return cases_;
    for (const ScenarioSummary& summary : list_scenarios(scenarios_dir_)) {
        ui::CaseChoice choice;
        static_cast<CaseCard&>(choice) = summary;
        choice.path = summary.path.string();
        choice.errors = summary.errors;
        if (!summary.id.empty()) {
            const fs::path journal = journal_path_for(summary.id);
            if (fs::exists(journal, ec) && fs::file_size(journal, ec) > 0) {
                const JournalContents contents = read_journal(journal);
                choice.resumable = contents.error.empty();
                choice.saved_actions = contents.actions.size();
            }
        }
        cases_.push_back(std::move(choice));
    }
    return cases_;
}

void SessionHost::set_wake(std::function<void()> wake) {
    wake_ = std::move(wake);
    if (session_) session_->set_wake(wake_);
}

void SessionHost::open(std::unique_ptr<TraineeSession> session) {
    session->set_wake(wake_);
    session_ = std::move(session);
}

void SessionHost::open_now(const fs::path& scenario, ui::OpenMode mode) {
    session_.reset();
    failure_.reset();
    queue_.clear();
    LoadResult loaded = load_scenario_file(scenario);
    if (startup_) startup_->mark("platform.startup.case_loaded");
    if (!loaded.ok()) {
        ui::CaseLoadFailure failure{scenario.string(), loaded.errors};
        if (failure.problems.empty())
            failure.problems.push_back(
                {scenario.string(), 0, 0, Message("platform.case_unreadable"), ""});
        failure_ = std::move(failure);
        return;
    }
    fs::path journal = journal_override_;
    journal_override_.clear();  // only the case named on the command line uses it
    if (journal.empty()) journal = journal_path_for(loaded.scenario->info.id);
    std::error_code ec;
    if (journal.has_parent_path()) fs::create_directories(journal.parent_path(), ec);
    if (mode == ui::OpenMode::StartOver) archive(journal);
    auto session = std::make_unique<JournaledSession>(loaded.scenario, journal);
    if (!session->session()) {
        // The journal's own message names the journal file and what went wrong with it.
        failure_ = ui::CaseLoadFailure{scenario.string(),
                                       {{journal.string(), 0, 0, session->error(), ""}}};
        return;
    }
    open(std::move(session));
    if (startup_) startup_->mark("platform.startup.session");
}

bool SessionHost::join_now(const SeminarJoin& join) {
    JoinAttempt attempt;
    attempt.session = RemoteSession::join(join, attempt.error);
    return finish_join(std::move(attempt));
}

void SessionHost::begin_join(std::unique_ptr<SeminarLine> line, std::string where) {
    if (joining_.valid()) return;
    join_form_.error.clear();
    if (join_thread_.joinable()) join_thread_.join();  // the last attempt, already finished
    std::promise<JoinAttempt> done;
    joining_ = done.get_future();
    join_thread_ = std::thread([done = std::move(done), line = std::move(line),
                                where = std::move(where), wake = wake_]() mutable {
        JoinAttempt attempt;
        attempt.session = RemoteSession::join(std::move(line), std::move(where), attempt.error);
        done.set_value(std::move(attempt));
        if (wake) wake();  // the window, asleep until input, draws the outcome
    });
}

SessionHost::~SessionHost() {
    if (join_thread_.joinable()) join_thread_.join();
}

bool SessionHost::finish_join(JoinAttempt attempt) {
    if (!attempt.session) {
        join_form_.error = attempt.error;
        return false;
    }
    join_form_.error.clear();
    session_.reset();
    failure_.reset();
    queue_.clear();
    open(std::move(attempt.session));
    return true;
}

const Casefile* SessionHost::casefile() const {
    return session_ ? session_->casefile() : nullptr;
}

bool SessionHost::apply_pending(ui::InvestigatorUi& view) {
    bool changed = false;
    if (session_) {
        for (const Action& action : queue_) session_->submit(action);
        // Outcomes come back when they arrive: at once in this process, a later frame from a
        // seminar (whose instructor messages, pause and end arrive the same way).
        SessionArrivals arrived = session_->poll();
        for (const SettledAction& s : arrived.settled) view.report(s.action, s.outcome);
        changed = arrived.changed;
    }
    queue_.clear();
    if (join_form_.submitted) {
        join_form_.submitted = false;
        const SeminarJoin join{join_form_.host, join_form_.port,   join_form_.code,
                               join_form_.name, join_form_.agency, join_form_.rejoin_code};
        std::string error;
        if (std::unique_ptr<SeminarLine> line = http_line(join, error))
            begin_join(std::move(line), join.host + ":" + std::to_string(join.port));
        else
            join_form_.error = error;
        changed = true;
    }
    if (joining_.valid() &&
        joining_.wait_for(std::chrono::seconds(0)) == std::future_status::ready) {
        finish_join(joining_.get());
        changed = true;
    }
    if (pending_close_) {
        pending_close_ = false;
        session_.reset();  // leaving a seminar: the session stays on the server
        failure_.reset();
        rescan_cases();  // the session just left may now be resumable
        changed = true;
    }
    if (pending_open_) {
        const PendingOpen request = *pending_open_;
        pending_open_.reset();
        open_now(request.path, request.mode);
        changed = true;
    }
    return changed;
}

}  // namespace mt::platform
