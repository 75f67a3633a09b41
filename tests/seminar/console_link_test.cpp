// The instructor console's link to a live seminar on 127.0.0.1: the overview it shows, and the
// commands it sends (clock, inject, hint-all, exports) with the instructor's secret. And the
// trainee's remote session the desktop program plays through.
#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

#include "arrivals.hpp"
#include "i18n/catalogue.hpp"
#include "model/action_builders.hpp"
#include "platform/console_link.hpp"
#include "platform/remote_session.hpp"
#include "seminar_case.hpp"
#include "temp_dir.hpp"
#include "test_server.hpp"

using namespace mt;
using namespace mt::testing;
using Kind = ui::ConsoleCommandKind;

TEST_CASE("the console reads the room and paces it through the server", "[console]") {
    set_interface_language("en");
    TempDir dir;
    TestSeminar server(make_seminar_case(), dir.file("s.sqlite"));
    seminar::Seminar& s = server.seminar();

    platform::ConsoleLink link("127.0.0.1", server.port(), s.instructor_secret(), dir.path());
    REQUIRE(link.refresh({}, true));
    CHECK(link.model().connection_error.empty());
    CHECK(link.model().state == "lobby");
    CHECK(link.model().join_code == s.join_code());
    CHECK(link.model().trainees.empty());
    CHECK(link.model().checkpoints.size() == s.scenario().checkpoints.size());

    std::string error;
    auto ana = platform::RemoteSession::join(
        {"127.0.0.1", server.port(), s.join_code(), "Ana López", "FGR", ""}, error);
    REQUIRE(ana);
    CHECK(ana->state() == "lobby");
    ArrivalSignal replies;
    ana->set_wake(replies.callback());
    const Action wait = wait_action(hours(1));
    const ActionOutcome early = settle(*ana, replies, wait);
    CHECK_FALSE(early.accepted);
    CHECK(early.reason.key == "seminar.exercise_not_started");

    link.run({{Kind::Start, {}}});
    CHECK_FALSE(link.model().last_failed);
    CHECK(link.model().state == "running");
    REQUIRE(link.model().trainees.size() == 1);
    CHECK(link.model().trainees[0].name == "Ana López");
    CHECK(link.model().trainees[0].agency == "FGR");
    CHECK(settle(*ana, replies, wait).accepted);

    link.run({{Kind::Inject, {"Preserve first", "Preserven primero"}}, {Kind::HintAll, {}}});
    CHECK_FALSE(link.model().last_failed);
    CHECK(link.model().trainees[0].hints_used == 1);
    ana->refresh();
    bool refreshed = false;
    for (int replies_seen = 0; !refreshed && replies_seen < 10 && replies.wait(); ++replies_seen)
        refreshed = ana->poll().changed;
    CHECK(refreshed);
    const auto& timeline = ana->casefile()->timeline;
    CHECK(std::any_of(timeline.begin(), timeline.end(), [](const TimelineEntry& e) {
        return e.text.key == "timeline.instructor" &&
               e.text.find("text")->value == "Preserve first";
    }));
    CHECK(ana->casefile()->hints.size() == 1);

    link.run({{Kind::Pause, {}}});
    CHECK(link.model().state == "paused");
    CHECK(settle(*ana, replies, wait).reason.key == "seminar.paused");
    link.run({{Kind::Pause, {}}});  // refused by the server: said so, nothing changes
    CHECK(link.model().last_failed);
    CHECK(link.model().state == "paused");

    link.run({{Kind::ExportCsv, {}}, {Kind::ExportJson, {}}});
    CHECK_FALSE(link.model().last_failed);
    std::ifstream csv(dir.file("results.csv"));
    std::stringstream text;
    text << csv.rdbuf();
    CHECK(text.str().rfind("name,agency", 0) == 0);
    CHECK(text.str().find("Ana López") != std::string::npos);
    CHECK(std::filesystem::exists(dir.file("results.json")));

    link.run({{Kind::End, {}}});
    CHECK(link.model().state == "ended");
}

