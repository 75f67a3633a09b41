// Structural checks: keys, types, vocabularies, bilingual text, numbers, and one-pass reporting.
#include <catch2/catch.hpp>

#include "test_support.hpp"

using namespace mt;
using namespace mt::test;

TEST_CASE("the tiny case loads with no diagnostics", "[scenario][structure]") {
    const LoadResult r = load(tiny_case());
    INFO(describe(r));
    REQUIRE(r.ok());
    const Scenario& s = *r.scenario;
    CHECK(s.info.id == "tiny");
    CHECK(s.info.title.es == "Caso diminuto");
    CHECK(s.info.time_budget == hours(72));
    CHECK(s.ledger.transaction_count() == 1);
    CHECK(s.entities.size() == 1);
    CHECK(s.holdings.at(0).value_usd_cents == 3'000'050);
    CHECK(s.holdings.at(0).amount == 60'000'000);
    CHECK(s.rubric.grades.front().min_percent == 80);  // sorted highest first
    CHECK(s.expert_solution.size() == 6);
    CHECK(s.expert_solution[4].duration == hours(6));
}

TEST_CASE("a diagnostic reads file, line, column, message and path in either language",
          "[scenario][structure]") {
    const Diagnostic d{"cases/a.yaml", 12, 7, Message("case_error.cannot_read_case"),
                       "transactions[4].outputs[1]"};
    CHECK(render(d, "en") ==
          "cases/a.yaml:12:7: error: cannot read the case file (at transactions[4].outputs[1])");
    CHECK(render(d, "es") ==
          "cases/a.yaml:12:7: error: no se puede leer el archivo del caso "
          "(en transactions[4].outputs[1])");
    const Diagnostic whole{"cases/a.yaml", 0, 0, Message("case_error.cannot_read_case"), ""};
    CHECK(render(whole, "en") == "cases/a.yaml: error: cannot read the case file");
}

TEST_CASE("a misspelt key is reported at the key with the expected keys", "[scenario][structure]") {
    const std::string text = replace_once(tiny_case(), R"({address: addr-c, amount: "0.4"})",
                                          R"({address: addr-c, ammount: "0.4"})");
    const LoadResult r = load(text);
    REQUIRE_FALSE(r.ok());
    const auto d = find_error(r, "unknown key 'ammount'");
    REQUIRE(d);
    const TextPos at = position_of(text, "ammount");
    CHECK(d->file == "case.yaml");
    CHECK(d->line == at.line);
    CHECK(d->column == at.column);
    CHECK(d->yaml_path == "transactions[0].outputs[1].ammount");
    CHECK(english(*d).find("did you mean 'amount'?") != std::string::npos);
    CHECK(english(*d).find("an output has the keys address, amount") != std::string::npos);
    // The missing amount of the same output is reported too, at the output's map.
    const auto missing = find_error(r, "missing key 'amount' in an output");
    REQUIRE(missing);
    CHECK(missing->yaml_path == "transactions[0].outputs[1]");
    CHECK(missing->line == at.line);
}

TEST_CASE("an unknown top-level key is reported with a suggestion", "[scenario][structure]") {
    const std::string text = replace_once(tiny_case(), "hints:\n", "hintz:\n");
    const LoadResult r = load(text);
    const auto d = find_error(r, "unknown key 'hintz'");
    REQUIRE(d);
    CHECK(d->line == position_of(text, "hintz:").line);
    CHECK(d->column == 1);
    CHECK(english(*d).find("did you mean 'hints'?") != std::string::npos);
}

TEST_CASE("a missing required key names the key and the map", "[scenario][structure]") {
    const std::string text = replace_once(tiny_case(), "difficulty: beginner\n", "");
    const LoadResult r = load(text);
    const auto d = find_error(r, "missing key 'difficulty' in a case file");
    REQUIRE(d);
    CHECK(d->line == 1);
    CHECK(d->column == 1);
    CHECK(d->yaml_path.empty());
}

