#pragma once
// One trainee's investigation of one scenario: validates and applies actions against the
// simulated clock, keeps the casefile, and scores. A session is a pure function of
// (scenario, accepted actions): replaying the same actions gives the same casefile and score.
#include <memory>
#include <string>
#include <vector>

#include "model/action.hpp"
#include "model/action_outcome.hpp"
#include "model/casefile.hpp"
#include "model/score.hpp"
#include "model/world.hpp"

namespace mt {

struct SessionState;

class Session {
  public:
    explicit Session(std::shared_ptr<const Scenario> scenario);
    ~Session();
    Session(Session&&) noexcept;
    Session& operator=(Session&&) noexcept;

    // An independent copy (what-if trials, journaling before acknowledging).
    Session clone() const;

    // Validates and applies one action. A rejected action changes nothing.
    ActionOutcome apply(const Action& action);
    // What the action would cost, without applying it (for "this takes 45 min" in the UI).
    SimSeconds cost_of(const Action& action) const;

    const Casefile& casefile() const { return casefile_; }
    const Scenario& scenario() const { return *scenario_; }
    const std::vector<Action>& accepted_actions() const { return accepted_; }
    bool submitted() const { return casefile_.submitted; }

    // The score as it stands (instructors may see it before submit; trainees only after).
    ScoreReport score() const;

  private:
    Session(std::shared_ptr<const Scenario> scenario, Casefile casefile,
            std::vector<Action> accepted, std::unique_ptr<SessionState> state);

    std::shared_ptr<const Scenario> scenario_;
    Casefile casefile_;
    std::vector<Action> accepted_;
    std::unique_ptr<SessionState>
        state_;  // hidden progress: frozen holdings, moved funds, penalties
};

}  // namespace mt
