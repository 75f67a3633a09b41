#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <type_traits>
#include <utility>

#include "model/action_builders.hpp"
#include "sample_case.hpp"
#include "session/journal.hpp"

using namespace mt;
using namespace mt::testing;

namespace {

std::filesystem::path temp_journal(const std::string& name) {
    auto path = std::filesystem::temp_directory_path() /
                ("mt-" + std::to_string(::getpid()) + "-" + name + ".jsonl");
    std::filesystem::remove(path);
    return path;
}

std::string casefile_of(const std::vector<Action>& actions,
                        const std::shared_ptr<Scenario>& scenario) {
    Session s(scenario);
    for (const Action& a : actions) s.apply(a);
    return to_json(s.casefile()).dump();
}

}  // namespace

TEST_CASE("a resumed journal equals an uninterrupted session", "[journal]") {
    auto scenario = make_sample_case();
    const auto path = temp_journal("resume");
    const auto& expert = scenario->expert_solution;
    {
        JournaledSession first(scenario, path);
        REQUIRE(first.session());
        for (std::size_t i = 0; i < 4; ++i) REQUIRE(first.apply(expert[i]).accepted);
    }
    JournaledSession resumed(scenario, path);
    REQUIRE(resumed.session());
    CHECK(resumed.session()->accepted_actions().size() == 4);
    for (std::size_t i = 4; i < expert.size(); ++i) REQUIRE(resumed.apply(expert[i]).accepted);
    CHECK(to_json(resumed.session()->casefile()).dump() == casefile_of(expert, scenario));
    std::filesystem::remove(path);
}

TEST_CASE("rejected actions are not journaled", "[journal]") {
    auto scenario = make_sample_case();
    const auto path = temp_journal("rejected");
    {
        JournaledSession js(scenario, path);
        Action bad;
        bad.type = ActionType::Lookup;
        bad.target = "bc1qnothing";
        CHECK_FALSE(js.apply(bad).accepted);
        REQUIRE(js.apply(scenario->expert_solution[0]).accepted);
    }
    const JournalContents contents = read_journal(path);
    CHECK(contents.error.empty());
    CHECK(contents.scenario_id == "sample-ransomware");
    CHECK(contents.actions.size() == 1);
    std::filesystem::remove(path);
}

TEST_CASE("a torn last line from a crash is ignored and overwritten", "[journal]") {
    auto scenario = make_sample_case();
    const auto path = temp_journal("torn");
    {
        JournaledSession js(scenario, path);
        REQUIRE(js.apply(scenario->expert_solution[0]).accepted);
    }
    { std::ofstream(path, std::ios::app) << R"({"type":"lookup","tar)"; }
    const JournalContents contents = read_journal(path);
    CHECK(contents.error.empty());
    CHECK(contents.actions.size() == 1);
    REQUIRE(contents.warnings.size() == 1);
    CHECK(contents.warnings[0].key == "journal.warning.torn_line");
    REQUIRE(contents.warnings[0].find("line"));
    CHECK(contents.warnings[0].find("line")->value == "3");
    {
        JournaledSession js(scenario, path);
        REQUIRE(js.session());
        REQUIRE(js.apply(scenario->expert_solution[1]).accepted);
    }
    const JournalContents after = read_journal(path);
    CHECK(after.warnings.empty());
    CHECK(after.actions.size() == 2);
    std::filesystem::remove(path);
}

TEST_CASE("a last line complete but for its newline counts the same live and on replay",
          "[journal]") {
    auto scenario = make_sample_case();
    const auto path = temp_journal("unterminated");
    const auto& expert = scenario->expert_solution;
    {
        JournaledSession js(scenario, path);
        for (std::size_t i = 0; i < 2; ++i) REQUIRE(js.apply(expert[i]).accepted);
    }
    std::filesystem::resize_file(path, std::filesystem::file_size(path) - 1);  // drop the '\n'
    const JournalContents before = read_journal(path);
    REQUIRE(before.error.empty());
    CHECK(before.warnings.empty());
    CHECK(before.actions.size() == 2);
    CHECK(before.missing_final_newline);

    std::string live;
    {
        JournaledSession resumed(scenario, path);
        REQUIRE(resumed.session());
        CHECK(resumed.session()->accepted_actions().size() == 2);
        REQUIRE(resumed.apply(expert[2]).accepted);
        live = to_json(resumed.session()->casefile()).dump();
    }
    const JournalContents after = read_journal(path);
    REQUIRE(after.error.empty());
    CHECK(after.warnings.empty());
    CHECK_FALSE(after.missing_final_newline);
    REQUIRE(after.actions.size() == 3);
    CHECK(casefile_of(after.actions, scenario) == live);
    std::filesystem::remove(path);
}

