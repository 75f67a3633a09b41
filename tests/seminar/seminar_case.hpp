#pragma once
// The engine tests' sample case with marked texts that must never reach a trainee before they
// earn them: a hidden adversary move, a checkpoint explanation, objective debriefs, and a briefing
// that quotes an address and a transaction id (so variants must rename inside prose too).
#include <memory>

#include "model/world.hpp"

namespace mt::testing {

inline constexpr const char* kSecretMove = "SECRET-MOVE-never-shown";
inline constexpr const char* kSecretExplanation = "EXPLANATION-only-after-submit";
inline constexpr const char* kSecretDebrief = "DEBRIEF-only-after-submit";

std::shared_ptr<Scenario> make_seminar_case();

}  // namespace mt::testing