TEST_CASE("a value of the wrong type says what was found", "[scenario][structure]") {
    const std::string text =
        replace_once(tiny_case(), "estimated_minutes: 10", "estimated_minutes: [10]");
    const LoadResult r = load(text);
    const auto d = find_error(r, "expected the estimated minutes, found a list");
    REQUIRE(d);
    const TextPos at = position_of(text, "[10]");
    CHECK(d->line == at.line);
    CHECK(d->column == at.column);
    CHECK(d->yaml_path == "estimated_minutes");
}

TEST_CASE("an unknown vocabulary value lists the allowed ones", "[scenario][structure]") {
    const std::string text = replace_once(tiny_case(), "kind: exchange", "kind: exchnage");
    const LoadResult r = load(text);
    const auto d = find_error(r, "unknown entity kind 'exchnage'");
    REQUIRE(d);
    CHECK(d->yaml_path == "entities[0].kind");
    const TextPos at = position_of(text, "exchnage");
    CHECK(d->line == at.line);
    CHECK(d->column == at.column);
    CHECK(english(*d).find("did you mean 'exchange'?") != std::string::npos);
    CHECK(english(*d).find("victim, suspect, money_mule, exchange") != std::string::npos);
    CHECK(english(*d).find("expected one of victim, ") != std::string::npos);
    CHECK(english(*d).find("merchant, agency, hosting_provider, unknown") != std::string::npos);
}

TEST_CASE("trainee-facing text needs both English and Spanish", "[scenario][structure]") {
    const std::string text = replace_once(tiny_case(), "title: {en: Tiny case, es: Caso diminuto}",
                                          "title: {en: Tiny case}");
    const LoadResult r = load(text);
    const auto d = find_error(r, "missing key 'es'");
    REQUIRE(d);
    CHECK(d->yaml_path == "title");
    CHECK(d->line == 3);
    CHECK(d->column == position_of(text, "{en: Tiny case}").column);

    const std::string blank =
        replace_once(tiny_case(), "{en: Learn, es: Aprender}", "{en: Learn, es: \"  \"}");
    const LoadResult r2 = load(blank);
    const auto d2 = find_error(r2, "expected the Spanish text, found an empty text");
    REQUIRE(d2);
    CHECK(d2->yaml_path == "learning_objectives[0].es");

    const std::string plain =
        replace_once(tiny_case(), "summary: {en: A summary, es: Un resumen}", "summary: A summary");
    CHECK(find_error(load(plain), "expected a text in English and Spanish"));
}

TEST_CASE("numbers out of range are reported with the allowed range", "[scenario][structure]") {
    const std::string huge = replace_once(tiny_case(), "estimated_minutes: 10",
                                          "estimated_minutes: 99999999999999999999999");
    const auto d = find_error(load(huge), "a whole number from 1 to 1440");
    REQUIRE(d);
    CHECK(d->yaml_path == "estimated_minutes");

    const std::string negative =
        replace_once(tiny_case(), "time_budget_hours: 72", "time_budget_hours: -3");
    CHECK(find_error(load(negative), "from 1 to 8760; found '-3'"));

    const std::string fraction = replace_once(tiny_case(), "points: 10", "points: 2.5");
    CHECK(find_error(load(fraction), "found '2.5'"));

    const std::string zero_points = replace_once(tiny_case(), "points: 10", "points: 0");
    const auto p =
        find_error(load(zero_points), "the points of an objective, a whole number from 1");
    REQUIRE(p);
    CHECK(p->yaml_path == "rubric.objectives[0].points");

    const std::string decimals = replace_once(tiny_case(), "decimals: 8", "decimals: 31");
    CHECK(find_error(load(decimals), "from 0 to 30"));

    const std::string too_far = replace_once(tiny_case(), "time: -2h", "time: -99999d");
    CHECK(find_error(load(too_far), "expected a time"));
}

