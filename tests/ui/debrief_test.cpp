// The debrief teaches: it shows how the total comes about (earned, penalties, the floor at zero),
// when each of the trainee's steps happened in simulated time, and how every legal request ended
// with the service's reply.
#include <catch2/catch.hpp>

#include "headless_ui.hpp"
#include "i18n/catalogue.hpp"
#include "recording_host.hpp"
#include "sample_casefile.hpp"
#include "ui/format.hpp"

using namespace mt;
using namespace mt::test;

namespace {

struct Debrief {
    RecordingHost host;
    ui::InvestigatorUi view;
    HeadlessUi driver{view, host};

    explicit Debrief(Casefile casefile) {
        set_interface_language("en");
        host.case_open = std::move(casefile);
        driver.frames(3);
    }
};

}  // namespace

TEST_CASE("the debrief states the score arithmetic and its floor at zero", "[ui][debrief]") {
    Casefile c = submitted_casefile();
    Debrief d(c);
    REQUIRE(d.driver.drawn("debrief.arithmetic"));
    CHECK_FALSE(d.driver.drawn("debrief.floored"));

    // Penalties beyond what was earned: the raw sum is negative, the total stops at 0.
    c.score->penalties.push_back({PenaltyKind::WrongJurisdiction, 90, "subpoena abroad"});
    c.score->total = 0;
    Debrief floored(c);
    CHECK(floored.driver.drawn("debrief.floored"));
}

TEST_CASE("the debrief marks a declined request and quotes the reply", "[ui][debrief]") {
    Casefile c = submitted_casefile();
    REQUIRE(c.requests.size() == 2);
    c.requests[0].status = RequestStatus::Declined;
    c.requests[0].response =
        Message("legal.declined")
            .arg("service", c.requests[0].service_name)
            .arg("reason", LocalizedText{"We cannot act on a foreign subpoena.",
                                         "No podemos atender un requerimiento extranjero."});
    Debrief d(c);
    CHECK(d.driver.drawn("debrief.request_status:1"));
    CHECK(d.driver.drawn("debrief.request_status:2"));
    CHECK(d.driver.drawn("debrief.reply:1"));
}

TEST_CASE("the trainee's steps show when they happened", "[ui][debrief]") {
    Casefile c = submitted_casefile();
    Debrief d(c);
    std::size_t actions = 0;
    for (const TimelineEntry& e : c.timeline)
        if (e.kind == TimelineKind::Action) ++actions;
    REQUIRE(actions > 0);
    for (std::size_t i = 1; i <= actions; ++i)
        CHECK(d.driver.drawn("debrief.step_time:" + std::to_string(i)));
}

TEST_CASE("the debrief sets the trainee's moves against the adversary's and the expert's",
          "[ui][debrief]") {
    Casefile c = submitted_casefile();
    REQUIRE(c.adversary_moves.size() == 1);
    Debrief d(c);
    // "Your freeze landed at +1d 20h; the adversary had moved ... at +1d 12h."
    CHECK(d.driver.drawn("debrief.move:1"));
    // One clock: the expert's steps at 30 and 50 minutes, the trainee's at 1 h, the withdrawal
    // at 36 h, each on its row in that order.
    const float expert_1 = d.driver.centre_of("debrief.expert_time:1").y;
    const float expert_2 = d.driver.centre_of("debrief.expert_time:2").y;
    const float own_1 = d.driver.centre_of("debrief.step_time:1").y;
    const float move_1 = d.driver.centre_of("debrief.move_time:1").y;
    CHECK(expert_1 < expert_2);
    CHECK(expert_2 < own_1);
    CHECK(own_1 < move_1);

    // A casefile saved before the time line: no moves, expert steps without times, still drawn.
    c.adversary_moves.clear();
    c.expert_times.clear();
    Debrief old(c);
    CHECK_FALSE(old.driver.drawn("debrief.move:1"));
    CHECK_FALSE(old.driver.drawn("debrief.expert_time:1"));
    CHECK(old.driver.drawn("debrief.step_time:1"));
}
