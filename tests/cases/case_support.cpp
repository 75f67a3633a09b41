#include "case_support.hpp"

#include <algorithm>
#include <filesystem>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "i18n/diagnostic_text.hpp"
#include "model/action_builders.hpp"
#include "scenario/loader.hpp"
#include "session/expert_check.hpp"

namespace mt::cases {

std::shared_ptr<const Scenario> load_case(std::string_view file) {
    const auto path = std::filesystem::path(MT_SOURCE_DIR) / "scenarios" / file;
    const LoadResult loaded = load_scenario_file(path);
    std::string diagnostics;
    for (const Diagnostic& d : loaded.errors) diagnostics += render(d) + "\n";
    INFO(diagnostics);
    REQUIRE(loaded.errors.empty());
    REQUIRE(loaded.ok());
    return loaded.scenario;
}

Action request(Instrument instrument, std::string service, std::vector<std::string> identifiers) {
    // Cites what it names, as cases whose rubric.justification asks for an identifier require.
    std::string justification = "Proceeds of the offence under investigation reached";
    for (const std::string& id : identifiers) justification += " " + id;
    justification += ".";
    return legal_request_action(instrument, {}, std::move(service), std::move(identifiers),
                                std::move(justification));
}

Session play(const std::shared_ptr<const Scenario>& scenario, const std::vector<Action>& actions) {
    Session session(scenario);
    for (std::size_t i = 0; i < actions.size(); ++i) {
        const ActionOutcome outcome = session.apply(actions[i]);
        INFO("action " << i << " (" << name_of(actions[i].type) << " " << actions[i].target
                       << "): " << nlohmann::json(outcome.reason).dump());
        REQUIRE(outcome.accepted);
    }
    if (!session.submitted())
        REQUIRE(session.apply(submit_action("Findings of the trainee's path.")).accepted);
    return session;
}

std::vector<Action> expert_path(const Scenario& scenario) {
    std::vector<Action> path = scenario.expert_solution;
    REQUIRE(!path.empty());
    REQUIRE(path.back().type == ActionType::Submit);
    path.pop_back();
    return path;
}

std::size_t find_request(const std::vector<Action>& path, Instrument instrument,
                         std::string_view service) {
    const auto it = std::find_if(path.begin(), path.end(), [&](const Action& a) {
        return a.type == ActionType::LegalRequest && a.instrument == instrument &&
               a.target == service;
    });
    INFO("no " << name_of(instrument) << " to " << service << " in the path");
    REQUIRE(it != path.end());
    return static_cast<std::size_t>(it - path.begin());
}

std::size_t find_answer(const std::vector<Action>& path, std::string_view checkpoint) {
    const auto it = std::find_if(path.begin(), path.end(), [&](const Action& a) {
        return a.type == ActionType::AnswerCheckpoint && a.target == checkpoint;
    });
    INFO("no answer to " << checkpoint << " in the path");
    REQUIRE(it != path.end());
    return static_cast<std::size_t>(it - path.begin());
}

std::vector<PenaltyKind> penalty_kinds(const ScoreReport& report) {
    std::vector<PenaltyKind> kinds;
    for (const PenaltyItem& p : report.penalties) kinds.push_back(p.kind);
    return kinds;
}

std::vector<std::string> missed_objectives(const ScoreReport& report) {
    std::vector<std::string> missed;
    for (const ObjectiveResult& o : report.objectives)
        if (o.earned < o.points) missed.push_back(o.id);
    return missed;
}

int penalty_total(const ScoreReport& report) {
    int total = 0;
    for (const PenaltyItem& p : report.penalties) total += p.points;
    return total;
}

int objective_points(const ScoreReport& report) {
    int total = 0;
    for (const ObjectiveResult& o : report.objectives) total += o.earned;
    return total;
}

std::string entity_address(const Scenario& scenario, std::string_view entity, std::size_t index) {
    const Entity* e = scenario.find_entity(entity);
    REQUIRE(e != nullptr);
    REQUIRE(index < e->addresses.size());
    return scenario.ledger.address_text(e->addresses[index]).str();
}

std::string holding_subject(const Scenario& scenario, std::string_view holding) {
    const Holding* h = scenario.find_holding(holding);
    REQUIRE(h != nullptr);
    return scenario.ledger.address_text(h->subject).str();
}

ScoreReport check_expert_scores_maximum(const std::shared_ptr<const Scenario>& scenario) {
    const ExpertReplay replay = replay_expert_solution(scenario);
    std::string problems;
    for (const Message& p : replay.problems) problems += nlohmann::json(p).dump() + "\n";
    INFO(problems);
    CHECK(replay.problems.empty());
    CHECK(replay.score.total == replay.score.max);
    CHECK(replay.score.percent == 100);
    CHECK(replay.score.penalties.empty());
    CHECK(replay.score.recovery_earned == replay.score.recovery_points);
    // Everything somebody can recover; what nobody can stays at stake with its reason.
    CHECK(replay.score.frozen_usd_cents == replay.score.recoverable_usd_cents);
    for (const UnrecoveredItem& u : replay.score.unrecovered) CHECK(!u.reason.en.empty());
    CHECK(scenario->expert_solution.back().type == ActionType::Submit);
    return replay.score;
}

}  // namespace mt::cases
