// Hostile and malformed requests: each gets a 4xx with a JSON error naming what was wrong, and
// nothing in the seminar changes.
#include <httplib.h>
#include <catch2/catch.hpp>

#include "i18n/catalogue.hpp"
#include "sample_case.hpp"
#include "seminar/seminar.hpp"
#include "seminar_case.hpp"
#include "temp_dir.hpp"
#include "test_server.hpp"

using namespace mt;
using namespace mt::seminar;
using nlohmann::json;

namespace {

struct Http {
    int status = 0;
    json body;
};

Http result(const httplib::Result& r) {
    Http out;
    if (!r) return out;
    out.status = r->status;
    out.body = json::parse(r->body, nullptr, false);
    return out;
}

// Every refusal is JSON with an "error" string, and a message id the clients word in Spanish.
void check_refused(const Http& r, int status, const std::string& mentions) {
    INFO("expected " << status << " mentioning '" << mentions << "', got " << r.status << " "
                     << r.body.dump());
    CHECK(r.status == status);
    REQUIRE(r.body.is_object());
    REQUIRE(r.body.contains("error"));
    CHECK(r.body["error"].get<std::string>().find(mentions) != std::string::npos);
    REQUIRE(r.body.contains("message"));
    const Message message = r.body["message"].get<Message>();
    CHECK(has_translation(message.key));
    const std::string spanish = render(message, "es");
    CHECK(spanish.find('{') == std::string::npos);  // every placeholder filled
    CHECK(spanish != render(message, "en"));
}

json state_of(Seminar& s, const std::vector<std::string>& tokens) {
    json j;
    j["stored"] = s.stored_action_count();
    j["state"] = name_of(s.state());
    for (const TraineeSnapshot& t : s.snapshot())
        j["trainees"].push_back({t.name, t.actions, t.now, t.score.total});
    for (const std::string& t : tokens) j["casefiles"].push_back(s.casefile(t).body);
    return j;
}

}  // namespace

