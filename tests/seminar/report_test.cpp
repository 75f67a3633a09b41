#include <catch2/catch.hpp>

#include "sample_case.hpp"
#include "seminar/instructor_report.hpp"

using namespace mt;
using namespace mt::seminar;

namespace {

TraineeSnapshot trainee(std::string name, int total, bool submitted, SimSeconds now) {
    TraineeSnapshot t;
    t.name = std::move(name);
    t.agency = "FGR";
    t.submitted = submitted;
    t.now = now;
    t.score.total = total;
    t.score.max = 100;
    t.score.percent = total;
    t.score.grade = {"Pass", "Aprobado"};
    t.score.objectives = {{"trace", {"Trace", "Rastrear"}, 20, total >= 20 ? 20 : 0, {}}};
    return t;
}

}  // namespace

TEST_CASE("the leaderboard ranks by score; equal scores share a rank") {
    const std::vector<TraineeSnapshot> people = {
        trainee("Bea", 50, true, 100), trainee("Ana", 80, false, 10),
        trainee("Caro", 50, false, 50), trainee("Dani", 10, true, 5)};
    const nlohmann::json board = leaderboard_json(people);
    REQUIRE(board.size() == 4);
    CHECK(board[0]["name"] == "Ana");
    CHECK(board[0]["rank"] == 1);
    CHECK(board[1]["name"] == "Bea");  // submitted before a tie that has not
    CHECK(board[1]["rank"] == 2);
    CHECK(board[2]["name"] == "Caro");
    CHECK(board[2]["rank"] == 2);
    CHECK(board[3]["rank"] == 4);
}

TEST_CASE("results CSV quotes what needs quoting and defuses spreadsheet formulas") {
    const auto scenario = testing::make_sample_case();
    std::vector<TraineeSnapshot> people = {trainee("=HYPERLINK(\"x\")", 30, true, 0),
                                           trainee("Pérez, Ana", 20, true, 0)};
    people[1].agency = "+52 Fiscalía";
    const std::string csv = results_csv(*scenario, people);
    CHECK(
        csv.rfind(
            "name,agency,submitted,score,max,percent,grade,grade_es,objective:trace,objective:kyc,"
            "objective:change,objective:first,recovery,penalty_points\r\n",
            0) == 0);
    CHECK(csv.find("\"'=HYPERLINK(\"\"x\"\")\",FGR,yes,30,100,30,Pass,Aprobado,20,0,0,0,0,0\r\n") !=
          std::string::npos);
    CHECK(csv.find("\"Pérez, Ana\",'+52 Fiscalía,yes,20,100,20,Pass,Aprobado,20,") !=
          std::string::npos);
}
