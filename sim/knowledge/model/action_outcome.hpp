#pragma once
// What became of an action: the engine's answer, read alike by the views of a local session and
// of a seminar client.
#include <string>

#include "model/time.hpp"

namespace mt {

struct ActionOutcome {
    bool accepted = false;
    std::string reason_key;  // i18n key of the rejection reason, "reject.unknown_address"
    std::string reason;      // English text naming what was wrong
    SimSeconds cost = 0;     // simulated time the action took
};

}  // namespace mt