TEST_CASE("hostile requests are refused with a clear error and change nothing") {
    testing::TempDir dir;
    // Room for every wrong secret below: the limit on guesses is tested in trust_test.cpp.
    seminar::ServerOptions options;
    options.wrong_guesses_per_minute = 100;
    testing::TestSeminar server(testing::make_seminar_case(), dir.file("s.sqlite"), std::nullopt,
                                options);
    Seminar& s = server.seminar();
    const std::string code = s.join_code();
    const std::string secret = s.instructor_secret();
    httplib::Client http("127.0.0.1", server.port());
    const httplib::Headers as_instructor{{"X-Instructor-Secret", secret}};
    auto post = [&](const std::string& path, const std::string& body,
                    const httplib::Headers& headers = {}) {
        return result(http.Post(path.c_str(), headers, body, "application/json"));
    };
    auto get = [&](const std::string& path, const httplib::Headers& headers = {}) {
        return result(http.Get(path.c_str(), headers));
    };

    const Http ana =
        post("/api/join", json{{"code", code}, {"name", "Ana"}, {"agency", "FGR"}}.dump());
    const Http bea = post("/api/join", json{{"code", code}, {"name", "Bea"}}.dump());
    REQUIRE(ana.status == 200);
    REQUIRE(bea.status == 200);
    const std::string ta = ana.body["token"];
    const std::string tb = bea.body["token"];
    REQUIRE(post("/api/instructor/start", "", as_instructor).status == 200);
    json explore = {
        {"type", "explore_address"}, {"target", testing::kRansom}, {"direction", "out"}};
    REQUIRE(post("/api/action", json{{"token", ta}, {"action", explore}}.dump()).body["accepted"] ==
            true);
    const json before = state_of(s, {ta, tb});

    SECTION("bodies that are not what they claim") {
        check_refused(post("/api/join", "not json"), 400, "not valid JSON");
        check_refused(post("/api/join", ""), 400, "empty");
        check_refused(post("/api/join", "[1,2]"), 400, "must be a JSON object");
        check_refused(post("/api/join", std::string(5000, '[') + std::string(5000, ']')), 400,
                      "nests deeper");
        check_refused(post("/api/join", "{\"code\": \"" + code + "\", \"name\": \"Jos\xE9\"}"), 400,
                      "not valid JSON");
        check_refused(post("/api/join", std::string(100 * 1024, ' ')), 413, "larger than 64 KiB");
        check_refused(
            post("/api/join", json{{"code", code}, {"name", std::string(70 * 1024, 'a')}}.dump()),
            413, "64 KiB");
        check_refused(post("/api/join", json{{"code", code}, {"name", 5}}.dump()), 400,
                      "'name' must be a string");
        check_refused(post("/api/join", json{{"code", code}}.dump()), 400, "'name' is required");
        check_refused(
            post("/api/join", json{{"code", code}, {"name", "Eve"}, {"admin", true}}.dump()), 400,
            "unknown field 'admin'");
        check_refused(
            post("/api/action",
                 json{{"token", ta}, {"action", {{"type", "wait"}, {"duration", 1e300}}}}.dump()),
            400, "/action/duration) an integer is expected");
        check_refused(
            post("/api/action", json{{"token", ta}, {"action", {{"type", "teleport"}}}}.dump()),
            400, "unknown value 'teleport'");
        check_refused(post("/api/action", json{{"token", ta}, {"action", "explore"}}.dump()), 400,
                      "JSON object");
        check_refused(post("/api/action", json{{"token", ta}}.dump()), 400, "'action' is required");
        check_refused(get("/api/nothing-here"), 404, "no such endpoint: GET /api/nothing-here");
        check_refused(get("/api/join"), 404, "no such endpoint");
    }
    SECTION("names that must not be shown to others") {
        check_refused(post("/api/join", json{{"code", code}, {"name", "   "}}.dump()), 400,
                      "name is required");
        check_refused(
            post("/api/join", json{{"code", code}, {"name", std::string(65, 'x')}}.dump()), 400,
            "too long");
        check_refused(post("/api/join", json{{"code", code}, {"name", "Eve\u202Eeve"}}.dump()), 400,
                      "invisible");
        check_refused(post("/api/join", json{{"code", code}, {"name", "Eve\nEve"}}.dump()), 400,
                      "control");
        const Http r = post("/api/join", json{{"code", code}, {"name", "   "}}.dump());
        CHECK(render(r.body["message"].get<Message>(), "es") == "El campo nombre es obligatorio.");
        CHECK_FALSE(r.body.contains("error_es"));  // one message, worded by each client
    }
    SECTION("wrong code, wrong or missing token, someone else's session") {
        check_refused(post("/api/join", json{{"code", "AAAAAA"}, {"name", "Eve"}}.dump()), 403,
                      "join code");
        check_refused(post("/api/join", json{{"code", ""}, {"name", "Eve"}}.dump()), 403,
                      "join code");
        check_refused(
            post("/api/action",
                 json{{"token", "0123456789abcdef0123456789abcdef"}, {"action", explore}}.dump()),
            401, "not recognised");
        check_refused(post("/api/action", json{{"action", explore}}.dump()), 401,
                      "token is required");
        check_refused(get("/api/casefile"), 401, "token is required");
        check_refused(get("/api/casefile", {{"X-Trainee-Token", secret}}), 401, "not recognised");
        check_refused(post("/api/action", json{{"token", ta}, {"action", explore}}.dump(),
                           {{"X-Trainee-Token", tb}}),
                      400, "differ");
        check_refused(post("/api/action",
                           json{{"token", ta}, {"trainee", "Bea"}, {"action", explore}}.dump()),
                      400, "unknown field 'trainee'");
        // Ana's token reaches only Ana's casefile.
        const Http mine = get("/api/casefile", {{"Authorization", "Bearer " + ta}});
        REQUIRE(mine.status == 200);
        CHECK(mine.body["casefile"] == before["casefiles"][0]["casefile"]);
    }
    SECTION("instructor endpoints need the secret") {
        for (const char* path : {"/api/instructor/overview", "/api/instructor/leaderboard",
                                 "/api/instructor/results.csv", "/api/instructor/results.json",
                                 "/api/instructor/stuck"}) {
            check_refused(get(path), 401, "X-Instructor-Secret");
            check_refused(get(path, {{"X-Instructor-Secret", "guess"}}), 403,
                          "wrong instructor secret");
            check_refused(get(path, {{"X-Instructor-Secret", ta}}), 403, "wrong instructor secret");
        }
        for (const char* path :
             {"/api/instructor/pause", "/api/instructor/end", "/api/instructor/hint-all"})
            check_refused(post(path, "", {{"X-Instructor-Secret", secret + "x"}}), 403,
                          "wrong instructor secret");
        check_refused(post("/api/instructor/inject", json{{"message", {{"en", "hi"}}}}.dump()), 401,
                      "X-Instructor-Secret");
        check_refused(post("/api/instructor/inject", json{{"message", "hi"}}.dump(), as_instructor),
                      400, "'message'");
        check_refused(post("/api/instructor/inject", json{{"message", {{"fr", "salut"}}}}.dump(),
                           as_instructor),
                      400, "unknown field 'fr'");
        check_refused(
            post("/api/instructor/inject", json{{"message", {{"en", ""}}}}.dump(), as_instructor),
            400, "empty");
        check_refused(post("/api/instructor/start", "", as_instructor), 409,
                      "Cannot start: the exercise is running");
    }
    CHECK(state_of(s, {ta, tb}) == before);
}
