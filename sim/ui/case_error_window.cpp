// Shown instead of the workspace when a case file could not be loaded: every problem found, each
// with its file position, YAML path and what was expected.
#include <filesystem>

#include "i18n/catalogue.hpp"
#include "ui/investigator_ui.hpp"
#include "ui/palette.hpp"
#include "ui/widgets.hpp"

namespace mt::ui {

void InvestigatorUi::draw_case_error(UiHost& host, const CaseLoadFailure& failure, Region region) {
    if (!begin_pinned_window("###case_error", region)) return;
    {
        FontScope title(fonts().title);
        ImGui::PushStyleColor(ImGuiCol_Text, palette::kBad);
        ImGui::TextUnformatted(tr("ui.case_error.title"));
        ImGui::PopStyleColor();
    }
    text_wrapped(render(Message("ui.case_error.intro")
                            .arg("path", failure.path)
                            .arg("count", failure.problems.size())));
    if (button("ui.case_error.back")) host.close_case();
    ImGui::Separator();

    constexpr ImGuiTableFlags table_flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH |
                                            ImGuiTableFlags_Resizable | ImGuiTableFlags_ScrollY;
    if (ImGui::BeginTable("problems", 3, table_flags)) {
        ImGui::TableSetupScrollFreeze(0, 1);
        ImGui::TableSetupColumn(tr("ui.case_error.where"), ImGuiTableColumnFlags_WidthFixed,
                                scaled(260.0f));
        ImGui::TableSetupColumn(tr("ui.case_error.yaml_path"), ImGuiTableColumnFlags_WidthFixed,
                                scaled(220.0f));
        ImGui::TableSetupColumn(tr("ui.case_error.problem"), ImGuiTableColumnFlags_WidthStretch);
        table_headers();
        // Every row drawn (at most the loader's 500 diagnostics): wrapped problems make rows of
        // different heights, which a list clipper would cut from the scroll range.
        for (const Diagnostic& problem : failure.problems) {
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            // The heading names the full path; a row only needs to tell the case file from its
            // ledger side file.
            std::string where = std::filesystem::path(problem.file).filename().string();
            if (problem.line > 0)
                where += ':' + std::to_string(problem.line) + ":" + std::to_string(problem.column);
            // Long side-file names and deep YAML paths wrap in their cells instead of being
            // cut.
            ImGui::PushTextWrapPos(0.0f);
            mono_text(where);
            ImGui::TableNextColumn();
            mono_text(problem.yaml_path);
            ImGui::PopTextWrapPos();
            ImGui::TableNextColumn();
            text_wrapped(render(problem.message));
        }
        ImGui::EndTable();
    }
    ImGui::End();
}

}  // namespace mt::ui
