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

TEST_CASE("a narrow console drops Actions, then case time, then agency; never the four that matter",
          "[ui][console]") {
    using C = TraineeColumn;
    // Name, Agency, Actions, SimTime, Objectives, Score, Status
    const std::array<float, kTraineeColumns> needed = {200, 100, 80, 90, 120, 100, 150};
    const std::vector<C> all = {C::Name,       C::Agency, C::Actions, C::SimTime,
                                C::Objectives, C::Score,  C::Status};
    CHECK(fitting_columns(840, needed) == all);
    CHECK(fitting_columns(839, needed) ==
          std::vector<C>{C::Name, C::Agency, C::SimTime, C::Objectives, C::Score, C::Status});
    CHECK(fitting_columns(750, needed) ==
          std::vector<C>{C::Name, C::Agency, C::Objectives, C::Score, C::Status});
    CHECK(fitting_columns(669, needed) ==
          std::vector<C>{C::Name, C::Objectives, C::Score, C::Status});
    // Too narrow even for those: they still show (the layout then wraps their cells).
    CHECK(fitting_columns(100, needed) ==
          std::vector<C>{C::Name, C::Objectives, C::Score, C::Status});
}

TEST_CASE("the trainee table sorts by how far each trainee is in the case's time",
          "[ui][console]") {
    std::vector<ConsoleTrainee> room = {trainee("Ana", "", 0, false, 1),
                                        trainee("Bruno", "", 0, false, 1),
                                        trainee("Carla", "", 0, false, 1)};
    room[0].sim_seconds = 7200;
    room[1].sim_seconds = 90000;
    room[2].sim_seconds = 60;
    TraineeOrder order;
    order.column = TraineeColumn::SimTime;
    CHECK(names(room, ordered_trainees(room, order)) ==
          std::vector<std::string>{"Carla", "Ana", "Bruno"});
}
