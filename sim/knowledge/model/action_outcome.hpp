#pragma once
// What became of an action: the engine's answer, read alike by the views of a local session and
// of a seminar client.
#include <string>

#include "model/message.hpp"
#include "model/time.hpp"

namespace mt {

struct ActionOutcome {
    bool accepted = false;
    // Why it was refused: a catalogue key ("reject.unknown_address") with what was wrong as
    // arguments (the address given); empty when accepted.
    Message reason;
    SimSeconds cost = 0;  // simulated time the action took
};

}  // namespace mt
