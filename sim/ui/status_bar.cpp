// The clock across the top of the workspace: simulated date, time used and left, waiting for
// responses, the outcome of the last action, and submitting the findings.
#include <algorithm>
#include <cstdint>

#include "i18n/catalogue.hpp"
#include "ui/actions.hpp"
#include "ui/format.hpp"
#include "ui/investigator_ui.hpp"
#include "ui/palette.hpp"
#include "ui/widgets.hpp"

namespace mt::ui {

void InvestigatorUi::draw_status_bar(UiHost& host, const Casefile& casefile, Region region) {
    ImGui::SetNextWindowPos(region.pos);
    ImGui::SetNextWindowSize(region.size);
    constexpr ImGuiWindowFlags flags =
        ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoCollapse |
        ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoTitleBar |
        ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoBringToFrontOnFocus;
    if (!ImGui::Begin("###status_bar", nullptr, flags)) {
        ImGui::End();
        return;
    }
    const CaseBriefing& b = casefile.briefing;
    ImGui::AlignTextToFramePadding();
    {
        FontScope bold(fonts().bold);
        ImGui::TextUnformatted(sim_date(b, casefile.now).c_str());
    }
    probe("status.clock");
    ImGui::SameLine();
    ImGui::TextDisabled("%s", trf("ui.clock.elapsed", {duration_text(casefile.now)}).c_str());
    ImGui::SameLine();
    const SimSeconds left = b.time_budget - casefile.now;
    if (left >= 0) {
        ImGui::TextUnformatted(trf("ui.clock.budget_left", {duration_text(left)}).c_str());
    } else {
        ImGui::TextColored(palette::kBad, "%s",
                           trf("ui.clock.over_budget", {duration_text(-left)}).c_str());
    }
    probe("status.budget");

    const bool open = !casefile.submitted;
    ImGui::SameLine(0.0f, scaled(24.0f));
    ImGui::TextUnformatted(tr("ui.clock.wait"));
    struct WaitChoice {
        const char* key;
        SimSeconds span;
    };
    constexpr WaitChoice kWaits[] = {{"ui.clock.wait_1h", hours(1)},
                                     {"ui.clock.wait_8h", hours(8)},
                                     {"ui.clock.wait_1d", days(1)}};
    for (const WaitChoice& wait : kWaits) {
        ImGui::SameLine();
        DisabledScope disabled(!open);
        if (button(wait.key)) {
            emit(host, wait_action(wait.span));
        }
    }

    const auto pending =
        std::count_if(casefile.requests.begin(), casefile.requests.end(),
                      [](const LegalRequestFile& r) { return r.status == RequestStatus::Pending; });
    if (pending > 0) {
        ImGui::SameLine(0.0f, scaled(24.0f));
        ImGui::TextColored(palette::kPending, "%s",
                           trf("ui.clock.pending", {std::to_string(pending)}).c_str());
        if (ImGui::IsItemHovered()) {
            // The next response due, so the trainee knows how long to wait.
            SimSeconds next = INT64_MAX;
            for (const LegalRequestFile& r : casefile.requests)
                if (r.status == RequestStatus::Pending) next = std::min(next, r.due_at);
            ImGui::SetTooltip("%s", trf("ui.clock.next_due", {sim_date(b, next)}).c_str());
        }
    }

    if (const std::string where = host.session_location(); !where.empty()) {
        ImGui::SameLine(0.0f, scaled(24.0f));
        ImGui::PushStyleColor(ImGuiCol_Text, palette::kStub);
        ImGui::TextUnformatted(where.c_str());
        ImGui::PopStyleColor();
        probe("status.session_location");
    }

    // The submit button sits at the right edge; the last outcome fills the space before it.
    const std::string submit = label(casefile.submitted ? "ui.clock.submitted" : "ui.clock.submit");
    const float submit_width = ImGui::CalcTextSize(submit.c_str(), nullptr, true).x +
                               ImGui::GetStyle().FramePadding.x * 2.0f;
    const float right_edge = ImGui::GetWindowContentRegionMax().x;
    if (!state_.feedback.text.empty()) {
        ImGui::SameLine(0.0f, scaled(24.0f));
        const float room = right_edge - submit_width - scaled(16.0f) - ImGui::GetCursorPosX();
        if (room > scaled(60.0f)) {
            const ImVec2 at = ImGui::GetCursorScreenPos();
            const ImVec4 colour = state_.feedback.accepted ? palette::kGood : palette::kBad;
            ImGui::PushClipRect(at, ImVec2(at.x + room, at.y + ImGui::GetFrameHeight()), true);
            ImGui::TextColored(colour, "%s", state_.feedback.text.c_str());
            ImGui::PopClipRect();
            probe("status.feedback");
            if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", state_.feedback.text.c_str());
        }
    }
    ImGui::SameLine(right_edge - submit_width);
    {
        DisabledScope disabled(casefile.submitted);
        if (ImGui::Button(submit.c_str())) state_.submit_dialog = true;
        probe("ui.clock.submit");
    }
    ImGui::End();
}

}  // namespace mt::ui
