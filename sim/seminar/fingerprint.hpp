#pragma once
// A seminar database records actions against one case; replaying them against a different case
// would silently score nonsense. The fingerprint covers everything that decides what an action does
// and how it scores (ledger, ownership, services, holdings, events, checkpoints, rubric, costs,
// expert path), but not the wording of texts, so a typo fixed mid-seminar does not lock anyone out.
#include <string>

#include "model/world.hpp"

namespace mt::seminar {

// 16 hex digits.
std::string scenario_fingerprint(const Scenario& scenario);

}  // namespace mt::seminar
