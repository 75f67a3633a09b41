// The instructor console: one screen, laid out for a laptop (and readable on a projector with the
// presenter scale). The header and controls on top; trainees and the inject box on the left; the
// leaderboard and where the room is stuck on the right.
#include "ui/console_window.hpp"

#include <algorithm>
#include <array>
#include <cmath>
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

float text_width(std::string_view text) {
    return ImGui::CalcTextSize(text.data(), text.data() + text.size()).x;
}

std::string leaderboard_score(const ConsoleRank& r) {
    return std::to_string(r.total) + " (" + std::to_string(r.percent) + "%)" +
           (r.submitted ? "  \u2713" : "");
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
        compact_ = !side_by_side(model);
        draw_header(model, commands);
        draw_controls(model, commands);
        ImGui::Separator();
        draw_panes(model, commands);
    }
    ImGui::End();
    set_active_probe(nullptr);
}

// The trainees beside the room's overview when the screen holds both; else (a projector at
// 1280x720, a large presenter scale) one of them at a time, chosen with two tabs, so the table
// keeps the columns the instructor watches.
float ConsoleWindow::trainees_width() const {
    const float avail = ImGui::GetContentRegionAvail().x;
    const float right_width = std::clamp(avail * 0.34f, scaled(320.0f), scaled(520.0f));
    return avail - right_width - ImGui::GetStyle().ItemSpacing.x;
}

bool ConsoleWindow::side_by_side(const ConsoleModel& model) const {
    const ImGuiStyle& style = ImGui::GetStyle();
    // The table's width inside the bordered child, less its scroll bar.
    const float table_room = trainees_width() - style.WindowPadding.x * 2.0f - style.ScrollbarSize;
    return table_room >= kept_columns_width(model);
}

void ConsoleWindow::draw_panes(const ConsoleModel& model, std::vector<ConsoleCommand>& commands) {
    const float left_width = trainees_width();
    const bool detail = !detail_.empty() && model.detail_name == detail_;
    // The table has the pane's whole height: a room of 35 is what the instructor reads.
    const auto trainees_pane = [&](float width) {
        ImGui::BeginChild("trainees", ImVec2(width, 0.0f), true);
        draw_trainees(model, commands);
        ImGui::EndChild();
    };
    const auto room_pane = [&] {
        ImGui::BeginChild("right", ImVec2(0.0f, 0.0f), true);
        if (detail) {
            draw_detail(model, commands);
        } else {
            if (compact_) draw_records(model, commands);
            draw_inject(model, commands);
            ImGui::Spacing();
            draw_leaderboard(model);
            draw_stuck(model);
            draw_penalised(model);
        }
        ImGui::EndChild();
    };
    if (!compact_) {
        trainees_pane(left_width);
        ImGui::SameLine();
        room_pane();
        return;
    }
    // One pane: a trainee drilled into shows in place of the table until Back.
    if (detail) {
        room_pane();
        return;
    }
    wrapping_tabs(
        {{"ui.console.tab_trainees", "console_trainees"}, {"ui.console.tab_room", "console_room"}},
        pane_);
    if (pane_ == "console_room")
        room_pane();
    else
        trainees_pane(0.0f);
}

