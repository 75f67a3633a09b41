// Self-paced practice (serve --practice): a library of always-running cases, a private session
// per pick with no join code, kept across a restart; over HTTP only the practice routes exist.
#include <httplib.h>
#include <catch2/catch.hpp>

#include <thread>

#include "i18n/catalogue.hpp"
#include "model/action_builders.hpp"
#include "seminar/practice.hpp"
#include "seminar/server.hpp"
#include "seminar_case.hpp"
#include "temp_dir.hpp"

using namespace mt;
using namespace mt::seminar;
using nlohmann::json;

namespace {

Action one_hour_wait() {
    return wait_action(hours(1));
}

}  // namespace

TEST_CASE("practice gives each pick of a case a private running session, kept across a restart",
          "[seminar][practice]") {
    testing::TempDir dir;
    const std::shared_ptr<const Scenario> scenario = testing::make_seminar_case();
    Message error;
    std::string first, second;
    {
        auto library = PracticeLibrary::open({scenario}, dir.file("records"), error);
        REQUIRE(library);
        const json status = library->status();
        CHECK(status["mode"] == "practice");
        REQUIRE(status["cases"].size() == 1);
        CHECK(status["cases"][0]["id"] == scenario->info.id);
        CHECK(status["cases"][0]["title"]["es"] == scenario->info.title.es);

        const Reply unknown = library->start("no-such-case");
        CHECK(unknown.failure == Failure::NotFound);
        CHECK(unknown.error_key == "seminar.unknown_case");
        CHECK(render(unknown.error, "es").find("no-such-case") != std::string::npos);

        const Reply a = library->start(scenario->info.id);
        const Reply b = library->start(scenario->info.id);
        REQUIRE(a.ok());
        REQUIRE(b.ok());
        first = a.body["token"];
        second = b.body["token"];
        CHECK(first != second);
        // No instructor starts the clock: the first action is accepted at once.
        const Reply acted = library->act(first, one_hour_wait());
        REQUIRE(acted.ok());
        CHECK(acted.body["accepted"] == true);
        CHECK(library->casefile(first).body["casefile"]["actions_taken"] == 1);
        CHECK(library->casefile(second).body["casefile"]["actions_taken"] == 0);
        CHECK(library->casefile("not-a-token").failure == Failure::Unauthorized);
    }
    // The server restarted on the same records: both sessions continue where they were.
    auto reopened = PracticeLibrary::open({scenario}, dir.file("records"), error);
    REQUIRE(reopened);
    CHECK(reopened->casefile(first).body["casefile"]["actions_taken"] == 1);
    CHECK(reopened->act(second, one_hour_wait()).body["accepted"] == true);
    CHECK(reopened->casefile(second).body["casefile"]["actions_taken"] == 1);
}

TEST_CASE("a practice server answers the page's routes and nothing of a seminar's",
          "[seminar][practice]") {
    testing::TempDir dir;
    const std::shared_ptr<const Scenario> scenario = testing::make_seminar_case();
    Message error;
    auto library = PracticeLibrary::open({scenario}, dir.file("records"), error);
    REQUIRE(library);
    SeminarServer server(*library, {"127.0.0.1", 0, {}, nullptr});
    REQUIRE(server.bind(error));
    std::thread serving([&server] { server.run(); });

    httplib::Client http("127.0.0.1", server.port());
    http.set_read_timeout(10, 0);
    const auto status = http.Get("/api/status");
    REQUIRE(status);
    CHECK(json::parse(status->body)["mode"] == "practice");
    const auto join = http.Post("/api/join", R"({"code":"X","name":"Ana"})", "application/json");
    REQUIRE(join);
    CHECK(join->status == 404);
    const auto overview = http.Get("/api/instructor/overview");
    REQUIRE(overview);
    CHECK(overview->status == 404);
    const auto bad = http.Post("/api/practice/start", R"({"case":7})", "application/json");
    REQUIRE(bad);
    CHECK(bad->status == 400);

    const auto started = http.Post("/api/practice/start", json{{"case", scenario->info.id}}.dump(),
                                   "application/json");
    REQUIRE(started);
    REQUIRE(started->status == 200);
    const std::string token = json::parse(started->body)["token"];
    const auto acted = http.Post("/api/action", {{"X-Trainee-Token", token}},
                                 json{{"action", {{"type", "wait"}, {"duration", 60}}}}.dump(),
                                 "application/json");
    REQUIRE(acted);
    CHECK(acted->status == 200);
    CHECK(json::parse(acted->body)["accepted"] == true);
    const auto casefile = http.Get("/api/casefile", {{"X-Trainee-Token", token}});
    REQUIRE(casefile);
    CHECK(json::parse(casefile->body)["casefile"]["actions_taken"] == 1);

    server.stop();
    serving.join();
}
