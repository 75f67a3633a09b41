// A seminar room on 127.0.0.1: 40 trainees play at once over HTTP (experts, naive and random
// players); one laptop drops out and rejoins; the instructor injects a message, pauses and
// resumes. Afterwards the leaderboard and the exported results equal what each trainee's own
// acknowledged actions score when replayed offline, nothing acknowledged is missing from the
// database, and a restarted server restores every session bit for bit.
#include <httplib.h>
#include <catch2/catch.hpp>

#include <atomic>
#include <condition_variable>
#include <future>
#include <latch>
#include <mutex>
#include <thread>

#include "players.hpp"
#include "seminar/client.hpp"
#include "seminar/display_text.hpp"
#include "seminar/variant.hpp"
#include "seminar_case.hpp"
#include "session/session.hpp"
#include "temp_dir.hpp"
#include "test_server.hpp"

using namespace mt;
using namespace mt::testing;
using nlohmann::json;

namespace {

constexpr int kTrainees = 40;
constexpr std::uint64_t kSeed = 2024;
constexpr const char* kInjected = "Remember: preserve before you subpoena";

std::string trainee_name(int i) {
    static const char* const kFirst[] = {"Ana",   "Bruno", "Carla", "Diego",
                                         "Elena", "Fabio", "Gala",  "Hugo"};
    return "T" + std::to_string(100 + i) + " " + kFirst[i % 8] + " Pérez";
}

PlayStyle style_of(int i) {
    return i % 3 == 0 ? PlayStyle::Expert : i % 3 == 1 ? PlayStyle::Naive : PlayStyle::Random;
}

json instructor_get(int port, const std::string& secret, const char* path) {
    httplib::Client http("127.0.0.1", port);
    auto r = http.Get(path, {{"X-Instructor-Secret", secret}});
    REQUIRE(r);
    REQUIRE(r->status == 200);
    return json::parse(r->body);
}

void instructor_post(int port, const std::string& secret, const char* path,
                     const json& body = json::object()) {
    httplib::Client http("127.0.0.1", port);
    auto r = http.Post(path, {{"X-Instructor-Secret", secret}}, body.dump(), "application/json");
    REQUIRE(r);
    INFO(r->body);
    REQUIRE(r->status == 200);
}

// The casefile as the engine alone would show it: without the seminar's instructor messages.
json without_injected(json casefile) {
    json kept = json::array();
    for (const json& e : casefile["timeline"])
        if (e["text"]["key"] != "timeline.instructor") kept.push_back(e);
    casefile["timeline"] = kept;
    return casefile;
}

}  // namespace

