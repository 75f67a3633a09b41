// The 2021 Colonial Pipeline ransom, written as an outside author would from the documented format:
// a subscriber record is the evidence for a search warrant of the server holding the key, and the
// key the evidence for a seizure warrant the FBI executes itself; each wrong path loses the points
// its note in docs/cases/colonial-pipeline-2021-seizure.md gives.
#include <catch2/catch.hpp>

#include "case_support.hpp"

using namespace mt;
using namespace mt::cases;

namespace {

constexpr const char* kFile = "colonial-pipeline-2021-seizure.yaml";

std::string target(const Scenario& s) {
    return holding_subject(s, "target-address");
}

}  // namespace

TEST_CASE("colonial-pipeline-2021-seizure: loads cleanly and the expert scores the maximum",
          "[cases][colonial]") {
    const auto s = load_case(kFile);
    CHECK(s->info.home_jurisdiction == "US");
    CHECK(s->jurisdiction.id == "us");
    const ScoreReport score = check_expert_scores_maximum(s);
    CHECK(score.max == 100);
    // The public record's figures: 75 BTC paid, 63.7 BTC seized.
    CHECK(s->ledger.balance(*s->ledger.find_address(target(*s)), 0, 0) == Units{6'370'000'000});
}

TEST_CASE(
    "colonial-pipeline-2021-seizure: a seizure warrant before the key is refused by the judge",
    "[cases][colonial]") {
    const auto s = load_case(kFile);
    auto path = expert_path(*s);
    // Sent right after the subpoena, with no key file to cite.
    Action early = path[find_request(path, Instrument::SeizureWarrant, "fbi-seizure")];
    early.identifiers = {target(*s)};
    path.insert(path.begin() + static_cast<std::ptrdiff_t>(
                                   find_request(path, Instrument::Subpoena, "ridgeline") + 1),
                early);
    Session session = play(s, path);
    const ScoreReport r = session.score();
    CHECK(penalty_kinds(r) == std::vector<PenaltyKind>{PenaltyKind::UnsupportedRequest});
    const LegalRequestFile& refused = session.casefile().requests.at(1);
    CHECK(refused.status == RequestStatus::Declined);
    CHECK(refused.response.key == "legal.court.missing_evidence");
    CHECK(missed_objectives(r).empty());
    CHECK(r.total == r.max - s->rubric.penalties.unsupported_request);
}

TEST_CASE("colonial-pipeline-2021-seizure: a subpoena that also names the other share is overbroad",
          "[cases][colonial]") {
    const auto s = load_case(kFile);
    auto path = expert_path(*s);
    Action& subpoena = path[find_request(path, Instrument::Subpoena, "ridgeline")];
    subpoena.identifiers.push_back(entity_address(*s, "darkside", 2));
    const ScoreReport r = play(s, path).score();
    CHECK(penalty_kinds(r) == std::vector<PenaltyKind>{PenaltyKind::OverbroadRequest});
    CHECK(missed_objectives(r).empty());
    CHECK(r.total == r.max - 5);
}

TEST_CASE("colonial-pipeline-2021-seizure: an MLAT to a US provider is the wrong instrument",
          "[cases][colonial]") {
    const auto s = load_case(kFile);
    auto path = expert_path(*s);
    Action mlat = path[find_request(path, Instrument::Subpoena, "ridgeline")];
    mlat.instrument = Instrument::Mlat;
    path.insert(path.begin(), mlat);
    const ScoreReport r = play(s, path).score();
    CHECK(penalty_kinds(r) == std::vector<PenaltyKind>{PenaltyKind::WrongInstrument});
    CHECK(r.total == r.max - 5);
}

TEST_CASE("colonial-pipeline-2021-seizure: a seizure sent three days late finds the coins gone",
          "[cases][colonial]") {
    const auto s = load_case(kFile);
    auto path = expert_path(*s);
    // Judge 48 h + team 24 h from about +194h land after the +264h move.
    path.insert(path.begin() + static_cast<std::ptrdiff_t>(
                                   find_request(path, Instrument::SeizureWarrant, "fbi-seizure")),
                wait_action(hours(72)));
    Session session = play(s, path);
    const ScoreReport r = session.score();
    CHECK(penalty_kinds(r).empty());
    CHECK(missed_objectives(r) == std::vector<std::string>{"seize-address"});
    CHECK(session.casefile().requests.back().response.key == "legal.freeze.withdrawn");
    CHECK(r.recovery_earned == 0);
    CHECK(r.total == r.max - 40 - 20);
}
