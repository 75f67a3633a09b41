#include "ui/console_model.hpp"

#include <algorithm>
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
            return !state.empty();
    }
    return false;
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
