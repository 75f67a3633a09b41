// Modal dialogs: submitting the findings, confirming a hint (it costs points), and the list of
// keyboard shortcuts.

#include "i18n/catalogue.hpp"
#include "model/action_builders.hpp"
#include "ui/investigator_ui.hpp"
#include "ui/widgets.hpp"

namespace mt::ui {
namespace {

// Opens the popup while `flag` is set; returns whether its body should be drawn.
bool begin_modal(const std::string& name, bool& flag) {
    if (flag && !ImGui::IsPopupOpen(name.c_str())) ImGui::OpenPopup(name.c_str());
    const ImVec2 centre = ImGui::GetMainViewport()->GetCenter();
    ImGui::SetNextWindowPos(centre, ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    return ImGui::BeginPopupModal(name.c_str(), &flag, ImGuiWindowFlags_AlwaysAutoResize);
}

}  // namespace

void InvestigatorUi::draw_dialogs(UiHost& host, const Casefile& casefile) {
    if (begin_modal(label("ui.submit.title", "submit_dialog"), state_.submit_dialog)) {
        ImGui::PushTextWrapPos(scaled(520.0f));
        ImGui::TextUnformatted(tr("ui.submit.explain"));
        ImGui::PopTextWrapPos();
        ImGui::InputTextMultiline("###findings", &state_.findings,
                                  ImVec2(scaled(520.0f), scaled(160.0f)));
        probe("submit.findings");
        {
            DisabledScope disabled(casefile.submitted);
            if (button("ui.submit.confirm")) {
                emit(host, submit_action(state_.findings));
                state_.submit_dialog = false;
                ImGui::CloseCurrentPopup();
            }
        }
        ImGui::SameLine();
        if (button("ui.common.cancel", "submit.cancel")) {
            state_.submit_dialog = false;
            ImGui::CloseCurrentPopup();
        }
        ImGui::EndPopup();
    }

    if (begin_modal(label("ui.hints.title", "hint_dialog"), state_.hint_dialog)) {
        ImGui::PushTextWrapPos(scaled(420.0f));
        ImGui::TextUnformatted(tr("ui.hints.confirm"));
        ImGui::PopTextWrapPos();
        if (button("ui.hints.ask", "hint.confirm")) {
            emit(host, hint_action());
            state_.hint_dialog = false;
            state_.focus_tab = "hints";
            ImGui::CloseCurrentPopup();
        }
        ImGui::SameLine();
        if (button("ui.common.cancel", "hint.cancel")) {
            state_.hint_dialog = false;
            ImGui::CloseCurrentPopup();
        }
        ImGui::EndPopup();
    }
}

void InvestigatorUi::draw_shortcuts_dialog() {
    if (!begin_modal(label("ui.shortcuts.title", "shortcuts_dialog"), state_.shortcuts_dialog))
        return;
    if (ImGui::BeginTable("shortcuts", 2, ImGuiTableFlags_SizingFixedFit | ImGuiTableFlags_RowBg)) {
        struct Shortcut {
            const char* keys;
            const char* key;
        };
        constexpr Shortcut kShortcuts[] = {
            {"Ctrl+Z", "ui.shortcuts.undo"},
            {"Home", "ui.shortcuts.fit"},
            {"Ctrl +  /  Ctrl -  /  Ctrl 0", "ui.shortcuts.scale"},
            {"Tab  /  ←↑→↓", "ui.shortcuts.navigate"},
            {"Space  /  Enter", "ui.shortcuts.activate"},
            {"ui.shortcuts.double_click_keys", "ui.shortcuts.expand"},
            {"ui.shortcuts.drag_keys", "ui.shortcuts.pan"},
            {"ui.shortcuts.wheel_keys", "ui.shortcuts.zoom"},
        };
        for (const Shortcut& s : kShortcuts) {
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            // Key names are the same in every language; mouse gestures are words and get
            // translated.
            ImGui::TextUnformatted(std::string_view(s.keys).starts_with("ui.") ? tr(s.keys)
                                                                               : s.keys);
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(tr(s.key));
        }
        ImGui::EndTable();
    }
    if (button("ui.common.close")) {
        state_.shortcuts_dialog = false;
        ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
}

}  // namespace mt::ui
