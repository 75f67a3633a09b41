#include "ui/investigator_ui.hpp"

#include <algorithm>

#include "i18n/catalogue.hpp"
#include "ui/format.hpp"
#include "ui/widgets.hpp"

namespace mt::ui {
namespace {

bool key_pressed(ImGuiKey key) {
    return ImGui::IsKeyPressed(ImGui::GetKeyIndex(key), false);
}

}  // namespace

InvestigatorUi::InvestigatorUi() = default;

bool InvestigatorUi::begin_pinned_window(const char* id, Region region, ImGuiWindowFlags extra) {
    ImGui::SetNextWindowPos(region.pos);
    ImGui::SetNextWindowSize(region.size);
    const ImGuiWindowFlags flags = ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize |
                                   ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoSavedSettings |
                                   ImGuiWindowFlags_NoTitleBar |
                                   ImGuiWindowFlags_NoBringToFrontOnFocus | extra;
    if (ImGui::Begin(id, nullptr, flags)) return true;
    ImGui::End();
    return false;
}

void InvestigatorUi::reset_case_view() {
    const float scale = state_.presenter_scale;
    const bool antialiasing = state_.graph.antialiasing;
    const PanelFlags panels = state_.panels;
    const bool probing = state_.probe.enabled;
    state_ = ViewState{};
    state_.presenter_scale = scale;
    state_.graph.antialiasing = antialiasing;
    state_.panels = panels;
    state_.probe.enabled = probing;
    graph_ = GraphCache{};
    naming_ = Casefile{};
    address_rows_ = AddressRowsCache{};
    actions_seen_ = 0;
}

void InvestigatorUi::draw(UiHost& host) {
    state_.probe.begin_frame();
    graph_canvas_ = ImVec4(0, 0, 0, 0);
    set_active_probe(&state_.probe);

    const Casefile* casefile = host.casefile();
    if (casefile) {
        // Another case, or the same case started over: the view state belonged to the old one.
        if (casefile->briefing.scenario_id != case_on_screen_ ||
            casefile->actions_taken < actions_seen_) {
            reset_case_view();
            case_on_screen_ = casefile->briefing.scenario_id;
        }
        if (casefile->actions_taken != actions_seen_ || naming_.checkpoints.empty()) {
            // What report() needs to name services and questions after the frame.
            naming_.services = casefile->services;
            naming_.checkpoints = casefile->checkpoints;
        }
        actions_seen_ = casefile->actions_taken;
    } else if (!case_on_screen_.empty()) {
        reset_case_view();
        case_on_screen_.clear();
    }

    handle_shortcuts(casefile);
    draw_menu_bar(host, casefile);

    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    const float menu_height = ImGui::GetFrameHeight();
    const Region region{ImVec2(viewport->Pos.x, viewport->Pos.y + menu_height),
                        ImVec2(viewport->Size.x, std::max(0.0f, viewport->Size.y - menu_height))};
    if (const CaseLoadFailure* failure = host.load_failure()) {
        draw_case_error(host, *failure, region);
    } else if (!casefile) {
        draw_case_picker(host, region);
    } else if (casefile->submitted && casefile->score && state_.show_debrief) {
        draw_debrief(host, *casefile, region);
    } else {
        draw_workspace(host, *casefile, region);
    }
    if (casefile && !host.load_failure()) {
        draw_dialogs(host, *casefile);
        draw_taint_comparison_window(host, *casefile);
    }
    draw_shortcuts_dialog();
    set_active_probe(nullptr);
}

void InvestigatorUi::draw_workspace(UiHost& host, const Casefile& casefile, Region region) {
    const ImGuiStyle& style = ImGui::GetStyle();
    const float status_height =
        std::max(ImGui::GetFrameHeight() + style.WindowPadding.y * 2.0f, status_height_);
    const PanelFlags& p = state_.panels;
    const bool left = p.briefing || p.checkpoints || p.hints || p.timeline;
    const bool right = p.inspector || p.tools || p.legal || p.documents;
    const float width = region.size.x;
    float left_width = left ? std::max(scaled(300.0f), width * 0.22f) : 0.0f;
    float right_width = right ? std::max(scaled(340.0f), width * 0.25f) : 0.0f;
    // At projector scales the panels would squeeze the graph to a strip: they give way so the
    // graph keeps at least 40% of the width (their contents wrap or scroll).
    const float panels_max = width * 0.6f;
    if (left_width + right_width > panels_max) {
        const float shrink = panels_max / (left_width + right_width);
        left_width *= shrink;
        right_width *= shrink;
    }
    const float body_y = region.pos.y + status_height;
    const float body_height = std::max(0.0f, region.size.y - status_height);

    draw_status_bar(host, casefile, {region.pos, ImVec2(width, status_height)});
    if (left)
        draw_case_panel(host, casefile,
                        {ImVec2(region.pos.x, body_y), ImVec2(left_width, body_height)});
    draw_graph_window(
        host, casefile,
        {ImVec2(region.pos.x + left_width, body_y),
         ImVec2(std::max(scaled(200.0f), width - left_width - right_width), body_height)});
    if (right)
        draw_side_panel(
            host, casefile,
            {ImVec2(region.pos.x + width - right_width, body_y), ImVec2(right_width, body_height)});
}

// The open tabs of a panel, their titles wrapping onto more rows when the panel is narrow, and the
// body of the one in front. A tab asked for by focus_tab comes to the front; when the front tab is
// closed (View menu) the first open one takes its place.
void InvestigatorUi::draw_tabs(const std::vector<PanelTabBody>& tabs, std::string& active) {
    std::vector<PanelTab> open;
    for (const PanelTabBody& tab : tabs)
        if (tab.open) open.push_back({tab.key, tab.name});
    if (open.empty()) return;
    for (const PanelTab& tab : open)
        if (state_.focus_tab == tab.name) {
            active = tab.name;
            state_.focus_tab.clear();
        }
    if (std::none_of(open.begin(), open.end(), [&](const PanelTab& t) { return active == t.name; }))
        active = open.front().name;
    wrapping_tabs(open, active);
    for (const PanelTabBody& tab : tabs)
        if (tab.open && active == tab.name) tab.body();
}

void InvestigatorUi::draw_case_panel(UiHost& host, const Casefile& casefile, Region region) {
    if (!begin_pinned_window("###case_panel", region)) return;
    const PanelFlags& p = state_.panels;
    draw_tabs({{"ui.panel.briefing", "briefing", p.briefing, [&] { draw_briefing_tab(casefile); }},
               {"ui.panel.checkpoints", "checkpoints", p.checkpoints,
                [&] { draw_checkpoints_tab(host, casefile); }},
               {"ui.panel.hints", "hints", p.hints, [&] { draw_hints_tab(host, casefile); }},
               {"ui.panel.timeline", "timeline", p.timeline, [&] { draw_timeline_tab(casefile); }}},
              state_.left_tab);
    ImGui::End();
}

void InvestigatorUi::draw_side_panel(UiHost& host, const Casefile& casefile, Region region) {
    if (!begin_pinned_window("###side_panel", region)) return;
    const PanelFlags& p = state_.panels;
    draw_tabs(
        {{"ui.panel.inspector", "inspector", p.inspector,
          [&] { draw_inspector_tab(host, casefile); }},
         {"ui.panel.tools", "tools", p.tools, [&] { draw_tools_tab(host, casefile); }},
         {"ui.panel.legal", "legal", p.legal, [&] { draw_legal_tab(host, casefile); }},
         {"ui.panel.documents", "documents", p.documents, [&] { draw_documents_tab(casefile); }}},
        state_.right_tab);
    ImGui::End();
}

void InvestigatorUi::report(const Action& action, const ActionOutcome& feedback) {
    auto& shown = state_.feedback;
    shown.accepted = feedback.accepted;
    if (feedback.accepted) {
        shown.text = describe_action(action, &naming_);
        if (feedback.cost > 0) shown.text += " (" + duration_text(feedback.cost) + ")";
        switch (action.type) {
            case ActionType::LegalRequest: {
                // A fresh draft for the next request; the instrument is often the same again.
                LegalDraft fresh;
                fresh.instrument = state_.legal.instrument;
                fresh.legal_instrument = state_.legal.legal_instrument;
                state_.legal = std::move(fresh);
                break;
            }
            case ActionType::AnswerCheckpoint:
                state_.checkpoint_answers.erase(action.target);
                break;
            case ActionType::Submit:
                state_.submit_dialog = false;
                state_.show_debrief = true;
                break;
            default:
                break;
        }
        return;
    }
    shown.text =
        trf("ui.feedback.rejected", {describe_action(action, &naming_), render(feedback.reason)});
}

void InvestigatorUi::emit(UiHost& host, const Action& action) {
    host.emit(action);
    state_.feedback = {};
}

void InvestigatorUi::record_view() {
    state_.undo.record({state_.graph.camera, state_.selection});
}

void InvestigatorUi::select(Selection selection) {
    if (selection == state_.selection) return;
    record_view();
    state_.selection = std::move(selection);
}

void InvestigatorUi::undo_view() {
    if (auto previous = state_.undo.pop()) {
        state_.graph.camera = previous->camera;
        state_.selection = previous->selection;
        state_.graph.fit_requested = false;
    }
}

void InvestigatorUi::handle_shortcuts(const Casefile* casefile) {
    const ImGuiIO& io = ImGui::GetIO();
    if (!casefile || io.WantTextInput) return;
    if (io.KeyCtrl && key_pressed(ImGuiKey_Z)) undo_view();
    if (!io.KeyCtrl && key_pressed(ImGuiKey_Home)) {
        record_view();
        state_.graph.fit_requested = true;
    }
}

void ViewUndo::record(const ViewSnapshot& before) {
    if (!stack_.empty() && stack_.back() == before) return;
    if (stack_.size() == kLimit) stack_.erase(stack_.begin());
    stack_.push_back(before);
}

std::optional<ViewSnapshot> ViewUndo::pop() {
    if (stack_.empty()) return std::nullopt;
    ViewSnapshot top = stack_.back();
    stack_.pop_back();
    return top;
}

}  // namespace mt::ui
