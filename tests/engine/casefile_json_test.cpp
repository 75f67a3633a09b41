#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "i18n/catalogue.hpp"
#include "model/casefile.hpp"
#include "sample_case.hpp"
#include "session/session.hpp"

using namespace mt;

namespace {

// to_json(parse(to_json(c))) == to_json(c): everything the server sends survives the trip.
void check_round_trip(const Casefile& c) {
    const nlohmann::json sent = to_json(c);
    const CasefileParse parsed = casefile_from_json(sent);
    INFO(render(parsed.error, "en"));
    REQUIRE(parsed.casefile);
    CHECK(to_json(*parsed.casefile) == sent);
}

}  // namespace

TEST_CASE("a casefile survives the trip through JSON, before and after submit") {
    const std::shared_ptr<const Scenario> scenario = testing::make_sample_case();
    Session session(scenario);
    check_round_trip(session.casefile());
    const auto& expert = scenario->expert_solution;
    for (std::size_t i = 0; i + 1 < expert.size(); ++i) REQUIRE(session.apply(expert[i]).accepted);
    Action analysis;
    analysis.type = ActionType::RunAnalysis;
    analysis.tool = AnalysisTool::Taint;
    analysis.target = "tx-peel";
    session.apply(analysis);
    Action note;
    note.type = ActionType::Annotate;
    note.target = testing::kDeposit;
    note.text = "Bitnova deposit, \"quoted\" ñ";
    note.tags = {"exchange", "frozen"};
    REQUIRE(session.apply(note).accepted);
    Action hint;
    hint.type = ActionType::Hint;
    REQUIRE(session.apply(hint).accepted);
    check_round_trip(session.casefile());
    CHECK_FALSE(session.casefile().requests.empty());
    REQUIRE(session.apply(expert.back()).accepted);  // submit: score and expert path appear
    REQUIRE(session.casefile().score);
    check_round_trip(session.casefile());
}

TEST_CASE("a malformed casefile names the path of the first problem") {
    const std::shared_ptr<const Scenario> scenario = testing::make_sample_case();
    Session session(scenario);
    nlohmann::json j = to_json(session.casefile());

    auto error_of = [](const nlohmann::json& bad) {
        const CasefileParse p = casefile_from_json(bad);
        CHECK_FALSE(p.casefile);
        return render(p.error, "en");
    };
    CHECK(error_of(nlohmann::json::array()) == "casefile: a casefile must be a JSON object");
    nlohmann::json bad = j;
    bad["addresses"][0]["balances"] = {{{"asset", "BTC"}, {"decimals", 8}, {"amount", "-5"}}};
    CHECK(error_of(bad) ==
          "casefile: (/addresses/0/balances/0/amount) a decimal count of base "
          "units is expected");
    bad = j;
    bad["transactions"][0].erase("fee");
    CHECK(error_of(bad) == "casefile: (/transactions/0) key 'fee' not found");
    bad = j;
    bad["timeline"][0]["kind"] = "gossip";
    CHECK(error_of(bad) == "casefile: (/timeline/0/kind) unknown value 'gossip'");
    bad = j;
    bad["now"] = "soon";
    CHECK(error_of(bad) == "casefile: (/now) an integer is expected");
    bad = j;
    bad["briefing"]["title"] = 5;
    CHECK(error_of(bad) == "casefile: (/briefing/title) cannot use at() with number");
    const CasefileParse spanish = casefile_from_json(bad);
    CHECK(render(spanish.error, "es") ==
          "expediente: (/briefing/title) no se puede usar at() con number");
}

TEST_CASE("analysis rows keep their facts through JSON; a share must lie in [0, 1]") {
    Casefile c;
    AnalysisReport report;
    report.id = "analysis-1";
    AnalysisRow row{"tx-1",
                    "0.3 BTC",
                    {Message("forensic.part.share").arg("share", "30.0%"),
                     Message("forensic.part.hops").arg("count", 2)},
                    true};
    row.share = 0.3;
    row.hops = 2;
    row.evidence = "common_input";
    row.via_coinjoin = true;
    report.rows = {row, AnalysisRow{"bc1qplain", "", {Message("forensic.taint.source")}}};
    c.analyses.push_back(report);
    check_round_trip(c);
    const CasefileParse parsed = casefile_from_json(to_json(c));
    REQUIRE(parsed.casefile);
    const AnalysisRow& back = parsed.casefile->analyses.at(0).rows.at(0);
    CHECK(back.detail == row.detail);
    CHECK(to_json(c)["analyses"][0]["rows"][0]["detail"][1] ==
          nlohmann::json::parse(R"({"key": "forensic.part.hops", "args": {"count": "2"}})"));
    CHECK(back.transaction);
    CHECK(back.share == 0.3);
    CHECK(back.hops == 2u);
    CHECK(back.evidence == "common_input");
    CHECK(back.via_coinjoin);
    CHECK_FALSE(parsed.casefile->analyses.at(0).rows.at(1).share);

    nlohmann::json bad = to_json(c);
    bad["analyses"][0]["rows"][0]["share"] = 1.5;
    const CasefileParse rejected = casefile_from_json(bad);
    CHECK_FALSE(rejected.casefile);
    CHECK(render(rejected.error, "en") ==
          "casefile: (/analyses/0/rows/0/share) a number from 0 to 1 is expected");
}
