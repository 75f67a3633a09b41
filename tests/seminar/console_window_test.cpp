// The instructor console's view, headless: what it shows for a room and which commands its
// controls send, in which exercise states.
#include <catch2/catch.hpp>

#include <imgui.h>

#include "headless_console.hpp"
#include "i18n/catalogue.hpp"
#include "ui/console_window.hpp"

using namespace mt;
using namespace mt::ui;
using mt::test::HeadlessConsole;

namespace {

ConsoleModel sample_room(const std::string& state) {
    ConsoleModel m;
    m.server = "192.168.1.23:8642";
    m.state = state;
    m.join_code = "K7XM3Q";
    m.case_title = {"Ransomware peel chain", "Cadena de pelado de ransomware"};
    m.trainees = {{"Ana López", "FGR", 12, "1d 2h", true, 0, 3, 3, 95, 100, 4},
                  {"Bruno Díaz", "UIF", 3, "2h 0m", false, 1, 0, 3, 10, 100, 75}};
    m.leaderboard = {{1, "Ana López", "FGR", 95, 100, 95, true},
                     {2, "Bruno Díaz", "UIF", 10, 100, 10, false}};
    m.checkpoints = {
        {"cp-first", {"What first?", "¿Qué primero?"}, 2, 2, 2},
        {"cp-change", {"Which output is change?", "¿Qué salida es el cambio?"}, 2, 1, 0}};
    m.objectives = {{"trace", {"Trace the funds", "Rastrear los fondos"}, 40, 1}};
    m.penalised = {{"uninvolved_request", "subpoena to Offshorex", 3, 2}};
    return m;
}

}  // namespace

TEST_CASE("the console's controls follow the exercise state", "[ui][console]") {
    using K = ConsoleCommandKind;
    CHECK(command_allowed("lobby", K::Start));
    CHECK_FALSE(command_allowed("lobby", K::Pause));
    CHECK_FALSE(command_allowed("lobby", K::HintAll));
    CHECK(command_allowed("running", K::Pause));
    CHECK(command_allowed("running", K::HintAll));
    CHECK_FALSE(command_allowed("running", K::Start));
    CHECK(command_allowed("paused", K::Resume));
    CHECK_FALSE(command_allowed("paused", K::Pause));
    CHECK_FALSE(command_allowed("ended", K::End));
    CHECK_FALSE(command_allowed("ended", K::Inject));
    CHECK(command_allowed("ended", K::ExportCsv));
    CHECK_FALSE(command_allowed("", K::ExportJson));  // not connected yet
}

TEST_CASE("where the room is stuck lists the most missed checkpoint first", "[ui][console]") {
    const std::vector<ConsoleCheckpoint> checkpoints = {
        {"a", {}, 10, 10, 9}, {"b", {}, 0, 0, 0}, {"c", {}, 10, 8, 2}, {"d", {}, 4, 4, 1}};
    CHECK(most_missed_checkpoints(checkpoints) == std::vector<std::size_t>{2, 3, 0, 1});
}

TEST_CASE("the console shows the room and sends what the instructor clicks", "[ui][console]") {
    set_interface_language("en");
    HeadlessConsole c;
    c.model = sample_room("lobby");
    c.frame();
    c.frame();
    for (const char* key : {"console.join_code", "console.state", "console.trainee:Ana López",
                            "console.trainee:Bruno Díaz", "console.rank:0", "console.rank:1",
                            "console.checkpoint:cp-change", "console.inject_en"})
        CHECK(c.drawn(key));

    // Pausing makes no sense in the lobby: the button is there but sends nothing.
    c.click("console.pause");
    CHECK(c.sent.empty());
    c.click("console.start");
    REQUIRE(c.sent.size() == 1);
    CHECK(c.sent[0].kind == ConsoleCommandKind::Start);

    c.sent.clear();
    c.model.state = "running";
    c.click("console.hint_all");
    REQUIRE(c.sent.size() == 1);
    CHECK(c.sent[0].kind == ConsoleCommandKind::HintAll);

    // Ending asks first.
    c.sent.clear();
    c.click("console.end");
    CHECK(c.sent.empty());
    c.click("console.end_confirm");
    REQUIRE(c.sent.size() == 1);
    CHECK(c.sent[0].kind == ConsoleCommandKind::End);

    c.sent.clear();
    c.click("console.inject_en");
    c.type("Freeze orders take 6 hours");
    c.click("console.send");
    REQUIRE(c.sent.size() == 1);
    CHECK(c.sent[0].kind == ConsoleCommandKind::Inject);
    CHECK(c.sent[0].message.en == "Freeze orders take 6 hours");
    CHECK(c.sent[0].message.es.empty());
}

