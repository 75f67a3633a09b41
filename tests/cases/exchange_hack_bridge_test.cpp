// Exchange hack bridged to Tron: the expert asks the issuer to freeze both Tron addresses in time;
// requests naming the Ethereum address or sent to the bridge reach nothing.
#include <catch2/catch.hpp>

#include "case_support.hpp"

using namespace mt;
using namespace mt::cases;

namespace {

constexpr const char* kFile = "exchange-hack-bridge.yaml";

}  // namespace

TEST_CASE("exchange-hack-bridge: loads cleanly and the expert scores the maximum",
          "[cases][bridge]") {
    const auto s = load_case(kFile);
    const ScoreReport score = check_expert_scores_maximum(s);
    CHECK(score.max == 100);
}

TEST_CASE(
    "exchange-hack-bridge: account-model chains, 18-decimal ETH and an issuer-backed USDT on Tron",
    "[cases][bridge]") {
    const auto s = load_case(kFile);
    const Ledger& ledger = s->ledger;
    REQUIRE(ledger.chains().size() == 2);
    for (const auto& chain : ledger.chains()) CHECK(chain.model == ChainModel::Account);
    bool eth18 = false;
    bool usdt_tron_issuer = false;
    for (const Asset& a : ledger.assets()) {
        if (a.id == "eth") eth18 = a.decimals == 18;
        if (a.id == "usdt-tron") usdt_tron_issuer = a.issuer == "tether";
    }
    CHECK(eth18);
    CHECK(usdt_tron_issuer);
    CHECK(s->find_entity("tether")->kind == EntityKind::StablecoinIssuer);
    // Both holdings are USDT on Tron that only the issuer can freeze, at T... addresses.
    for (const Holding& h : s->holdings) {
        CHECK(h.custodian == "tether");
        CHECK(ledger.address_text(h.subject).view().front() == 'T');
    }
    // The bridge release lands after the deposit, for the deposit less 0.05 %.
    const std::string landing = s->find_checkpoint("tron-landing")->answer;
    CHECK(landing == entity_address(*s, "attacker", 3));
}

TEST_CASE("exchange-hack-bridge: a freeze naming the Ethereum address is uninvolved",
          "[cases][bridge]") {
    const auto s = load_case(kFile);
    auto path = expert_path(*s);
    const std::string eth_swapper = entity_address(*s, "attacker", 1);
    const std::size_t freeze = find_request(path, Instrument::FreezeRequest, "tether");
    path.insert(path.begin() + static_cast<std::ptrdiff_t>(freeze),
                request(Instrument::FreezeRequest, "tether", {eth_swapper}));
    const Session played = play(s, path);
    const ScoreReport r = played.score();
    CHECK(penalty_kinds(r) == std::vector<PenaltyKind>{PenaltyKind::UninvolvedRequest});
    CHECK(missed_objectives(r).empty());  // the hour lost still leaves time for the right request
    CHECK(r.total == r.max - 10);
    CHECK(played.casefile().requests.at(0).status == RequestStatus::NothingFound);
}

TEST_CASE(
    "exchange-hack-bridge: asking the bridge first and freezing late loses the first cash-out",
    "[cases][bridge]") {
    const auto s = load_case(kFile);
    auto path = expert_path(*s);
    const std::string tron_landing = entity_address(*s, "attacker", 3);
    const std::size_t freeze = find_request(path, Instrument::FreezeRequest, "tether");
    // The trainee asks the bridge to hold the funds and waits for its answer before the issuer.
    path.insert(path.begin() + static_cast<std::ptrdiff_t>(freeze),
                {request(Instrument::FreezeRequest, "arcadia-bridge", {tron_landing}),
                 wait_action(hours(4))});
    path[find_answer(path, "who-can-stop")].answer = "bridge";
    const ScoreReport r = play(s, path).score();
    // One mistake, one penalty: the bridge does not act on freezes (the most specific mistake).
    CHECK(penalty_kinds(r) == std::vector<PenaltyKind>{PenaltyKind::WrongInstrument});
    CHECK(missed_objectives(r) == std::vector<std::string>{"right-recipient", "freeze-th2"});
    // Only the 736,392.71 USDT of the second address were frozen: 15 x 736392.71 / 1636392.71.
    CHECK(r.recovery_earned == 6);
    CHECK(r.total == r.max - 10 - 20 - (15 - 6) - 5);
}

TEST_CASE("exchange-hack-bridge: naming only one Tron address leaves the other branch",
          "[cases][bridge]") {
    const auto s = load_case(kFile);
    auto path = expert_path(*s);
    const std::string first_branch = holding_subject(*s, "usdt-th2");
    path[find_request(path, Instrument::FreezeRequest, "tether")].identifiers = {first_branch};
    const ScoreReport r = play(s, path).score();
    CHECK(penalty_kinds(r).empty());
    CHECK(missed_objectives(r) == std::vector<std::string>{"freeze-th3"});
    CHECK(r.recovery_earned == 8);  // 15 x 900000 / 1636392.71
    CHECK(r.total == r.max - 10 - 7);
}

TEST_CASE("exchange-hack-bridge: the mixer has no service to ask", "[cases][bridge]") {
    const auto s = load_case(kFile);
    Session session(s);
    const ActionOutcome outcome = session.apply(
        request(Instrument::Subpoena, "ciclon-cash", {entity_address(*s, "ciclon-cash", 0)}));
    CHECK_FALSE(outcome.accepted);
    CHECK(outcome.reason.key == "reject.unknown_service");
}
