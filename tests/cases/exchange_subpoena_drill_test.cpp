// Proportionality drill with a kidnapping ransom: emergency disclosure is justified, but fishing,
// misdirected and foreign compulsory requests are penalised.
#include <catch2/catch.hpp>

#include "case_support.hpp"

using namespace mt;
using namespace mt::cases;

namespace {

constexpr const char* kFile = "exchange-subpoena-drill.yaml";

}  // namespace

TEST_CASE("exchange-subpoena-drill: loads cleanly and the expert scores the maximum",
          "[cases][drill]") {
    const auto s = load_case(kFile);
    CHECK(s->info.emergency_justified);
    const ScoreReport score = check_expert_scores_maximum(s);
    CHECK(score.max == 100);
    // Both exchanges answer the emergency within the objective's window.
    CHECK(s->find_service("tianguis")->honours.at(Instrument::EmergencyDisclosure).turnaround ==
          hours(2));
    CHECK(s->find_service("harborline")->honours.at(Instrument::EmergencyDisclosure).turnaround ==
          hours(2));
}

TEST_CASE("exchange-subpoena-drill: naming the whole trail in the emergency request is fishing",
          "[cases][drill]") {
    const auto s = load_case(kFile);
    auto path = expert_path(*s);
    path[find_answer(path, "identifiers")].answer = "whole-trail";
    Action& emergency = path[find_request(path, Instrument::EmergencyDisclosure, "harborline")];
    emergency.identifiers.push_back(entity_address(*s, "kidnappers", 0));
    emergency.identifiers.push_back(entity_address(*s, "kidnappers", 1));
    emergency.identifiers.push_back(entity_address(*s, "tianguis", 0));
    const ScoreReport r = play(s, path).score();
    CHECK(penalty_kinds(r) == std::vector<PenaltyKind>{PenaltyKind::OverbroadRequest});
    CHECK(missed_objectives(r) == std::vector<std::string>{"narrow-identifiers"});
    CHECK(r.total == r.max - 5 - 10);
}

TEST_CASE("exchange-subpoena-drill: misdirected and foreign compulsory requests are penalised",
          "[cases][drill]") {
    const auto s = load_case(kFile);
    auto path = expert_path(*s);
    const std::string ransom_address = entity_address(*s, "kidnappers", 0);
    // The family's exchange knows nothing about the kidnappers' address; a Mexican subpoena does
    // not bind a US company; Tianguis does not hand over content without a judge.
    path.insert(path.begin() + static_cast<std::ptrdiff_t>(find_answer(path, "first-instrument")),
                lookup_action(entity_address(*s, "zocalo", 0)));
    path.push_back(request(Instrument::EmergencyDisclosure, "zocalo", {ransom_address}));
    path[find_request(path, Instrument::Mlat, "harborline")].instrument = Instrument::Subpoena;
    path.push_back(
        request(Instrument::SearchWarrant, "tianguis", {entity_address(*s, "tianguis", 0)}));
    path[find_answer(path, "foreign-kyc")].answer = "subpoena";
    const ScoreReport r = play(s, path).score();
    CHECK(penalty_kinds(r) == std::vector<PenaltyKind>{PenaltyKind::WrongJurisdiction,
                                                       PenaltyKind::UninvolvedRequest,
                                                       PenaltyKind::WrongInstrument});
    CHECK(missed_objectives(r) == std::vector<std::string>{"foreign-evidence"});
    CHECK(r.total == r.max - 5 - 10 - 15 - 5);
}

TEST_CASE("exchange-subpoena-drill: subpoenas first leave the emergency too late to locate anyone",
          "[cases][drill]") {
    const auto s = load_case(kFile);
    auto path = expert_path(*s);
    path[find_answer(path, "first-instrument")].answer = "subpoena";
    // Evidence and money first: the subpoena and both freezes go out before the emergency requests.
    std::vector<Action> moved;
    for (const auto& [instrument, service] : {std::pair{Instrument::Subpoena, "tianguis"},
                                              std::pair{Instrument::FreezeRequest, "tianguis"},
                                              std::pair{Instrument::FreezeRequest, "harborline"}}) {
        const std::size_t at = find_request(path, instrument, service);
        moved.push_back(path[at]);
        path.erase(path.begin() + static_cast<std::ptrdiff_t>(at));
    }
    path.insert(path.begin() + static_cast<std::ptrdiff_t>(
                                   find_request(path, Instrument::EmergencyDisclosure, "tianguis")),
                moved.begin(), moved.end());
    const ScoreReport r = play(s, path).score();
    CHECK(penalty_kinds(r).empty());
    CHECK(missed_objectives(r) == std::vector<std::string>{"locate-via-tianguis",
                                                           "locate-via-harborline",
                                                           "emergency-first"});
    CHECK(r.total == r.max - 20 - 15 - 5);
}

TEST_CASE(
    "exchange-subpoena-drill: a request that does not say which address it is about is "
    "penalised",
    "[cases][drill][justification]") {
    const auto s = load_case(kFile);
    CHECK(s->rubric.justification.min_characters == 60);
    auto path = expert_path(*s);
    // Issue 16, defect 9: a one-word justification.
    path[find_request(path, Instrument::FreezeRequest, "tianguis")].text = "ransomware";
    path[find_request(path, Instrument::FreezeRequest, "harborline")].text =
        "Please hold the balance credited by the kidnappers' deposit at your exchange.";
    const ScoreReport r = play(s, path).score();
    CHECK(penalty_kinds(r) == std::vector<PenaltyKind>{PenaltyKind::JustificationTooShort,
                                                       PenaltyKind::JustificationNoIdentifier});
    // Sent all the same: the freezes still land, only the justification costs points.
    CHECK(missed_objectives(r).empty());
    CHECK(r.total == r.max - 2 * s->rubric.penalties.weak_justification);
}
