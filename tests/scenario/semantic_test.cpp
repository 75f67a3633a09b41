// Semantic checks: duplicate ids, references to things that do not exist, rubric and expert
// solution consistency.
#include <catch2/catch.hpp>

#include "test_support.hpp"

using namespace mt;
using namespace mt::test;

TEST_CASE("duplicate ids are reported at the second declaration", "[scenario][semantic]") {
    SECTION("entities") {
        const std::string text =
            replace_once(tiny_case(), "transactions:\n",
                         "  - {id: ex, kind: merchant, name: {en: M, es: M}, attribution: public, "
                         "involved: false}\ntransactions:\n");
        const auto d = find_error(load(text), "entity id 'ex' is declared twice");
        REQUIRE(d);
        CHECK(d->yaml_path == "entities[1].id");
        CHECK(d->line == position_of(text, "{id: ex, kind: merchant").line);
    }
    SECTION("transactions") {
        const std::string text = replace_once(
            tiny_case(), "services:\n",
            "  - {id: t1, chain: bitcoin, time: -1h, inputs: [{address: addr-x, amount: \"1\"}], "
            "outputs: [{address: addr-y, amount: \"1\"}]}\nservices:\n");
        const auto d = find_error(load(text), "transaction id 't1' is already used at case.yaml:");
        REQUIRE(d);
        CHECK(english(*d).find("(transactions[0])") != std::string::npos);
        CHECK(d->yaml_path == "transactions[1].id");
    }
    SECTION("records") {
        const std::string text = replace_once(
            tiny_case(),
            "      - {id: r1, kind: kyc, subject: addr-b, content: {en: Name, es: Nombre}}\n",
            "      - {id: r1, kind: kyc, subject: addr-b, content: {en: Name, es: Nombre}}\n"
            "      - {id: r1, kind: login_ips, subject: addr-b, content: {en: IPs, es: IPs}}\n");
        const auto d = find_error(load(text), "record id 'r1' is used twice");
        REQUIRE(d);
        CHECK(d->yaml_path == "services[0].records[1].id");
    }
    SECTION("holdings") {
        const std::string text =
            replace_once(tiny_case(), "events:\n",
                         "  - {id: h1, custodian: ex, subject: addr-b, asset: btc, amount: "
                         "\"0.1\", value_usd: \"1\", description: {en: D, es: D}}\nevents:\n");
        CHECK(find_error(load(text), "holding id 'h1' is declared twice"));
    }
    SECTION("events") {
        const std::string text = replace_once(
            tiny_case(), "checkpoints:\n",
            "  - {id: e1, kind: message, at: +1h, message: {en: Hi, es: Hola}}\ncheckpoints:\n");
        CHECK(find_error(load(text), "event id 'e1' is declared twice"));
    }
    SECTION("checkpoints") {
        const std::string text =
            replace_once(tiny_case(), "hints:\n",
                         "  - {id: c1, kind: address, question: {en: Q, es: P}, answer: addr-c, "
                         "explanation: {en: E, es: E}}\nhints:\n");
        CHECK(find_error(load(text), "checkpoint id 'c1' is declared twice"));
    }
    SECTION("objectives") {
        const std::string text = replace_once(
            tiny_case(), "  recovery_points: 5\n",
            "    - {id: o1, title: {en: T, es: T}, points: 5, conditions: [{checkpoint_correct: "
            "c1}], debrief: {en: D, es: D}}\n  recovery_points: 5\n");
        CHECK(find_error(load(text), "objective id 'o1' is declared twice"));
    }
    SECTION("chains and assets") {
        const std::string text =
            replace_once(tiny_case(), "  - {id: btc, symbol: BTC, chain: bitcoin, decimals: 8}\n",
                         "  - {id: btc, symbol: BTC, chain: bitcoin, decimals: 8}\n  - {id: btc, "
                         "symbol: XBT, chain: bitcoin, decimals: 8}\n");
        CHECK(find_error(load(text), "asset id 'btc' is declared twice"));
    }
}

