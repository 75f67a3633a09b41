#pragma once
// The views' host in the browser: the trainee's session lives on the seminar server that served
// the page. Joins with the case picker's form, rejoins after a reload with the token kept in the
// page's storage, sends each action asynchronously (one at a time, in order, under an id chosen
// here so a resend after a lost answer or a reload is applied at most once) and keeps the
// casefile of every reply; polls for the instructor's messages, pause and end; says so when the
// server stops answering and reconnects by itself when it is back.
#include <deque>
#include <optional>
#include <string>
#include <vector>

#include "ui/investigator_ui.hpp"
#include "ui/ui_host.hpp"
#include "web/seminar_link.hpp"

namespace mt::web {

class WebHost : public ui::UiHost {
  public:
    WebHost();

    // Starts the link: rejoins the stored session, if any. Call once the views exist.
    void start();
    // After each frame: hands the replies that arrived to the views, sends what they queued,
    // polls. `now_ms` is the page's clock. Returns whether anything changed on screen.
    bool update(ui::InvestigatorUi& view, double now_ms);
    // The server has not answered the last requests (the banner says so; polling continues).
    bool connection_lost() const { return lost_; }

    // ui::UiHost
    const Casefile* casefile() const override { return casefile_ ? &*casefile_ : nullptr; }
    // In practice (serve --practice) the server's case library; in a seminar none.
    const std::vector<ui::CaseChoice>& cases() const override { return cases_; }
    // Why a practice case could not be started (the server refused or went away).
    const ui::CaseLoadFailure* load_failure() const override {
        return failure_ ? &*failure_ : nullptr;
    }
    void emit(const Action& action) override;
    SimSeconds cost_of(const Action&) const override { return 0; }
    void open_case(const std::string& case_id, ui::OpenMode) override;
    void close_case() override { leave_ = true; }
    void request_quit() override { leave_ = true; }
    ui::SeminarJoinForm* seminar_join_form() override { return practice_ ? nullptr : &form_; }
    std::string session_location() const override;

  private:
    struct Feedback {
        Action action;
        ActionOutcome feedback;
    };
    void join(bool resend_after);
    // Asks the server whether it runs a seminar or practice, and for practice its cases.
    void read_status();
    void send_next();
    void poll();
    // Takes the casefile and state of a reply; false (and `error`) when it holds none.
    bool take(const LinkReply& reply, std::string& error);
    void reached(bool yes);

    std::optional<Casefile> casefile_;
    std::string state_;  // "lobby", "running", "paused", "ended"
    std::string token_;
    ui::SeminarJoinForm form_;
    std::vector<ui::CaseChoice> cases_;
    std::optional<ui::CaseLoadFailure> failure_;
    bool practice_ = false;     // the server runs self-paced practice: pick a case, no join code
    std::deque<Action> queue_;  // emitted, not yet answered; the front one is in flight
    std::vector<Feedback> answered_;  // replies for the views, reported after the frame
    bool in_flight_ = false;          // an action request is out
    bool polling_ = false;            // a casefile request is out
    bool joining_ = false;
    bool leave_ = false;
    bool lost_ = false;
    bool changed_ = false;
    double now_ms_ = 0.0;
    double last_poll_ms_ = -1e9;
    double retry_at_ms_ = 0.0;  // an action the server did not answer is sent again from then
    // Bumped when the trainee leaves, so replies to the old session's requests are dropped.
    unsigned generation_ = 0;
};

}  // namespace mt::web
