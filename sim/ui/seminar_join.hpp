#pragma once
// Joining a live seminar from the case picker: the form the trainee fills in (server, port, join
// code, name, agency, and the rejoin code when continuing a session begun elsewhere). The host owns
// it, so what was typed survives a failed attempt, and reports why an attempt failed in `error`.
#include <string>

namespace mt::ui {

struct SeminarJoinForm {
    std::string host;
    int port = 8642;
    std::string code;
    std::string name;
    std::string agency;
    std::string rejoin_code;  // only to continue a session from another program or computer
    std::string error;        // the last attempt's failure, shown in the dialog
    bool submitted = false;   // set by the dialog; the host joins after the frame and clears it
};

// The "Join a live seminar" button and its dialog.
void draw_seminar_join(SeminarJoinForm& form);

}  // namespace mt::ui
