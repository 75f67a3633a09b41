// The shipped default case loads cleanly and says what its authors meant.
#include <algorithm>

#include <catch2/catch.hpp>

#include "test_support.hpp"

using namespace mt;
using namespace mt::test;

namespace {

std::shared_ptr<const Scenario> default_case() {
    const LoadResult r = load_scenario_file(default_case_path());
    INFO(describe(r));
    REQUIRE(r.errors.empty());
    REQUIRE(r.ok());
    return r.scenario;
}

}  // namespace

TEST_CASE("the default case loads with zero diagnostics and the expected contents",
          "[scenario][default]") {
    const auto s = default_case();
    CHECK(s->info.id == "ransomware-peel-chain");
    CHECK(s->info.difficulty == "beginner");
    CHECK(s->info.estimated_minutes == 30);
    CHECK(s->info.home_jurisdiction == "MX");
    CHECK(s->info.start_unix == 1620484200);  // 2021-05-08T14:30:00Z
    CHECK(s->ledger.chains().size() == 1);
    CHECK(s->ledger.transaction_count() == 19);
    CHECK(s->entities.size() == 6);
    CHECK(s->services.size() == 2);
    CHECK(s->holdings.size() == 1);
    CHECK(s->events.size() == 2);
    CHECK(s->checkpoints.size() == 2);
    CHECK(s->hints.size() == 3);
    CHECK(s->rubric.objectives.size() == 5);
    CHECK(s->rubric.grades.size() == 4);
    CHECK(s->expert_solution.size() == 20);
    CHECK(s->start_addresses.size() == 2);
    CHECK(s->start_transactions.size() == 1);
    int points = s->rubric.recovery_points;
    for (const Objective& o : s->rubric.objectives) points += o.points;
    CHECK(points == 100);
    // Every trainee-facing text is bilingual.
    CHECK(!s->info.briefing.es.empty());
    CHECK(!s->expert_summary.es.empty());
}

TEST_CASE("the default case's money trail is consistent", "[scenario][default]") {
    const auto s = default_case();
    const Ledger& ledger = s->ledger;
    const Holding& holding = s->holdings.at(0);
    CHECK(holding.amount == 272'953'950);
    // The deposit address received exactly the holding before Bitnova swept it.
    const auto deposit_txs = ledger.transactions_of(holding.subject);
    REQUIRE(deposit_txs.size() == 2);
    CHECK(ledger.balance(holding.subject, 0, ledger.transaction(deposit_txs[0]).time) ==
          holding.amount);
    CHECK(s->owner_of(holding.subject)->id == "bitnova");

    // The hop-1 checkpoint's answer is the output spent by the next hop (the change).
    const Checkpoint* change = s->find_checkpoint("hop1-change");
    REQUIRE(change);
    const auto change_address = ledger.find_address(change->answer);
    REQUIRE(change_address.has_value());
    const auto txs = ledger.transactions_of(*change_address);
    REQUIRE(txs.size() == 2);
    CHECK(ledger.outputs(txs[0])[1].address == *change_address);
    CHECK(ledger.spender(OutPoint{txs[0], 1}) == txs[1]);
    CHECK(s->owner_of(*change_address)->id == "mantis-affiliate");

    // Peel-chain fees stay within what a 2021 wallet would pay.
    for (TxIndex t = 0; t < ledger.transaction_count(); ++t) {
        CHECK(ledger.transaction(t).fee >= 2'000);
        CHECK(ledger.transaction(t).fee <= 20'000);
    }
}

TEST_CASE("the default case's expert freezes before the withdrawal", "[scenario][default]") {
    const auto s = default_case();
    const ScheduledEvent* cash_out = nullptr;
    for (const ScheduledEvent& e : s->events)
        if (e.kind == EventKind::MoveFunds) cash_out = &e;
    REQUIRE(cash_out);
    CHECK(cash_out->at == hours(36));
    // Simulated time the expert spends before the freeze request is sent, by the case's costs.
    SimSeconds clock = 0;
    SimSeconds freeze_due = -1;
    for (const Action& a : s->expert_solution) {
        switch (a.type) {
            case ActionType::ExploreAddress:
            case ActionType::ExploreTransaction:
                clock += s->costs.explore;
                break;
            case ActionType::Lookup:
                clock += s->costs.lookup;
                break;
            case ActionType::RunAnalysis:
                clock += s->costs.analysis;
                break;
            case ActionType::LegalRequest:
                clock += s->costs.draft_request;
                break;
            case ActionType::Wait:
                clock += a.duration;
                break;
            default:
                break;
        }
        if (a.type == ActionType::LegalRequest && a.instrument == Instrument::FreezeRequest &&
            freeze_due < 0)
            freeze_due =
                clock +
                s->find_service(a.target)->honours.at(Instrument::FreezeRequest).turnaround.value();
    }
    CHECK(freeze_due > 0);
    CHECK(freeze_due < cash_out->at);
    CHECK(clock <= s->info.time_budget);
    CHECK(s->expert_solution.back().type == ActionType::Submit);
    const auto subpoena =
        std::find_if(s->expert_solution.begin(), s->expert_solution.end(), [](const Action& a) {
            return a.type == ActionType::LegalRequest && a.instrument == Instrument::Subpoena;
        });
    REQUIRE(subpoena != s->expert_solution.end());
    CHECK(subpoena->target == "bitnova");
    CHECK(subpoena->identifiers ==
          std::vector<std::string>{s->ledger.address_text(s->holdings[0].subject).str()});
}

TEST_CASE("list_scenarios reads the metadata of every case in a folder", "[scenario][catalog]") {
    const auto shipped = list_scenarios(default_case_path().parent_path());
    const auto it = std::find_if(shipped.begin(), shipped.end(), [](const ScenarioSummary& c) {
        return c.id == "ransomware-peel-chain";
    });
    REQUIRE(it != shipped.end());
    CHECK(it->errors.empty());
    CHECK(it->title.en == "Ransomware peel chain: Hospital San Rafael");
    CHECK(it->estimated_minutes == 30);
    CHECK(it->typologies ==
          std::vector<std::string>{"ransomware", "peel_chain", "exchange_cash_out"});

    TempDir dir("catalog");
    dir.write("b-tiny.yaml", tiny_case());
    dir.write("a-broken.yaml", "format_version: 1\nid: [oops\n");
    dir.write("notes.txt", "not a case");
    const auto listed = list_scenarios(dir.path());
    REQUIRE(listed.size() == 2);
    CHECK(listed[0].path.filename() == "a-broken.yaml");
    CHECK(!listed[0].errors.empty());
    CHECK(listed[1].id == "tiny");
    CHECK(listed[1].summary.es == "Un resumen");
    CHECK(listed[1].errors.empty());
    CHECK(list_scenarios(dir.path() / "missing").empty());
}