// Nothing can apply an action around the journal: the session it hands out is read-only.
static_assert(
    std::is_same_v<decltype(std::declval<JournaledSession&>().session()), const Session*>);

TEST_CASE("an action resent after a crash before its answer is applied once", "[journal]") {
    auto scenario = make_sample_case();
    const auto path = temp_journal("resend");
    Action first = scenario->expert_solution[0];
    first.id = new_action_id();
    Action wait = wait_action(hours(1));
    wait.id = new_action_id();
    ActionOutcome acknowledged;
    {
        JournaledSession js(scenario, path);
        REQUIRE(js.apply(first).accepted);
        acknowledged = js.apply(wait);  // journaled; the process dies before the client hears it
        REQUIRE(acknowledged.accepted);
    }
    JournaledSession resumed(scenario, path);
    REQUIRE(resumed.session());
    const SimSeconds now = resumed.session()->casefile().now;
    const ActionOutcome again = resumed.apply(wait);  // the client resends the same action
    CHECK(again.accepted);
    CHECK(again.cost == acknowledged.cost);
    CHECK(resumed.session()->casefile().now == now);
    CHECK(resumed.session()->accepted_actions().size() == 2);
    CHECK(read_journal(path).actions.size() == 2);
    wait.id = new_action_id();  // a new wait of the trainee's is a new action
    REQUIRE(resumed.apply(wait).accepted);
    CHECK(resumed.session()->casefile().now == now + hours(1));
    CHECK(read_journal(path).actions.back().id == wait.id);
    std::filesystem::remove(path);
}

TEST_CASE("a journal of another case or with garbage is refused with a reason", "[journal]") {
    auto scenario = make_sample_case();
    const auto path = temp_journal("foreign");
    {
        std::ofstream(path)
            << R"({"journal":"moneytrail-journal","version":1,"scenario":"other-case"})"
            << "\n";
    }
    JournaledSession other(scenario, path);
    CHECK_FALSE(other.session());
    CHECK(other.error().key == "journal.error.other_case");
    REQUIRE(other.error().find("case"));
    CHECK(other.error().find("case")->value == "other-case");
    { std::ofstream(path) << "not json at all\n{}\n"; }
    JournaledSession garbage(scenario, path);
    CHECK_FALSE(garbage.session());
    CHECK_FALSE(garbage.error().empty());
    std::filesystem::remove(path);
}

TEST_CASE("a process killed with SIGKILL loses no acknowledged action", "[journal][crash]") {
    auto scenario = make_sample_case();
    const auto path = temp_journal("kill");
    int pipe_fds[2];
    REQUIRE(::pipe(pipe_fds) == 0);
    const pid_t child = ::fork();
    REQUIRE(child >= 0);
    if (child == 0) {
        ::close(pipe_fds[0]);
        JournaledSession js(scenario, path);
        for (std::size_t i = 0; i < 5; ++i) {
            if (!js.apply(scenario->expert_solution[i]).accepted) ::_exit(3);
            const char ack = 'a';
            if (::write(pipe_fds[1], &ack, 1) != 1) ::_exit(4);
        }
        ::raise(SIGKILL);  // no destructors, no flushing: only what was synced survives
        ::_exit(5);
    }
    ::close(pipe_fds[1]);
    std::size_t acknowledged = 0;
    char buffer = 0;
    while (::read(pipe_fds[0], &buffer, 1) == 1) ++acknowledged;
    ::close(pipe_fds[0]);
    int status = 0;
    ::waitpid(child, &status, 0);
    REQUIRE(WIFSIGNALED(status));
    CHECK(WTERMSIG(status) == SIGKILL);
    REQUIRE(acknowledged == 5);

    JournaledSession resumed(scenario, path);
    REQUIRE(resumed.session());
    const std::vector<Action> done(scenario->expert_solution.begin(),
                                   scenario->expert_solution.begin() + 5);
    CHECK(resumed.session()->accepted_actions() == done);
    CHECK(to_json(resumed.session()->casefile()).dump() == casefile_of(done, scenario));
    std::filesystem::remove(path);
}
