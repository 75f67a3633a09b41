// The instructor console: one screen, laid out for a laptop (and readable on a projector with the
// presenter scale). The header and controls on top; trainees and the inject box on the left; the
// leaderboard and where the room is stuck on the right.
#include "ui/console_window.hpp"

#include <algorithm>
#include <cstdio>

#include "i18n/catalogue.hpp"
#include "model/short_id.hpp"
#include "ui/format.hpp"
#include "ui/palette.hpp"
#include "ui/qr_code.hpp"
#include "ui/widgets.hpp"

namespace mt::ui {
namespace {

constexpr std::size_t kLeaderboardRows = 10;

ImVec4 state_colour(std::string_view state) {
    if (state == "running") return palette::kGood;
    if (state == "paused") return ImVec4(0.90f, 0.62f, 0.0f, 1.0f);  // Okabe-Ito orange
    if (state == "ended") return palette::kBad;
    return ImVec4(0.34f, 0.71f, 0.91f, 1.0f);  // sky blue: waiting in the lobby
}

std::string state_text(std::string_view state) {
    if (state.empty()) return tr("ui.console.state.unknown");
    return tr("ui.console.state." + std::string(state));
}

std::string idle_text(std::int64_t seconds) {
    if (seconds < 0) return "-";
    if (seconds < 60) return trf("ui.console.idle_seconds", {std::to_string(seconds)});
    return trf("ui.console.idle_minutes", {std::to_string(seconds / 60)});
}

// A thin bar for "n of total", with the text on top.
void share_bar(int n, int total, const std::string& text) {
    const float share = total > 0 ? static_cast<float>(n) / static_cast<float>(total) : 0.0f;
    ImGui::ProgressBar(share, ImVec2(-1.0f, 0.0f), text.c_str());
}

bool control(std::string_view key, std::string_view state, ConsoleCommandKind kind) {
    DisabledScope disabled(!command_allowed(state, kind));
    return button(key, "console." + std::string(key.substr(key.rfind('.') + 1)));
}

}  // namespace

void ConsoleWindow::draw(const ConsoleModel& model, std::vector<ConsoleCommand>& commands) {
    probe_.begin_frame();
    set_active_probe(&probe_);
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(viewport->WorkPos);
    ImGui::SetNextWindowSize(viewport->WorkSize);
    constexpr ImGuiWindowFlags flags =
        ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoCollapse |
        ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoTitleBar;
    const bool open = ImGui::Begin("###instructor_console", nullptr, flags);
    if (open && projector_) {
        draw_projector(model);
    } else if (open) {
        draw_header(model, commands);
        draw_controls(model, commands);
        ImGui::Separator();
        const float right_width = std::max(scaled(420.0f), ImGui::GetContentRegionAvail().x * 0.4f);
        const float left_width =
            ImGui::GetContentRegionAvail().x - right_width - ImGui::GetStyle().ItemSpacing.x;
        const float inject_height = ImGui::GetFrameHeightWithSpacing() * 3.0f +
                                    ImGui::GetTextLineHeightWithSpacing() * 2.0f;
        ImGui::BeginChild("left", ImVec2(left_width, 0.0f));
        ImGui::BeginChild("trainees", ImVec2(0.0f, -inject_height), true);
        draw_trainees(model, commands);
        ImGui::EndChild();
        draw_inject(model, commands);
        ImGui::EndChild();
        ImGui::SameLine();
        ImGui::BeginChild("right", ImVec2(0.0f, 0.0f), true);
        if (!detail_.empty() && model.detail_name == detail_) {
            draw_detail(model, commands);
        } else {
            draw_leaderboard(model);
            draw_stuck(model);
            draw_penalised(model);
        }
        ImGui::EndChild();
    }
    ImGui::End();
    set_active_probe(nullptr);
}

void ConsoleWindow::draw_header(const ConsoleModel& model, std::vector<ConsoleCommand>&) {
    {
        FontScope title(fonts().title);
        ImGui::TextUnformatted(tr("ui.console.title"));
    }
    if (!model.case_title.empty()) {
        ImGui::SameLine();
        text_disabled(text_of(model.case_title));
    }
    // The join code large, for the projector; the state as a coloured word.
    {
        FontScope title(fonts().title);
        ImGui::TextUnformatted(tr("ui.console.join_code"));
        ImGui::SameLine();
        ImGui::TextColored(ImVec4(0.94f, 0.89f, 0.26f, 1.0f), "%s",
                           model.join_code.empty() ? "------" : model.join_code.c_str());
        probe("console.join_code");
        ImGui::SameLine(0.0f, scaled(40.0f));
        ImGui::TextColored(state_colour(model.state), "%s", state_text(model.state).c_str());
        probe("console.state");
    }
    if (!model.server.empty()) text_disabled(trf("ui.console.server", {model.server}));
    if (!model.browser_url.empty()) {
        // Large enough to read from the back of the room, and as a QR code for tablets.
        draw_qr_code(model.browser_qr, scaled(3.0f));
        probe("console.browser_qr");
        ImGui::SameLine();
        FontScope title(fonts().title);
        ImGui::TextUnformatted(trf("ui.console.browser_address", {model.browser_url}).c_str());
        probe("console.browser_url");
    }
    if (!model.connection_error.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, palette::kBad);
        text_wrapped(trf("ui.console.unreachable", {model.connection_error}));
        ImGui::PopStyleColor();
        probe("console.unreachable");
    }
}

