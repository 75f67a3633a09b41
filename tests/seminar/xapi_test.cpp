// The xAPI statements of a seminar's results, checked against the statement rules of the xAPI
// specification (1.0.3, Part Two, "Statement Properties"; cited in docs/case-authoring.md):
// actor, verb and object required; an Agent identified by exactly one inverse functional
// identifier (here an account: homePage IRL and name); verb and activity ids absolute IRIs;
// language maps keyed by RFC 5646 tags; score.scaled in [-1, 1], min < max, raw within min..max;
// success and completion booleans; duration and timestamp in ISO 8601; no property outside the
// statement's.
#include <set>

#include <catch2/catch.hpp>

#include "sample_case.hpp"
#include "seminar/xapi_statements.hpp"

using namespace mt;
using namespace mt::seminar;

namespace {

TraineeSnapshot trainee(std::int64_t id, std::string name, int total, bool submitted) {
    TraineeSnapshot t;
    t.id = id;
    t.name = std::move(name);
    t.agency = "FGR";
    t.submitted = submitted;
    t.now = 5 * 3600 + 20 * 60;
    t.joined_unix = 1710774000;
    t.last_seen_unix = 1710790000;
    t.score.total = total;
    t.score.max = 100;
    t.score.percent = total;
    return t;
}

// RFC 3987 absolute IRI: a scheme, ":", and no spaces.
bool absolute_iri(const std::string& s) {
    const auto colon = s.find(':');
    if (colon == std::string::npos || colon == 0 || s.find(' ') != std::string::npos) return false;
    if (!std::isalpha(static_cast<unsigned char>(s[0]))) return false;
    for (std::size_t i = 1; i < colon; ++i)
        if (!std::isalnum(static_cast<unsigned char>(s[i])) && s[i] != '+' && s[i] != '-' &&
            s[i] != '.')
            return false;
    return colon + 1 < s.size();
}

bool iso_timestamp(const std::string& s) {
    // YYYY-MM-DDThh:mm:ss(.fff)?(Z|±hh:mm)
    if (s.size() < 20) return false;
    auto digits = [&](std::size_t from, std::size_t count) {
        for (std::size_t i = from; i < from + count; ++i)
            if (!std::isdigit(static_cast<unsigned char>(s[i]))) return false;
        return true;
    };
    return digits(0, 4) && s[4] == '-' && digits(5, 2) && s[7] == '-' && digits(8, 2) &&
           s[10] == 'T' && digits(11, 2) && s[13] == ':' && digits(14, 2) && s[16] == ':' &&
           digits(17, 2) && (s.back() == 'Z' || s[s.size() - 3] == ':');
}

bool iso_duration(const std::string& s) {
    if (s.rfind("PT", 0) != 0 || s.size() < 4) return false;
    std::string number;
    for (std::size_t i = 2; i < s.size(); ++i) {
        if (std::isdigit(static_cast<unsigned char>(s[i])))
            number += s[i];
        else if ((s[i] == 'H' || s[i] == 'M' || s[i] == 'S') && !number.empty())
            number.clear();
        else
            return false;
    }
    return number.empty();
}

bool language_map(const nlohmann::json& map) {
    if (!map.is_object() || map.empty()) return false;
    for (const auto& [tag, text] : map.items())
        if (tag.size() < 2 || !text.is_string()) return false;
    return true;
}

void check_statement(const nlohmann::json& s) {
    const std::set<std::string> allowed{"id",        "actor",   "verb",       "object",
                                        "result",    "context", "timestamp",  "stored",
                                        "authority", "version", "attachments"};
    for (const auto& [key, value] : s.items()) {
        INFO(key);
        CHECK(allowed.count(key));
    }
    REQUIRE(s.contains("actor"));
    REQUIRE(s.contains("verb"));
    REQUIRE(s.contains("object"));

    const nlohmann::json& actor = s["actor"];
    CHECK(actor["objectType"] == "Agent");
    int identifiers = 0;
    for (const char* ifi : {"mbox", "mbox_sha1sum", "openid", "account"})
        identifiers += actor.contains(ifi) ? 1 : 0;
    CHECK(identifiers == 1);
    REQUIRE(actor.contains("account"));
    CHECK(absolute_iri(actor["account"]["homePage"].get<std::string>()));
    CHECK_FALSE(actor["account"]["name"].get<std::string>().empty());

    CHECK(absolute_iri(s["verb"]["id"].get<std::string>()));
    if (s["verb"].contains("display")) CHECK(language_map(s["verb"]["display"]));

    const nlohmann::json& object = s["object"];
    CHECK(object["objectType"] == "Activity");
    CHECK(absolute_iri(object["id"].get<std::string>()));
    CHECK(language_map(object["definition"]["name"]));
    CHECK(absolute_iri(object["definition"]["type"].get<std::string>()));

    const nlohmann::json& result = s["result"];
    const nlohmann::json& score = result["score"];
    const double scaled = score["scaled"].get<double>();
    CHECK(scaled >= -1.0);
    CHECK(scaled <= 1.0);
    CHECK(score["min"].get<double>() < score["max"].get<double>());
    CHECK(score["raw"].get<double>() >= score["min"].get<double>());
    CHECK(score["raw"].get<double>() <= score["max"].get<double>());
    CHECK(result["success"].is_boolean());
    CHECK(result["completion"].is_boolean());
    CHECK(iso_duration(result["duration"].get<std::string>()));

    for (const auto& [key, value] : s["context"]["extensions"].items()) CHECK(absolute_iri(key));
    CHECK(iso_timestamp(s["timestamp"].get<std::string>()));
}

}  // namespace

TEST_CASE("each trainee's result is an xAPI statement that follows the specification's rules",
          "[xapi]") {
    const auto scenario = testing::make_sample_case();
    const std::vector<TraineeSnapshot> people{
        trainee(1, "Ana", 95, true), trainee(2, "Bea", 10, true), trainee(3, "Caro", 40, false)};
    const nlohmann::json statements =
        xapi_statements(*scenario, people, base_iri_for_host("192.168.1.10:8080"));
    REQUIRE(statements.size() == 3);
    for (const nlohmann::json& s : statements) check_statement(s);

    const int pass = pass_percent(*scenario);
    CHECK(statements[0]["verb"]["id"] == "http://adlnet.gov/expapi/verbs/passed");
    CHECK(statements[0]["result"]["success"] == (95 >= pass));
    CHECK(statements[0]["result"]["score"]["raw"] == 95);
    CHECK(statements[0]["result"]["score"]["scaled"] == Approx(0.95));
    CHECK(statements[1]["verb"]["id"] == "http://adlnet.gov/expapi/verbs/failed");
    CHECK(statements[1]["result"]["success"] == false);
    CHECK(statements[2]["verb"]["id"] == "http://adlnet.gov/expapi/verbs/attempted");
    CHECK(statements[2]["result"]["completion"] == false);
    CHECK(statements[0]["actor"]["account"]["homePage"] == "http://192.168.1.10:8080/");
    CHECK(statements[0]["object"]["id"] == "http://192.168.1.10:8080/cases/" + scenario->info.id);
    CHECK(statements[0]["result"]["duration"] == "PT5H20M0S");
    CHECK(statements[0]["timestamp"] == "2024-03-18T19:26:40Z");
}

TEST_CASE("a forged Host header cannot reach the statements' IRIs", "[xapi]") {
    CHECK(base_iri_for_host("evil\"}, {\"x") == "http://moneytrail.invalid/");
    CHECK(base_iri_for_host("") == "http://moneytrail.invalid/");
    CHECK(base_iri_for_host("[::1]:8080") == "http://[::1]:8080/");
}
