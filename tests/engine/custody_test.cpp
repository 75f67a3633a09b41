// Custody from the ledger on the simulated clock: what a freeze or seizure holds is what the ledger
// puts in the custodian's hands when it takes effect.
#include <algorithm>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "model/action_builders.hpp"
#include "session/expert_check.hpp"
#include "session/session.hpp"

using namespace mt;

namespace {

constexpr const char* kThief = "bc1qthief0000000000000000000000000000001";
constexpr const char* kDeposit = "bc1qdeposit00000000000000000000000000002";
constexpr const char* kKeyed = "bc1qkeyed0000000000000000000000000000003";
constexpr const char* kAway = "bc1qaway00000000000000000000000000000004";
constexpr const char* kVendor = "bc1qvendor0000000000000000000000000000005";

Entity entity(std::string id, EntityKind kind, std::vector<AddressId> addresses,
              Disclosure attribution = Disclosure::Public) {
    return {std::move(id), kind, {"E", "E"}, "MX", std::move(addresses), attribution, true};
}

// A thief pays an exchange account 0.5 BTC at +10h and 0.3 BTC at +20h; 1 BTC reaches an address
// whose key the agency can use at +30h and is moved on chain at +40h unless seized first, then on
// to a vendor at +50h.
std::shared_ptr<Scenario> make_custody_case() {
    auto s = std::make_shared<Scenario>();
    s->info.id = "custody";
    s->info.home_jurisdiction = "MX";
    s->info.time_budget = days(7);
    Ledger& l = s->ledger;
    const ChainId btc = l.add_chain({"bitcoin", "Bitcoin", ChainModel::Utxo, 0});
    l.add_asset({"btc", "BTC", btc, 8, ""});
    const AddressId thief = l.intern_address(kThief, btc);
    const AddressId deposit = l.intern_address(kDeposit, btc);
    const AddressId keyed = l.intern_address(kKeyed, btc);
    const AddressId away = l.intern_address(kAway, btc);
    const AddressId vendor = l.intern_address(kVendor, btc);
    l.add_transaction({"tx-start", btc, 0, -hours(1), 0, {{thief, 1'000, {}}}, {{vendor, 1'000}}});
    l.add_transaction(
        {"tx-dep1", btc, 0, hours(10), 0, {{thief, 50'000'000, {}}}, {{deposit, 50'000'000}}});
    l.add_transaction(
        {"tx-dep2", btc, 0, hours(20), 0, {{thief, 30'000'000, {}}}, {{deposit, 30'000'000}}});
    const TxIndex arrive = l.add_transaction(
        {"tx-arrive", btc, 0, hours(30), 0, {{thief, 100'000'000, {}}}, {{keyed, 100'000'000}}});
    const TxIndex move = l.add_transaction({"tx-move",
                                            btc,
                                            0,
                                            hours(40),
                                            0,
                                            {{keyed, 100'000'000, {arrive, 0}}},
                                            {{away, 100'000'000}}});
    // What the thief would do with the moved coins: it cannot happen if the move does not.
    l.add_transaction({"tx-onward",
                       btc,
                       0,
                       hours(50),
                       0,
                       {{away, 100'000'000, {move, 0}}},
                       {{vendor, 100'000'000}}});
    l.finalize();

    s->entities.push_back(
        entity("thief", EntityKind::Suspect, {thief, keyed, away}, Disclosure::Hidden));
    s->entities.push_back(entity("xchg", EntityKind::Exchange, {deposit}));
    s->entities.push_back(entity("agency", EntityKind::Unknown, {}));
    s->entities.push_back(entity("vendor", EntityKind::Merchant, {vendor}, Disclosure::Hidden));
    Service xchg;
    xchg.entity = "xchg";
    xchg.honours[Instrument::FreezeRequest] = {hours(1), {}};
    xchg.decline_reason = {"No", "No"};
    s->services.push_back(xchg);
    Service agency;
    agency.entity = "agency";
    agency.honours[Instrument::SeizureWarrant] = {hours(1), {}};
    agency.decline_reason = {"No", "No"};
    s->services.push_back(agency);

    s->holdings.push_back({"account",
                           "xchg",
                           deposit,
                           0,
                           80'000'000,
                           8'000'00,
                           {"Account", "Cuenta"},
                           Custody::Account,
                           {}});
    s->holdings.push_back({"keyed",
                           "agency",
                           keyed,
                           0,
                           100'000'000,
                           10'000'00,
                           {"Keyed", "Llave"},
                           Custody::Address,
                           {}});
    s->events.push_back(
        {"move", EventKind::MoveFunds, hours(40), "keyed", true, {"Moved", "Movido"}, move});
    s->rubric.recovery_points = 20;
    s->rubric.objectives.push_back({"hold-account",
                                    {"Hold the account", "Retener la cuenta"},
                                    10,
                                    {{ConditionKind::HoldingFrozen, "account", {}, {}}},
                                    {"", ""}});
    s->rubric.grades = {{0, {"Any", "Cualquiera"}}};
    s->start_addresses = {thief};
    s->index_owners();
    return s;
}

Action request(Instrument instrument, std::string service, std::string identifier) {
    return legal_request_action(instrument, {}, std::move(service), {std::move(identifier)},
                                "Proceeds of the theft under investigation");
}

Action wait_until(const Session& s, SimSeconds at) {
    return wait_action(at - s.casefile().now);
}

}  // namespace