TEST_CASE("unknown references name what is missing and where it should be declared",
          "[scenario][semantic]") {
    SECTION("a transaction on an undeclared chain") {
        const std::string text = replace_once(tiny_case(), "    chain: bitcoin\n    time: -2h",
                                              "    chain: bitcoyn\n    time: -2h");
        const auto d = find_error(
            load(text), "unknown chain 'bitcoyn'; expected one declared under chains (bitcoin)");
        REQUIRE(d);
        CHECK(d->yaml_path == "transactions[0].chain");
        const TextPos at = position_of(text, "bitcoyn");
        CHECK(d->line == at.line);
        CHECK(d->column == at.column);
    }
    SECTION("a service for an undeclared entity") {
        const std::string text = replace_once(tiny_case(), "  - entity: ex\n", "  - entity: exx\n");
        const LoadResult r = load(text);
        CHECK(find_error(r, "unknown entity 'exx'"));
    }
    SECTION("a record about an unknown address") {
        const std::string text =
            replace_once(tiny_case(), "subject: addr-b, content", "subject: addr-zz, content");
        const auto d = find_error(load(text), "unknown address 'addr-zz'");
        REQUIRE(d);
        CHECK(d->yaml_path == "services[0].records[0].subject");
    }
    SECTION("an event moving an unknown holding") {
        const std::string text = replace_once(tiny_case(), "holding: h1,", "holding: h2,");
        const auto d = find_error(load(text), "unknown holding 'h2'");
        REQUIRE(d);
        CHECK(d->yaml_path == "events[0].holding");
    }
    SECTION("a checkpoint answer that is not an option") {
        const std::string text =
            replace_once(tiny_case(), "    answer: ex\n", "    answer: exchange\n");
        const auto d = find_error(
            load(text), "answer 'exchange' is not one of the options; expected one of ex, none");
        REQUIRE(d);
        CHECK(english(*d).find("ex, none") != std::string::npos);
        CHECK(d->yaml_path == "checkpoints[0].answer");
    }
    SECTION("answers of address, entity and transaction checkpoints") {
        const std::string text =
            replace_once(tiny_case(), "hints:\n",
                         "  - {id: c2, kind: address, question: {en: Q, es: P}, answer: addr-q, "
                         "explanation: {en: E, es: E}}\n"
                         "  - {id: c3, kind: entity, question: {en: Q, es: P}, answer: nobody, "
                         "explanation: {en: E, es: E}}\n"
                         "  - {id: c4, kind: transaction, question: {en: Q, es: P}, answer: t9, "
                         "explanation: {en: E, es: E}}\n"
                         "  - {id: c5, kind: entity, question: {en: Q, es: P}, answer: ex, "
                         "explanation: {en: E, es: E}, options: []}\n"
                         "hints:\n");
        const LoadResult r = load(text);
        INFO(describe(r));
        const auto* address = find_error(r, "unknown address 'addr-q'");
        REQUIRE(address);
        CHECK(address->yaml_path == "checkpoints[1].answer");
        const auto* entity = find_error(r, "unknown entity 'nobody'");
        REQUIRE(entity);
        CHECK(entity->yaml_path == "checkpoints[2].answer");
        const auto* tx = find_error(r, "unknown transaction 't9'");
        REQUIRE(tx);
        CHECK(tx->yaml_path == "checkpoints[3].answer");
        const auto* options = find_error(r, "only a choice checkpoint has options");
        REQUIRE(options);
        CHECK(options->yaml_path == "checkpoints[4].options");
        CHECK(r.errors.size() == 4);
    }
    SECTION("rubric conditions") {
        const std::string text =
            replace_once(tiny_case(), "        - holding_frozen: h1\n",
                         "        - holding_frozen: h9\n        - checkpoint_correct: c9\n        "
                         "- record_obtained: r9\n"
                         "        - entity_identified: e9\n        - address_discovered: addr-9\n"
                         "        - {request_sent: ex, instrument: subpena, before_hours: 36}\n");
        const LoadResult r = load(text);
        INFO(describe(r));
        CHECK(find_error(r, "unknown holding 'h9'"));
        CHECK(find_error(r, "unknown checkpoint 'c9'"));
        CHECK(find_error(r, "unknown record 'r9'"));
        CHECK(find_error(r, "unknown entity 'e9'"));
        CHECK(find_error(r, "unknown address 'addr-9'"));
        const auto i = find_error(r, "unknown instrument 'subpena' (did you mean 'subpoena'?)");
        REQUIRE(i);
        CHECK(i->yaml_path == "rubric.objectives[0].conditions[5].instrument");
        CHECK(r.errors.size() == 6);
    }
    SECTION("a condition with two kinds") {
        const std::string text =
            replace_once(tiny_case(), "        - holding_frozen: h1\n",
                         "        - {holding_frozen: h1, checkpoint_correct: c1}\n");
        CHECK(find_error(load(text), "a condition has exactly one of"));
    }
    SECTION("start knowledge") {
        const std::string text =
            replace_once(tiny_case(), "  transactions: [t1]\n", "  transactions: [t7]\n");
        const auto d = find_error(load(text), "unknown transaction 't7'");
        REQUIRE(d);
        CHECK(d->yaml_path == "start_knowledge.transactions[0]");
    }
    SECTION("a holding whose custodian runs no service cannot be frozen") {
        std::string text = replace_once(
            tiny_case(), "transactions:\n",
            "  - {id: shop, kind: merchant, name: {en: Shop, es: Tienda}, attribution: lookup, "
            "involved: true, addresses: [addr-c]}\ntransactions:\n");
        text = replace_once(text, "custodian: ex", "custodian: shop");
        CHECK(find_error(load(text), "custodian 'shop' has no entry under services"));
    }
    SECTION("an issuer that is not an entity") {
        const std::string text = replace_once(tiny_case(), "chain: bitcoin, decimals: 8}",
                                              "chain: bitcoin, decimals: 8, issuer: tether}");
        CHECK(find_error(load(text), "unknown issuer entity 'tether'"));
    }
}

