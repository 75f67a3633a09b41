// The clock across the top of the workspace: simulated date, time used and left, waiting for
// responses, the outcome of the last action, and submitting the findings.
#include <algorithm>
#include <cstdint>

#include "i18n/catalogue.hpp"
#include "model/action_builders.hpp"
#include "ui/format.hpp"
#include "ui/investigator_ui.hpp"
#include "ui/palette.hpp"
#include "ui/widgets.hpp"

namespace mt::ui {

// A message that arrived while the trainee worked (the instructor's, in a seminar) stays across
// the top, under the clock, until dismissed: in the Timeline alone it went unseen.
void InvestigatorUi::draw_message_banner(const Casefile& casefile) {
    std::size_t messages = 0;
    const TimelineEntry* latest = nullptr;
    for (const TimelineEntry& e : casefile.timeline)
        if (e.kind == TimelineKind::Message) {
            ++messages;
            latest = &e;
        }
    if (!state_.messages_seen) state_.messages_seen = messages;
    if (!latest || messages <= *state_.messages_seen) return;
    ImGui::PushStyleColor(ImGuiCol_Text, palette::kPending);
    {
        FontScope bold(fonts().bold);
        text_wrapped(trf("ui.status.message",
                         {sim_date_short(casefile.briefing, latest->at), render(latest->text)}));
    }
    ImGui::PopStyleColor();
    probe("status.message");
    if (button("ui.status.dismiss", "status.message_dismiss")) state_.messages_seen = messages;
}

void InvestigatorUi::draw_status_bar(UiHost& host, const Casefile& casefile, Region region) {
    if (!begin_pinned_window("###status_bar", region, ImGuiWindowFlags_NoScrollbar)) return;
    // The items flow left to right and wrap onto another row when the bar is too narrow
    // (projector scales); the workspace gives the bar the height its rows took.
    const CaseBriefing& b = casefile.briefing;
    const float gap = scaled(24.0f);
    const auto text_item = [&](const std::string& text, const ImVec4* colour, float spacing) {
        same_line_or_wrap(ImGui::CalcTextSize(text.c_str()).x, spacing);
        ImGui::AlignTextToFramePadding();
        if (colour) ImGui::PushStyleColor(ImGuiCol_Text, *colour);
        ImGui::TextUnformatted(text.c_str());
        if (colour) ImGui::PopStyleColor();
    };
    ImGui::AlignTextToFramePadding();
    {
        FontScope bold(fonts().bold);
        ImGui::TextUnformatted(sim_date(b, casefile.now).c_str());
    }
    probe("status.clock");
    const ImVec4 disabled = ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled);
    text_item(trf("ui.clock.elapsed", {duration_text(casefile.now)}), &disabled, -1.0f);
    note_text("ui.clock.elapsed");
    const SimSeconds left = b.time_budget - casefile.now;
    if (left >= 0)
        text_item(trf("ui.clock.budget_left", {duration_text(left)}), nullptr, -1.0f);
    else
        text_item(trf("ui.clock.over_budget", {duration_text(-left)}), &palette::kBad, -1.0f);
    probe("status.budget");

    const bool open = !casefile.submitted;
    text_item(tr("ui.clock.wait"), nullptr, gap);
    note_text("ui.clock.wait");
    struct WaitChoice {
        const char* key;
        SimSeconds span;
    };
    constexpr WaitChoice kWaits[] = {{"ui.clock.wait_1h", hours(1)},
                                     {"ui.clock.wait_8h", hours(8)},
                                     {"ui.clock.wait_1d", days(1)}};
    for (const WaitChoice& wait : kWaits) {
        same_line_or_wrap(button_width(label(wait.key)));
        DisabledScope disabled_scope(!open);
        if (button(wait.key)) {
            emit(host, wait_action(wait.span));
        }
    }

    const auto pending =
        std::count_if(casefile.requests.begin(), casefile.requests.end(),
                      [](const LegalRequestFile& r) { return r.status == RequestStatus::Pending; });
    if (pending > 0) {
        text_item(render(Message("ui.clock.pending").arg("count", static_cast<long long>(pending))),
                  &palette::kPending, gap);
        probe("status.pending");
        if (ImGui::IsItemHovered()) {
            // The next response due, so the trainee knows how long to wait.
            SimSeconds next = INT64_MAX;
            for (const LegalRequestFile& r : casefile.requests)
                if (r.status == RequestStatus::Pending) next = std::min(next, r.due_at);
            ImGui::SetTooltip("%s", trf("ui.clock.next_due", {sim_date(b, next)}).c_str());
        }
    }

    if (const std::string where = host.session_location(); !where.empty()) {
        const ImVec4 stub = ImGui::ColorConvertU32ToFloat4(palette::kStub);
        text_item(where, &stub, gap);
        probe("status.session_location");
    }

    // The submit button sits at the right edge of the last row; the last outcome fills the space
    // before it, shortened with "…" when long (whole on hover, and in the Timeline).
    const std::string submit = label(casefile.submitted ? "ui.clock.submitted" : "ui.clock.submit");
    const float submit_width = button_width(submit);
    const float right_edge = ImGui::GetWindowContentRegionMax().x;
    const float window_x = ImGui::GetWindowPos().x;
    if (!state_.feedback.text.empty()) {
        const float start = ImGui::GetItemRectMax().x - window_x + gap;
        float room = right_edge - submit_width - scaled(16.0f) - start;
        if (room > scaled(120.0f)) {
            ImGui::SameLine(0.0f, gap);
        } else {
            room = right_edge - submit_width - scaled(16.0f) - ImGui::GetCursorStartPos().x;
        }
        const ImVec4 colour = state_.feedback.accepted ? palette::kGood : palette::kBad;
        const std::string shown = fitted_text(state_.feedback.text, room);
        ImGui::AlignTextToFramePadding();
        ImGui::TextColored(colour, "%s", shown.c_str());
        probe("status.feedback");
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", state_.feedback.text.c_str());
    }
    if (ImGui::GetItemRectMax().x - window_x + ImGui::GetStyle().ItemSpacing.x + submit_width <=
        right_edge)
        ImGui::SameLine(right_edge - submit_width);
    else
        ImGui::SetCursorPosX(right_edge - submit_width);
    {
        DisabledScope disabled_scope(casefile.submitted);
        if (ImGui::Button(submit.c_str())) state_.submit_dialog = true;
        probe("ui.clock.submit");
    }
    draw_message_banner(casefile);
    status_height_ = ImGui::GetCursorPosY() - ImGui::GetStyle().ItemSpacing.y +
                     ImGui::GetStyle().WindowPadding.y;
    ImGui::End();
}

}  // namespace mt::ui
