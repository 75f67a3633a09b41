#pragma once
// The check of a legal request's justification against the case's rule (rubric.justification).
// Internal to sim/session.
#include <string_view>

#include "model/justification_rule.hpp"
#include "model/score.hpp"
#include "session/session_state.hpp"

namespace mt {

// The first thing the justification of `request` lacks under the case's rule, or None.
JustificationGap justification_gap(const SessionContext& ctx, const Action& request);

// The rejection reason (catalogue key) and the penalty rule of a gap other than None.
std::string_view rejection_key(JustificationGap gap);
PenaltyKind penalty_kind(JustificationGap gap);

}  // namespace mt