TEST_CASE("the console says when the server cannot be reached", "[ui][console]") {
    set_interface_language("es");
    HeadlessConsole c;
    c.model.server = "10.0.0.9:8642";
    c.model.connection_error = "the seminar server cannot be reached";
    c.frame();
    CHECK(c.drawn("console.unreachable"));
    c.click("console.start");  // no state yet: nothing is sent
    CHECK(c.sent.empty());
    set_interface_language("en");
}

TEST_CASE("the instructor looks a trainee's rejoin code up in a dialog, not on the screen",
          "[ui][console]") {
    set_interface_language("en");
    HeadlessConsole c;
    c.model = sample_room("running");
    c.model.rejoin_name = "Bruno Díaz";
    c.model.rejoin_code = "QW3RTY";
    c.frame();
    // The code of the last look-up is not on the (perhaps projected) screen.
    CHECK_FALSE(c.drawn("console.rejoin_code"));
    c.model.rejoin_name.clear();
    c.model.rejoin_code.clear();

    c.click("console.rejoin_open");
    CHECK(c.drawn("console.rejoin_name:Ana López"));
    c.click("console.rejoin_name:Bruno Díaz");
    REQUIRE(c.sent.size() == 1);
    CHECK(c.sent[0].kind == ConsoleCommandKind::RejoinCode);
    CHECK(c.sent[0].trainee == "Bruno Díaz");
    c.model.rejoin_name = "Bruno Díaz";
    c.model.rejoin_code = "QW3RTY";
    c.frame();
    CHECK(c.drawn("console.rejoin_code"));
    c.click("console.rejoin_close");
    c.frame();  // the dialog closes at the end of the frame its button was released in
    CHECK_FALSE(c.drawn("console.rejoin_code"));
}

TEST_CASE("the projector view shows how to join and the room's progress, no trainee",
          "[ui][console]") {
    set_interface_language("en");
    HeadlessConsole console;
    console.model = sample_room("running");
    console.model.browser_url = "http://192.168.1.23:8642/";
    console.model.browser_qr = {2, {1, 0, 0, 1}};  // any code: the view draws what it is given
    console.frame();
    REQUIRE(console.drawn("console.projector"));
    console.click("console.projector");
    console.frame();
    CHECK(console.drawn("console.projector_qr"));
    CHECK(console.drawn("console.projector_url"));
    CHECK(console.drawn("console.projector_code"));
    CHECK(console.drawn("console.projector_counts"));
    CHECK(console.drawn("console.projector_progress"));
    // Nothing about any one trainee, and no controls but the way back.
    CHECK_FALSE(console.drawn("console.start"));
    CHECK_FALSE(console.drawn("console.end"));
    for (const auto& [key, rect] : console.view.item_probe().all())
        CHECK(key.find("trainee") == std::string::npos);
    console.click("console.projector_back");
    console.frame();
    CHECK(console.drawn("console.start"));
}

TEST_CASE("a click on a trainee drills into their path, requests, notes and time line",
          "[ui][console]") {
    set_interface_language("es");
    HeadlessConsole console;
    console.model = sample_room("running");
    console.frame();
    REQUIRE(console.drawn("console.rank:0"));
    console.click("console.trainee:Bruno Díaz");
    REQUIRE(console.sent.size() == 1);
    CHECK(console.sent[0].kind == ConsoleCommandKind::TraineeDetail);
    CHECK(console.sent[0].trainee == "Bruno Díaz");
    // The link brings the trainee's casefile.
    console.model.detail_name = "Bruno Díaz";
    KnownAddress traced;
    traced.address = "bc1qtracedaddress0000000000000000000000";
    traced.explored_out = true;
    traced.note = "depósito en el exchange";
    console.model.detail.addresses[traced.address] = traced;
    LegalRequestFile request;
    request.instrument_name = {"Freeze request", "Solicitud de congelamiento"};
    request.service_name = {"Bitnova (exchange)", "Bitnova (exchange)"};
    request.status = RequestStatus::Frozen;
    request.response = Message("ui.console.detail_none");
    console.model.detail.requests.push_back(request);
    console.model.detail.timeline.push_back(
        {hours(2), TimelineKind::Action, Message("ui.console.detail_none")});
    console.frame();
    console.frame();
    CHECK(console.drawn("console.detail"));
    CHECK(console.drawn("console.detail_requests"));
    CHECK(console.drawn("console.detail_entry:1"));
    CHECK_FALSE(console.drawn("console.rank:0"));  // in place of the room's leaderboard
    console.click("console.detail_back");
    console.frame();
    CHECK_FALSE(console.drawn("console.detail"));
    CHECK(console.drawn("console.rank:0"));
    set_interface_language("en");
}