TEST_CASE("the console approves a rejoin: the code it looks up lets the trainee back in",
          "[console]") {
    set_interface_language("en");
    TempDir dir;
    TestSeminar server(make_seminar_case(), dir.file("s.sqlite"));
    seminar::Seminar& s = server.seminar();
    platform::ConsoleLink link("127.0.0.1", server.port(), s.instructor_secret(), dir.path());
    std::string error;
    auto ana = platform::RemoteSession::join(
        {"127.0.0.1", server.port(), s.join_code(), "Ana López", "FGR", ""}, error);
    REQUIRE(ana);

    // Ana's laptop died: another program under her name is refused until she has the code.
    CHECK_FALSE(platform::RemoteSession::join(
        {"127.0.0.1", server.port(), s.join_code(), "Ana López", "FGR", ""}, error));
    CHECK(error.find("already joined") != std::string::npos);

    link.run({{Kind::RejoinCode, {}, "ana  lópez"}});
    CHECK_FALSE(link.model().last_failed);
    CHECK(link.model().rejoin_code == ana->rejoin_code());
    auto again = platform::RemoteSession::join(
        {"127.0.0.1", server.port(), s.join_code(), "Ana López", "FGR", link.model().rejoin_code},
        error);
    REQUIRE(again);
    CHECK(again->rejoin_code() == ana->rejoin_code());

    link.run({{Kind::RejoinCode, {}, "Nobody Here"}});
    CHECK(link.model().last_failed);
    CHECK(link.model().rejoin_code.empty());
    CHECK(link.model().last_result.find("Nobody Here") != std::string::npos);

    // Drilling into Ana brings her casefile from the server; an unknown name brings nothing.
    link.run({{Kind::TraineeDetail, {}, "Ana López"}});
    CHECK_FALSE(link.model().last_failed);
    CHECK(link.model().detail_name == "Ana López");
    CHECK_FALSE(link.model().detail.briefing.title.empty());
    link.run({{Kind::TraineeDetail, {}, "Nobody Here"}});
    CHECK(link.model().last_failed);
    CHECK(link.model().detail_name.empty());
}

TEST_CASE("the console and the trainee's program say clearly what is wrong", "[console]") {
    set_interface_language("en");
    TempDir dir;
    TestSeminar server(make_seminar_case(), dir.file("s.sqlite"));
    platform::ConsoleLink wrong_secret("127.0.0.1", server.port(), "not-the-secret", dir.path());
    wrong_secret.refresh({}, true);
    CHECK(wrong_secret.model().connection_error == tr("seminar.wrong_secret"));
    CHECK(wrong_secret.model().trainees.empty());

    std::string error;
    CHECK_FALSE(platform::RemoteSession::join({"127.0.0.1", server.port(), "WRONG1", "Ana", "", ""},
                                              error));
    CHECK(error.find("join code") != std::string::npos);
    CHECK_FALSE(platform::RemoteSession::join({"", 8642, "X", "Ana", "", ""}, error));
    CHECK_FALSE(error.empty());

    server.stop();
    platform::ConsoleLink gone("127.0.0.1", server.port(), "x", dir.path());
    gone.refresh({}, true);
    CHECK(gone.model().connection_error == "the seminar server cannot be reached");
}

TEST_CASE("the console shows whatever part of an overview makes sense", "[console]") {
    ui::ConsoleModel m;
    platform::read_overview(nlohmann::json::array(), 0, m);
    CHECK(m.trainees.empty());
    platform::read_overview(
        {{"state", 5},
         {"trainees", {{{"name", "Ana"}, {"last_seen_unix", 100}, {"total", "ten"}}, 7}},
         {"stuck", "no"}},
        160, m);
    CHECK(m.state.empty());
    REQUIRE(m.trainees.size() == 2);
    CHECK(m.trainees[0].name == "Ana");
    CHECK(m.trainees[0].idle_seconds == 60);
    CHECK(m.trainees[0].total == 0);
    CHECK(m.trainees[1].name == "?");
    CHECK(m.checkpoints.empty());
}
