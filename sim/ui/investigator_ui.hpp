#pragma once
// The investigator interface: one object owns the view state and draws every screen (case picker,
// case-file errors, the investigation workspace, the debrief). Each window or panel is a member
// function in its own file. It reads only the casefile and plain case descriptions from the host
// and sends everything else back through it.
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include <imgui.h>

#include "model/casefile.hpp"
#include "ui/funds_graph.hpp"
#include "ui/funds_layout.hpp"
#include "ui/graph_overlay.hpp"
#include "ui/ui_host.hpp"
#include "ui/view_state.hpp"

namespace mt::ui {

class InvestigatorUi {
  public:
    InvestigatorUi();

    // Draws one frame of the interface; call between ImGui::NewFrame() and ImGui::Render().
    void draw(UiHost& host);
    // The host applied an action the views emitted.
    void report(const Action& action, const ActionOutcome& feedback);
    // Forgets everything that belonged to the case on screen (selection, camera, drafts, layout).
    void reset_case_view();

    ViewState& state() { return state_; }
    const ViewState& state() const { return state_; }
    // The graph as last drawn (tests look at node positions and the layout).
    const FundsGraph& funds_graph() const { return graph_.graph; }
    const FundsLayout& funds_layout() const { return graph_.layout; }
    // Where this frame drew the funds graph (min x, min y, max x, max y in display coordinates);
    // all zero when it was not on screen. The case report pictures this part of the window.
    const ImVec4& graph_canvas() const { return graph_canvas_; }
    // The analysis overlays as last drawn; null when hidden or when there is no report to draw.
    const TaintOverlay* taint_overlay() const { return graph_.taint ? &*graph_.taint : nullptr; }
    const ClusterOverlay* cluster_overlay() const {
        return graph_.cluster ? &*graph_.cluster : nullptr;
    }

  private:
    struct GraphCache {
        bool valid = false;
        bool regroup = false;  // a group was expanded: rebuild the graph, keep the layout
        GraphSignature signature;
        FundsGraph graph;
        FundsLayout layout;
        std::vector<std::string> edge_labels;  // per edge: "0.5 BTC\n≈ USD 28,500\n05-08 14:30"
        // Overlays of analysis reports, rebuilt with the graph or when another report is chosen.
        std::optional<TaintOverlay> taint;
        std::optional<ClusterOverlay> cluster;
        std::string overlay_key;
        bool taint_available = false;  // the casefile has a report of that tool to draw
        bool cluster_available = false;
    };
    struct AddressRow {
        std::string tx;
        SimSeconds time = 0;
        bool incoming = false;
        std::string counterparty;
        Units amount = 0;
        std::string asset;
        int decimals = 0;
    };
    struct AddressRowsCache {
        std::string address;
        GraphSignature signature;
        std::vector<AddressRow> rows;
    };
    struct Region {
        ImVec2 pos;
        ImVec2 size;
    };
    // Begins a window pinned over `region`: no title bar, moving, resizing or saved settings, and
    // never brought in front of the dialogs. The screens and panels that tile the program's window
    // are these. False when ImGui skips it, the window then already ended.
    static bool begin_pinned_window(const char* id, Region region, ImGuiWindowFlags extra = 0);

    // Screens (investigator_ui.cpp, case_picker_window.cpp, case_error_window.cpp,
    // debrief_window.cpp).
    void draw_menu_bar(UiHost& host, const Casefile* casefile);
    void draw_case_picker(UiHost& host, Region region);
    void draw_case_error(UiHost& host, const CaseLoadFailure& failure, Region region);
    void draw_workspace(UiHost& host, const Casefile& casefile, Region region);
    void draw_debrief(UiHost& host, const Casefile& casefile, Region region);

    // The workspace's windows and panels, one file each.
    void draw_status_bar(UiHost& host, const Casefile& casefile, Region region);
    void draw_message_banner(const Casefile& casefile);
    void draw_case_panel(UiHost& host, const Casefile& casefile, Region region);
    void draw_briefing_tab(const Casefile& casefile);
    void draw_checkpoints_tab(UiHost& host, const Casefile& casefile);
    void draw_hints_tab(UiHost& host, const Casefile& casefile);
    void draw_timeline_tab(const Casefile& casefile);
    void draw_graph_window(UiHost& host, const Casefile& casefile, Region region);
    void draw_graph_toolbar(UiHost& host, const Casefile& casefile);
    void draw_graph_canvas(UiHost& host, const Casefile& casefile);
    void draw_graph_legend(ImVec2 canvas_min, ImVec2 canvas_max);
    // Analysis overlays on the graph (graph_overlay_view.cpp).
    void sync_overlays(const Casefile& casefile);
    void draw_overlay_toggles();
    // The cluster's box and member halos; `member_rects` are the members' screen rectangles.
    void draw_cluster_overlay(ImDrawList* draw, const std::vector<ImVec4>& member_rects,
                              float scale);
    int overlay_legend_rows() const;
    // The width the overlay's legend rows need, so the legend box fits them in any language.
    float overlay_legend_width() const;
    void draw_overlay_legend();
    void draw_taint_comparison_window(UiHost& host, const Casefile& casefile);
    // The analysis tools as items of a node's context menu, so they run from the graph too.
    void draw_analysis_menu_items(UiHost& host, const std::string& target, bool is_address,
                                  bool can_act);
    void draw_side_panel(UiHost& host, const Casefile& casefile, Region region);
    void draw_inspector_tab(UiHost& host, const Casefile& casefile);
    void draw_address_rows(const Casefile& casefile, const std::vector<AddressRow>& rows);
    void draw_address_inspector(UiHost& host, const Casefile& casefile,
                                const KnownAddress& address);
    void draw_transaction_inspector(UiHost& host, const Casefile& casefile,
                                    const KnownTransaction& tx);
    void draw_annotation_editor(UiHost& host, const std::string& target, const std::string& note,
                                const std::vector<std::string>& tags);
    void draw_tools_tab(UiHost& host, const Casefile& casefile);
    void draw_legal_tab(UiHost& host, const Casefile& casefile);
    void draw_documents_tab(const Casefile& casefile);
    void draw_dialogs(UiHost& host, const Casefile& casefile);
    void draw_shortcuts_dialog();
    struct PanelTabBody {
        const char* key;
        const char* name;
        bool open;
        std::function<void()> body;
    };
    void draw_tabs(const std::vector<PanelTabBody>& tabs, std::string& active);

    // View changes that Ctrl+Z undoes.
    void select(Selection selection);
    void record_view();
    void undo_view();
    void handle_shortcuts(const Casefile* casefile);

    void sync_graph(const Casefile& casefile);
    void fit_graph(ImVec2 canvas_size);
    void center_graph_on(int node, ImVec2 canvas_size);
    void run_search(UiHost& host, const Casefile& casefile);
    void emit(UiHost& host, const Action& action);
    const std::vector<AddressRow>& address_rows(const Casefile& casefile,
                                                const std::string& address);

    ViewState state_;
    GraphCache graph_;
    AddressRowsCache address_rows_;
    std::string case_on_screen_;  // scenario id the view state belongs to
    ImVec4 graph_canvas_{};
    float status_height_ = 0.0f;  // what the status bar's rows took last frame
    std::size_t actions_seen_ = 0;
    // The services and questions of the case on screen, so feedback names them, not their ids.
    Casefile naming_;
};

}  // namespace mt::ui