// The screen for the room's projector: the join address with its QR code and the room's
// progress as a whole, nothing about any one trainee.
void ConsoleWindow::draw_projector(const ConsoleModel& model) {
    if (button("ui.console.projector_back", "console.projector_back")) projector_ = false;
    ImGui::Spacing();
    {
        FontScope title(fonts().title);
        text_wrapped(text_of(model.case_title));
        ImGui::TextUnformatted(tr("ui.console.join_code"));
        ImGui::SameLine();
        ImGui::TextColored(ImVec4(0.94f, 0.89f, 0.26f, 1.0f), "%s",
                           model.join_code.empty() ? "------" : model.join_code.c_str());
        probe("console.projector_code");
    }
    if (!model.browser_url.empty()) {
        draw_qr_code(model.browser_qr, scaled(6.0f));
        probe("console.projector_qr");
        ImGui::SameLine();
        FontScope title(fonts().title);
        text_wrapped(trf("ui.console.browser_address", {model.browser_url}));
        probe("console.projector_url");
    } else if (!model.server.empty()) {
        FontScope title(fonts().title);
        text_wrapped(trf("ui.console.server", {model.server}));
        probe("console.projector_url");
    }
    ImGui::Spacing();
    std::size_t started = 0, submitted = 0;
    int met = 0, total = 0;
    for (const ConsoleTrainee& t : model.trainees) {
        started += t.actions > 0 ? 1 : 0;
        submitted += t.submitted ? 1 : 0;
        met += t.objectives_met;
        total += t.objectives_total;
    }
    FontScope title(fonts().title);
    text_wrapped(render(Message("ui.console.room_counts")
                            .arg("count", model.trainees.size())
                            .arg("started", started)
                            .arg("submitted", submitted)));
    probe("console.projector_counts");
    share_bar(
        met, total,
        render(
            Message("ui.console.room_progress").arg("percent", total > 0 ? met * 100 / total : 0)));
    probe("console.projector_progress");
}

