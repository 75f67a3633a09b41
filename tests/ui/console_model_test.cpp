// The instructor console's trainee table for a room of 35: sorted by any column, narrowed by a
// filter, the lobby shown as the lobby and a trainee not heard from for minutes flagged.
#include <catch2/catch.hpp>

#include "ui/console_model.hpp"

using namespace mt::ui;

namespace {

ConsoleTrainee trainee(std::string name, std::string agency, int total, bool submitted,
                       std::int64_t idle) {
    ConsoleTrainee t;
    t.name = std::move(name);
    t.agency = std::move(agency);
    t.total = total;
    t.submitted = submitted;
    t.idle_seconds = idle;
    return t;
}

std::vector<std::string> names(const std::vector<ConsoleTrainee>& all,
                               const std::vector<std::size_t>& order) {
    std::vector<std::string> out;
    for (std::size_t i : order) out.push_back(all[i].name);
    return out;
}

}  // namespace

TEST_CASE("the trainee table sorts by a column and filters by name or agency", "[ui][console]") {
    const std::vector<ConsoleTrainee> room = {trainee("carla", "FGR", 40, false, 30),
                                              trainee("Ana", "UIF", 70, true, 10),
                                              trainee("Bruno", "fgr", 55, false, 900)};
    TraineeOrder order;
    CHECK(names(room, ordered_trainees(room, order)) ==
          std::vector<std::string>{"Ana", "Bruno", "carla"});
    order.column = TraineeColumn::Score;
    order.descending = true;
    CHECK(names(room, ordered_trainees(room, order)) ==
          std::vector<std::string>{"Ana", "Bruno", "carla"});
    order.descending = false;
    CHECK(names(room, ordered_trainees(room, order)) ==
          std::vector<std::string>{"carla", "Bruno", "Ana"});
    // Status: the longest idle last among those still working, the submitted after them.
    order.column = TraineeColumn::Status;
    CHECK(names(room, ordered_trainees(room, order)) ==
          std::vector<std::string>{"carla", "Bruno", "Ana"});
    order.filter = "FG";
    CHECK(names(room, ordered_trainees(room, order)) == std::vector<std::string>{"carla", "Bruno"});
    order.filter = "ANA";
    CHECK(names(room, ordered_trainees(room, order)) == std::vector<std::string>{"Ana"});
}

TEST_CASE("the lobby reads as the lobby and an idle trainee is flagged", "[ui][console]") {
    const ConsoleTrainee waiting = trainee("Ana", "", 0, false, 20);
    CHECK(status_of(waiting, "lobby") == TraineeStatus::InLobby);
    CHECK(status_of(waiting, "running") == TraineeStatus::Working);
    const ConsoleTrainee quiet = trainee("Bruno", "", 0, false, kIdleAlertSeconds + 1);
    CHECK(status_of(quiet, "running") == TraineeStatus::Idle);
    CHECK(status_of(quiet, "paused") == TraineeStatus::Working);  // paused: nobody can act
    CHECK(status_of(trainee("Caro", "", 0, true, 5000), "running") == TraineeStatus::Submitted);
}
