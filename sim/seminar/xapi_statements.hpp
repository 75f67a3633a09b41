#pragma once
// A seminar's results as xAPI statements (Experience API 1.0.3, IEEE 9274.1.1), one per trainee,
// for an agency's learning-record store: who (actor: an account on this seminar server), did what
// (verb: ADL's passed, failed or attempted), to which case (object: an activity), how well
// (result: score scaled/raw/min/max, success, completion, duration in simulated time) and when
// (timestamp: the trainee's last activity). Certificates can then be issued from the agency's own
// systems. Next to results_csv() in instructor_report.hpp; rules in docs/case-authoring.md.
#include <string>
#include <vector>

#include "model/nlohmann_json.hpp"

#include "seminar/seminar.hpp"

namespace mt::seminar {

// `base_iri` is this server's absolute address ("http://192.168.1.10:8080/"): actors are accounts
// on it and the case is an activity under it.
nlohmann::json xapi_statements(const Scenario& scenario,
                               const std::vector<TraineeSnapshot>& trainees,
                               const std::string& base_iri);

// The percentage that counts as passed: the lowest grade band above zero (100 when the rubric
// has only the band at zero, so then only a full score passes).
int pass_percent(const Scenario& scenario);

// "http://HOST/" for a Host header made of host-name characters only; a fixed placeholder
// otherwise, so a forged header cannot inject text into the IRIs.
std::string base_iri_for_host(const std::string& host);

}  // namespace mt::seminar