void ConsoleWindow::draw_controls(const ConsoleModel& model, std::vector<ConsoleCommand>& out) {
    if (button("ui.console.projector", "console.projector")) projector_ = true;
    ImGui::SameLine();
    const std::string& s = model.state;
    if (control("ui.console.start", s, ConsoleCommandKind::Start))
        out.push_back({ConsoleCommandKind::Start, {}});
    ImGui::SameLine();
    if (control("ui.console.pause", s, ConsoleCommandKind::Pause))
        out.push_back({ConsoleCommandKind::Pause, {}});
    ImGui::SameLine();
    if (control("ui.console.resume", s, ConsoleCommandKind::Resume))
        out.push_back({ConsoleCommandKind::Resume, {}});
    ImGui::SameLine();
    if (control("ui.console.hint_all", s, ConsoleCommandKind::HintAll))
        out.push_back({ConsoleCommandKind::HintAll, {}});
    ImGui::SameLine();
    // Ending cannot be undone: ask first.
    const std::string confirm = label("ui.console.end", "confirm_end");
    if (control("ui.console.end", s, ConsoleCommandKind::End)) ImGui::OpenPopup(confirm.c_str());
    if (ImGui::BeginPopupModal(confirm.c_str(), nullptr, ImGuiWindowFlags_AlwaysAutoResize)) {
        ImGui::PushTextWrapPos(scaled(420.0f));
        ImGui::TextUnformatted(tr("ui.console.end_confirm"));
        ImGui::PopTextWrapPos();
        if (button("ui.console.end", "console.end_confirm")) {
            out.push_back({ConsoleCommandKind::End, {}});
            ImGui::CloseCurrentPopup();
        }
        ImGui::SameLine();
        if (button("ui.common.cancel")) ImGui::CloseCurrentPopup();
        ImGui::EndPopup();
    }
    ImGui::SameLine(0.0f, scaled(32.0f));
    if (control("ui.console.export_csv", s, ConsoleCommandKind::ExportCsv))
        out.push_back({ConsoleCommandKind::ExportCsv, {}});
    ImGui::SameLine();
    if (control("ui.console.export_json", s, ConsoleCommandKind::ExportJson))
        out.push_back({ConsoleCommandKind::ExportJson, {}});
    ImGui::SameLine(0.0f, scaled(32.0f));
    draw_rejoin(model, out);
    if (!model.last_result.empty()) {
        ImGui::SameLine(0.0f, scaled(24.0f));
        ImGui::TextColored(model.last_failed ? palette::kBad : palette::kGood, "%s",
                           model.last_result.c_str());
        probe("console.last_result");
    }
}

