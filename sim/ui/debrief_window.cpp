// After submitting: the score per objective with its explanation, recovery, checkpoints,
// penalties, the grade, and the expert's path through the case to compare with the trainee's.
#include <algorithm>
#include <string>
#include <vector>

#include "i18n/catalogue.hpp"
#include "ui/format.hpp"
#include "ui/investigator_ui.hpp"
#include "ui/palette.hpp"
#include "ui/widgets.hpp"

namespace mt::ui {
namespace {

ImVec4 share_colour(int earned, int points) {
    if (points > 0 && earned >= points) return palette::kGood;
    if (earned <= 0) return palette::kBad;
    return palette::kPending;
}

// Choice answers are option ids; show the option's text.
std::string answer_text(const Casefile& casefile, const std::string& checkpoint,
                        const std::string& answer) {
    if (answer.empty()) return tr("ui.debrief.unanswered");
    for (const OpenCheckpoint& open : casefile.checkpoints) {
        if (open.id != checkpoint) continue;
        for (const CheckpointOptionView& option : open.options)
            if (option.id == answer) return text_of(option.text);
    }
    return answer;
}

ImVec4 status_colour(RequestStatus status) {
    switch (status) {
        case RequestStatus::Fulfilled:
        case RequestStatus::Frozen:
            return palette::kGood;
        case RequestStatus::Declined:
        case RequestStatus::NothingFound:
            return palette::kBad;
        case RequestStatus::Pending:
            break;
    }
    return palette::kPending;
}

// How the total comes about: what was earned, what the penalties took, and the floor at zero.
void draw_score_arithmetic(const ScoreReport& score) {
    int objectives = 0;
    for (const ObjectiveResult& o : score.objectives) objectives += o.earned;
    int penalties = 0;
    for (const PenaltyItem& p : score.penalties) penalties += p.points;
    const int raw = objectives + score.recovery_earned - penalties;
    text_wrapped(render(Message("ui.debrief.arithmetic")
                            .arg("objectives", objectives)
                            .arg("recovery", score.recovery_earned)
                            .arg("penalties", penalties)
                            .arg("raw", raw)
                            .arg("total", score.total)));
    probe("debrief.arithmetic");
    if (raw < 0) {
        text_disabled(tr("ui.debrief.floored"));
        probe("debrief.floored");
    }
}

// Every legal request with how it ended and the service's reply, so a declined request reads as
// declined and says why.
void draw_debrief_requests(const Casefile& casefile) {
    if (casefile.requests.empty()) return;
    ImGui::Spacing();
    heading(tr("ui.debrief.requests"));
    for (std::size_t i = 0; i < casefile.requests.size(); ++i) {
        const LegalRequestFile& r = casefile.requests[i];
        ImGui::PushID(static_cast<int>(i));
        ImGui::TextColored(status_colour(r.status), "%s", tr(key_of(r.status)));
        probe("debrief.request_status:" + std::to_string(i + 1));
        ImGui::SameLine();
        text_wrapped(
            trf("ui.debrief.request_line",
                {trf("ui.legal.request_number", {std::to_string(i + 1)}), tr(key_of(r.instrument)),
                 text_of(r.service_name), duration_text(r.sent_at)}));
        if (!r.response.empty()) {
            ImGui::Indent();
            text_disabled(trf("ui.debrief.reply", {render(r.response)}));
            probe("debrief.reply:" + std::to_string(i + 1));
            ImGui::Unindent();
        }
        ImGui::PopID();
    }
}

}  // namespace

void InvestigatorUi::draw_debrief(UiHost& host, const Casefile& casefile, Region region) {
    if (!begin_pinned_window("###debrief", region)) return;
    const ScoreReport& score = *casefile.score;
    const float column = std::min(region.size.x - scaled(40.0f), scaled(1100.0f));
    const float indent = std::max(0.0f, (region.size.x - column) * 0.5f);
    ImGui::SetCursorPosX(indent);
    ImGui::BeginGroup();
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + column);

    text_disabled(trf("ui.debrief.title", {text_of(casefile.briefing.title)}));
    {
        FontScope title(fonts().title);
        ImGui::TextUnformatted(text_of(score.grade).c_str());
    }
    probe("debrief.grade");
    ImGui::TextUnformatted(
        trf("ui.debrief.total",
            {std::to_string(score.total), std::to_string(score.max), std::to_string(score.percent)})
            .c_str());
    draw_score_arithmetic(score);
    text_disabled(trf("ui.debrief.time_used",
                      {duration_text(casefile.now), duration_text(casefile.briefing.time_budget),
                       render(Message("count.actions").arg("count", casefile.actions_taken))}));
    if (button("ui.debrief.review")) state_.show_debrief = false;
    ImGui::SameLine();
    if (button("ui.debrief.back")) host.close_case();
    ImGui::Spacing();

