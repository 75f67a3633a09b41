// Holdings against the ledger: a declared amount the ledger contradicts is refused where it is
// written, with how to mend it; an omitted amount is read from the ledger.
#include <algorithm>

#include <catch2/catch.hpp>

#include "test_support.hpp"

using namespace mt;
using namespace mt::test;

namespace {

// The tiny case's holding is an account at `ex` credited 0.6 BTC by t1 at -2h.
std::string with_amount(std::string_view amount) {
    return replace_once(tiny_case(), "    amount: \"0.6\"\n",
                        "    amount: \"" + std::string(amount) + "\"\n");
}

// addr-c (0.4 BTC from t1) as a holding on chain, spent by t2 at `when`.
std::string address_holding_spent_at(std::string_view when, std::string_view event_extra) {
    std::string text = replace_once(
        tiny_case(), "services:\n",
        "  - {id: t2, chain: bitcoin, time: " + std::string(when) +
            ", inputs: [{from_tx: t1, vout: 1}], outputs: [{address: addr-d, amount: \"0.4\"}]}\n"
            "services:\n");
    text =
        replace_once(text, "    subject: addr-b\n", "    custody: address\n    subject: addr-c\n");
    text = replace_once(text, "    amount: \"0.6\"\n", "    amount: \"0.4\"\n");
    return replace_once(text, "{id: e1, kind: move_funds, at: +36h, holding: h1,",
                        "{id: e1, kind: move_funds, " + std::string(event_extra) + "holding: h1,");
}

}  // namespace

TEST_CASE("a holding larger than its account was ever credited is refused at its amount",
          "[scenario][custody]") {
    const std::string text = with_amount("0.7");
    const LoadResult r = load(text);
    const Diagnostic* d = find_error(
        r, "holding 'h1' declares 0.7 BTC but the ledger credits only 0.6 BTC to addr-b");
    INFO(describe(r));
    REQUIRE(d);
    CHECK(english(*d).find("lower amount to at most 0.6") != std::string::npos);
    CHECK(d->yaml_path == "holdings[0].amount");
    CHECK(d->line == position_of(text, "amount: \"0.7\"").line);
    CHECK(d->column == position_of(text, "\"0.7\"").column);
}

TEST_CASE("an account may hold less than it was credited (the rest traded away)",
          "[scenario][custody]") {
    const LoadResult r = load(with_amount("0.25"));
    INFO(describe(r));
    REQUIRE(r.scenario);
    CHECK(r.scenario->holdings[0].amount == 25'000'000);
}

TEST_CASE("an omitted amount is what the ledger puts in custody before the move",
          "[scenario][custody]") {
    const LoadResult r = load(replace_once(tiny_case(), "    amount: \"0.6\"\n", ""));
    INFO(describe(r));
    REQUIRE(r.scenario);
    CHECK(r.scenario->holdings[0].amount == 60'000'000);
    CHECK(r.scenario->holdings[0].custody == Custody::Account);
}

TEST_CASE("an address holding spent on chain before its move is refused, naming the spend",
          "[scenario][custody]") {
    const std::string text = address_holding_spent_at("+1h", "at: +36h, ");
    const LoadResult r = load(text);
    const Diagnostic* d = find_error(r, "addr-c was spent on chain by transaction 't2' at +1h");
    INFO(describe(r));
    REQUIRE(d);
    CHECK(english(*d).find("name that transaction as the adversary's move") != std::string::npos);
    CHECK(d->yaml_path == "holdings[0].amount");
}

TEST_CASE("the adversary's move can be the ledger transaction that spends the holding",
          "[scenario][custody]") {
    const LoadResult r = load(address_holding_spent_at("+1h", "transaction: t2, "));
    INFO(describe(r));
    REQUIRE(r.scenario);
    const auto& events = r.scenario->events;
    const auto move = std::find_if(events.begin(), events.end(),
                                   [](const ScheduledEvent& e) { return e.id == "e1"; });
    REQUIRE(move != events.end());
    CHECK(move->at == hours(1));
    CHECK(move->transaction == *r.scenario->ledger.find_transaction("t2"));
}