TEST_CASE("grade bands and points are checked", "[scenario][semantic]") {
    const std::string no_zero = replace_once(tiny_case(), "{min_percent: 0,", "{min_percent: 10,");
    CHECK(find_error(load(no_zero), "no grade band starts at 0%"));
    const std::string twice = replace_once(tiny_case(), "{min_percent: 80,", "{min_percent: 0,");
    const auto d = find_error(load(twice), "two grade bands start at 0%");
    REQUIRE(d);
    CHECK(d->yaml_path == "rubric.grades[1].min_percent");
    const std::string no_conditions = replace_once(
        tiny_case(), "      conditions:\n        - holding_frozen: h1\n", "      conditions: []\n");
    CHECK(find_error(load(no_conditions), "expected at least one condition"));
}

TEST_CASE("entity addresses take their chain from the ledger or name it", "[scenario][semantic]") {
    const std::string unseen =
        replace_once(tiny_case(), "addresses: [addr-b]", "addresses: [addr-b, addr-cold]");
    const auto d = find_error(load(unseen), "address 'addr-cold' appears in no transaction");
    REQUIRE(d);
    CHECK(d->yaml_path == "entities[0].addresses[1]");
    CHECK(english(*d).find("{address: addr-cold, chain: <chain id>}") != std::string::npos);

    const std::string named =
        replace_once(tiny_case(), "addresses: [addr-b]",
                     "addresses: [addr-b, {address: addr-cold, chain: bitcoin}]");
    const LoadResult r = load(named);
    INFO(describe(r));
    REQUIRE(r.ok());
    const auto cold = r.scenario->ledger.find_address("addr-cold");
    REQUIRE(cold.has_value());
    CHECK(r.scenario->owner_of(*cold)->id == "ex");

    const std::string shared =
        replace_once(tiny_case(), "transactions:\n",
                     "  - {id: other, kind: unknown, name: {en: O, es: O}, attribution: hidden, "
                     "involved: false, addresses: [addr-b]}\ntransactions:\n");
    CHECK(find_error(load(shared), "address 'addr-b' already belongs to entity 'ex'"));
}

