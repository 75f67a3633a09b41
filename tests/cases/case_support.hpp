#pragma once
// Helpers for the case-library tests: load a shipped case with zero diagnostics, build trainee
// actions, play a path through a Session and read the parts of the score a test asserts on.
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "model/action.hpp"
#include "model/action_builders.hpp"
#include "model/score.hpp"
#include "model/world.hpp"
#include "session/session.hpp"

namespace mt::cases {

// Loads MT_SOURCE_DIR/scenarios/<file>; the test fails unless it loads with no diagnostic at all.
std::shared_ptr<const Scenario> load_case(std::string_view file);

// A legal request whose justification cites every identifier it names (model/action_builders.hpp
// builds the other actions).
Action request(Instrument instrument, std::string service, std::vector<std::string> identifiers);

// Plays `actions` (each must be accepted), submits if the path did not, and returns the session.
Session play(const std::shared_ptr<const Scenario>& scenario, const std::vector<Action>& actions);

// The expert's path without its final submit, for wrong paths built from it.
std::vector<Action> expert_path(const Scenario& scenario);
// Index of the first legal request of `instrument` to `service` in `path` (the test fails if none).
std::size_t find_request(const std::vector<Action>& path, Instrument instrument,
                         std::string_view service);
// Index of the answer to `checkpoint` in `path` (the test fails if none).
std::size_t find_answer(const std::vector<Action>& path, std::string_view checkpoint);

std::vector<PenaltyKind> penalty_kinds(const ScoreReport& report);
std::vector<std::string> missed_objectives(const ScoreReport& report);
int penalty_total(const ScoreReport& report);
int objective_points(const ScoreReport& report);

// The address text of the `index`-th address an entity declares.
std::string entity_address(const Scenario& scenario, std::string_view entity, std::size_t index);
// The address text of a holding's subject.
std::string holding_subject(const Scenario& scenario, std::string_view holding);

// Checks shared by every case: the expert solution is accepted, scores the maximum, recovers
// everything and ends with a submit; returns the expert's score.
ScoreReport check_expert_scores_maximum(const std::shared_ptr<const Scenario>& scenario);

}  // namespace mt::cases
