#include "session/expert_check.hpp"

#include <algorithm>

namespace mt {

ExpertReplay replay_expert_solution(const std::shared_ptr<const Scenario>& scenario) {
    ExpertReplay out;
    Session session(scenario);
    const auto& actions = scenario->expert_solution;
    for (std::size_t i = 0; i < actions.size(); ++i) {
        const ActionOutcome outcome = session.apply(actions[i]);
        if (!outcome.accepted)
            out.problems.push_back("expert_solution[" + std::to_string(i) + "] (" +
                                   std::string(name_of(actions[i].type)) +
                                   ") is rejected: " + outcome.reason);
    }
    if (!session.submitted()) {
        Action submit;
        submit.type = ActionType::Submit;
        session.apply(submit);
    }
    out.score = session.score();
    for (const ObjectiveResult& o : out.score.objectives)
        if (o.earned < o.points)
            out.problems.push_back("the expert solution misses objective '" + o.id + "'");
    for (const PenaltyItem& p : out.score.penalties)
        out.problems.push_back("the expert solution is penalised (" + std::string(name_of(p.kind)) +
                               "): " + p.detail);
    for (const UnrecoveredItem& u : out.score.unrecovered)
        if (u.reason.empty())
            out.problems.push_back(
                "the expert solution does not recover holding '" + u.holding +
                "'; recover it, or say why nobody can (unrecoverable: {en, es})");
    for (const Holding& h : scenario->holdings)
        if (!h.recoverable() &&
            std::none_of(out.score.unrecovered.begin(), out.score.unrecovered.end(),
                         [&](const UnrecoveredItem& u) { return u.holding == h.id; }))
            out.problems.push_back("holding '" + h.id +
                                   "' is declared unrecoverable but the expert solution recovers "
                                   "it; remove `unrecoverable`");
    if (out.score.recovery_earned < out.score.recovery_points)
        out.problems.push_back("the expert solution recovers only " +
                               std::to_string(out.score.recovery_earned) + " of " +
                               std::to_string(out.score.recovery_points) + " recovery points");
    return out;
}

}  // namespace mt
