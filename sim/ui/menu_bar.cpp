// The main menu: case, view, language and help.
#include <algorithm>

#include "i18n/catalogue.hpp"
#include "ui/investigator_ui.hpp"
#include "ui/widgets.hpp"

namespace mt::ui {
namespace {

constexpr float kScaleStep = 1.15f;
constexpr float kMinScale = 0.6f;
constexpr float kMaxScale = 3.0f;

bool menu_item(std::string_view key, const char* shortcut = nullptr, bool selected = false,
               bool enabled = true) {
    const bool chosen = ImGui::MenuItem(label(key).c_str(), shortcut, selected, enabled);
    probe(key);
    return chosen;
}

void panel_toggle(std::string_view key, bool& flag) {
    ImGui::MenuItem(label(key).c_str(), nullptr, &flag);
    probe(key);
}

}  // namespace

void InvestigatorUi::draw_menu_bar(UiHost& host, const Casefile* casefile) {
    if (!ImGui::BeginMainMenuBar()) return;
    if (ImGui::BeginMenu(label("ui.menu.case").c_str())) {
        if (menu_item("ui.menu.case_picker", nullptr, false,
                      casefile != nullptr || host.load_failure()))
            host.close_case();
        if (menu_item("ui.menu.submit", nullptr, false, casefile && !casefile->submitted))
            state_.submit_dialog = true;
        if (casefile && casefile->submitted && casefile->score) {
            if (menu_item(state_.show_debrief ? "ui.menu.review_case" : "ui.menu.show_debrief"))
                state_.show_debrief = !state_.show_debrief;
        }
        if (menu_item("ui.menu.export_report", nullptr, false, casefile != nullptr)) {
            // The report's picture shows the whole graph; the menu bar is drawn before the graph,
            // so the fit applies in this very frame.
            record_view();
            state_.graph.fit_requested = true;
            state_.export_report = true;
        }
        ImGui::Separator();
        if (menu_item("ui.menu.quit")) host.request_quit();
        ImGui::EndMenu();
    }
    probe("menu.case");
    if (ImGui::BeginMenu(label("ui.menu.view").c_str())) {
        PanelFlags& p = state_.panels;
        panel_toggle("ui.panel.briefing", p.briefing);
        panel_toggle("ui.panel.checkpoints", p.checkpoints);
        panel_toggle("ui.panel.hints", p.hints);
        panel_toggle("ui.panel.timeline", p.timeline);
        panel_toggle("ui.panel.inspector", p.inspector);
        panel_toggle("ui.panel.tools", p.tools);
        panel_toggle("ui.panel.legal", p.legal);
        panel_toggle("ui.panel.documents", p.documents);
        panel_toggle("ui.graph.legend", p.legend);
        ImGui::Separator();
        if (menu_item("ui.menu.fit_graph", "Home", false, casefile != nullptr)) {
            record_view();
            state_.graph.fit_requested = true;
        }
        if (menu_item("ui.menu.undo_view", "Ctrl+Z", false, state_.undo.size() > 0)) undo_view();
        panel_toggle("ui.menu.antialiasing", state_.graph.antialiasing);
        ImGui::Separator();
        if (menu_item("ui.menu.larger_text", "Ctrl +"))
            state_.presenter_scale = std::min(kMaxScale, state_.presenter_scale * kScaleStep);
        if (menu_item("ui.menu.smaller_text", "Ctrl -"))
            state_.presenter_scale = std::max(kMinScale, state_.presenter_scale / kScaleStep);
        if (menu_item("ui.menu.reset_text", "Ctrl 0")) state_.presenter_scale = 1.0f;
        ImGui::EndMenu();
    }
    probe("menu.view");
    if (ImGui::BeginMenu(label("ui.menu.language").c_str())) {
        for (const std::string& language : interface_languages()) {
            // Each language is offered under its own name, whatever the interface speaks now.
            const std::string* name = builtin_catalogue(language).find("lang.name");
            const std::string text = (name ? *name : language) + "###lang." + language;
            if (ImGui::MenuItem(text.c_str(), nullptr, interface_language() == language))
                set_interface_language(language);
            probe("menu.lang." + language);
        }
        ImGui::EndMenu();
    }
    probe("menu.language");
    if (ImGui::BeginMenu(label("ui.menu.help").c_str())) {
        if (menu_item("ui.menu.shortcuts")) state_.shortcuts_dialog = true;
        ImGui::EndMenu();
    }
    probe("menu.help");
    ImGui::EndMainMenuBar();
}

}  // namespace mt::ui
