// The 2016 Bitfinex theft and the 2022 seizure: an exchange record gives the probable cause for a
// search warrant of cloud storage, whose file gives the keys the seizure needs; the market and the
// swap service are dead ends; justifications without the address and the law are sent back.
#include <catch2/catch.hpp>

#include "case_support.hpp"

using namespace mt;
using namespace mt::cases;

namespace {

constexpr const char* kFile = "bitfinex-2016-seizure.yaml";

std::string wallet(const Scenario& s) {
    return entity_address(s, "thief-wallet", 0);
}

}  // namespace

TEST_CASE("bitfinex-2016-seizure: loads cleanly and the expert scores the maximum",
          "[cases][bitfinex]") {
    const auto s = load_case(kFile);
    CHECK(s->info.home_jurisdiction == "US");
    const ScoreReport score = check_expert_scores_maximum(s);
    CHECK(score.max == 100);
    // The real figures: 119,754 BTC stolen, 94,636 BTC left in the wallet and seized.
    CHECK(s->ledger.balance(*s->ledger.find_address(wallet(*s)), 0, 0) == Units{9'463'600'000'000});
}

TEST_CASE("bitfinex-2016-seizure: waiting for the records before freezing lets the wire go",
          "[cases][bitfinex]") {
    const auto s = load_case(kFile);
    auto path = expert_path(*s);
    const std::size_t at = find_request(path, Instrument::FreezeRequest, "coinvault");
    const Action freeze = path[at];
    path.erase(path.begin() + static_cast<std::ptrdiff_t>(at));
    path.insert(path.begin() + static_cast<std::ptrdiff_t>(
                                   find_request(path, Instrument::SearchWarrant, "nimbus")),
                freeze);  // after the 48 h wait: the +36h wire has gone
    const ScoreReport r = play(s, path).score();
    CHECK(penalty_kinds(r).empty());
    CHECK(missed_objectives(r) == std::vector<std::string>{"freeze-business"});
    CHECK(r.recovery_earned == 14);  // 15 x 3,600,000,000 / 3,600,608,000
    CHECK(r.total == r.max - 15 - 1);
}

TEST_CASE("bitfinex-2016-seizure: a subpoena to a market taken down years ago is a dead end",
          "[cases][bitfinex]") {
    const auto s = load_case(kFile);
    auto path = expert_path(*s);
    const std::string market = entity_address(*s, "alphabay", 0);
    path.push_back(lookup_action(market));
    path.push_back(request(Instrument::Subpoena, "alphabay", {market}));
    path.back().text =
        "Grand jury subpoena under 18 U.S.C. 2703(c)(2) for the account credited by " + market +
        ", which received 7,000 BTC of the Bitfinex theft.";
    const ScoreReport r = play(s, path).score();
    CHECK(penalty_kinds(r) == std::vector<PenaltyKind>{PenaltyKind::DeadEndRequest});
    CHECK(r.total == r.max - 5);
}

TEST_CASE("bitfinex-2016-seizure: a US subpoena to the swap service abroad does not reach it",
          "[cases][bitfinex]") {
    const auto s = load_case(kFile);
    auto path = expert_path(*s);
    const std::string swap = entity_address(*s, "swaphub", 0);
    path.push_back(request(Instrument::Subpoena, "swaphub", {swap}));
    path.back().text = "Grand jury subpoena under 18 U.S.C. 2703(c)(2) for the customer who sent " +
                       swap + " 16,600 BTC of the Bitfinex theft.";
    const ScoreReport r = play(s, path).score();
    CHECK(penalty_kinds(r) == std::vector<PenaltyKind>{PenaltyKind::WrongJurisdiction});
    CHECK(r.total == r.max - 8);
}

TEST_CASE(
    "bitfinex-2016-seizure: a search warrant that also names the laundering hops is "
    "overbroad",
    "[cases][bitfinex]") {
    const auto s = load_case(kFile);
    auto path = expert_path(*s);
    Action& warrant = path[find_request(path, Instrument::SearchWarrant, "nimbus")];
    warrant.identifiers.push_back(entity_address(*s, "launderer", 0));
    const ScoreReport r = play(s, path).score();
    CHECK(penalty_kinds(r) == std::vector<PenaltyKind>{PenaltyKind::OverbroadRequest});
    CHECK(missed_objectives(r).empty());
    CHECK(r.total == r.max - 5);
}