TEST_CASE("amounts are exact decimals within the asset's precision", "[scenario][structure]") {
    const std::string precise =
        replace_once(tiny_case(), R"(amount: "0.4"})", R"(amount: "0.123456789"})");
    const auto d = find_error(load(precise), "has more decimal places than BTC allows (8)");
    REQUIRE(d);
    CHECK(d->yaml_path == "transactions[0].outputs[1].amount");

    const std::string exponent = replace_once(tiny_case(), R"(amount: "0.4"})", R"(amount: 4e-1})");
    CHECK(find_error(load(exponent), "like \"0.5\"; found '4e-1'"));

    const std::string enormous = replace_once(tiny_case(), R"(amount: "0.4"})",
                                              R"(amount: "99999999999999999999999999999"})");
    CHECK(find_error(load(enormous), "larger than the largest amount"));

    const std::string zero = replace_once(tiny_case(), R"(amount: "0.4"})", R"(amount: "0"})");
    CHECK(find_error(load(zero), "expected an amount above zero"));
}

TEST_CASE("booleans, times and repeated keys are checked", "[scenario][structure]") {
    const std::string yes = replace_once(tiny_case(), "involved: true", "involved: yes");
    const auto b = find_error(load(yes), "expected true or false; found 'yes'");
    REQUIRE(b);
    CHECK(b->yaml_path == "entities[0].involved");

    const std::string time = replace_once(tiny_case(), "time: -2h", "time: two hours ago");
    const auto t = find_error(load(time), "expected a time");
    REQUIRE(t);
    CHECK(t->yaml_path == "transactions[0].time");

    const std::string twice = replace_once(tiny_case(), "difficulty: beginner\n",
                                           "difficulty: beginner\ndifficulty: advanced\n");
    const auto k = find_error(load(twice), "key 'difficulty' appears twice");
    REQUIRE(k);
    CHECK(k->line == position_of(twice, "difficulty: advanced").line);

    const std::string start =
        replace_once(tiny_case(), "\"2021-05-08T14:30:00Z\"", "\"8 May 2021\"");
    CHECK(find_error(load(start), "expected the case start as a UTC instant"));

    const std::string version = replace_once(tiny_case(), "format_version: 1", "format_version: 2");
    CHECK(find_error(load(version), "format_version 2 is not supported"));
}

TEST_CASE("absolute times count from the case start", "[scenario][structure]") {
    const std::string text =
        replace_once(tiny_case(), "time: -2h", "time: \"2021-05-08T12:30:00Z\"");
    const LoadResult r = load(text);
    INFO(describe(r));
    REQUIRE(r.ok());
    CHECK(r.scenario->ledger.transaction(0).time == -hours(2));
}

TEST_CASE("every problem of a file is reported in one pass, in file order",
          "[scenario][structure]") {
    std::string text = tiny_case();
    text = replace_once(text, "difficulty: beginner", "difficulty: expert");
    text = replace_once(text, "kind: exchange", "kind: bank");
    text = replace_once(text, "value_usd: \"30000.50\"", "value_usd: \"30000.505\"");
    text = replace_once(text, "{type: wait, duration: 6h}", "{type: wait, duration: soon}");
    text = replace_once(text, "{min_percent: 80,", "{min_percent: 180,");
    const LoadResult r = load(text);
    INFO(describe(r));
    REQUIRE(r.scenario == nullptr);
    REQUIRE(r.errors.size() == 5);
    CHECK(r.errors[0].yaml_path == "difficulty");
    CHECK(r.errors[1].yaml_path == "entities[0].kind");
    CHECK(r.errors[2].yaml_path == "holdings[0].value_usd");
    CHECK(r.errors[3].yaml_path == "rubric.grades[1].min_percent");
    CHECK(r.errors[4].yaml_path == "expert_solution[4].duration");
    for (std::size_t i = 1; i < r.errors.size(); ++i)
        CHECK(r.errors[i - 1].line < r.errors[i].line);
}
