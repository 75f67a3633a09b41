#pragma once
// Save before acknowledging, written once for the desktop journal and the seminar: an action is
// tried on a copy of the session, the caller saves it (a journal line, a database row), and only
// then commits the copy as the live session and reports the outcome. An action that is rejected
// or cannot be saved leaves the live session as it was, with nothing to roll back.
#include <map>
#include <string>

#include "model/action.hpp"
#include "session/session.hpp"

namespace mt {

class PendingAction {
  public:
    PendingAction(const Session& live, const Action& action);

    const ActionOutcome& outcome() const { return outcome_; }
    bool accepted() const { return outcome_.accepted; }
    // The session as it will be once committed: what is saved describes it.
    const Session& after() const { return trial_; }

    // Makes the tried session the live one. Call only once the action is saved.
    void commit(Session& live) &&;

  private:
    Session trial_;
    ActionOutcome outcome_;
};

// The outcomes of accepted actions by their client-chosen id, so a resend whose first answer was
// lost is answered again instead of applied twice (at-most-once). Actions without an id (older
// journals, a case's expert path, instructor hints) are not remembered.
class Acknowledgements {
  public:
    const ActionOutcome* find(const Action& action) const;
    void remember(const Action& action, const ActionOutcome& outcome);

  private:
    std::map<std::string, ActionOutcome, std::less<>> by_id_;
};

}  // namespace mt
