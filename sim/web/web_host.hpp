#pragma once
// The views' host in the browser: the trainee's session lives on the seminar server that served
// the page. Joins with the case picker's form (or, in practice, starts the case picked), rejoins
// after a reload with the token kept in the page's storage, and then, like the desktop's
// SessionHost, holds one trainee session (web/browser_session.hpp): submits what the views queued
// after each frame and reports each outcome to them in the frame it arrives.
#include <deque>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "ui/investigator_ui.hpp"
#include "ui/ui_host.hpp"
#include "web/browser_session.hpp"
#include "web/seminar_link.hpp"

namespace mt::web {

class WebHost : public ui::UiHost {
  public:
    WebHost();

    // Starts the link: rejoins the stored session, if any. Call once the views exist.
    void start();
    // After each frame: submits what the views queued, hands them the outcomes that arrived.
    // Returns whether anything changed on screen.
    bool update(ui::InvestigatorUi& view);
    // The server has not answered the last requests (the banner says so; requests continue).
    bool connection_lost() const { return session_ ? session_->connection_lost() : unreachable_; }

    // ui::UiHost
    const Casefile* casefile() const override { return session_ ? session_->casefile() : nullptr; }
    // In practice (serve --practice) the server's case library; in a seminar none.
    const std::vector<ui::CaseChoice>& cases() const override { return cases_; }
    // Why a practice case could not be started (the server refused or went away).
    const ui::CaseLoadFailure* load_failure() const override {
        return failure_ ? &*failure_ : nullptr;
    }
    void emit(const Action& action) override { queue_.push_back(action); }
    SimSeconds cost_of(const Action&) const override { return 0; }
    void open_case(const std::string& case_id, ui::OpenMode) override;
    void close_case() override { leave_ = true; }
    void request_quit() override { leave_ = true; }
    ui::SeminarJoinForm* seminar_join_form() override { return practice_ ? nullptr : &form_; }
    std::string session_location() const override {
        return session_ ? session_->location() : std::string();
    }

  private:
    // Asks the server whether it runs a seminar or practice, and for practice its cases.
    void read_status();
    // Joins the seminar with the form's code and name (and the kept token and rejoin code).
    void join();
    // The /api/join request for the form as it stands.
    nlohmann::json join_body() const;
    // Opens the session the server gave `token` for in `reply`; false (and `error`) when the
    // reply holds no casefile.
    bool open(const std::string& token, const LinkReply& reply, std::string& error,
              std::optional<nlohmann::json> join_body);
    // The same for a reply that gives the token (joining, starting practice); `error` says why
    // not, in the interface language.
    bool open_given(const LinkReply& reply, std::string& error,
                    std::optional<nlohmann::json> join_body);
    // The end of a join, practice start or stored-token check: false when the trainee left
    // meanwhile (the reply is for a page state that is gone).
    bool answered(unsigned generation, const LinkReply& reply);

    std::unique_ptr<BrowserSession> session_;
    ui::SeminarJoinForm form_;
    std::vector<ui::CaseChoice> cases_;
    std::optional<ui::CaseLoadFailure> failure_;
    // An action kept in the page's storage before a reload: submitted first once rejoined.
    std::optional<Action> pending_;
    std::vector<Action> queue_;  // what the views emitted during the frame
    bool practice_ = false;      // the server runs self-paced practice: pick a case, no join code
    bool joining_ = false;       // a join, practice start or stored-token check is out
    bool unreachable_ = false;   // the last of those got no answer
    bool leave_ = false;
    bool changed_ = false;
    // Bumped when the trainee leaves, so replies to the old requests are dropped.
    unsigned generation_ = 0;
};

}  // namespace mt::web
