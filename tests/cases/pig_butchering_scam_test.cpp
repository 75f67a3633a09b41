// Pig butchering through a nested exchange: the expert freezes at the issuer and at the nested
// brokerage's sub-account; the wrong paths ask the victim's exchange, freeze the host's master
// account, or freeze the collector too late.
#include <catch2/catch.hpp>

#include "case_support.hpp"

using namespace mt;
using namespace mt::cases;

namespace {

constexpr const char* kFile = "pig-butchering-scam.yaml";

}  // namespace

TEST_CASE("pig-butchering-scam: loads cleanly and the expert scores the maximum", "[cases][pig]") {
    const auto s = load_case(kFile);
    const ScoreReport score = check_expert_scores_maximum(s);
    CHECK(score.max == 100);
}

TEST_CASE("pig-butchering-scam: the nested brokerage is known only through the host's records",
          "[cases][pig]") {
    const auto s = load_case(kFile);
    CHECK(s->find_entity("cambiosya")->attribution == Disclosure::Legal);
    // The brokerage's customer address is unlabelled to a lookup; the host's deposit address is
    // not.
    Session session(s);
    auto path = expert_path(*s);
    const std::size_t subpoena = find_request(path, Instrument::Subpoena, "orbex");
    for (std::size_t i = 0; i <= subpoena; ++i) REQUIRE(session.apply(path[i]).accepted);
    REQUIRE(session.apply(lookup_action(entity_address(*s, "cambiosya", 0))).accepted);
    CHECK(session.casefile().services.count("cambiosya") == 0);
    CHECK(session.casefile().services.count("orbex") == 1);
    REQUIRE(session.apply(wait_action(hours(48))).accepted);
    CHECK(session.casefile().services.count("cambiosya") == 1);
    // The collector holds what the victims' sweeps left after the two layering transfers.
    CHECK(s->find_holding("collector-usdt")->amount == Units{42'100'000'000});
}

TEST_CASE(
    "pig-butchering-scam: subpoenaing the victim's own exchange about the platform is uninvolved",
    "[cases][pig]") {
    const auto s = load_case(kFile);
    auto path = expert_path(*s);
    const std::string victim_exchange = entity_address(*s, "pesocripto", 0);
    const std::string platform_deposit = entity_address(*s, "aurum-platform", 0);
    path.push_back(lookup_action(victim_exchange));
    path.push_back(request(Instrument::Subpoena, "pesocripto", {platform_deposit}));
    const ScoreReport r = play(s, path).score();
    CHECK(penalty_kinds(r) == std::vector<PenaltyKind>{PenaltyKind::UninvolvedRequest});
    CHECK(missed_objectives(r).empty());
    CHECK(r.total == r.max - 10);
}

TEST_CASE("pig-butchering-scam: freezing the host's master account instead of the sub-account",
          "[cases][pig]") {
    const auto s = load_case(kFile);
    auto path = expert_path(*s);
    const std::string host_deposit = entity_address(*s, "orbex", 0);
    path[find_answer(path, "nested-target")].answer = "freeze-master";
    // The freeze goes to Orbex (which holds no customer-level funds); the brokerage is never asked.
    path[find_request(path, Instrument::FreezeRequest, "cambiosya")] =
        request(Instrument::FreezeRequest, "orbex", {host_deposit});
    path.erase(path.begin() +
               static_cast<std::ptrdiff_t>(find_request(path, Instrument::Subpoena, "cambiosya")));
    const Session played = play(s, path);
    const ScoreReport r = played.score();
    CHECK(penalty_kinds(r).empty());
    CHECK(missed_objectives(r) == std::vector<std::string>{"proportionate-target",
                                                           "freeze-subaccount",
                                                           "identify-launderer"});
    // Only the collector's 42,100 of 113,600 USDT at stake were frozen.
    CHECK(r.recovery_earned == 5);
    CHECK(r.total == r.max - 5 - 15 - 5 - 10);
}

TEST_CASE("pig-butchering-scam: a collector freeze after the platform moves it finds nothing",
          "[cases][pig]") {
    const auto s = load_case(kFile);
    auto path = expert_path(*s);
    path[find_answer(path, "withdrawal-tax")].answer = "pay-part";
    const std::size_t freeze = find_request(path, Instrument::FreezeRequest, "tether");
    const Action late_freeze = path[freeze];
    path.erase(path.begin() + static_cast<std::ptrdiff_t>(freeze));
    path.insert(path.begin() + static_cast<std::ptrdiff_t>(find_answer(path, "nested-target")),
                late_freeze);
    const ScoreReport r = play(s, path).score();
    CHECK(penalty_kinds(r).empty());
    CHECK(missed_objectives(r) == std::vector<std::string>{"stop-payments", "freeze-collector"});
    CHECK(r.recovery_earned == 9);  // 15 x 71500 / 113600
    CHECK(r.total == r.max - 5 - 15 - 6);
}