void ConsoleWindow::draw_header(const ConsoleModel& model, std::vector<ConsoleCommand>&) {
    // On a short or narrow screen (a projector at 1280x720) the table needs the lines: the
    // title, and once the room has joined the address, give way (the projector view shows it).
    const bool joining = model.state == "lobby" || model.state.empty();
    if (!compact_) {
        {
            FontScope title(fonts().title);
            ImGui::TextUnformatted(tr("ui.console.title"));
        }
        if (!model.case_title.empty()) {
            ImGui::SameLine();
            text_disabled(text_of(model.case_title));
        }
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
    if (!model.browser_url.empty() && (joining || !compact_)) {
        // Large enough to read from the back of the room; while the room joins, as a QR code for
        // tablets too, where the screen has the height (later, or on a short screen, it would
        // take the trainee table's rows: the projector view has it then).
        const std::string address = trf("ui.console.browser_address", {model.browser_url});
        const bool tall = ImGui::GetMainViewport()->WorkSize.y >= scaled(640.0f);  // body text
        FontScope title(fonts().title);
        if (model.state == "lobby" && tall) {
            draw_qr_code(model.browser_qr, scaled(3.0f));
            probe("console.browser_qr");
            ImGui::SameLine();
            text_wrapped(address);
        } else {
            same_line_or_wrap(ImGui::CalcTextSize(address.c_str()).x, scaled(40.0f));
            text_wrapped(address);
        }
        probe("console.browser_url");
    }
    if (!model.server.empty() && (joining || !compact_))
        text_disabled(trf("ui.console.server", {model.server}));
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
    // One row while it fits, more rows at projector sizes: a control never runs off the screen.
    bool first = true;
    const auto place = [&](std::string_view key, float spacing = -1.0f) {
        if (!first) same_line_or_wrap(button_width(tr(key)), spacing);
        first = false;
    };
    place("ui.console.projector");
    if (button("ui.console.projector", "console.projector")) projector_ = true;
    const std::string& s = model.state;
    const std::pair<const char*, ConsoleCommandKind> pacing[] = {
        {"ui.console.start", ConsoleCommandKind::Start},
        {"ui.console.pause", ConsoleCommandKind::Pause},
        {"ui.console.resume", ConsoleCommandKind::Resume},
        {"ui.console.hint_all", ConsoleCommandKind::HintAll}};
    for (const auto& [key, kind] : pacing) {
        place(key);
        if (control(key, s, kind)) out.push_back({kind, {}});
    }
    // Ending cannot be undone: ask first.
    const std::string confirm = label("ui.console.end", "confirm_end");
    place("ui.console.end");
    const bool end = control("ui.console.end", s, ConsoleCommandKind::End);
    // The exports and the rejoin on the same rows while the screen holds both panes; else at the
    // top of the room's pane, leaving the trainee table the height.
    if (!compact_) {
        place("ui.console.export_csv", scaled(32.0f));
        draw_records(model, out);
    }
    if (end) ImGui::OpenPopup(confirm.c_str());
    if (ImGui::BeginPopupModal(confirm.c_str(), nullptr, ImGuiWindowFlags_AlwaysAutoResize)) {
        ImGui::PushTextWrapPos(scaled(420.0f));
        text_wrapped(tr("ui.console.end_confirm"));
        ImGui::PopTextWrapPos();
        if (button("ui.console.end", "console.end_confirm")) {
            out.push_back({ConsoleCommandKind::End, {}});
            ImGui::CloseCurrentPopup();
        }
        same_line_or_wrap(button_width(tr("ui.common.cancel")));
        if (button("ui.common.cancel")) ImGui::CloseCurrentPopup();
        ImGui::EndPopup();
    }
}

namespace {

struct ColumnText {
    const char* title;  // catalogue keys
    const char* tooltip;
};

ColumnText column_text(TraineeColumn column) {
    switch (column) {
        case TraineeColumn::Name:
            return {"ui.console.col.name", "ui.console.col_tip.name"};
        case TraineeColumn::Agency:
            return {"ui.console.col.agency", "ui.console.col_tip.agency"};
        case TraineeColumn::Actions:
            return {"ui.console.col.actions", "ui.console.col_tip.actions"};
        case TraineeColumn::SimTime:
            return {"ui.console.col.sim_time", "ui.console.col_tip.sim_time"};
        case TraineeColumn::Objectives:
            return {"ui.console.col.objectives", "ui.console.col_tip.objectives"};
        case TraineeColumn::Score:
            return {"ui.console.col.score", "ui.console.col_tip.score"};
        case TraineeColumn::Status:
            return {"ui.console.col.status", "ui.console.col_tip.status"};
    }
    return {"ui.console.col.name", nullptr};
}

float widest_word(std::string_view text) {
    float widest = 0.0f;
    std::size_t at = 0;
    while (at < text.size()) {
        const std::size_t end = std::min(text.find(' ', at), text.size());
        widest = std::max(widest, text_width(text.substr(at, end - at)));
        at = end + 1;
    }
    return widest;
}

std::string score_text(const ConsoleTrainee& t) {
    return std::to_string(t.total) + " / " + std::to_string(t.max);
}

std::string objectives_text(const ConsoleTrainee& t) {
    return trf("ui.console.of",
               {std::to_string(t.objectives_met), std::to_string(t.objectives_total)});
}

std::string status_text(const ConsoleTrainee& t, std::string_view state) {
    switch (status_of(t, state)) {
        case TraineeStatus::Submitted:
            return tr("ui.console.submitted");
        case TraineeStatus::InLobby:
            return tr("ui.console.in_lobby");
        case TraineeStatus::Idle:
            return trf("ui.console.idle", {idle_text(t.idle_seconds)});
        case TraineeStatus::Working:
            return trf("ui.console.working", {idle_text(t.idle_seconds)});
    }
    return {};
}

// The cell width each column needs for its title and its values in this room: a name or agency
// wider than a cap is shortened (whole on hover), a status wraps at its spaces, the rest show
// whole.
std::array<float, kTraineeColumns> column_widths(const ConsoleModel& model) {
    const float padding = ImGui::GetStyle().CellPadding.x * 2.0f;
    std::array<float, kTraineeColumns> content{};
    auto widen = [&](TraineeColumn c, float width) {
        float& w = content[static_cast<std::size_t>(c)];
        w = std::max(w, width);
    };
    widen(TraineeColumn::Objectives, scaled(80.0f));
    for (const ConsoleTrainee& t : model.trainees) {
        widen(TraineeColumn::Name, std::min(text_width(t.name), scaled(240.0f)));
        widen(TraineeColumn::Agency, std::min(text_width(t.agency), scaled(140.0f)));
        widen(TraineeColumn::Actions, text_width(std::to_string(t.actions)));
        widen(TraineeColumn::SimTime, text_width(t.sim_time));
        widen(TraineeColumn::Objectives,
              text_width(objectives_text(t)) + ImGui::GetStyle().FramePadding.x * 2.0f);
        widen(TraineeColumn::Score, text_width(score_text(t)));
        widen(TraineeColumn::Status, widest_word(status_text(t, model.state)));
    }
    std::array<float, kTraineeColumns> needed{};
    for (std::size_t c = 0; c < kTraineeColumns; ++c) {
        const float header =
            table_header_width(tr(column_text(static_cast<TraineeColumn>(c)).title), true);
        // A pixel over: ImGui floors column widths.
        needed[c] = std::max(header, content[c] + padding) + 1.0f;
    }
    // The right-most column loses its outer padding to the table's clip at projector scales.
    needed[static_cast<std::size_t>(TraineeColumn::Status)] += padding;
    return needed;
}

// The status column's width with every status on one line (the outer padding it loses
// included, as in column_widths).
float whole_status_width(const ConsoleModel& model) {
    float widest = 0.0f;
    for (const ConsoleTrainee& t : model.trainees)
        widest = std::max(widest, text_width(status_text(t, model.state)));
    return widest + ImGui::GetStyle().CellPadding.x * 4.0f + 1.0f;
}

}  // namespace

float ConsoleWindow::kept_columns_width(const ConsoleModel& model) const {
    const std::array<float, kTraineeColumns> needed = column_widths(model);
    float sum = 0.0f;
    for (const TraineeColumn c : fitting_columns(0.0f, needed))
        sum += needed[static_cast<std::size_t>(c)];
    return sum;
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
        const std::string alert =
            render(Message("ui.console.idle_alert").arg("count", static_cast<long long>(idle)));
        same_line_or_wrap(text_width(alert), scaled(24.0f));
        ImGui::TextColored(palette::kBad, "%s", alert.c_str());
        probe("console.idle_alert");
    }
    ImGui::SetNextItemWidth(std::min(scaled(320.0f), ImGui::GetContentRegionAvail().x));
    ImGui::InputTextWithHint("###trainee_filter", tr("ui.console.filter_hint"), &order_.filter);
    probe("console.filter");

    // The columns that fit, in the stated order of giving way.
    const std::array<float, kTraineeColumns> needed = column_widths(model);
    const float room = ImGui::GetContentRegionAvail().x - ImGui::GetStyle().ScrollbarSize;
    // A status on one line is worth more than the columns that give way: each row one line.
    std::array<float, kTraineeColumns> preferred = needed;
    const std::size_t status = static_cast<std::size_t>(TraineeColumn::Status);
    preferred[status] = std::max(needed[status], whole_status_width(model));
    const std::vector<TraineeColumn> columns = fitting_columns(room, preferred);
    const auto shows = [&](TraineeColumn c) {
        return std::find(columns.begin(), columns.end(), c) != columns.end();
    };
    constexpr ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH |
                                      ImGuiTableFlags_ScrollY | ImGuiTableFlags_Sortable;
    if (!ImGui::BeginTable("trainees_table", static_cast<int>(columns.size()), flags)) return;
    ImGui::TableSetupScrollFreeze(0, 1);
    const float padding = ImGui::GetStyle().CellPadding.x * 2.0f;
    // A column set that changes with the window starts the table afresh: it keeps the order.
    const TraineeColumn sorted = shows(order_.column) ? order_.column : TraineeColumn::Name;
    // Every column as wide as it needs; the status as wide as its longest text where the room
    // allows (one line a row: more rows on the screen), else wrapped; the name takes the rest.
    float others = 0.0f;
    for (const TraineeColumn c : columns)
        if (c != TraineeColumn::Status) others += needed[static_cast<std::size_t>(c)];
    const float status_width =
        std::max(needed[status], std::min(whole_status_width(model), room - others));
    std::vector<const char*> tooltips;
    for (const TraineeColumn c : columns) {
        const bool name = c == TraineeColumn::Name;
        ImGuiTableColumnFlags column_flags =
            name ? ImGuiTableColumnFlags_WidthStretch : ImGuiTableColumnFlags_WidthFixed;
        if (c == sorted) {
            column_flags |= ImGuiTableColumnFlags_DefaultSort;
            if (order_.descending) column_flags |= ImGuiTableColumnFlags_PreferSortDescending;
        }
        const float width =
            c == TraineeColumn::Status ? status_width : needed[static_cast<std::size_t>(c)];
        ImGui::TableSetupColumn(tr(column_text(c).title), column_flags,
                                name ? 1.0f : width - padding, static_cast<ImGuiID>(c));
        tooltips.push_back(column_text(c).tooltip);
    }
    table_headers(tooltips);
    if (ImGuiTableSortSpecs* specs = ImGui::TableGetSortSpecs(); specs && specs->SpecsCount > 0) {
        const ImGuiTableColumnSortSpecs& spec = specs->Specs[0];
        order_.column = static_cast<TraineeColumn>(spec.ColumnUserID);
        order_.descending = spec.SortDirection == ImGuiSortDirection_Descending;
    }
    for (const std::size_t index : ordered_trainees(model.trainees, order_)) {
        const ConsoleTrainee& t = model.trainees[index];
        ImGui::TableNextRow();
        for (const TraineeColumn c : columns) {
            ImGui::TableNextColumn();
            draw_trainee_cell(model, t, c, out);
        }
    }
    ImGui::EndTable();
}

