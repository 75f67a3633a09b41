#include "ui/console_model.hpp"

#include <algorithm>
#include <cctype>
#include <numeric>

namespace mt::ui {

bool command_allowed(std::string_view state, ConsoleCommandKind kind) {
    switch (kind) {
        case ConsoleCommandKind::Start:
            return state == "lobby";
        case ConsoleCommandKind::Pause:
            return state == "running";
        case ConsoleCommandKind::Resume:
            return state == "paused";
        case ConsoleCommandKind::End:
            return state == "lobby" || state == "running" || state == "paused";
        case ConsoleCommandKind::HintAll:
            return state == "running" || state == "paused";
        case ConsoleCommandKind::Inject:
            return state != "ended" && !state.empty();
        case ConsoleCommandKind::ExportCsv:
        case ConsoleCommandKind::ExportJson:
        case ConsoleCommandKind::RejoinCode:
        case ConsoleCommandKind::TraineeDetail:
            return !state.empty();
    }
    return false;
}

namespace {

std::string lowered(std::string_view text) {
    std::string out(text);
    for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

// Submitted last when ascending by status; among the others, the longest idle last.
long long status_rank(const ConsoleTrainee& t) {
    return t.submitted ? 1'000'000'000LL : std::max<long long>(0, t.idle_seconds);
}

}  // namespace

std::vector<std::size_t> ordered_trainees(const std::vector<ConsoleTrainee>& trainees,
                                          const TraineeOrder& order) {
    const std::string filter = lowered(order.filter);
    std::vector<std::size_t> out;
    for (std::size_t i = 0; i < trainees.size(); ++i)
        if (filter.empty() || lowered(trainees[i].name).find(filter) != std::string::npos ||
            lowered(trainees[i].agency).find(filter) != std::string::npos)
            out.push_back(i);
    const auto less = [&](std::size_t a, std::size_t b) {
        const ConsoleTrainee& x = trainees[a];
        const ConsoleTrainee& y = trainees[b];
        switch (order.column) {
            case TraineeColumn::Name:
                return lowered(x.name) < lowered(y.name);
            case TraineeColumn::Agency:
                return lowered(x.agency) < lowered(y.agency);
            case TraineeColumn::Actions:
                return x.actions < y.actions;
            case TraineeColumn::SimTime:
                return x.sim_seconds < y.sim_seconds;
            case TraineeColumn::Objectives:
                return x.objectives_met < y.objectives_met;
            case TraineeColumn::Score:
                return x.total < y.total;
            case TraineeColumn::Status:
                return status_rank(x) < status_rank(y);
        }
        return false;
    };
    std::stable_sort(out.begin(), out.end(), [&](std::size_t a, std::size_t b) {
        return order.descending ? less(b, a) : less(a, b);
    });
    return out;
}

std::vector<TraineeColumn> fitting_columns(float width,
                                           const std::array<float, kTraineeColumns>& needed) {
    std::array<bool, kTraineeColumns> shown;
    shown.fill(true);
    const auto total = [&] {
        float sum = 0.0f;
        for (std::size_t c = 0; c < kTraineeColumns; ++c) sum += shown[c] ? needed[c] : 0.0f;
        return sum;
    };
    for (const TraineeColumn dropped : kColumnsDroppedFirst) {
        if (total() <= width) break;
        shown[static_cast<std::size_t>(dropped)] = false;
    }
    std::vector<TraineeColumn> out;
    for (std::size_t c = 0; c < kTraineeColumns; ++c)
        if (shown[c]) out.push_back(static_cast<TraineeColumn>(c));
    return out;
}

TraineeStatus status_of(const ConsoleTrainee& trainee, std::string_view exercise_state) {
    if (trainee.submitted) return TraineeStatus::Submitted;
    if (exercise_state == "lobby") return TraineeStatus::InLobby;
    if (exercise_state == "running" &&
        (trainee.idle_seconds < 0 || trainee.idle_seconds >= kIdleAlertSeconds))
        return TraineeStatus::Idle;
    return TraineeStatus::Working;
}

std::vector<std::size_t> most_missed_checkpoints(
    const std::vector<ConsoleCheckpoint>& checkpoints) {
    std::vector<std::size_t> order(checkpoints.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    // Compared as cross products, so no division: correct_a / opened_a < correct_b / opened_b.
    // A checkpoint nobody has open yet is not a place anyone is stuck: it goes last.
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        const ConsoleCheckpoint& x = checkpoints[a];
        const ConsoleCheckpoint& y = checkpoints[b];
        if ((x.opened == 0) != (y.opened == 0)) return y.opened == 0;
        if (x.opened == 0) return false;
        return static_cast<long long>(x.correct) * y.opened <
               static_cast<long long>(y.correct) * x.opened;
    });
    return order;
}

}  // namespace mt::ui
