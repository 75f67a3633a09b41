#pragma once
// The views' host on the desktop: lists the shipped cases, loads one into a journaled session
// (resuming its saved journal or starting over) or joins a seminar, submits the actions the views
// queue after each frame and reports every outcome back to them as it arrives. It holds one
// trainee session (model/trainee_session.hpp) and never asks which kind.
#include <filesystem>
#include <functional>
#include <future>
#include <memory>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "platform/remote_session.hpp"
#include "platform/startup_report.hpp"
#include "session/journal.hpp"
#include "ui/investigator_ui.hpp"
#include "ui/ui_host.hpp"

namespace mt::platform {

// Where journals are kept: $XDG_DATA_HOME/moneytrail/journals, else
// ~/.local/share/moneytrail/journals.
std::filesystem::path default_journal_directory();

class SessionHost : public ui::UiHost {
  public:
    // `journal_override` is used for the first case opened (the one named on the command line).
    SessionHost(std::filesystem::path scenarios_dir, std::filesystem::path journal_dir,
                std::filesystem::path journal_override = {});
    // Waits for a join under way (bounded by the seminar client's timeouts).
    ~SessionHost() override;
    SessionHost(const SessionHost&) = delete;
    SessionHost& operator=(const SessionHost&) = delete;

    // Reads the case list again when it is next asked for (the picker is the only view that shows
    // it, so start-up on a named case does not parse every case file).
    void rescan_cases() { cases_read_ = false; }
    // Marks the case loaded and the session started in `report` while set (null: no marks).
    void set_startup_report(StartupReport* report) { startup_ = report; }
    // Loads and opens a case now (not queued): used at start-up for the case on the command line.
    void open_now(const std::filesystem::path& scenario, ui::OpenMode mode);

    // Submits what the views queued during the frame and reports the outcomes that arrived;
    // returns whether anything happened.
    bool apply_pending(ui::InvestigatorUi& view);
    // Called from any thread when a session's reply arrives (the desktop wakes its event loop).
    void set_wake(std::function<void()> wake);

    // Joins a live seminar now, waiting for the server: the command line's `join`, before the
    // window's first frame. On failure the form's error says why.
    bool join_now(const SeminarJoin& join);
    // Joins over `line` on a thread of its own, so the window keeps drawing while the server
    // answers (the picker's form does this): a later apply_pending() opens the session, or puts
    // the failure in the form's error. Ignored while a join is already under way.
    void begin_join(std::unique_ptr<SeminarLine> line, std::string where);
    bool joining() const { return joining_.valid(); }
    std::string session_location() const override {
        return session_ ? session_->location() : std::string();
    }

    // What kind of session is open, for tests and diagnostics; the host itself never asks.
    const RemoteSession* remote() const {
        return dynamic_cast<const RemoteSession*>(session_.get());
    }
    const Session* session() const {
        const auto* journaled = dynamic_cast<const JournaledSession*>(session_.get());
        return journaled ? journaled->session() : nullptr;
    }
    bool quit_requested() const { return quit_; }
    std::filesystem::path journal_path_for(const std::string& scenario_id) const;

    // ui::UiHost
    const Casefile* casefile() const override;
    const std::vector<ui::CaseChoice>& cases() const override;
    const ui::CaseLoadFailure* load_failure() const override {
        return failure_ ? &*failure_ : nullptr;
    }
    void emit(const Action& action) override { queue_.push_back(action); }
    SimSeconds cost_of(const Action& action) const override {
        return session_ ? session_->cost_of(action) : 0;
    }
    void open_case(const std::string& path, ui::OpenMode mode) override {
        pending_open_ = {path, mode};
    }
    void close_case() override { pending_close_ = true; }
    void request_quit() override { quit_ = true; }
    ui::SeminarJoinForm* seminar_join_form() override { return &join_form_; }

  private:
    std::filesystem::path scenarios_dir_;
    std::filesystem::path journal_dir_;
    std::filesystem::path journal_override_;
    // Read on first use: see rescan_cases().
    mutable std::vector<ui::CaseChoice> cases_;
    mutable bool cases_read_ = false;
    // Set the new session's wake-up and make it the open one.
    void open(std::unique_ptr<TraineeSession> session);

    std::unique_ptr<TraineeSession> session_;  // journaled, or remote in a live seminar
    std::function<void()> wake_;
    ui::SeminarJoinForm join_form_;
    std::optional<ui::CaseLoadFailure> failure_;
    std::vector<Action> queue_;
    struct PendingOpen {
        std::string path;
        ui::OpenMode mode;
    };
    std::optional<PendingOpen> pending_open_;
    bool pending_close_ = false;
    bool quit_ = false;
    StartupReport* startup_ = nullptr;
    // A join under way (begin_join), and what came of it.
    struct JoinAttempt {
        std::unique_ptr<RemoteSession> session;
        std::string error;
    };
    std::future<JoinAttempt> joining_;
    std::thread join_thread_;  // sets joining_'s value, then wakes the window
    // Opens a joined session, or shows why the join failed; true when it opened.
    bool finish_join(JoinAttempt attempt);
};

}  // namespace mt::platform