void ConsoleWindow::draw_trainee_cell(const ConsoleModel& model, const ConsoleTrainee& t,
                                      TraineeColumn column, std::vector<ConsoleCommand>& out) {
    switch (column) {
        case TraineeColumn::Name: {
            const std::string name = fitted_text(t.name, ImGui::GetContentRegionAvail().x);
            // A click drills into the trainee: their path, requests, notes and time line.
            const ImVec2 at = ImGui::GetCursorScreenPos();
            ImGui::PushID(t.name.c_str());
            if (ImGui::Selectable(name.c_str(), detail_ == t.name)) {
                detail_ = t.name;
                out.push_back({ConsoleCommandKind::TraineeDetail, {}, t.name});
            }
            ImGui::PopID();
            // Clicked where the row is; checked where the name is (the row's highlight reaches
            // into the neighbouring cells' padding).
            const std::string key = "console.trainee:" + t.name;
            probe_rect(key, ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
            note_text_at(key, at, ImVec2(at.x + text_width(name), ImGui::GetItemRectMax().y));
            // The whole name, and what a dropped column would have said.
            if (ImGui::IsItemHovered()) {
                ImGui::BeginTooltip();
                ImGui::TextUnformatted(t.name.c_str());
                if (!t.agency.empty()) ImGui::TextDisabled("%s", t.agency.c_str());
                ImGui::TextUnformatted(render(Message("ui.console.trainee_tip")
                                                  .arg("count", static_cast<long long>(t.actions))
                                                  .arg("time", t.sim_time))
                                           .c_str());
                ImGui::TextDisabled("%s", tr("ui.console.detail_hint"));
                ImGui::EndTooltip();
            }
            return;
        }
        case TraineeColumn::Agency: {
            const std::string agency = fitted_text(t.agency, ImGui::GetContentRegionAvail().x);
            ImGui::TextDisabled("%s", agency.c_str());
            note_text(agency);
            return;
        }
        case TraineeColumn::Actions: {
            const std::string actions = std::to_string(t.actions);
            ImGui::TextUnformatted(actions.c_str());
            note_text(actions);
            return;
        }
        case TraineeColumn::SimTime:
            ImGui::TextUnformatted(t.sim_time.c_str());
            note_text(t.sim_time);
            return;
        case TraineeColumn::Objectives:
            // As tall as a line of text, so the rows stay as dense as the names: 35 at 1080 lines.
            ImGui::ProgressBar(
                t.objectives_total > 0
                    ? static_cast<float>(t.objectives_met) / static_cast<float>(t.objectives_total)
                    : 0.0f,
                ImVec2(-1.0f, ImGui::GetTextLineHeight()), objectives_text(t).c_str());
            probe("console.progress:" + t.name,
                  text_width(objectives_text(t)) + ImGui::GetStyle().FramePadding.x * 2.0f);
            return;
        case TraineeColumn::Score: {
            ImGui::TextUnformatted(score_text(t).c_str());
            probe("console.score:" + t.name);
            return;
        }
        case TraineeColumn::Status: {
            const TraineeStatus status = status_of(t, model.state);
            const ImVec4 colour = status == TraineeStatus::Submitted ? palette::kGood
                                  : status == TraineeStatus::Idle
                                      ? palette::kBad
                                      : ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled);
            ImGui::PushStyleColor(ImGuiCol_Text, colour);
            cell_text(status_text(t, model.state));
            ImGui::PopStyleColor();
            probe("console.status:" + t.name);
            return;
        }
    }
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
    // The rank and the score as wide as the widest shown; the name takes the rest.
    const std::size_t rows = std::min(model.leaderboard.size(), kLeaderboardRows);
    float score_width = 0.0f;
    for (std::size_t i = 0; i < rows; ++i)
        score_width = std::max(score_width, text_width(leaderboard_score(model.leaderboard[i])));
    ImGui::TableSetupColumn("#", ImGuiTableColumnFlags_WidthFixed,
                            text_width(std::to_string(model.leaderboard.size())));
    ImGui::TableSetupColumn("name", ImGuiTableColumnFlags_WidthStretch);
    ImGui::TableSetupColumn("score", ImGuiTableColumnFlags_WidthFixed, score_width);
    for (std::size_t i = 0; i < rows; ++i) {
        const ConsoleRank& r = model.leaderboard[i];
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::Text("%d", r.rank);
        ImGui::TableNextColumn();
        const std::string name = fitted_text(r.name, ImGui::GetContentRegionAvail().x);
        ImGui::TextUnformatted(name.c_str());
        probe("console.rank:" + std::to_string(i));
        if (name.size() != r.name.size() && ImGui::IsItemHovered())
            ImGui::SetTooltip("%s", r.name.c_str());
        ImGui::TableNextColumn();
        const std::string score = leaderboard_score(r);
        ImGui::TextUnformatted(score.c_str());
        note_text(score);
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

// The results exports, the rejoin look-up and what the last command did.
void ConsoleWindow::draw_records(const ConsoleModel& model, std::vector<ConsoleCommand>& out) {
    const std::string& s = model.state;
    if (control("ui.console.export_csv", s, ConsoleCommandKind::ExportCsv))
        out.push_back({ConsoleCommandKind::ExportCsv, {}});
    same_line_or_wrap(button_width(tr("ui.console.export_json")));
    if (control("ui.console.export_json", s, ConsoleCommandKind::ExportJson))
        out.push_back({ConsoleCommandKind::ExportJson, {}});
    same_line_or_wrap(button_width(tr("ui.console.rejoin_open")), scaled(32.0f));
    draw_rejoin(model, out);
    if (!model.last_result.empty()) {
        same_line_or_wrap(ImGui::CalcTextSize(model.last_result.c_str()).x, scaled(24.0f));
        ImGui::PushStyleColor(ImGuiCol_Text, model.last_failed ? palette::kBad : palette::kGood);
        text_wrapped(model.last_result);
        ImGui::PopStyleColor();
        probe("console.last_result");
    }
    if (compact_) ImGui::Spacing();
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
    // Ten names, fewer when the screen is short (a projector at 1280x720): the rest scroll, and
    // the dialog's Close stays on the screen.
    const float fit =
        std::floor(ImGui::GetMainViewport()->WorkSize.y * 0.35f / ImGui::GetFrameHeight());
    const float rows = std::clamp(std::min(static_cast<float>(model.trainees.size()), 10.0f), 1.0f,
                                  std::max(1.0f, fit));
    ImGui::BeginChild("rejoin_names",
                      ImVec2(std::min(scaled(420.0f), ImGui::GetMainViewport()->WorkSize.x * 0.8f),
                             rows * ImGui::GetFrameHeight()),
                      true);
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
    {
        FontScope bold(fonts().bold);
        text_wrapped(tr("ui.console.inject"));
    }
    ImGui::SetNextItemWidth(-1.0f);
    ImGui::InputTextWithHint("##inject_en", tr("ui.console.inject_en"), &inject_en_);
    probe("console.inject_en");
    ImGui::SetNextItemWidth(-1.0f);
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
