// Everything that happened, in simulated time: the trainee's actions, responses from services,
// events in the world and checkpoint answers.
#include "i18n/catalogue.hpp"
#include "ui/format.hpp"
#include "ui/investigator_ui.hpp"
#include "ui/palette.hpp"
#include "ui/widgets.hpp"

namespace mt::ui {
namespace {

ImVec4 colour_of(TimelineKind kind) {
    switch (kind) {
        case TimelineKind::Action:
            return ImGui::GetStyleColorVec4(ImGuiCol_Text);
        case TimelineKind::Response:
            return palette::kGood;
        case TimelineKind::Event:
            return palette::kBad;
        case TimelineKind::Message:
            return palette::kPending;
        case TimelineKind::Checkpoint:
            return ImVec4(0.34f, 0.71f, 0.91f, 1.0f);  // sky blue
    }
    return ImGui::GetStyleColorVec4(ImGuiCol_Text);
}

}  // namespace

void InvestigatorUi::draw_timeline_tab(const Casefile& casefile) {
    // Three columns when the panel has room; on a narrow panel (projector scales) the date and
    // kind sit above the text, which keeps the whole width.
    const bool narrow = ImGui::GetContentRegionAvail().x < scaled(420.0f);
    constexpr ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollY |
                                      ImGuiTableFlags_BordersInnerH |
                                      ImGuiTableFlags_SizingFixedFit;
    if (!ImGui::BeginTable("timeline", narrow ? 1 : 3, flags)) return;
    ImGui::TableSetupScrollFreeze(0, 1);
    if (!narrow) {
        ImGui::TableSetupColumn(tr("ui.timeline.when"), ImGuiTableColumnFlags_WidthFixed);
        ImGui::TableSetupColumn(tr("ui.timeline.kind"), ImGuiTableColumnFlags_WidthFixed);
    }
    ImGui::TableSetupColumn(tr("ui.timeline.what"), ImGuiTableColumnFlags_WidthStretch);
    table_headers();
    // Newest first: what just happened is what the trainee wants to read.
    const auto& entries = casefile.timeline;
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(entries.size()));
    while (clipper.Step()) {
        for (int row = clipper.DisplayStart; row < clipper.DisplayEnd; ++row) {
            const TimelineEntry& e = entries[entries.size() - 1 - static_cast<std::size_t>(row)];
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::TextDisabled("%s", sim_date_short(casefile.briefing, e.at).c_str());
            const char* kind = tr(key_of(e.kind));
            if (narrow)
                same_line_or_wrap(ImGui::CalcTextSize(kind).x);
            else
                ImGui::TableNextColumn();
            ImGui::TextColored(colour_of(e.kind), "%s", kind);
            note_text(kind);
            if (!narrow) ImGui::TableNextColumn();
            cell_text(render(e.text));
        }
    }
    ImGui::EndTable();
}

}  // namespace mt::ui