TEST_CASE("expert actions are parsed into Actions and checked", "[scenario][semantic]") {
    SECTION("the shapes of the journal") {
        const LoadResult r = load(tiny_case());
        REQUIRE(r.ok());
        const auto& actions = r.scenario->expert_solution;
        CHECK(actions[0].type == ActionType::ExploreAddress);
        CHECK(actions[0].direction == Direction::Out);
        CHECK(actions[2].type == ActionType::LegalRequest);
        CHECK(actions[2].instrument == Instrument::FreezeRequest);
        CHECK(actions[2].identifiers == std::vector<std::string>{"addr-b"});
        CHECK(actions[5].type == ActionType::Submit);
        CHECK(actions[5].text == "done");
    }
    SECTION("durations in seconds or in offset notation") {
        const std::string text = replace_once(tiny_case(), "duration: 6h", "duration: 21600");
        const LoadResult r = load(text);
        REQUIRE(r.ok());
        CHECK(r.scenario->expert_solution[4].duration == 21600);
    }
    SECTION("an unknown action type") {
        const std::string text = replace_once(tiny_case(), "{type: lookup,", "{type: look_up,");
        const auto d =
            find_error(load(text), "unknown action type 'look_up' (did you mean 'lookup'?)");
        REQUIRE(d);
        CHECK(d->yaml_path == "expert_solution[1].type");
    }
    SECTION("a field the action type does not use") {
        const std::string text = replace_once(tiny_case(), "{type: lookup, target: addr-b}",
                                              "{type: lookup, taget: addr-b}");
        const LoadResult r = load(text);
        const auto d =
            find_error(r,
                       "unknown key 'taget' (did you mean 'target'?); an action of type lookup "
                       "has the keys type, target");
        REQUIRE(d);
        CHECK(d->yaml_path == "expert_solution[1].taget");
        const TextPos at = position_of(text, "taget");
        CHECK(d->line == at.line);
        CHECK(d->column == at.column);
    }
    SECTION("a malformed field reported by action_from_json") {
        const std::string text =
            replace_once(tiny_case(), "instrument: freeze_request", "instrument: freeze");
        const LoadResult r = load(text);
        INFO(describe(r));
        const auto d = find_error(r, "unknown instrument 'freeze'");
        REQUIRE(d);
        CHECK(english(*d).find("expected a kind (preservation, subpoena") != std::string::npos);
        CHECK(d->yaml_path == "expert_solution[2].instrument");
    }
    SECTION("targets that are not in the case") {
        std::string text = replace_once(tiny_case(), "target: addr-a, direction: out",
                                        "target: addr-q, direction: out");
        text = replace_once(text, "target: ex, identifiers: [addr-b]",
                            "target: nobody, identifiers: [addr-b]");
        text = replace_once(text, "target: c1, answer: ex", "target: c1, answer: maybe");
        const LoadResult r = load(text);
        CHECK(find_error(r, "unknown address 'addr-q'"));
        CHECK(find_error(r, "unknown service 'nobody'"));
        CHECK(find_error(r, "'maybe' is not an option of checkpoint 'c1'"));
    }
    SECTION("an action that is not a map") {
        const std::string text =
            replace_once(tiny_case(), "  - {type: submit, text: done}\n", "  - submit\n");
        CHECK(find_error(load(text), "expected an action as a map"));
    }
}
