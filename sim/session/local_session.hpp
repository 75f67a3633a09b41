#pragma once
// Sessions that live in this process, behind the one trainee-session interface
// (model/trainee_session.hpp): an action settles inside submit() and poll() hands its outcome
// over, so the views and `moneytrail run` treat them exactly as a session on a seminar server.
#include <memory>
#include <vector>

#include "model/trainee_session.hpp"
#include "session/pending_action.hpp"
#include "session/session.hpp"

namespace mt {

// What the sessions in this process share: submit() gives the action an id, settles it at once
// and keeps the outcome for the next poll().
class ImmediateSession : public TraineeSession {
  public:
    void submit(const Action& action) final;
    SessionArrivals poll() final;

  protected:
    // Applies `action` (which has an id) and says what became of it.
    virtual ActionOutcome settle(const Action& action) = 0;

  private:
    std::vector<SettledAction> settled_;
};

// A session with no journal (`moneytrail run` without --journal, what-if trials, tests). Like the
// journal it answers a resent action id with its first outcome instead of applying it twice.
class LocalSession final : public ImmediateSession {
  public:
    explicit LocalSession(std::shared_ptr<const Scenario> scenario);

    const Casefile* casefile() const override { return &session_.casefile(); }
    SimSeconds cost_of(const Action& action) const override { return session_.cost_of(action); }
    // Read-only: every change goes through submit().
    const Session& session() const { return session_; }

  private:
    ActionOutcome settle(const Action& action) override;

    Session session_;
    Acknowledgements acknowledged_;
};

}  // namespace mt
