// USDT on Tron from an investment fraud, cashed out through a Mexican exchange and an OTC desk:
// the issuer first, the exchange directly and in time, the OTC desk asked about the address that
// sold to it, every justification with its address and its CNPP basis.
#include <catch2/catch.hpp>

#include "case_support.hpp"

using namespace mt;
using namespace mt::cases;

namespace {

constexpr const char* kFile = "usdt-tron-otc-mexico.yaml";

}  // namespace

TEST_CASE("usdt-tron-otc-mexico: loads cleanly and the expert scores the maximum",
          "[cases][mexico]") {
    const auto s = load_case(kFile);
    CHECK(s->info.home_jurisdiction == "MX");
    const ScoreReport score = check_expert_scores_maximum(s);
    CHECK(score.max == 100);
    // The OTC desk's share went abroad: at stake, not recoverable, named in the debrief.
    CHECK(score.recoverable_usd_cents == 4'000'000);
    CHECK(score.at_stake_usd_cents == 6'000'000);
    REQUIRE(score.unrecovered.size() == 1);
    CHECK(score.unrecovered[0].holding == "otc-settlement");
}

TEST_CASE(
    "usdt-tron-otc-mexico: waiting for the exchange's records before securing the account "
    "loses it",
    "[cases][mexico]") {
    const auto s = load_case(kFile);
    auto path = expert_path(*s);
    const std::size_t at = find_request(path, Instrument::FreezeRequest, "quetzal");
    const Action freeze = path[at];
    path.erase(path.begin() + static_cast<std::ptrdiff_t>(at));
    path.push_back(freeze);  // after the 72 h subpoena: the +30h sale has happened
    const ScoreReport r = play(s, path).score();
    CHECK(penalty_kinds(r).empty());
    CHECK(missed_objectives(r) == std::vector<std::string>{"freeze-quetzal"});
    // 15,000 of the 40,000 recoverable USD: 15 x 15000 / 40000 = 5 recovery points.
    CHECK(r.recovery_earned == 5);
    CHECK(r.total == r.max - 20 - 10);
}

TEST_CASE("usdt-tron-otc-mexico: a Mexican order to the exchange abroad is a jurisdiction mistake",
          "[cases][mexico]") {
    const auto s = load_case(kFile);
    auto path = expert_path(*s);
    const std::string settlement = entity_address(*s, "bitkong", 0);
    path.push_back(explore_address_action(entity_address(*s, "otc-bajio", 0), Direction::Out));
    path.push_back(lookup_action(settlement));
    path.push_back(request(Instrument::Subpoena, "bitkong", {settlement}));
    path.back().text = "Request for information under the CNPP about the account credited by " +
                       settlement + ", where the OTC desk settled the fraud's USDT.";
    const ScoreReport r = play(s, path).score();
    CHECK(penalty_kinds(r) == std::vector<PenaltyKind>{PenaltyKind::WrongJurisdiction});
    CHECK(missed_objectives(r).empty());
    CHECK(r.total == r.max - 8);
}

TEST_CASE("usdt-tron-otc-mexico: an aseguramiento that cites no legal basis is penalised",
          "[cases][mexico][justification]") {
    const auto s = load_case(kFile);
    auto path = expert_path(*s);
    Action& freeze = path[find_request(path, Instrument::FreezeRequest, "quetzal")];
    freeze.text = "Please hold the balance of the account credited by deposit address " +
                  freeze.identifiers[0] + "; it received fraud proceeds.";
    const ScoreReport r = play(s, path).score();
    // Sent all the same: the account is secured, the justification costs its points.
    CHECK(penalty_kinds(r) == std::vector<PenaltyKind>{PenaltyKind::JustificationNoBasis});
    CHECK(missed_objectives(r).empty());
    CHECK(r.total == r.max - 5);
}

TEST_CASE("usdt-tron-otc-mexico: asking the victim's own exchange intrudes without grounds",
          "[cases][mexico]") {
    const auto s = load_case(kFile);
    auto path = expert_path(*s);
    const std::string monarca = entity_address(*s, "monarca", 0);
    const std::string deposit = entity_address(*s, "vertice", 0);
    path.push_back(lookup_action(monarca));
    path.push_back(request(Instrument::Subpoena, "monarca", {deposit}));
    path.back().text = "Request for information under the CNPP: who controls address " + deposit +
                       ", which received your customer's USDT.";
    const ScoreReport r = play(s, path).score();
    CHECK(penalty_kinds(r) == std::vector<PenaltyKind>{PenaltyKind::UninvolvedRequest});
    CHECK(r.total == r.max - 10);
}

TEST_CASE(
    "usdt-tron-otc-mexico: the OTC desk asked about its own address has nothing to say, "
    "and the exchange first lets the collector go",
    "[cases][mexico]") {
    const auto s = load_case(kFile);
    auto path = expert_path(*s);
    Action& otc = path[find_request(path, Instrument::Subpoena, "otc-bajio")];
    const std::string own = entity_address(*s, "otc-bajio", 0);
    otc.identifiers = {own};
    otc.text = "Request for information under the CNPP about the customers of your address " + own +
               ", which received fraud proceeds.";
    // Quetzal first, Tether only at the end: the collector moves at +12h.
    const std::size_t tether = find_request(path, Instrument::FreezeRequest, "tether");
    const Action issuer = path[tether];
    path.erase(path.begin() + static_cast<std::ptrdiff_t>(tether));
    path.push_back(issuer);
    path[find_answer(path, "route")].answer = "cnbv";
    const ScoreReport r = play(s, path).score();
    CHECK(penalty_kinds(r).empty());
    CHECK(missed_objectives(r) == std::vector<std::string>{"freeze-collector", "issuer-first",
                                                           "identify-organiser", "route-right"});
    CHECK(r.recovery_earned == 9);  // 15 x 25000 / 40000
    CHECK(r.total == r.max - 20 - 5 - 10 - 5 - 6);
}
