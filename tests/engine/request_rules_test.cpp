// The rules a legal request is scored by: one mistake one penalty, proportionality from
// `involved`, voluntary answers from abroad, dead ends, transaction ids as identifiers, and the
// "first request goes to X" condition.
#include <catch2/catch.hpp>

#include "model/action_builders.hpp"
#include "sample_case.hpp"
#include "session/session.hpp"

using namespace mt;
using namespace mt::testing;

namespace {

// Traced to the deposit and to the offshore output; Bitnova known by lookup.
Session traced(std::shared_ptr<Scenario> scenario) {
    Session s(std::move(scenario));
    REQUIRE(s.apply(explore_address_action(kRansom)).accepted);
    REQUIRE(s.apply(explore_address_action(kChange)).accepted);
    REQUIRE(s.apply(lookup_action(kDeposit)).accepted);
    return s;
}

Service& service(Scenario& s, std::string_view id) {
    for (Service& x : s.services)
        if (x.entity == id) return x;
    FAIL("no service " << id);
    throw;
}

Entity& entity(Scenario& s, std::string_view id) {
    for (Entity& x : s.entities)
        if (x.id == id) return x;
    FAIL("no entity " << id);
    throw;
}

}  // namespace

TEST_CASE("a request to a service off the money trail is penalised even on its own address",
          "[session][rules]") {
    Session s = traced(make_sample_case());  // Offshorex is not involved
    REQUIRE(s.apply(request(Instrument::Preservation, "offshorex", {kOffshore})).accepted);
    const auto& penalties = s.score().penalties;
    REQUIRE(penalties.size() == 1);
    CHECK(penalties[0].kind == PenaltyKind::UninvolvedRequest);
    CHECK(penalties[0].detail == "req-1 preservation offshorex");
}

TEST_CASE("one mistake, one penalty: the most specific one", "[session][rules]") {
    Session s = traced(make_sample_case());
    // Compulsory process abroad, to an uninvolved service, about an unrelated address.
    REQUIRE(s.apply(request(Instrument::Subpoena, "offshorex", {kRansom})).accepted);
    const auto& penalties = s.score().penalties;
    REQUIRE(penalties.size() == 1);
    CHECK(penalties[0].kind == PenaltyKind::WrongJurisdiction);
}

TEST_CASE("a service abroad that answers voluntarily costs no jurisdiction penalty",
          "[session][rules]") {
    auto scenario = make_sample_case();
    entity(*scenario, "offshorex").involved = true;
    service(*scenario, "offshorex").honours[Instrument::Subpoena] = {
        days(3), {RecordKind::Kyc}, true};
    Session s = traced(scenario);
    REQUIRE(s.apply(request(Instrument::Subpoena, "offshorex", {kOffshore})).accepted);
    CHECK(s.score().penalties.empty());

    // Without the voluntary answer the same request is a jurisdiction mistake.
    service(*scenario, "offshorex").honours[Instrument::Subpoena].voluntary = false;
    Session strict = traced(scenario);
    REQUIRE(strict.apply(request(Instrument::Subpoena, "offshorex", {kOffshore})).accepted);
    REQUIRE(strict.score().penalties.size() == 1);
    CHECK(strict.score().penalties[0].kind == PenaltyKind::WrongJurisdiction);
}

TEST_CASE("a dead end is scored as a dead end and says nobody can answer", "[session][rules]") {
    auto scenario = make_sample_case();
    entity(*scenario, "offshorex").involved = true;
    service(*scenario, "offshorex").dead_end = true;
    Session s = traced(scenario);
    REQUIRE(s.apply(request(Instrument::Mlat, "offshorex", {kOffshore})).accepted);
    REQUIRE(s.apply(wait_action(days(3))).accepted);
    const auto& penalties = s.score().penalties;
    REQUIRE(penalties.size() == 1);
    CHECK(penalties[0].kind == PenaltyKind::DeadEndRequest);
    const LegalRequestFile& file = s.casefile().requests.at(0);
    CHECK(file.status == RequestStatus::Declined);
    CHECK(file.response.key == "legal.dead_end");
}

TEST_CASE("a deposit transaction id is a relevant identifier for the exchange that received it",
          "[session][rules]") {
    Session s = traced(make_sample_case());
    REQUIRE(s.apply(request(Instrument::Subpoena, "bitnova", {"tx-peel"})).accepted);
    CHECK(s.score().penalties.empty());
    // A transaction that never touched the exchange is not.
    REQUIRE(s.apply(request(Instrument::Subpoena, "bitnova", {"tx-offshore"})).accepted);
    REQUIRE(s.score().penalties.size() == 1);
    CHECK(s.score().penalties[0].kind == PenaltyKind::UninvolvedRequest);
}

TEST_CASE("a first-request condition scores only when the first request goes there",
          "[session][rules]") {
    auto scenario = make_sample_case();
    scenario->rubric.objectives.push_back(
        {"first-freeze",
         {"Freeze first", "Congelar primero"},
         15,
         {{ConditionKind::FirstRequest, "bitnova", Instrument::FreezeRequest, {}}},
         {"", ""}});
    auto earned = [](const Session& s) {
        for (const ObjectiveResult& o : s.score().objectives)
            if (o.id == "first-freeze") return o.earned;
        return -1;
    };
    Session right = traced(scenario);
    REQUIRE(right.apply(request(Instrument::FreezeRequest, "bitnova", {kDeposit})).accepted);
    REQUIRE(right.apply(request(Instrument::Subpoena, "bitnova", {kDeposit})).accepted);
    CHECK(earned(right) == 15);
    Session wrong = traced(scenario);
    REQUIRE(wrong.apply(request(Instrument::Subpoena, "bitnova", {kDeposit})).accepted);
    REQUIRE(wrong.apply(request(Instrument::FreezeRequest, "bitnova", {kDeposit})).accepted);
    CHECK(earned(wrong) == 0);
}
