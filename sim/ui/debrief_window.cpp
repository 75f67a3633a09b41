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

// Choice answers are option ids; show the option's text (as the score gives it, or as the
// question the trainee was asked lists it).
std::string answer_text(const Casefile& casefile, const std::string& checkpoint,
                        const std::string& answer, const LocalizedText& worded) {
    if (answer.empty()) return tr("ui.debrief.unanswered");
    if (!worded.empty()) return text_of(worded);
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

// Each of the adversary's moves of funds against when the trainee's freeze of it landed: "your
// freeze landed at +44 h; the withdrawal was at +36 h".
void draw_debrief_adversary(const Casefile& casefile) {
    if (casefile.adversary_moves.empty()) return;
    ImGui::Spacing();
    heading(tr("ui.debrief.adversary"));
    for (std::size_t i = 0; i < casefile.adversary_moves.size(); ++i) {
        const AdversaryMove& move = casefile.adversary_moves[i];
        const char* key = move.prevented          ? "ui.debrief.move_prevented"
                          : !move.due             ? "ui.debrief.move_after_submit"
                          : move.freeze_landed_at ? "ui.debrief.move_late"
                                                  : "ui.debrief.move_unfrozen";
        Message line(key);
        line.arg("holding", move.holding)
            .arg("custodian", move.custodian)
            .arg("moved", duration_text(move.at));
        if (move.freeze_landed_at) line.arg("landed", duration_text(*move.freeze_landed_at));
        ImGui::TextColored(move.prevented ? palette::kGood
                           : move.due     ? palette::kBad
                                          : palette::kPending,
                           "%s",
                           move.prevented ? "✓"
                           : move.due     ? "✗"
                                          : "…");
        ImGui::SameLine();
        text_wrapped(render(line));
        probe("debrief.move:" + std::to_string(i + 1));
        if (move.tip_off_at)
            text_disabled(render(Message("ui.debrief.tipped_off")
                                     .arg("service", move.tipped_by)
                                     .arg("notice", duration_text(*move.tip_off_at))));
    }
}

// One row of the debrief's time line: who did what when.
struct TimeLineRow {
    SimSeconds at = 0;
    bool timed = true;       // expert steps of a casefile saved without their times are not
    int lane = 0;            // 0 the trainee, 1 the adversary, 2 the expert
    std::size_t number = 0;  // 1-based within its lane
    std::string text;
    bool stopped = false;  // an adversary's move a freeze prevented
};

std::vector<TimeLineRow> time_line_rows(const Casefile& casefile) {
    std::vector<TimeLineRow> rows;
    std::size_t own = 0;
    for (const TimelineEntry& entry : casefile.timeline)
        if (entry.kind == TimelineKind::Action)
            rows.push_back({entry.at, true, 0, ++own, render(entry.text)});
    for (std::size_t i = 0; i < casefile.adversary_moves.size(); ++i) {
        const AdversaryMove& move = casefile.adversary_moves[i];
        const char* key = move.prevented ? "ui.debrief.stopped_lane"
                          : move.due     ? "ui.debrief.moved_lane"
                                         : "ui.debrief.would_move_lane";
        rows.push_back({move.at, true, 1, i + 1,
                        render(Message(key).arg("custodian", move.custodian)), move.prevented});
    }
    const bool expert_timed = casefile.expert_times.size() == casefile.expert_solution.size();
    for (std::size_t i = 0; i < casefile.expert_solution.size(); ++i)
        rows.push_back({expert_timed ? casefile.expert_times[i] : 0, expert_timed, 2, i + 1,
                        describe_action(casefile.expert_solution[i], &casefile,
                                        i < casefile.expert_texts.size() ? &casefile.expert_texts[i]
                                                                         : nullptr)});
    // In time order; at equal times the trainee first, then the adversary, then the expert.
    std::stable_sort(rows.begin(), rows.end(), [](const TimeLineRow& a, const TimeLineRow& b) {
        if (a.timed != b.timed) return a.timed;
        if (a.at != b.at) return a.at < b.at;
        return a.lane < b.lane;
    });
    return rows;
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
        table_headers();
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
            text_wrapped(trf("ui.debrief.your_answer",
                             {answer_text(casefile, result.id, result.given, result.given_text)}));
            if (!result.is_correct)
                text_wrapped(
                    trf("ui.debrief.correct_answer",
                        {answer_text(casefile, result.id, result.correct, result.correct_text)}));
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
        table_headers();
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

    draw_debrief_adversary(casefile);

    ImGui::Spacing();
    heading(tr("ui.debrief.paths"));
    if (!casefile.expert_summary.empty()) text_wrapped(text_of(casefile.expert_summary));
    // The trainee's steps, the adversary's moves and the expert's steps on one clock, each in its
    // own column, so the first divergence and every late step show.
    const std::vector<TimeLineRow> rows = time_line_rows(casefile);
    std::size_t own_steps = 0;
    for (const TimeLineRow& row : rows) own_steps += row.lane == 0 ? 1 : 0;
    const int lanes = casefile.adversary_moves.empty() ? 2 : 3;
    if (!rows.empty() && ImGui::BeginTable("paths", lanes + 1, table_flags, ImVec2(column, 0))) {
        const std::string when = tr("ui.debrief.when");
        ImGui::TableSetupColumn(
            when.c_str(), ImGuiTableColumnFlags_WidthFixed,
            std::max(ImGui::CalcTextSize(when.c_str()).x, ImGui::CalcTextSize("+00d 00h 00m").x));
        ImGui::TableSetupColumn(trf("ui.debrief.your_path", {std::to_string(own_steps)}).c_str(),
                                ImGuiTableColumnFlags_WidthStretch, 1.0f);
        if (lanes == 3)
            ImGui::TableSetupColumn(tr("ui.debrief.adversary_lane"),
                                    ImGuiTableColumnFlags_WidthStretch, 1.0f);
        ImGui::TableSetupColumn(
            trf("ui.debrief.expert_path_steps", {std::to_string(casefile.expert_solution.size())})
                .c_str(),
            ImGuiTableColumnFlags_WidthStretch, 1.0f);
        table_headers();
        for (const TimeLineRow& row : rows) {
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            // When, in simulated time since the case opened.
            if (row.timed) ImGui::TextDisabled("+%s", duration_text(row.at).c_str());
            static constexpr const char* kLaneProbe[] = {
                "debrief.step_time:", "debrief.move_time:", "debrief.expert_time:"};
            if (row.timed) probe(kLaneProbe[row.lane] + std::to_string(row.number));
            const int column_index = row.lane == 2 ? lanes : row.lane + 1;
            ImGui::TableSetColumnIndex(column_index);
            if (row.lane == 1) ImGui::PushStyleColor(ImGuiCol_Text, palette::kBad);
            cell_text(row.lane == 1 ? row.text : std::to_string(row.number) + ". " + row.text);
            if (row.lane == 1) ImGui::PopStyleColor();
        }
        ImGui::EndTable();
    }
    ImGui::PopTextWrapPos();
    ImGui::EndGroup();
    ImGui::End();
}

}  // namespace mt::ui