TEST_CASE("an account frozen before any deposit holds nothing yet and catches later deposits",
          "[session][custody]") {
    Session s(make_custody_case());
    // The deposit address has no transaction yet; the agency knows it from a tip.
    REQUIRE(s.apply(explore_address_action(kDeposit)).accepted);
    REQUIRE(s.apply(request(Instrument::FreezeRequest, "xchg", kDeposit)).accepted);
    REQUIRE(s.apply(wait_until(s, hours(5))).accepted);
    const LegalRequestFile& file = s.casefile().requests.at(0);
    CHECK(file.status == RequestStatus::Frozen);
    CHECK(file.response.key == "legal.freeze.account_empty");
    CHECK(s.score().frozen_usd_cents == 0);
    CHECK(s.score().objectives.at(0).earned == 0);  // nothing held yet

    REQUIRE(s.apply(wait_until(s, hours(15))).accepted);  // 0.5 BTC credited
    CHECK(s.score().frozen_usd_cents == 5'000'00);
    REQUIRE(s.apply(wait_until(s, hours(25))).accepted);  // and 0.3 more
    const ScoreReport r = s.score();
    CHECK(r.frozen_usd_cents == 8'000'00);
    CHECK(r.objectives.at(0).earned == 10);
}

TEST_CASE("a freeze after part of the deposits holds what was credited, then the rest",
          "[session][custody]") {
    Session s(make_custody_case());
    REQUIRE(s.apply(wait_until(s, hours(12))).accepted);
    REQUIRE(s.apply(explore_address_action(kDeposit)).accepted);
    REQUIRE(s.apply(request(Instrument::FreezeRequest, "xchg", kDeposit)).accepted);
    REQUIRE(s.apply(wait_until(s, hours(15))).accepted);
    const LegalRequestFile& file = s.casefile().requests.at(0);
    CHECK(file.status == RequestStatus::Frozen);
    CHECK(file.response.key == "legal.freeze.held");
    REQUIRE(file.response.find("amount"));
    CHECK(file.response.find("amount")->value == "0.5 BTC");
}

TEST_CASE("a seizure that lands before the funds reach the address holds nothing",
          "[session][custody]") {
    Session early(make_custody_case());
    REQUIRE(early.apply(explore_address_action(kKeyed)).accepted);
    REQUIRE(early.apply(request(Instrument::SeizureWarrant, "agency", kKeyed)).accepted);
    REQUIRE(early.apply(wait_until(early, hours(3))).accepted);
    const LegalRequestFile& file = early.casefile().requests.at(0);
    CHECK(file.status == RequestStatus::NothingFound);
    CHECK(file.response.key == "legal.freeze.nothing_at_address");
    REQUIRE(early.apply(wait_until(early, hours(45))).accepted);
    CHECK(early.score().frozen_usd_cents == 0);
    // The move happened on chain: the explorer shows it.
    REQUIRE(early.apply(explore_address_action(kKeyed)).accepted);
    CHECK(early.casefile().transactions.count("tx-move") == 1);
}

