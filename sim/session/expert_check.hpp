#pragma once
// A case is only playable if its expert solution is: every expert action is accepted and the
// resulting score is the maximum. `moneytrail validate` and the case tests use this.
#include <memory>
#include <string>
#include <vector>

#include "model/message.hpp"
#include "model/world.hpp"
#include "session/session.hpp"

namespace mt {

struct ExpertReplay {
    ScoreReport score;
    // What falls short, for the case's author ("expert_check.*" messages); empty when the solution
    // is accepted and scores the maximum.
    std::vector<Message> problems;
};

// Plays the expert solution (submitting at the end if it does not) and reports what falls short.
ExpertReplay replay_expert_solution(const std::shared_ptr<const Scenario>& scenario);

}  // namespace mt
