#pragma once
// The contract between the views and the program around them. The views read the trainee's
// casefile and plain descriptions of the shipped cases; everything they want done goes through
// the host, which applies it after the frame so a casefile never changes under a view.
#include <string>
#include <vector>

#include "model/action.hpp"
#include "model/action_outcome.hpp"
#include "model/case_card.hpp"
#include "model/casefile.hpp"
#include "model/diagnostic.hpp"
#include "model/text.hpp"
#include "model/time.hpp"
#include "ui/seminar_join.hpp"

namespace mt::ui {

// One shipped case, as the case picker shows it.
struct CaseChoice : CaseCard {
    std::string path;                // what open_case() gets back
    bool resumable = false;          // a saved session of this case exists
    std::size_t saved_actions = 0;   // how many actions that session holds
    std::vector<Diagnostic> errors;  // why the file cannot be read
};

// Why the last case could not be opened: the case-file error screen lists these.
struct CaseLoadFailure {
    std::string path;
    std::vector<Diagnostic> problems;
};

enum class OpenMode { Resume, StartOver };

class UiHost {
  public:
    virtual ~UiHost() = default;

    // Read by the views every frame.
    virtual const Casefile* casefile() const = 0;  // null while no case is open
    virtual const std::vector<CaseChoice>& cases() const = 0;
    virtual const CaseLoadFailure* load_failure() const = 0;  // non-null: show the error screen

    // What the views ask for. emit() queues; the host applies queued actions after the frame and
    // reports each result through InvestigatorUi::report().
    virtual void emit(const Action& action) = 0;
    // Simulated time the action would take ("Look up (15m)"); 0 when unknown.
    virtual SimSeconds cost_of(const Action& action) const = 0;
    virtual void open_case(const std::string& path, OpenMode mode) = 0;
    virtual void close_case() = 0;  // back to the case picker
    virtual void request_quit() = 0;

    // The form for joining a live seminar, or null when this host cannot join one (then the case
    // picker offers no such button).
    virtual SeminarJoinForm* seminar_join_form() { return nullptr; }
    // Where the session lives when it is not on this machine ("Seminar: Running on
    // 192.168.1.23:8642"), for the status bar; empty for a local session.
    virtual std::string session_location() const { return {}; }
};

}  // namespace mt::ui