TEST_CASE(
    "forty trainees play at once and every score, record and restart agrees with offline replay") {
    TempDir dir;
    const std::shared_ptr<const Scenario> scenario = make_seminar_case();
    TestSeminar server(scenario, dir.file("room.sqlite"), kSeed);
    const std::string code = server.seminar().join_code();
    const std::string secret = server.seminar().instructor_secret();

    std::vector<std::string> names;
    std::vector<std::shared_ptr<const Scenario>> variants;
    for (int i = 0; i < kTrainees; ++i) {
        names.push_back(trainee_name(i));
        variants.push_back(
            seminar::make_variant(*scenario, kSeed, seminar::name_key(names.back())).scenario);
    }

    std::latch all_joined(kTrainees);
    std::mutex start_mutex;
    std::condition_variable started_cv;
    bool started = false;
    std::atomic<int> finished{0};
    std::vector<std::future<PlayerResult>> futures;
    for (int i = 0; i < kTrainees; ++i) {
        PlayerSetup setup;
        setup.port = server.port();
        setup.code = code;
        setup.name = names[static_cast<std::size_t>(i)];
        setup.agency = i % 2 ? "Fiscalía General" : "Unidad de Inteligencia Financiera";
        setup.style = style_of(i);
        setup.seed = static_cast<std::uint64_t>(i) * 7919u;
        setup.scenario = variants[static_cast<std::size_t>(i)].get();
        for (int j = 0; j < kTrainees; ++j)
            if (j != i) setup.other_names.push_back(names[static_cast<std::size_t>(j)]);
        if (i == 4 || i == 6) setup.drop_after = 3;  // a naive and an expert player's laptops sleep
        setup.joined = [&all_joined] { all_joined.count_down(); };
        setup.wait_for_start = [&] {
            std::unique_lock lock(start_mutex);
            started_cv.wait(lock, [&] { return started; });
        };
        futures.push_back(std::async(std::launch::async, [setup, &finished] {
            PlayerResult r = play(setup);
            ++finished;
            return r;
        }));
    }

    // The instructor: waits for the room, starts, then injects and pauses while trainees work.
    all_joined.wait();
    CHECK(instructor_get(server.port(), secret, "/api/instructor/overview")["joined"] == kTrainees);
    instructor_post(server.port(), secret, "/api/instructor/start");
    {
        std::lock_guard lock(start_mutex);
        started = true;
    }
    started_cv.notify_all();
    instructor_post(
        server.port(), secret, "/api/instructor/inject",
        {{"message", {{"en", kInjected}, {"es", "Recuerden: preservar antes de citar"}}}});
    instructor_post(server.port(), secret, "/api/instructor/pause");
    const json paused_overview = instructor_get(server.port(), secret, "/api/instructor/overview");
    CHECK(paused_overview["state"] == "paused");
    instructor_post(server.port(), secret, "/api/instructor/resume");

    std::vector<PlayerResult> results;
    for (auto& f : futures) results.push_back(f.get());
    REQUIRE(finished == kTrainees);

    std::size_t acknowledged = 0;
    for (const PlayerResult& r : results) {
        INFO(r.name);
        for (const std::string& p : r.problems) FAIL_CHECK(p);
        acknowledged += r.accepted.size();
    }
    CHECK(results[4].rejoined);
    CHECK(results[6].rejoined);

    // None lost, none invented: the database holds exactly the acknowledged actions.
    CHECK(server.seminar().stored_action_count() == static_cast<std::int64_t>(acknowledged));

    // Offline replay of each trainee's acknowledged actions, in a plain engine Session.
    const json board =
        instructor_get(server.port(), secret, "/api/instructor/leaderboard")["leaderboard"];
    const json exported =
        instructor_get(server.port(), secret, "/api/instructor/results.json")["results"];
    REQUIRE(board.size() == kTrainees);
    REQUIRE(exported.size() == kTrainees);
    std::vector<json> served_casefiles;
    int experts_at_max = 0;
    for (int i = 0; i < kTrainees; ++i) {
        const PlayerResult& r = results[static_cast<std::size_t>(i)];
        INFO(r.name);
        Session offline(variants[static_cast<std::size_t>(i)]);
        for (const Action& a : r.accepted) REQUIRE(offline.apply(a).accepted);
        const ScoreReport expected = offline.score();
        const auto in_board = std::find_if(board.begin(), board.end(),
                                           [&](const json& row) { return row["name"] == r.name; });
        const auto in_export = std::find_if(exported.begin(), exported.end(),
                                            [&](const json& row) { return row["name"] == r.name; });
        REQUIRE(in_board != board.end());
        REQUIRE(in_export != exported.end());
        CHECK((*in_board)["total"] == expected.total);
        CHECK((*in_board)["submitted"] == offline.submitted());
        CHECK((*in_export)["score"] == expected.total);
        CHECK((*in_export)["max"] == expected.max);
        CHECK((*in_export)["percent"] == expected.percent);
        CHECK((*in_export)["grade"]["en"] == expected.grade.en);
        REQUIRE((*in_export)["objectives"].size() == expected.objectives.size());
        for (std::size_t k = 0; k < expected.objectives.size(); ++k)
            CHECK((*in_export)["objectives"][k]["earned"] == expected.objectives[k].earned);
        if (style_of(i) == PlayStyle::Expert && expected.total == expected.max) ++experts_at_max;

        // The served casefile is the engine's plus the instructor's message, once.
        seminar::SeminarClient client("127.0.0.1", server.port());
        client.set_token(r.token);
        const seminar::ClientReply served = client.casefile();
        REQUIRE(served.ok());
        const json casefile = served.body["casefile"];
        CHECK(without_injected(casefile) == to_json(offline.casefile()));
        CHECK(casefile["timeline"].size() == offline.casefile().timeline.size() + 1);
        served_casefiles.push_back(casefile);
    }
    CHECK(experts_at_max > 0);

    // Ranked best first, and the CSV carries the same people.
    for (std::size_t k = 1; k < board.size(); ++k)
        CHECK(board[k - 1]["total"] >= board[k]["total"]);
    {
        httplib::Client http("127.0.0.1", server.port());
        auto csv = http.Get("/api/instructor/results.csv", {{"X-Instructor-Secret", secret}});
        REQUIRE(csv);
        CHECK(std::count(csv->body.begin(), csv->body.end(), '\n') == kTrainees + 1);
        for (const std::string& n : names) CHECK(csv->body.find(n) != std::string::npos);
    }
    const json overview = instructor_get(server.port(), secret, "/api/instructor/overview");
    CHECK(overview["stuck"]["checkpoints"].size() == scenario->checkpoints.size());
    CHECK_FALSE(overview["penalised_requests"].empty());  // the naive players over-ask

    // Restart from the same file: every session, score and message comes back identical.
    const json board_before = board;
    server.restart();
    CHECK(instructor_get(server.port(), secret, "/api/instructor/leaderboard")["leaderboard"] ==
          board_before);
    for (int i = 0; i < kTrainees; ++i) {
        seminar::SeminarClient client("127.0.0.1", server.port());
        client.set_token(results[static_cast<std::size_t>(i)].token);
        const seminar::ClientReply served = client.casefile();
        REQUIRE(served.ok());
        CHECK(served.body["casefile"] == served_casefiles[static_cast<std::size_t>(i)]);
    }
    CHECK(server.seminar().stored_action_count() == static_cast<std::int64_t>(acknowledged));
}
