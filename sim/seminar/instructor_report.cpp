#include "seminar/instructor_report.hpp"

#include <algorithm>
#include <map>

namespace mt::seminar {
namespace {

nlohmann::json text_json(const LocalizedText& t) {
    return {{"en", t.en}, {"es", t.es}};
}

int objectives_met(const ScoreReport& r) {
    return static_cast<int>(std::count_if(
        r.objectives.begin(), r.objectives.end(),
        [](const ObjectiveResult& o) { return o.points > 0 && o.earned == o.points; }));
}

int penalty_points(const ScoreReport& r) {
    int sum = 0;
    for (const PenaltyItem& p : r.penalties) sum += p.points;
    return sum;
}

bool is_request_penalty(PenaltyKind k) {
    return k != PenaltyKind::Hint && k != PenaltyKind::TimeOverBudget;
}

std::string csv_cell(const std::string& value) {
    std::string v = value;
    // A leading = + - @ (or tab/CR) makes spreadsheets evaluate the cell: neutralise it.
    if (!v.empty() && std::string_view("=+-@\t\r").find(v.front()) != std::string_view::npos)
        v.insert(0, 1, '\'');
    if (v.find_first_of(",\"\r\n") == std::string::npos) return v;
    std::string out = "\"";
    for (char c : v) {
        if (c == '"') out += '"';
        out += c;
    }
    return out + "\"";
}

}  // namespace

std::vector<const TraineeSnapshot*> ranked(const std::vector<TraineeSnapshot>& trainees) {
    std::vector<const TraineeSnapshot*> out;
    for (const TraineeSnapshot& t : trainees) out.push_back(&t);
    std::stable_sort(out.begin(), out.end(),
                     [](const TraineeSnapshot* a, const TraineeSnapshot* b) {
                         if (a->score.total != b->score.total)
                             return a->score.total > b->score.total;
                         if (a->submitted != b->submitted) return a->submitted;
                         if (a->now != b->now) return a->now < b->now;
                         return a->name < b->name;
                     });
    return out;
}

nlohmann::json leaderboard_json(const std::vector<TraineeSnapshot>& trainees) {
    nlohmann::json rows = nlohmann::json::array();
    int rank = 0;
    int previous_total = -1;
    int position = 0;
    for (const TraineeSnapshot* t : ranked(trainees)) {
        ++position;
        if (t->score.total != previous_total) rank = position;  // equal totals share a rank
        previous_total = t->score.total;
        rows.push_back({{"rank", rank},
                        {"name", t->name},
                        {"agency", t->agency},
                        {"total", t->score.total},
                        {"max", t->score.max},
                        {"percent", t->score.percent},
                        {"objectives_met", objectives_met(t->score)},
                        {"submitted", t->submitted},
                        {"sim_time", t->now}});
    }
    return rows;
}

nlohmann::json stuck_json(const Scenario& scenario, const std::vector<TraineeSnapshot>& trainees) {
    nlohmann::json checkpoints = nlohmann::json::array();
    for (const Checkpoint& cp : scenario.checkpoints) {
        int opened = 0, answered = 0, correct = 0;
        for (const TraineeSnapshot& t : trainees) {
            if (std::find(t.opened_checkpoints.begin(), t.opened_checkpoints.end(), cp.id) !=
                t.opened_checkpoints.end())
                ++opened;
            for (const CheckpointResult& r : t.score.checkpoints) {
                if (r.id != cp.id) continue;
                answered += r.given.empty() ? 0 : 1;
                correct += r.is_correct ? 1 : 0;
            }
        }
        checkpoints.push_back({{"id", cp.id},
                               {"question", text_json(cp.question)},
                               {"opened", opened},
                               {"answered", answered},
                               {"correct", correct}});
    }
    nlohmann::json objectives = nlohmann::json::array();
    for (const Objective& o : scenario.rubric.objectives) {
        int met = 0;
        for (const TraineeSnapshot& t : trainees)
            for (const ObjectiveResult& r : t.score.objectives)
                if (r.id == o.id && r.points > 0 && r.earned == r.points) ++met;
        objectives.push_back(
            {{"id", o.id}, {"title", text_json(o.title)}, {"points", o.points}, {"met", met}});
    }
    return {
        {"trainees", trainees.size()}, {"checkpoints", checkpoints}, {"objectives", objectives}};
}

nlohmann::json penalised_requests_json(const std::vector<TraineeSnapshot>& trainees) {
    struct Tally {
        int count = 0;
        int points = 0;
        std::vector<std::string> who;
    };
    std::map<std::pair<std::string, std::string>, Tally> tallies;  // (kind, detail)
    for (const TraineeSnapshot& t : trainees)
        for (const PenaltyItem& p : t.score.penalties) {
            if (!is_request_penalty(p.kind)) continue;
            Tally& tally = tallies[{std::string(name_of(p.kind)), p.detail}];
            ++tally.count;
            tally.points += p.points;
            if (std::find(tally.who.begin(), tally.who.end(), t.name) == tally.who.end())
                tally.who.push_back(t.name);
        }
    std::vector<std::pair<std::pair<std::string, std::string>, Tally>> sorted(tallies.begin(),
                                                                              tallies.end());
    std::stable_sort(sorted.begin(), sorted.end(),
                     [](const auto& a, const auto& b) { return a.second.count > b.second.count; });
    nlohmann::json out = nlohmann::json::array();
    for (const auto& [key, tally] : sorted)
        out.push_back({{"kind", key.first},
                       {"detail", key.second},
                       {"count", tally.count},
                       {"trainees", tally.who.size()},
                       {"points", tally.points},
                       {"names", tally.who}});
    return out;
}

nlohmann::json overview_json(const Seminar& seminar, const std::vector<TraineeSnapshot>& trainees) {
    const Scenario& s = seminar.scenario();
    nlohmann::json people = nlohmann::json::array();
    for (const TraineeSnapshot& t : trainees)
        people.push_back({{"name", t.name},
                          {"agency", t.agency},
                          {"joined_unix", t.joined_unix},
                          {"last_seen_unix", t.last_seen_unix},
                          {"actions", t.actions},
                          {"instructor_actions", t.instructor_actions},
                          {"sim_time", t.now},
                          {"sim_time_text", format_duration(t.now)},
                          {"submitted", t.submitted},
                          {"hints_used", t.hints_used},
                          {"objectives_met", objectives_met(t.score)},
                          {"objectives_total", t.score.objectives.size()},
                          {"total", t.score.total},
                          {"max", t.score.max},
                          {"percent", t.score.percent}});
    const auto submitted = std::count_if(trainees.begin(), trainees.end(),
                                         [](const TraineeSnapshot& t) { return t.submitted; });
    return {{"state", name_of(seminar.state())},
            {"join_code", seminar.join_code()},
            {"variants", seminar.has_variants()},
            {"scenario",
             {{"id", s.info.id},
              {"title", text_json(s.info.title)},
              {"time_budget", s.info.time_budget}}},
            {"joined", trainees.size()},
            {"submitted", submitted},
            {"trainees", people},
            {"leaderboard", leaderboard_json(trainees)},
            {"stuck", stuck_json(s, trainees)},
            {"penalised_requests", penalised_requests_json(trainees)}};
}

nlohmann::json results_json(const Scenario& scenario,
                            const std::vector<TraineeSnapshot>& trainees) {
    nlohmann::json rows = nlohmann::json::array();
    for (const TraineeSnapshot* t : ranked(trainees)) {
        nlohmann::json objectives = nlohmann::json::array();
        for (const ObjectiveResult& o : t->score.objectives)
            objectives.push_back({{"id", o.id},
                                  {"title", text_json(o.title)},
                                  {"earned", o.earned},
                                  {"points", o.points}});
        rows.push_back(
            {{"name", t->name},
             {"agency", t->agency},
             {"submitted", t->submitted},
             {"score", t->score.total},
             {"max", t->score.max},
             {"percent", t->score.percent},
             {"grade", text_json(t->score.grade)},
             {"objectives", objectives},
             {"recovery",
              {{"earned", t->score.recovery_earned}, {"points", t->score.recovery_points}}},
             {"penalty_points", penalty_points(t->score)},
             {"actions", t->actions},
             {"sim_time", t->now}});
    }
    return {{"scenario", {{"id", scenario.info.id}, {"title", text_json(scenario.info.title)}}},
            {"results", rows}};
}

std::string results_csv(const Scenario& scenario, const std::vector<TraineeSnapshot>& trainees) {
    std::string out = "name,agency,submitted,score,max,percent,grade,grade_es";
    for (const Objective& o : scenario.rubric.objectives)
        out += ',' + csv_cell("objective:" + o.id);
    out += ",recovery,penalty_points\r\n";
    for (const TraineeSnapshot* t : ranked(trainees)) {
        const ScoreReport& r = t->score;
        out += csv_cell(t->name) + "," + csv_cell(t->agency) + "," + (t->submitted ? "yes" : "no") +
               "," + std::to_string(r.total) + "," + std::to_string(r.max) + "," +
               std::to_string(r.percent) + "," + csv_cell(r.grade.en) + "," + csv_cell(r.grade.es);
        for (const Objective& o : scenario.rubric.objectives) {
            auto it = std::find_if(r.objectives.begin(), r.objectives.end(),
                                   [&](const ObjectiveResult& x) { return x.id == o.id; });
            out += ',' + std::to_string(it == r.objectives.end() ? 0 : it->earned);
        }
        out += ',' + std::to_string(r.recovery_earned) + "," + std::to_string(penalty_points(r)) +
               "\r\n";
    }
    return out;
}

}  // namespace mt::seminar
