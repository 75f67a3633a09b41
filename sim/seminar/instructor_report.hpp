#pragma once
// What the instructor sees: progress per trainee, the leaderboard, where the room is stuck, the
// most common penalised requests, and the results exported for certificates. Built from
// snapshots, so it never holds a trainee's lock while formatting.
#include <string>
#include <vector>

#include "model/nlohmann_json.hpp"

#include "seminar/seminar.hpp"

namespace mt::seminar {

// Trainees ordered best first: total, then submitted before not, then less simulated time, then
// name.
std::vector<const TraineeSnapshot*> ranked(const std::vector<TraineeSnapshot>& trainees);

nlohmann::json leaderboard_json(const std::vector<TraineeSnapshot>& trainees);
// Everything on one page: state, join code, trainees, leaderboard, checkpoints, objectives and
// penalised requests.
nlohmann::json overview_json(const Seminar& seminar, const std::vector<TraineeSnapshot>& trainees);
// Per checkpoint how many have it open / answered / correct; per objective how many met it.
nlohmann::json stuck_json(const Scenario& scenario, const std::vector<TraineeSnapshot>& trainees);
// Request penalties grouped by what triggered them, most frequent first.
nlohmann::json penalised_requests_json(const std::vector<TraineeSnapshot>& trainees);

// One row per trainee (in rank order): name, agency, score, max, percent, grade and per objective.
nlohmann::json results_json(const Scenario& scenario, const std::vector<TraineeSnapshot>& trainees);
// The same as CSV (RFC 4180, UTF-8). Cells that a spreadsheet would run as a formula are quoted
// with a leading apostrophe.
std::string results_csv(const Scenario& scenario, const std::vector<TraineeSnapshot>& trainees);

}  // namespace mt::seminar
