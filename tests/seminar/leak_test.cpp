// Nothing a trainee receives holds ground truth they have not earned.
#include <catch2/catch.hpp>

#include "leak_check.hpp"
#include "model/action_builders.hpp"
#include "players.hpp"
#include "sample_case.hpp"
#include "seminar/client.hpp"
#include "seminar/variant.hpp"
#include "seminar_case.hpp"
#include "session/session.hpp"
#include "temp_dir.hpp"
#include "test_server.hpp"

using namespace mt;
using namespace mt::testing;

TEST_CASE("the leak check itself finds planted leaks") {
    const std::shared_ptr<const Scenario> scenario = make_seminar_case();
    Session session(scenario);
    LeakRules rules{scenario.get(), {"Trainee-Other"}, {}};
    nlohmann::json reply = {{"casefile", to_json(session.casefile())}};
    CHECK(find_leaks(reply, rules).empty());

    auto planted = [&](auto&& plant) {
        nlohmann::json bad = reply;
        plant(bad);
        return find_leaks(bad, rules).size();
    };
    CHECK(planted([](nlohmann::json& j) { j["casefile"]["score"] = 10; }) > 0);
    CHECK(planted([](nlohmann::json& j) {
              j["casefile"]["expert_solution"] = nlohmann::json::array();
          }) > 0);
    CHECK(planted([](nlohmann::json& j) {
              j["casefile"]["timeline"][0]["text"]["en"] = kSecretMove;
          }) > 0);
    CHECK(planted([](nlohmann::json& j) {
              j["casefile"]["addresses"][0]["note"] = "see Bitnova";
          }) > 0);
    CHECK(planted([](nlohmann::json& j) { j["casefile"]["addresses"][0]["note"] = "bitnova"; }) >
          0);
    CHECK(planted([](nlohmann::json& j) {
              j["casefile"]["hints"][0] = "Look at the larger output";
          }) > 0);
    // An entity named in the timeline is a leak unless it is a visible event's own text after it
    // happened (here the clock is at 0 and the withdrawal comes at 36 h).
    CHECK(planted([](nlohmann::json& j) {
              j["casefile"]["timeline"][0]["text"]["en"] = "see Bitnova";
          }) > 0);
    CHECK(planted([](nlohmann::json& j) {
              j["casefile"]["timeline"][0]["text"]["en"] = "Bitnova balance withdrawn";
          }) > 0);
    CHECK(planted([](nlohmann::json& j) {
              j["casefile"]["timeline"][0]["text"]["en"] = "Bitnova balance withdrawn";
              j["casefile"]["now"] = hours(40);
          }) == 0);
    CHECK(planted([](nlohmann::json& j) { j["casefile"]["note"] = "Account holder: Juan Pérez"; }) >
          0);
    CHECK(planted([](nlohmann::json& j) { j["casefile"]["note"] = "hello Trainee-Other"; }) > 0);
    CHECK(planted([](nlohmann::json& j) { j["casefile"]["checkpoints"][0]["answer"] = kChange; }) >
          0);
    CHECK(planted([](nlohmann::json& j) {
              j["casefile"]["transactions"].push_back(j["casefile"]["transactions"][0]);
              j["casefile"]["transactions"].back()["id"] = "tx-later";
          }) > 0);
}

TEST_CASE("every reply to a trainee, from joining to the debrief, holds only what they earned") {
    TempDir dir;
    const std::shared_ptr<const Scenario> scenario = make_seminar_case();
    TestSeminar server(scenario, dir.file("s.sqlite"), 3);
    auto& s = server.seminar();
    REQUIRE(s.start().ok());
    // Other trainees in the room, whose names must never reach Ana.
    for (const char* other : {"Trainee-Bruno-Quintana", "Trainee-Carla-Xolotl"}) {
        seminar::SeminarClient c("127.0.0.1", server.port());
        REQUIRE(c.join(s.join_code(), other, "Other agency").ok());
        REQUIRE(c.act(wait_action(hours(2))).ok());
    }
    REQUIRE(s.inject({"Remember to preserve first", "Recuerden preservar primero"}).ok());

    for (PlayStyle style : {PlayStyle::Expert, PlayStyle::Naive, PlayStyle::Random}) {
        PlayerSetup setup;
        setup.port = server.port();
        setup.code = s.join_code();
        setup.name = style == PlayStyle::Expert  ? "Ana"
                     : style == PlayStyle::Naive ? "Nadia"
                                                 : "Rita";
        setup.style = style;
        setup.seed = 1234;
        const auto own = seminar::make_variant(*scenario, 3,
                                               setup.name == "Ana"     ? "ana"
                                               : setup.name == "Nadia" ? "nadia"
                                                                       : "rita");
        setup.scenario = own.scenario.get();
        setup.other_names = {"Trainee-Bruno-Quintana", "Trainee-Carla-Xolotl"};
        const PlayerResult r = play(setup);
        INFO(setup.name);
        for (const std::string& p : r.problems) FAIL_CHECK(p);
        CHECK(r.replies > 3);
    }
}