void ConsoleWindow::draw_trainees(const ConsoleModel& model, std::vector<ConsoleCommand>& out) {
    heading(trf("ui.console.trainees", {std::to_string(model.trainees.size())}));
    if (model.trainees.empty()) {
        text_disabled(tr("ui.console.none_joined"));
        return;
    }
    // Who may be stuck, counted where the instructor looks first.
    const auto idle = std::count_if(
        model.trainees.begin(), model.trainees.end(),
        [&](const ConsoleTrainee& t) { return status_of(t, model.state) == TraineeStatus::Idle; });
    if (idle > 0) {
        ImGui::SameLine(0.0f, scaled(24.0f));
        ImGui::TextColored(
            palette::kBad, "%s",
            render(Message("ui.console.idle_alert").arg("count", static_cast<long long>(idle)))
                .c_str());
        probe("console.idle_alert");
    }
    ImGui::SetNextItemWidth(std::min(scaled(320.0f), ImGui::GetContentRegionAvail().x));
    ImGui::InputTextWithHint("###trainee_filter", tr("ui.console.filter_hint"), &order_.filter);
    probe("console.filter");

    constexpr ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH |
                                      ImGuiTableFlags_ScrollY | ImGuiTableFlags_SizingStretchProp |
                                      ImGuiTableFlags_Sortable;
    if (!ImGui::BeginTable("trainees_table", 7, flags)) return;
    ImGui::TableSetupScrollFreeze(0, 1);
    constexpr TraineeColumn kColumns[] = {TraineeColumn::Name,       TraineeColumn::Agency,
                                          TraineeColumn::Actions,    TraineeColumn::Name,
                                          TraineeColumn::Objectives, TraineeColumn::Score,
                                          TraineeColumn::Status};
    ImGui::TableSetupColumn(tr("ui.console.col.name"),
                            ImGuiTableColumnFlags_WidthStretch | ImGuiTableColumnFlags_DefaultSort,
                            3.0f);
    ImGui::TableSetupColumn(tr("ui.console.col.agency"), ImGuiTableColumnFlags_WidthStretch, 1.5f);
    ImGui::TableSetupColumn(tr("ui.console.col.actions"), ImGuiTableColumnFlags_WidthStretch, 1.0f);
    ImGui::TableSetupColumn(tr("ui.console.col.sim_time"),
                            ImGuiTableColumnFlags_WidthStretch | ImGuiTableColumnFlags_NoSort,
                            1.2f);
    ImGui::TableSetupColumn(tr("ui.console.col.objectives"), ImGuiTableColumnFlags_WidthStretch,
                            2.0f);
    ImGui::TableSetupColumn(tr("ui.console.col.score"), ImGuiTableColumnFlags_WidthStretch, 1.2f);
    // The status ("Working (seen 22 s ago)") is the longest cell: it gets the most room.
    ImGui::TableSetupColumn(tr("ui.console.col.status"), ImGuiTableColumnFlags_WidthStretch, 2.9f);
    ImGui::TableHeadersRow();
    if (ImGuiTableSortSpecs* specs = ImGui::TableGetSortSpecs(); specs && specs->SpecsCount > 0) {
        const ImGuiTableColumnSortSpecs& spec = specs->Specs[0];
        order_.column = kColumns[spec.ColumnIndex];
        order_.descending = spec.SortDirection == ImGuiSortDirection_Descending;
    }
    for (const std::size_t index : ordered_trainees(model.trainees, order_)) {
        const ConsoleTrainee& t = model.trainees[index];
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        const std::string name = fitted_text(t.name, ImGui::GetContentRegionAvail().x);
        // A click drills into the trainee: their path, requests, notes and time line.
        ImGui::PushID(t.name.c_str());
        if (ImGui::Selectable(name.c_str(), detail_ == t.name)) {
            detail_ = t.name;
            out.push_back({ConsoleCommandKind::TraineeDetail, {}, t.name});
        }
        ImGui::PopID();
        probe("console.trainee:" + t.name);
        if (ImGui::IsItemHovered())
            ImGui::SetTooltip("%s\n%s", t.name.c_str(), tr("ui.console.detail_hint"));
        ImGui::TableNextColumn();
        ImGui::TextDisabled("%s", fitted_text(t.agency, ImGui::GetContentRegionAvail().x).c_str());
        ImGui::TableNextColumn();
        ImGui::Text("%zu", t.actions);
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(t.sim_time.c_str());
        ImGui::TableNextColumn();
        share_bar(t.objectives_met, t.objectives_total,
                  trf("ui.console.of",
                      {std::to_string(t.objectives_met), std::to_string(t.objectives_total)}));
        ImGui::TableNextColumn();
        ImGui::Text("%d / %d", t.total, t.max);
        ImGui::TableNextColumn();
        switch (status_of(t, model.state)) {
            case TraineeStatus::Submitted:
                ImGui::TextColored(palette::kGood, "%s", tr("ui.console.submitted"));
                break;
            case TraineeStatus::InLobby:
                ImGui::TextDisabled("%s", tr("ui.console.in_lobby"));
                break;
            case TraineeStatus::Idle:
                ImGui::TextColored(palette::kBad, "%s",
                                   trf("ui.console.idle", {idle_text(t.idle_seconds)}).c_str());
                break;
            case TraineeStatus::Working:
                ImGui::TextDisabled("%s",
                                    trf("ui.console.working", {idle_text(t.idle_seconds)}).c_str());
                break;
        }
        probe("console.status:" + t.name);
    }
    ImGui::EndTable();
}

