// A server process killed with SIGKILL in the middle of the exercise: every action it had
// acknowledged is in the database, and the sessions rebuild from it.
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>
#include <catch2/catch.hpp>

#include <array>

#include "i18n/catalogue.hpp"
#include "model/action_builders.hpp"
#include "seminar/seminar.hpp"
#include "seminar_case.hpp"
#include "temp_dir.hpp"

using namespace mt;
using namespace mt::seminar;

namespace {

// The child: three trainees act in turn forever, reporting each acknowledged action on `ack_fd`.
[[noreturn]] void run_until_killed(const std::shared_ptr<const Scenario>& scenario,
                                   const std::filesystem::path& db, int ack_fd) {
    auto opened = Seminar::open(scenario, {db, 11, 200});
    if (!opened.seminar) _exit(3);
    Seminar& s = *opened.seminar;
    std::vector<std::string> tokens;
    for (const char* name : {"Ana", "Bea", "Caro"}) {
        const Reply r = s.join(s.join_code(), name, "");
        if (!r.ok()) _exit(4);
        tokens.push_back(r.body["token"].get<std::string>());
    }
    if (!s.start().ok()) _exit(5);
    const Action wait = wait_action(minutes(30));
    for (;;)
        for (char i = 0; i < 3; ++i) {
            const Reply r = s.act(tokens[static_cast<std::size_t>(i)], wait);
            if (!r.ok() || r.body["accepted"] != true) _exit(6);
            if (write(ack_fd, &i, 1) != 1) _exit(7);
        }
}

}  // namespace

TEST_CASE("a killed server loses no acknowledged action") {
    testing::TempDir dir;
    const std::shared_ptr<const Scenario> scenario = testing::make_seminar_case();
    const auto db = dir.file("crash.sqlite");
    int fds[2];
    REQUIRE(pipe(fds) == 0);
    const pid_t child = fork();
    REQUIRE(child >= 0);
    if (child == 0) {
        close(fds[0]);
        run_until_killed(scenario, db, fds[1]);
    }
    close(fds[1]);
    std::array<int, 3> acked{0, 0, 0};
    int total = 0;
    char who = 0;
    while (total < 45 && read(fds[0], &who, 1) == 1) {
        ++acked[static_cast<std::size_t>(who)];
        ++total;
    }
    REQUIRE(total == 45);
    kill(child, SIGKILL);
    int status = 0;
    waitpid(child, &status, 0);
    CHECK(WIFSIGNALED(status));
    while (read(fds[0], &who, 1) == 1)
        ++acked[static_cast<std::size_t>(who)];  // acks sent before it died
    close(fds[0]);

    auto reopened = Seminar::open(scenario, {db, 11, 200});
    INFO(render(reopened.error, "en"));
    REQUIRE(reopened.seminar);
    const auto trainees = reopened.seminar->snapshot();
    REQUIRE(trainees.size() == 3);
    for (std::size_t i = 0; i < 3; ++i) {
        INFO(trainees[i].name);
        // Stored before acknowledged: at most the one action in flight is stored but
        // unacknowledged.
        CHECK(trainees[i].actions >= static_cast<std::size_t>(acked[i]));
        CHECK(trainees[i].actions <= static_cast<std::size_t>(acked[i]) + 1);
        CHECK(trainees[i].now == minutes(30) * static_cast<SimSeconds>(trainees[i].actions));
    }
    CHECK(reopened.seminar->state() == ExerciseState::Running);
}
