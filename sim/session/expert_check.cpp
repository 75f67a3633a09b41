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
            out.problems.push_back(Message("expert_check.rejected")
                                       .arg("step", i)
                                       .arg("type", name_of(actions[i].type))
                                       .clause("reason", outcome.reason));
    }
    if (!session.submitted()) {
        Action submit;
        submit.type = ActionType::Submit;
        session.apply(submit);
    }
    out.score = session.score();
    for (const ObjectiveResult& o : out.score.objectives)
        if (o.earned < o.points)
            out.problems.push_back(Message("expert_check.misses_objective").arg("objective", o.id));
    for (const PenaltyItem& p : out.score.penalties)
        out.problems.push_back(Message("expert_check.penalised")
                                   .term("penalty", "penalty_kind." + std::string(name_of(p.kind)))
                                   .arg("detail", p.detail));
    for (const UnrecoveredItem& u : out.score.unrecovered)
        if (u.reason.empty())
            out.problems.push_back(Message("expert_check.not_recovered").arg("holding", u.holding));
    for (const Holding& h : scenario->holdings)
        if (!h.recoverable() &&
            std::none_of(out.score.unrecovered.begin(), out.score.unrecovered.end(),
                         [&](const UnrecoveredItem& u) { return u.holding == h.id; }))
            out.problems.push_back(
                Message("expert_check.recovers_unrecoverable").arg("holding", h.id));
    if (out.score.recovery_earned < out.score.recovery_points)
        out.problems.push_back(Message("expert_check.partial_recovery")
                                   .arg("earned", out.score.recovery_earned)
                                   .arg("count", out.score.recovery_points));
    return out;
}

}  // namespace mt