// One trainee as the instructor drills into them: the addresses they traced (with their notes),
// their requests with the answers, and their time line.
void ConsoleWindow::draw_detail(const ConsoleModel& model, std::vector<ConsoleCommand>& out) {
    if (button("ui.console.detail_back", "console.detail_back")) detail_.clear();
    ImGui::SameLine();
    if (button("ui.console.detail_refresh", "console.detail_refresh"))
        out.push_back({ConsoleCommandKind::TraineeDetail, {}, detail_});
    const Casefile& c = model.detail;
    heading(trf("ui.console.detail_title", {model.detail_name}));
    probe("console.detail");

    heading(tr("ui.console.detail_path"));
    bool any = false;
    for (const auto& [id, address] : c.addresses) {
        if (!address.explored_in && !address.explored_out && address.note.empty()) continue;
        any = true;
        mono_text(short_id(id, 24));
        if (!address.note.empty()) text_disabled(address.note);
    }
    if (!any) text_disabled(tr("ui.console.detail_none"));

    heading(tr("ui.console.detail_requests"));
    if (c.requests.empty()) text_disabled(tr("ui.console.detail_none"));
    for (const LegalRequestFile& r : c.requests) {
        text_wrapped(text_of(r.instrument_name).empty()
                         ? std::string(tr(key_of(r.instrument))) + " · " + text_of(r.service_name)
                         : text_of(r.instrument_name) + " · " + text_of(r.service_name));
        ImGui::Indent();
        text_disabled(std::string(tr(key_of(r.status))) + " · " + duration_text(r.sent_at));
        if (!r.response.key.empty()) text_wrapped(render(r.response));
        ImGui::Unindent();
    }
    probe("console.detail_requests");

    heading(tr("ui.console.detail_timeline"));
    for (std::size_t i = 0; i < c.timeline.size(); ++i) {
        const TimelineEntry& e = c.timeline[i];
        text_wrapped(duration_text(e.at) + "  " + render(e.text));
        probe("console.detail_entry:" + std::to_string(i + 1));
    }
}

void ConsoleWindow::draw_leaderboard(const ConsoleModel& model) {
    heading(tr("ui.console.leaderboard"));
    if (model.leaderboard.empty()) {
        text_disabled(tr("ui.console.none_joined"));
        return;
    }
    constexpr ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp;
    if (!ImGui::BeginTable("leaderboard_table", 3, flags)) return;
    ImGui::TableSetupColumn("#", ImGuiTableColumnFlags_WidthFixed, scaled(28.0f));
    ImGui::TableSetupColumn("name", ImGuiTableColumnFlags_WidthStretch);
    ImGui::TableSetupColumn("score", ImGuiTableColumnFlags_WidthFixed, scaled(110.0f));
    const std::size_t rows = std::min(model.leaderboard.size(), kLeaderboardRows);
    for (std::size_t i = 0; i < rows; ++i) {
        const ConsoleRank& r = model.leaderboard[i];
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::Text("%d", r.rank);
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(r.name.c_str());
        probe("console.rank:" + std::to_string(i));
        ImGui::TableNextColumn();
        ImGui::Text("%d (%d%%)%s", r.total, r.percent, r.submitted ? "  \u2713" : "");
    }
    ImGui::EndTable();
    if (model.leaderboard.size() > rows)
        text_disabled(trf("ui.console.more", {std::to_string(model.leaderboard.size() - rows)}));
    ImGui::Spacing();
}

void ConsoleWindow::draw_stuck(const ConsoleModel& model) {
    heading(tr("ui.console.stuck"));
    if (model.checkpoints.empty()) text_disabled(tr("ui.console.no_checkpoints"));
    for (std::size_t i : most_missed_checkpoints(model.checkpoints)) {
        const ConsoleCheckpoint& c = model.checkpoints[i];
        ImGui::PushID(static_cast<int>(i));
        text_wrapped(text_of(c.question));
        probe("console.checkpoint:" + c.id);
        share_bar(
            c.correct, c.opened,
            trf("ui.console.checkpoint_row",
                {std::to_string(c.correct), std::to_string(c.opened), std::to_string(c.answered)}));
        ImGui::PopID();
    }
    ImGui::Spacing();
    heading(tr("ui.console.objectives"));
    const int room = static_cast<int>(model.trainees.size());
    for (std::size_t i = 0; i < model.objectives.size(); ++i) {
        const ConsoleObjective& o = model.objectives[i];
        ImGui::PushID(static_cast<int>(i));
        text_wrapped(text_of(o.title));
        share_bar(o.met, room, trf("ui.console.of", {std::to_string(o.met), std::to_string(room)}));
        ImGui::PopID();
    }
    ImGui::Spacing();
}

