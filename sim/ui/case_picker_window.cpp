// The first screen: the shipped cases with their difficulty, time and typologies; open one fresh
// or resume the saved session.
#include <algorithm>

#include "i18n/catalogue.hpp"
#include "i18n/diagnostic_text.hpp"
#include "ui/format.hpp"
#include "ui/investigator_ui.hpp"
#include "ui/palette.hpp"
#include "ui/widgets.hpp"

namespace mt::ui {

void InvestigatorUi::draw_case_picker(UiHost& host, Region region) {
    if (!begin_pinned_window("###case_picker", region)) return;
    // A readable column in the middle of wide screens.
    const float column = std::min(region.size.x - scaled(40.0f), scaled(980.0f));
    const float indent = std::max(0.0f, (region.size.x - column) * 0.5f);
    ImGui::SetCursorPosX(indent);
    {
        FontScope title(fonts().title);
        ImGui::TextUnformatted(tr("ui.picker.title"));
    }
    ImGui::SetCursorPosX(indent);
    ImGui::TextDisabled("%s", tr("ui.picker.subtitle"));
    if (SeminarJoinForm* join = host.seminar_join_form()) {
        ImGui::SetCursorPosX(indent);
        draw_seminar_join(*join);
    }
    ImGui::Dummy(ImVec2(0, scaled(8.0f)));

    const auto& cases = host.cases();
    if (cases.empty()) {
        ImGui::SetCursorPosX(indent);
        ImGui::TextUnformatted(tr("ui.picker.none"));
    }
    for (std::size_t i = 0; i < cases.size(); ++i) {
        const CaseChoice& choice = cases[i];
        ImGui::PushID(static_cast<int>(i));
        // A card: the contents on a front channel, the background drawn behind once their size is
        // known.
        const float pad = scaled(12.0f);
        ImGui::SetCursorPosX(indent + pad);
        ImGui::SetCursorPosY(ImGui::GetCursorPosY() + pad);
        ImDrawList* draw = ImGui::GetWindowDrawList();
        draw->ChannelsSplit(2);
        draw->ChannelsSetCurrent(1);
        ImGui::BeginGroup();
        ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + column - 2.0f * pad);
        {
            FontScope bold(fonts().bold);
            text_wrapped(choice.title.empty() ? choice.id : text_of(choice.title));
        }
        if (choice.errors.empty()) {
            std::string facts = trf("ui.picker.facts", {difficulty_text(choice.difficulty),
                                                        std::to_string(choice.estimated_minutes)});
            if (!choice.typologies.empty()) {
                facts += "  ·  ";
                for (std::size_t t = 0; t < choice.typologies.size(); ++t) {
                    if (t) facts += ", ";
                    facts += typology_text(choice.typologies[t]);
                }
            }
            text_disabled(facts);
            if (!choice.summary.empty()) text_wrapped(text_of(choice.summary));
            ImGui::Spacing();
            const std::string id = choice.id.empty() ? std::to_string(i) : choice.id;
            if (choice.resumable) {
                const std::string resume =
                    trf("ui.picker.resume",
                        {render(Message("count.actions").arg("count", choice.saved_actions))}) +
                    "###resume";
                if (ImGui::Button(resume.c_str())) host.open_case(choice.path, OpenMode::Resume);
                probe("picker.resume:" + id);
                ImGui::SameLine();
                if (button("ui.picker.start_over", "picker.start_over:" + id)) {
                    state_.confirm_start_over = choice.path;
                    ImGui::OpenPopup(label("ui.picker.start_over", "confirm_start_over").c_str());
                }
            } else {
                if (button("ui.picker.open", "picker.open:" + id))
                    host.open_case(choice.path, OpenMode::StartOver);
            }
            if (ImGui::BeginPopupModal(label("ui.picker.start_over", "confirm_start_over").c_str(),
                                       nullptr, ImGuiWindowFlags_AlwaysAutoResize)) {
                ImGui::PushTextWrapPos(scaled(420.0f));
                ImGui::TextUnformatted(tr("ui.picker.start_over_confirm"));
                ImGui::PopTextWrapPos();
                if (button("ui.picker.start_over", "picker.start_over_confirm")) {
                    host.open_case(state_.confirm_start_over, OpenMode::StartOver);
                    ImGui::CloseCurrentPopup();
                }
                ImGui::SameLine();
                if (button("ui.common.cancel")) ImGui::CloseCurrentPopup();
                ImGui::EndPopup();
            }
        } else {
            ImGui::PushStyleColor(ImGuiCol_Text, palette::kBad);
            text_wrapped(tr("ui.picker.broken"));
            ImGui::PopStyleColor();
            for (const Diagnostic& error : choice.errors) text_wrapped(render(error));
        }
        ImGui::PopTextWrapPos();
        ImGui::EndGroup();
        const ImVec2 top_left(ImGui::GetItemRectMin().x - pad, ImGui::GetItemRectMin().y - pad);
        const ImVec2 bottom_right(top_left.x + column, ImGui::GetItemRectMax().y + pad);
        draw->ChannelsSetCurrent(0);
        draw->AddRectFilled(top_left, bottom_right, ImGui::GetColorU32(ImGuiCol_FrameBg),
                            scaled(6.0f));
        draw->ChannelsMerge();
        ImGui::PopID();
        ImGui::Dummy(ImVec2(0, pad * 2.0f));
    }
    ImGui::End();
}

}  // namespace mt::ui