TEST_CASE("a seizure after the funds arrive holds them and the adversary's move never happens",
          "[session][custody]") {
    Session s(make_custody_case());
    REQUIRE(s.apply(wait_until(s, hours(31))).accepted);
    REQUIRE(s.apply(explore_address_action(kKeyed)).accepted);
    REQUIRE(s.apply(request(Instrument::SeizureWarrant, "agency", kKeyed)).accepted);
    REQUIRE(s.apply(wait_until(s, hours(45))).accepted);
    CHECK(s.casefile().requests.at(0).status == RequestStatus::Frozen);
    CHECK(s.score().frozen_usd_cents == 10'000'00);
    REQUIRE(s.apply(explore_address_action(kKeyed)).accepted);
    const KnownAddress& keyed = s.casefile().addresses.at(kKeyed);
    CHECK(s.casefile().transactions.count("tx-move") == 0);
    CHECK(keyed.transaction_total == 1);
    REQUIRE(keyed.balances.size() == 1);
    CHECK(keyed.balances[0].amount == 100'000'000);
    CHECK_FALSE(s.apply(explore_transaction_action("tx-move")).accepted);

    // Later, nothing that spends what the move would have paid happened either: not on the
    // explorer, not in a taint or cluster report, and the vendor's balance never had it.
    REQUIRE(s.apply(wait_until(s, hours(60))).accepted);
    CHECK_FALSE(s.apply(explore_transaction_action("tx-onward")).accepted);
    for (const AnalysisTool tool : {AnalysisTool::Taint, AnalysisTool::Cluster}) {
        REQUIRE(s.apply(analysis_action(tool, kKeyed, TaintMethod::Haircut)).accepted);
        for (const AnalysisRow& row : s.casefile().analyses.back().rows) {
            INFO(name_of(tool) << " row " << row.subject);
            CHECK(row.subject != "tx-move");
            CHECK(row.subject != "tx-onward");
            CHECK(row.subject != kAway);
            CHECK(row.subject != kVendor);
        }
    }
}

TEST_CASE("a move that happened stays in the analyses", "[session][custody]") {
    Session s(make_custody_case());
    REQUIRE(s.apply(wait_until(s, hours(60))).accepted);
    REQUIRE(s.apply(explore_address_action(kKeyed)).accepted);
    REQUIRE(s.apply(analysis_action(AnalysisTool::Taint, kKeyed, TaintMethod::Haircut)).accepted);
    bool reached_vendor = false;
    for (const AnalysisRow& row : s.casefile().analyses.back().rows)
        reached_vendor = reached_vendor || row.subject == kVendor;
    CHECK(reached_vendor);
}

TEST_CASE("a freeze after the adversary withdrew holds nothing", "[session][custody]") {
    auto scenario = make_custody_case();
    scenario->events.insert(scenario->events.begin(), {"cash-out",
                                                       EventKind::MoveFunds,
                                                       hours(25),
                                                       "account",
                                                       true,
                                                       {"Withdrawn", "Retirado"},
                                                       kNoTx});
    Session s(scenario);
    REQUIRE(s.apply(wait_until(s, hours(26))).accepted);
    REQUIRE(s.apply(explore_address_action(kDeposit)).accepted);
    REQUIRE(s.apply(request(Instrument::FreezeRequest, "xchg", kDeposit)).accepted);
    REQUIRE(s.apply(wait_until(s, hours(30))).accepted);
    CHECK(s.casefile().requests.at(0).response.key == "legal.freeze.withdrawn");
    CHECK(s.score().frozen_usd_cents == 0);
}

TEST_CASE("a case whose expert recovers only part validates and scores the expert at the maximum",
          "[session][custody]") {
    auto scenario = make_custody_case();
    scenario->holdings[1].unrecoverable = {"Moved abroad before any warrant could be granted",
                                           "Se movió al extranjero antes de obtener una orden"};
    Action explore = explore_address_action(kDeposit);
    Action freeze = request(Instrument::FreezeRequest, "xchg", kDeposit);
    scenario->expert_solution = {explore, freeze, wait_action(hours(30)), submit_action("")};
    const ExpertReplay replay = replay_expert_solution(scenario);
    INFO(
        (replay.problems.empty() ? std::string() : nlohmann::json(replay.problems.front()).dump()));
    CHECK(replay.problems.empty());
    CHECK(replay.score.recovery_earned == 20);
    CHECK(replay.score.total == replay.score.max);
    CHECK(replay.score.at_stake_usd_cents == 18'000'00);
    CHECK(replay.score.recoverable_usd_cents == 8'000'00);
    REQUIRE(replay.score.unrecovered.size() == 1);
    CHECK(replay.score.unrecovered[0].holding == "keyed");
    CHECK(replay.score.unrecovered[0].value_usd_cents == 10'000'00);
    CHECK(replay.score.unrecovered[0].reason.en ==
          "Moved abroad before any warrant could be granted");

    // Without the reason, the same expert path is a problem: the case says nothing about why.
    scenario->holdings[1].unrecoverable = {};
    const ExpertReplay missing = replay_expert_solution(scenario);
    CHECK(std::any_of(missing.problems.begin(), missing.problems.end(), [](const Message& p) {
        return p.key == "expert_check.not_recovered" && p.find("holding") &&
               p.find("holding")->value == "keyed";
    }));
}
