// The case as the trainee receives it: the victim's report, what will be scored and the limits.
#include "i18n/catalogue.hpp"
#include "ui/format.hpp"
#include "ui/investigator_ui.hpp"
#include "ui/widgets.hpp"

namespace mt::ui {
namespace {

// A heading and its items as bullets; nothing when there are none.
void bullet_list(const char* heading_key, const std::vector<LocalizedText>& items) {
    if (items.empty()) return;
    heading(tr(heading_key));
    for (const LocalizedText& item : items) {
        ImGui::Bullet();
        text_wrapped(text_of(item));
    }
    ImGui::Spacing();
}

}  // namespace

void InvestigatorUi::draw_briefing_tab(const Casefile& casefile) {
    const CaseBriefing& b = casefile.briefing;
    ImGui::BeginChild("briefing_scroll");
    {
        FontScope title(fonts().title);
        text_wrapped(text_of(b.title));
    }
    std::string facts = trf("ui.picker.facts",
                            {difficulty_text(b.difficulty), std::to_string(b.estimated_minutes)});
    for (std::size_t i = 0; i < b.typologies.size(); ++i)
        facts += (i ? ", " : "  ·  ") + typology_text(b.typologies[i]);
    text_disabled(facts);
    ImGui::Separator();
    text_wrapped(text_of(b.briefing));
    ImGui::Spacing();

    bullet_list("ui.briefing.objectives", b.objective_titles);
    bullet_list("ui.briefing.learning", b.learning_objectives);
    heading(tr("ui.briefing.facts"));
    if (ImGui::BeginTable("briefing_facts", 2, ImGuiTableFlags_SizingFixedFit)) {
        auto row = [](const char* name, const std::string& value) {
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::TextDisabled("%s", name);
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(value.c_str());
        };
        row(tr("ui.briefing.start"), sim_date(b, 0));
        row(tr("ui.briefing.budget"), duration_text(b.time_budget));
        row(tr("ui.briefing.jurisdiction"),
            b.home_jurisdiction.empty() ? "-" : b.home_jurisdiction);
        row(tr("ui.briefing.hints"), std::to_string(b.hints_available));
        ImGui::EndTable();
    }
    ImGui::EndChild();
}

}  // namespace mt::ui