TEST_CASE("bitfinex-2016-seizure: justifications without the address or the law are sent back",
          "[cases][bitfinex][justification]") {
    const auto s = load_case(kFile);
    auto path = expert_path(*s);
    const std::size_t at = find_request(path, Instrument::FreezeRequest, "coinvault");
    Session session(s);
    for (std::size_t i = 0; i < at; ++i) REQUIRE(session.apply(path[i]).accepted);
    Action freeze = path[at];
    const SimSeconds before = session.casefile().now;
    freeze.text = "ransomware";
    CHECK(session.apply(freeze).reason.key == "reject.justification.too_short");
    freeze.text = "Bitcoin traced from the Bitfinex theft reached " + freeze.identifiers[0] +
                  "; please hold the account.";
    CHECK(session.apply(freeze).reason.key == "reject.justification.no_basis");
    freeze.text =
        "Hold the account pending a seizure warrant under 18 U.S.C. 981(b): it received "
        "bitcoin traced from the Bitfinex theft.";
    CHECK(session.apply(freeze).reason.key == "reject.justification.no_identifier");
    CHECK(session.casefile().requests.empty());
    CHECK(session.casefile().now == before);
    CHECK(session.apply(path[at]).accepted);
}

TEST_CASE("bitfinex-2016-seizure: no seizure before the keys, no search before the probable cause",
          "[cases][bitfinex]") {
    const auto s = load_case(kFile);
    auto path = expert_path(*s);
    // The seizure and the search warrant sent at once, right after the tracing: the records they
    // cite are not in the casefile yet, so they go without; the magistrate judge refuses each for
    // the record it lacks, and each is penalised once.
    const std::size_t first = find_request(path, Instrument::FreezeRequest, "coinvault");
    Action seizure = path[find_request(path, Instrument::SeizureWarrant, "seizure-team")];
    Action warrant = path[find_request(path, Instrument::SearchWarrant, "nimbus")];
    seizure.identifiers = {wallet(*s)};
    warrant.identifiers = {wallet(*s)};
    path.insert(path.begin() + static_cast<std::ptrdiff_t>(first), {seizure, warrant});
    Session session = play(s, path);
    const ScoreReport r = session.score();
    CHECK(penalty_kinds(r) == std::vector<PenaltyKind>{PenaltyKind::UnsupportedRequest,
                                                       PenaltyKind::UnsupportedRequest});
    const auto& requests = session.casefile().requests;
    REQUIRE(requests.size() >= 2);
    CHECK(requests[0].status == RequestStatus::Declined);
    CHECK(requests[0].response.key == "legal.court.missing_evidence");
    CHECK(requests[0].instrument_name.en == "Seizure warrant");
    CHECK(requests[1].status == RequestStatus::Declined);
    CHECK(requests[1].response.key == "legal.court.missing_evidence");
    CHECK(requests[1].instrument_name.es == "Orden de cateo (search warrant)");
    // Sent again once the evidence is in, both succeed: only the two penalties are lost.
    CHECK(missed_objectives(r).empty());
    CHECK(r.total == r.max - 2 * s->rubric.penalties.unsupported_request);
}

TEST_CASE("bitfinex-2016-seizure: the magistrate judge refuses a search warrant citing no evidence",
          "[cases][bitfinex][court]") {
    const auto s = load_case(kFile);
    auto path = expert_path(*s);
    // The Coinvault record is in the casefile, but the application does not cite it.
    const std::size_t at = find_request(path, Instrument::SearchWarrant, "nimbus");
    Action uncited = path[at];
    uncited.identifiers = {wallet(*s)};
    path.insert(path.begin() + static_cast<std::ptrdiff_t>(at), uncited);
    Session session = play(s, path);
    const ScoreReport r = session.score();
    CHECK(penalty_kinds(r) == std::vector<PenaltyKind>{PenaltyKind::UnsupportedRequest});
    const LegalRequestFile* refused = nullptr;
    for (const LegalRequestFile& f : session.casefile().requests)
        if (f.service == "nimbus" && !refused) refused = &f;
    REQUIRE(refused);
    CHECK(refused->response.key == "legal.court.no_evidence");
    // The judge's 48 hours come from no public source: the trainee is told so.
    CHECK(refused->timing_note.key == "legal.timing.assumption");
    CHECK(missed_objectives(r).empty());
    CHECK(r.total == r.max - s->rubric.penalties.unsupported_request);
}

TEST_CASE(
    "bitfinex-2016-seizure: a seizure sent only after the keys but too slowly misses the move",
    "[cases][bitfinex]") {
    const auto s = load_case(kFile);
    auto path = expert_path(*s);
    // Waiting two more days before the seizure: judge 48 h + team 24 h lands after the +240h move.
    const std::size_t at = find_request(path, Instrument::SeizureWarrant, "seizure-team");
    path.insert(path.begin() + static_cast<std::ptrdiff_t>(at), wait_action(hours(48)));
    const ScoreReport r = play(s, path).score();
    CHECK(penalty_kinds(r).empty());
    CHECK(missed_objectives(r) == std::vector<std::string>{"seize-wallet"});
    CHECK(r.recovery_earned == 0);  // 15 x 608,000 / 3,600,608,000 rounds down to 0
    CHECK(r.total == r.max - 25 - 15);
}
