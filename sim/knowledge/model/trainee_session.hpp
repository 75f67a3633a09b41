#pragma once
// The one interface through which a trainee's program plays a case, wherever the session lives: in
// this process (session/local_session.hpp), in this process behind a journal
// (session/journal.hpp), or on a seminar server (platform/remote_session.hpp on the desktop, the
// browser's web host). It is shaped for a network: submit() returns at once and the action's
// outcome arrives from a later poll() on the UI thread, with casefile() already showing it, so no
// implementation ever blocks the UI. Nothing in it hands out a mutable session: an action reaches a
// session only through submit(), and so through the journal where there is one.
#include <functional>
#include <string>
#include <vector>

#include "model/action.hpp"
#include "model/action_outcome.hpp"
#include "model/casefile.hpp"
#include "model/time.hpp"

namespace mt {

// An action as it was sent (with the id it was given) and what became of it.
struct SettledAction {
    Action action;
    ActionOutcome outcome;
};

// What poll() found.
struct SessionArrivals {
    std::vector<SettledAction> settled;  // in the order the actions were submitted
    bool changed = false;  // the casefile or the session's state changed (outcomes or not)
};

class TraineeSession {
  public:
    virtual ~TraineeSession() = default;

    // Sends `action`, giving it a new id when it has none (so a resend is applied at most once);
    // returns without waiting for its outcome.
    virtual void submit(const Action& action) = 0;
    // What arrived since the last call: the outcomes of submitted actions, and whether the
    // casefile changed otherwise (an instructor's message, pause or end in a seminar).
    virtual SessionArrivals poll() = 0;
    // The trainee's casefile as last received; null while there is none.
    virtual const Casefile* casefile() const = 0;
    // Simulated time `action` would take, when this side can tell without asking; else 0.
    virtual SimSeconds cost_of(const Action& action) const = 0;
    // Where the session lives, in the interface language, for the status bar; empty when it is
    // in this process.
    virtual std::string location() const { return {}; }
    // `wake` is called, from any thread, when something arrives for poll(): a UI loop asleep
    // until input wakes up for it. Sessions in this process settle inside submit() and never
    // call it.
    virtual void set_wake(std::function<void()> wake) { (void)wake; }
};

}  // namespace mt
