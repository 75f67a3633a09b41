#include "seminar/xapi_statements.hpp"

#include <algorithm>
#include <ctime>

#include "model/narrow.hpp"

namespace mt::seminar {
namespace {

// ADL's verb registry (http://adlnet.gov/expapi/verbs/).
constexpr const char* kPassed = "http://adlnet.gov/expapi/verbs/passed";
constexpr const char* kFailed = "http://adlnet.gov/expapi/verbs/failed";
constexpr const char* kAttempted = "http://adlnet.gov/expapi/verbs/attempted";
constexpr const char* kAssessment = "http://adlnet.gov/expapi/activities/assessment";

std::string iso_timestamp(std::int64_t unix_seconds) {
    const auto t = narrow<std::time_t>(unix_seconds);
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buffer[64];
    std::strftime(buffer, sizeof buffer, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return buffer;
}

// ISO 8601 duration: "PT5H20M0S".
std::string iso_duration(SimSeconds span) {
    span = std::max<SimSeconds>(span, 0);
    return "PT" + std::to_string(span / 3600) + "H" + std::to_string(span / 60 % 60) + "M" +
           std::to_string(span % 60) + "S";
}

// The case's languages as RFC 5646 tags (English and Mexican Spanish).
nlohmann::json language_map(const LocalizedText& t) {
    return {{"en-US", t.en}, {"es-MX", t.es}};
}

}  // namespace

int pass_percent(const Scenario& scenario) {
    int lowest = 100;
    for (const GradeBand& band : scenario.rubric.grades)
        if (band.min_percent > 0) lowest = std::min(lowest, band.min_percent);
    return lowest;
}

std::string base_iri_for_host(const std::string& host) {
    const bool clean =
        !host.empty() && host.size() <= 255 && std::all_of(host.begin(), host.end(), [](char c) {
            return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                   c == '.' || c == '-' || c == ':' || c == '[' || c == ']';
        });
    return "http://" + (clean ? host : std::string("moneytrail.invalid")) + "/";
}

nlohmann::json xapi_statements(const Scenario& scenario,
                               const std::vector<TraineeSnapshot>& trainees,
                               const std::string& base_iri) {
    const int pass = pass_percent(scenario);
    nlohmann::json statements = nlohmann::json::array();
    for (const TraineeSnapshot& t : trainees) {
        const ScoreReport& r = t.score;
        const bool success = t.submitted && r.max > 0 && r.percent >= pass;
        const int max = std::max(r.max, 1);  // xAPI needs min < max
        const int raw = std::clamp(r.total, 0, max);
        const std::int64_t when = t.last_seen_unix > 0 ? t.last_seen_unix : t.joined_unix;
        statements.push_back(
            {{"actor",
              {{"objectType", "Agent"},
               {"name", t.name},
               {"account", {{"homePage", base_iri}, {"name", "trainee-" + std::to_string(t.id)}}}}},
             {"verb",
              {{"id", !t.submitted ? kAttempted
                      : success    ? kPassed
                                   : kFailed}}},
             {"object",
              {{"objectType", "Activity"},
               {"id", base_iri + "cases/" + scenario.info.id},
               {"definition",
                {{"name", language_map(scenario.info.title)}, {"type", kAssessment}}}}},
             {"result",
              {{"score",
                {{"scaled", static_cast<double>(raw) / max},
                 {"raw", raw},
                 {"min", 0},
                 {"max", max}}},
               {"success", success},
               {"completion", t.submitted},
               {"duration", iso_duration(t.now)}}},
             {"context",
              {{"platform", "moneytrail"}, {"extensions", {{base_iri + "xapi/agency", t.agency}}}}},
             {"timestamp", iso_timestamp(when)}});
    }
    return statements;
}

}  // namespace mt::seminar