    constexpr ImGuiTableFlags table_flags =
        ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingStretchProp;
    heading(tr("ui.debrief.objectives"));
    if (ImGui::BeginTable("objectives", 3, table_flags, ImVec2(column, 0))) {
        ImGui::TableSetupColumn(tr("ui.debrief.objective"), ImGuiTableColumnFlags_WidthStretch,
                                2.0f);
        ImGui::TableSetupColumn(tr("ui.debrief.points"), ImGuiTableColumnFlags_WidthFixed,
                                scaled(80.0f));
        ImGui::TableSetupColumn(tr("ui.debrief.explanation"), ImGuiTableColumnFlags_WidthStretch,
                                4.0f);
        ImGui::TableHeadersRow();
        for (const ObjectiveResult& objective : score.objectives) {
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            cell_text(text_of(objective.title));
            ImGui::TableNextColumn();
            ImGui::TextColored(share_colour(objective.earned, objective.points), "%d / %d",
                               objective.earned, objective.points);
            ImGui::TableNextColumn();
            cell_text(text_of(objective.debrief));
        }
        if (score.recovery_points > 0) {
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(tr("ui.debrief.recovery"));
            ImGui::TableNextColumn();
            ImGui::TextColored(share_colour(score.recovery_earned, score.recovery_points),
                               "%d / %d", score.recovery_earned, score.recovery_points);
            ImGui::TableNextColumn();
            cell_text(trf("ui.debrief.recovery_detail",
                          {usd_text(score.frozen_usd_cents), usd_text(score.at_stake_usd_cents)}));
        }
        ImGui::EndTable();
    }

    if (!score.checkpoints.empty()) {
        ImGui::Spacing();
        heading(tr("ui.debrief.checkpoints"));
        for (const CheckpointResult& result : score.checkpoints) {
            ImGui::PushID(result.id.c_str());
            ImGui::TextColored(result.is_correct ? palette::kGood : palette::kBad, "%s",
                               result.is_correct ? "✓" : "✗");
            ImGui::SameLine();
            {
                FontScope bold(fonts().bold);
                text_wrapped(text_of(result.question));
            }
            ImGui::Indent();
            text_wrapped(
                trf("ui.debrief.your_answer", {answer_text(casefile, result.id, result.given)}));
            if (!result.is_correct)
                text_wrapped(trf("ui.debrief.correct_answer",
                                 {answer_text(casefile, result.id, result.correct)}));
            text_disabled(text_of(result.explanation));
            ImGui::Unindent();
            ImGui::PopID();
        }
    }

    ImGui::Spacing();
    heading(tr("ui.debrief.penalties"));
    if (score.penalties.empty()) text_disabled(tr("ui.debrief.no_penalties"));
    if (!score.penalties.empty() &&
        ImGui::BeginTable("penalties", 3, table_flags, ImVec2(column, 0))) {
        ImGui::TableSetupColumn(tr("ui.debrief.penalty"), ImGuiTableColumnFlags_WidthStretch, 2.0f);
        ImGui::TableSetupColumn(tr("ui.debrief.points"), ImGuiTableColumnFlags_WidthFixed,
                                scaled(80.0f));
        ImGui::TableSetupColumn(tr("ui.debrief.detail"), ImGuiTableColumnFlags_WidthStretch, 4.0f);
        ImGui::TableHeadersRow();
        for (const PenaltyItem& penalty : score.penalties) {
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(tr(key_of(penalty.kind)));
            ImGui::TableNextColumn();
            ImGui::TextColored(palette::kBad, "-%d", penalty.points);
            ImGui::TableNextColumn();
            cell_text(penalty.detail);
        }
        ImGui::EndTable();
    }

    draw_debrief_requests(casefile);

    ImGui::Spacing();
    heading(tr("ui.debrief.paths"));
    if (!casefile.expert_summary.empty()) text_wrapped(text_of(casefile.expert_summary));
    // The trainee's steps beside the expert's, step by step, so the first divergence shows.
    std::vector<const TimelineEntry*> own_steps;
    for (const TimelineEntry& entry : casefile.timeline)
        if (entry.kind == TimelineKind::Action) own_steps.push_back(&entry);
    const std::size_t rows = std::max(own_steps.size(), casefile.expert_solution.size());
    if (rows > 0 && ImGui::BeginTable("paths", 2, table_flags, ImVec2(column, 0))) {
        ImGui::TableSetupColumn(
            trf("ui.debrief.your_path", {std::to_string(own_steps.size())}).c_str());
        ImGui::TableSetupColumn(
            trf("ui.debrief.expert_path_steps", {std::to_string(casefile.expert_solution.size())})
                .c_str());
        ImGui::TableHeadersRow();
        for (std::size_t i = 0; i < rows; ++i) {
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            if (i < own_steps.size()) {
                // When, in simulated time since the case opened, beside what.
                ImGui::TextDisabled("%zu.  +%s", i + 1, duration_text(own_steps[i]->at).c_str());
                probe("debrief.step_time:" + std::to_string(i + 1));
                cell_text(text_of(own_steps[i]->text));
            }
            ImGui::TableNextColumn();
            if (i < casefile.expert_solution.size())
                cell_text(std::to_string(i + 1) + ". " +
                          describe_action(casefile.expert_solution[i], &casefile));
        }
        ImGui::EndTable();
    }
    ImGui::PopTextWrapPos();
    ImGui::EndGroup();
    ImGui::End();
}

}  // namespace mt::ui