void ConsoleWindow::draw_penalised(const ConsoleModel& model) {
    heading(tr("ui.console.penalised"));
    if (model.penalised.empty()) {
        text_disabled(tr("ui.console.penalised_none"));
        return;
    }
    for (const ConsolePenalised& p : model.penalised)
        text_wrapped(trf("ui.console.penalised_row",
                         {std::to_string(p.count), tr("penalty_kind." + p.kind), p.detail,
                          render(Message("count.trainees").arg("count", p.trainees))}));
}

// The instructor's approval of a rejoin: a trainee whose program lost their rejoin code (another
// computer, a cleared browser) asks; the instructor checks who it is, looks the code up here and
// reads it out to that trainee alone. The code shows only in this dialog, not on the screen.
void ConsoleWindow::draw_rejoin(const ConsoleModel& model, std::vector<ConsoleCommand>& out) {
    const std::string title = label("ui.console.rejoin_title", "rejoin");
    if (control("ui.console.rejoin_open", model.state, ConsoleCommandKind::RejoinCode))
        ImGui::OpenPopup(title.c_str());
    if (!ImGui::BeginPopupModal(title.c_str(), nullptr, ImGuiWindowFlags_AlwaysAutoResize)) return;
    ImGui::PushTextWrapPos(scaled(420.0f));
    text_disabled(tr("ui.console.rejoin_help"));
    ImGui::PopTextWrapPos();
    const float rows = static_cast<float>(std::min<std::size_t>(model.trainees.size(), 10));
    ImGui::BeginChild("rejoin_names",
                      ImVec2(scaled(420.0f), std::max(1.0f, rows) * ImGui::GetFrameHeight()), true);
    for (const ConsoleTrainee& t : model.trainees) {
        if (ImGui::Selectable(t.name.c_str(), t.name == model.rejoin_name))
            out.push_back({ConsoleCommandKind::RejoinCode, {}, t.name});
        probe("console.rejoin_name:" + t.name);
    }
    ImGui::EndChild();
    if (!model.rejoin_code.empty()) {
        ImGui::TextUnformatted(trf("ui.console.rejoin_code_of", {model.rejoin_name}).c_str());
        FontScope large(fonts().title);
        ImGui::TextColored(ImVec4(0.94f, 0.89f, 0.26f, 1.0f), "%s", model.rejoin_code.c_str());
        probe("console.rejoin_code");
    }
    if (button("ui.common.close", "console.rejoin_close")) ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
}

void ConsoleWindow::draw_inject(const ConsoleModel& model, std::vector<ConsoleCommand>& out) {
    ImGui::TextUnformatted(tr("ui.console.inject"));
    const float field = ImGui::GetContentRegionAvail().x - scaled(90.0f);
    ImGui::SetNextItemWidth(field);
    ImGui::InputTextWithHint("##inject_en", tr("ui.console.inject_en"), &inject_en_);
    probe("console.inject_en");
    ImGui::SetNextItemWidth(field);
    ImGui::InputTextWithHint("##inject_es", tr("ui.console.inject_es"), &inject_es_);
    probe("console.inject_es");
    const bool empty = inject_en_.empty() && inject_es_.empty();
    DisabledScope disabled(empty || !command_allowed(model.state, ConsoleCommandKind::Inject));
    if (button("ui.console.send", "console.send")) {
        out.push_back({ConsoleCommandKind::Inject, {inject_en_, inject_es_}});
        inject_en_.clear();
        inject_es_.clear();
    }
}

}  // namespace mt::ui