TEST_CASE("a move transaction must take the holding's funds and happen at the event's time",
          "[scenario][custody]") {
    SECTION("a transaction that does not spend the address") {
        std::string text = address_holding_spent_at("+1h", "transaction: t2, ");
        text = replace_once(text, "    subject: addr-c\n", "    subject: addr-b\n");
        text = replace_once(text, "    amount: \"0.4\"\n", "    amount: \"0.6\"\n");
        CHECK(find_error(load(text), "transaction 't2' does not spend from addr-b"));
    }
    SECTION("an `at` other than the transaction's time") {
        const std::string text = address_holding_spent_at("+1h", "transaction: t2, at: +2h, ");
        CHECK(find_error(load(text), "but its transaction happens at +1h"));
    }
    SECTION("a transaction before the case start") {
        const std::string text = address_holding_spent_at("-1h", "transaction: t2, ");
        CHECK(find_error(load(text), "before the case start"));
    }
    SECTION("an account's withdrawal must leave the exchange's own wallets") {
        std::string text = address_holding_spent_at("+1h", "transaction: t2, ");
        text = replace_once(text, "    custody: address\n", "    custody: account\n");
        CHECK(find_error(load(text), "is not sent from an address of 'ex'"));
    }
}

TEST_CASE("an address holding larger than the address ever held is refused",
          "[scenario][custody]") {
    std::string text = address_holding_spent_at("+1h", "transaction: t2, ");
    text = replace_once(text, "    amount: \"0.4\"\n", "    amount: \"0.5\"\n");
    CHECK(find_error(load(text), "addr-c never held more than 0.4 BTC"));
}

TEST_CASE("an unrecoverable holding says why, and recovery needs a recoverable one",
          "[scenario][custody]") {
    const std::string unrecoverable = replace_once(
        tiny_case(), "    description: {en: Account, es: Cuenta}\n",
        "    description: {en: Account, es: Cuenta}\n"
        "    unrecoverable: {en: Abroad and never answers, es: En el extranjero y no responde}\n");
    const LoadResult r = load(unrecoverable);
    CHECK(find_error(r,
                     "recovery points need at least one holding under holdings that can be "
                     "recovered"));
    const LoadResult ok = load(replace_once(unrecoverable, "  recovery_points: 5\n", ""));
    INFO(describe(ok));
    REQUIRE(ok.scenario);
    CHECK_FALSE(ok.scenario->holdings[0].recoverable());
}

TEST_CASE("request rules read from the case: voluntary terms, dead ends, first requests",
          "[scenario][rules]") {
    std::string text =
        replace_once(tiny_case(), "      freeze_request: {turnaround_hours: 6}\n",
                     "      freeze_request: {turnaround_hours: 6, voluntary: true}\n");
    text = replace_once(text, "    decline_reason: {en: Not honoured, es: No se atiende}\n",
                        "    decline_reason: {en: Not honoured, es: No se atiende}\n"
                        "    dead_end: true\n");
    text = replace_once(text, "  recovery_points: 5\n",
                        "    - {id: o9, title: {en: T, es: T}, points: 5, conditions: "
                        "[{first_request: ex, instrument: freeze_request}], debrief: {en: D, es: "
                        "D}}\n  recovery_points: 5\n");
    const LoadResult r = load(text);
    INFO(describe(r));
    REQUIRE(r.scenario);
    const Service& ex = r.scenario->services.at(0);
    CHECK(ex.dead_end);
    CHECK(ex.honours.at(Instrument::FreezeRequest).voluntary);
    const Condition& c = r.scenario->rubric.objectives.back().conditions.at(0);
    CHECK(c.kind == ConditionKind::FirstRequest);
    CHECK(c.target == "ex");
    CHECK(c.instrument == Instrument::FreezeRequest);
}
