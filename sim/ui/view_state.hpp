#pragma once
// The view-side state of the investigator interface: which panels are shown, what is selected,
// where the graph camera looks, the drafts being typed, and an undo stack for view changes.
// None of it is part of the investigation: actions go to the engine through UiHost.
#include <cstddef>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "model/vocabulary.hpp"
#include "ui/item_probe.hpp"

namespace mt::ui {

struct Selection {
    enum class Kind { None, Address, Transaction };
    Kind kind = Kind::None;
    std::string id;

    bool is_address() const { return kind == Kind::Address; }
    bool is_transaction() const { return kind == Kind::Transaction; }
    bool operator==(const Selection&) const = default;
};

// The graph camera: `x`, `y` is the world point shown at the canvas's top-left corner.
struct GraphCamera {
    float x = 0.0f;
    float y = 0.0f;
    float zoom = 1.0f;
    bool operator==(const GraphCamera&) const = default;
};

// What Ctrl+Z restores.
struct ViewSnapshot {
    GraphCamera camera;
    Selection selection;
    bool operator==(const ViewSnapshot&) const = default;
};

class ViewUndo {
  public:
    // Remembers the view as it was before a change.
    void record(const ViewSnapshot& before);
    std::optional<ViewSnapshot> pop();
    std::size_t size() const { return stack_.size(); }
    void clear() { stack_.clear(); }

  private:
    static constexpr std::size_t kLimit = 200;
    std::vector<ViewSnapshot> stack_;
};

// Which panels the View menu shows.
struct PanelFlags {
    bool briefing = true;
    bool checkpoints = true;
    bool hints = true;
    bool timeline = true;
    bool inspector = true;
    bool tools = true;
    bool legal = true;
    bool documents = true;
    bool legend = true;
};

struct GraphViewState {
    GraphCamera camera;
    bool fit_requested = true;  // fit the whole graph on the next frame
    bool antialiasing = true;
    std::string search;
    std::string search_message_key;  // why the last search found nothing
    double last_wheel_time = -10.0;  // to record one undo step per burst of wheel turns
    bool panning = false;
    std::string center_on;  // node to bring to the middle on the next frame
    // Analysis overlays: the report drawn (empty: the latest of its tool) and whether it shows.
    std::string taint_report;
    bool show_taint = true;
    std::string cluster_report;
    bool show_cluster = true;
    bool legend_open = false;  // the legend opened from its corner button on a small canvas
    std::set<std::string> expanded_groups;  // groups of parallel flows the trainee opened
};

// The window comparing taint methods on one source.
struct TaintCompareState {
    bool open = false;
    std::string source;  // empty: the source of the latest taint report
};

struct InspectorDraft {
    std::string target;  // the address or transaction the draft belongs to
    std::string note;
    std::string tags;  // comma separated
};

struct LegalDraft {
    Instrument instrument = Instrument::Preservation;
    std::string legal_instrument;  // the pack's instrument id; empty without a pack
    std::string service;
    std::vector<std::string> identifiers;
    std::vector<std::string> evidence;  // ids of records obtained, cited for the court
    std::string manual_identifier;
    std::string justification;
};

struct ViewState {
    PanelFlags panels;
    std::string focus_tab;  // a tab to bring to the front on the next frame ("legal")
    std::string left_tab;   // the tab in front in the case panel and in the side panel
    std::string right_tab;
    Selection selection;
    GraphViewState graph;
    ViewUndo undo;
    float presenter_scale = 1.0f;  // Ctrl +/-; the platform rebuilds fonts when it changes

    InspectorDraft inspector;
    TaintMethod taint_method = TaintMethod::Haircut;
    TaintCompareState taint_compare;
    LegalDraft legal;
    std::map<std::string, std::string> checkpoint_answers;  // checkpoint id -> draft answer
    std::string findings;                                   // the submit summary
    bool submit_dialog = false;
    bool hint_dialog = false;
    bool shortcuts_dialog = false;
    bool export_report = false;  // the platform writes the case report after this frame
    bool show_debrief = true;    // after submit: debrief, or back to the case for review
    // Messages (instructor messages among them) acknowledged in the banner; unset until the case's
    // first frame, so only messages that arrive while the trainee works are announced.
    std::optional<std::size_t> messages_seen;
    std::string confirm_start_over;  // case path awaiting "start over" confirmation

    // The last outcome to show in the status bar.
    struct Feedback {
        bool accepted = true;
        std::string text;
    } feedback;

    ItemProbe probe;
};

}  // namespace mt::ui
