// The investigator interface driven headlessly, asserting on the actions it emits.
#include <catch2/catch.hpp>

#include "headless_ui.hpp"
#include "i18n/catalogue.hpp"
#include "layout_check.hpp"
#include "recording_host.hpp"
#include "sample_casefile.hpp"
#include "screen_text.hpp"

using namespace mt;
using namespace mt::test;

namespace {

struct Fixture {
    RecordingHost host;
    ui::InvestigatorUi view;
    HeadlessUi driver{view, host};

    Fixture() {
        set_interface_language("en");
        host.case_open = sample_casefile();
        driver.frames(3);
    }
    std::string node(const char* address) const { return std::string("graph.node:") + address; }
};

}  // namespace

TEST_CASE("the workspace draws every panel of an open case", "[ui]") {
    Fixture f;
    CHECK(f.driver.vertex_count() > 1000);
    for (const char* key :
         {"tab.briefing", "tab.checkpoints", "tab.hints", "tab.timeline", "tab.inspector",
          "tab.tools", "tab.legal", "tab.documents", "status.clock", "graph.search"})
        CHECK(f.driver.drawn(key));
    for (const char* address : {kVictim, kSuspect, kHop1, kHop2, kMule, kDeposit})
        CHECK(f.driver.drawn(f.node(address)));
    CHECK(f.host.emitted.empty());
}

TEST_CASE("the status bar says where a remote session lives, and nothing for a local one", "[ui]") {
    Fixture f;
    CHECK_FALSE(f.driver.drawn("status.session_location"));
    f.host.location = "Seminar: Running on 10.0.0.5:8642";
    f.driver.frames(1);
    CHECK(f.driver.drawn("status.session_location"));
}

TEST_CASE("double-clicking a node follows its outputs", "[ui][graph]") {
    Fixture f;
    f.driver.double_click(f.node(kHop1));
    REQUIRE(f.host.emitted.size() == 1);
    const Action& a = f.host.emitted.front();
    CHECK(a.type == ActionType::ExploreAddress);
    CHECK(a.target == kHop1);
    CHECK(a.direction == Direction::Out);
    CHECK(f.view.state().selection.id == kHop1);
}

TEST_CASE("double-clicking a node whose outputs are listed traces its inputs", "[ui][graph]") {
    Fixture f;
    f.host.case_open->addresses[kHop1].explored_out = true;
    f.host.case_open->actions_taken++;
    f.driver.frames(2);
    f.driver.double_click(f.node(kHop1));
    REQUIRE(f.host.emitted.size() == 1);
    CHECK(f.host.emitted.front().direction == Direction::In);
}

TEST_CASE("the + stubs expand outputs or inputs", "[ui][graph]") {
    Fixture f;
    f.driver.click(std::string("graph.expand_out:") + kHop2);
    f.driver.click(std::string("graph.expand_in:") + kHop2);
    REQUIRE(f.host.emitted.size() == 2);
    CHECK(f.host.emitted[0].direction == Direction::Out);
    CHECK(f.host.emitted[1].direction == Direction::In);
    CHECK(f.host.emitted[1].target == kHop2);
    // Explored sides have no stub.
    CHECK_FALSE(f.driver.drawn(std::string("graph.expand_out:") + kVictim));
}

TEST_CASE("the context menu expands both ways", "[ui][graph]") {
    Fixture f;
    f.driver.click(f.node(kMule), 1);
    f.driver.frame();
    f.driver.click("graph.menu.ui.graph.expand_both");
    REQUIRE(f.host.emitted.size() == 1);
    CHECK(f.host.emitted.front().direction == Direction::Both);
    CHECK(f.host.emitted.front().target == kMule);
}

TEST_CASE("clicking an arrow label selects its transaction and the inspector shows it",
          "[ui][graph]") {
    Fixture f;
    f.driver.click("graph.edge:tx-peel-2");
    CHECK(f.view.state().selection.is_transaction());
    CHECK(f.view.state().selection.id == "tx-peel-2");
    CHECK(f.host.emitted.empty());
}

TEST_CASE("wheel zooms around the cursor, drag pans, Ctrl+Z undoes view changes", "[ui][graph]") {
    Fixture f;
    const ui::GraphCamera start = f.view.state().graph.camera;
    const ImVec2 over = f.driver.centre_of("graph.canvas");
    // The world point under the cursor stays under it.
    const auto world_at = [&](ImVec2 s) {
        const ui::GraphCamera& c = f.view.state().graph.camera;
        const float scale = c.zoom * ImGui::GetFontSize() / 16.0f;
        const auto rect = f.view.state().probe.find("graph.canvas");
        return ImVec2(c.x + (s.x - rect->x0) / scale, c.y + (s.y - rect->y0) / scale);
    };
    const ImVec2 before = world_at(over);
    f.driver.wheel(over, 2.0f);
    CHECK(f.view.state().graph.camera.zoom > start.zoom);
    const ImVec2 after = world_at(over);
    CHECK(after.x == Approx(before.x).margin(0.5));
    CHECK(after.y == Approx(before.y).margin(0.5));

    // Pan on an empty stretch of the canvas (top-left corner).
    const auto canvas = f.view.state().probe.find("graph.canvas");
    const ImVec2 empty(canvas->x0 + 5, canvas->y0 + 5);
    const ui::GraphCamera zoomed = f.view.state().graph.camera;
    f.driver.drag(empty, ImVec2(empty.x + 120, empty.y + 60));
    CHECK(f.view.state().graph.camera.x < zoomed.x);
    CHECK(f.view.state().graph.camera.y < zoomed.y);

    f.driver.press(ImGuiKey_Z, true);
    CHECK(f.view.state().graph.camera == zoomed);
    f.driver.press(ImGuiKey_Z, true);
    CHECK(f.view.state().graph.camera == start);
}

TEST_CASE("selection is undone with Ctrl+Z", "[ui]") {
    Fixture f;
    f.driver.click(f.node(kSuspect));
    f.driver.click(f.node(kHop2));
    CHECK(f.view.state().selection.id == kHop2);
    f.driver.press(ImGuiKey_Z, true);
    CHECK(f.view.state().selection.id == kSuspect);
}

TEST_CASE("search selects a known address by label and offers to explore an unknown one",
          "[ui][graph]") {
    Fixture f;
    f.driver.click("graph.search");
    f.driver.type("coinbay");
    f.driver.press(ImGuiKey_Enter);
    CHECK(f.view.state().selection.id == kDeposit);

    f.driver.click("graph.search");
    for (int i = 0; i < 10; ++i) f.driver.press(ImGuiKey_Backspace);
    const std::string unknown = "bc1qsomethingnotinthecasefile0000000";
    f.driver.type(unknown);
    f.driver.click("ui.graph.find");
    f.driver.click("ui.graph.explore_address");
    REQUIRE(f.host.emitted.size() == 1);
    CHECK(f.host.emitted.front().type == ActionType::ExploreAddress);
    CHECK(f.host.emitted.front().target == unknown);
}

TEST_CASE("composing a legal request emits it with the chosen fields", "[ui][legal]") {
    Fixture f;
    f.driver.click(f.node(kDeposit));
    f.driver.click("tab.legal");
    f.driver.click("legal.instrument");
    f.driver.click("legal.instrument:subpoena");
    f.driver.click("legal.recipient");
    f.driver.click(std::string("legal.recipient:") + kExchange);
    f.driver.click("ui.legal.add_selection");
    f.driver.click("legal.manual_identifier");
    f.driver.type("tx-peel-2");
    f.driver.click("ui.legal.add");
    f.driver.click("legal.justification");
    f.driver.type("Ransom proceeds of case 12/2021 reached this deposit address.");
    f.driver.click("legal.send");
    REQUIRE(f.host.emitted.size() == 1);
    const Action& a = f.host.emitted.front();
    CHECK(a.type == ActionType::LegalRequest);
    CHECK(a.instrument == Instrument::Subpoena);
    CHECK(a.target == kExchange);
    CHECK(a.identifiers == std::vector<std::string>{kDeposit, "tx-peel-2"});
    CHECK(a.text == "Ransom proceeds of case 12/2021 reached this deposit address.");

    // Accepted: the draft is cleared for the next request.
    f.view.report(a, {true, {}, hours(1)});
    f.driver.frame();
    CHECK(f.view.state().legal.identifiers.empty());
    CHECK(f.view.state().legal.justification.empty());
    CHECK(f.view.state().legal.instrument == Instrument::Subpoena);
}

namespace {

// The text the last frame put on screen, without spaces (the test font's glyph spacing splits
// words unpredictably).
std::string words_on_screen() {
    std::string all;
    for (const ScreenWord& w : screen_words(0xE000, 0xE001))
        for (char c : w.text)
            if (c != ' ') all += c;
    return all;
}

// Two instruments of the Mexico pack as the session lists them in the casefile.
void add_mexico_pack(Casefile& c) {
    InstrumentGuide keep;
    keep.id = "mx-solicitud-conservacion";
    keep.kind = Instrument::Preservation;
    keep.name = {"Request to preserve records", "Solicitud de conservación de registros"};
    keep.legal_basis = {"CNPP art. 251", "CNPP art. 251"};
    keep.issuer = "prosecutor";
    keep.reach = "voluntary";
    keep.turnaround = hours(24);
    keep.turnaround_assumed = true;
    InstrumentGuide seize;
    seize.id = "mx-aseguramiento";
    seize.kind = Instrument::SeizureWarrant;
    seize.name = {"Securing of the proceeds (aseguramiento)", "Aseguramiento"};
    seize.legal_basis = {"CNPP art. 229", "CNPP art. 229"};
    seize.issuer = "prosecutor";
    seize.judge = hours(24);
    seize.judge_assumed = true;
    seize.requires_evidence = true;
    seize.reach = "domestic";
    seize.turnaround = hours(24);
    c.briefing.instruments = {keep, seize};
    c.briefing.court = {"the control judge", "el juez de control"};
}

}  // namespace

TEST_CASE("the legal window offers the case's pack by real name and cites evidence for the court",
          "[ui][legal][jurisdiction]") {
    Fixture f;
    add_mexico_pack(*f.host.case_open);
    f.host.case_open->actions_taken++;
    f.driver.frames(2);
    f.driver.click(f.node(kDeposit));
    f.driver.click("tab.legal");
    f.driver.click("legal.instrument");
    // Only the pack's instruments are offered, by id; no generic kind.
    CHECK(f.driver.drawn("legal.instrument:mx-aseguramiento"));
    CHECK_FALSE(f.driver.drawn("legal.instrument:subpoena"));
    f.driver.click("legal.instrument:mx-aseguramiento");
    f.driver.frames(2);
    // Who issues it, the judge and the turnaround (training assumptions said so), the evidence.
    CHECK(f.driver.drawn("legal.instrument_basis"));
    CHECK(f.driver.drawn("legal.instrument_judge"));
    CHECK(f.driver.drawn("legal.cite_needed"));
    std::string shown = words_on_screen();
    INFO(shown);
    CHECK(shown.find("229") != std::string::npos);
    CHECK(shown.find("controljudgefirst:24h") != std::string::npos);
    CHECK(shown.find("Trainingassumption") != std::string::npos);
    set_interface_language("es");
    f.driver.frames(2);
    shown = words_on_screen();
    CHECK(shown.find("Aseguramiento") != std::string::npos);
    CHECK(shown.find("Fundamentolegal:CNPPart.229") != std::string::npos);
    set_interface_language("en");

    f.driver.click("legal.recipient");
    f.driver.click(std::string("legal.recipient:") + kExchange);
    // The recipient's guide is read in the pack's names too.
    f.driver.frames(1);
    CHECK(words_on_screen().find("Itslaw-enforcementguidelists:Requesttopreserverecords") !=
          std::string::npos);
    f.driver.click("ui.legal.add_selection");
    f.driver.click("legal.evidence:rec-kyc-1");
    f.driver.frames(1);
    CHECK_FALSE(f.driver.drawn("legal.cite_needed"));
    f.driver.click("legal.justification");
    f.driver.type("Ransom proceeds at this deposit address; CNPP art. 229.");
    f.driver.click("legal.send");
    REQUIRE(f.host.emitted.size() == 1);
    const Action& a = f.host.emitted.front();
    CHECK(a.instrument == Instrument::SeizureWarrant);
    CHECK(a.legal_instrument == "mx-aseguramiento");
    // The cited record travels among the identifiers, after the ones the service is asked about.
    CHECK(a.identifiers == std::vector<std::string>{kDeposit, "rec-kyc-1"});

    // The next draft keeps the instrument and drops the evidence.
    f.view.report(a, {true, {}, hours(1)});
    f.driver.frame();
    CHECK(f.view.state().legal.legal_instrument == "mx-aseguramiento");
    CHECK(f.view.state().legal.evidence.empty());
}

TEST_CASE("answering checkpoints emits answer_checkpoint", "[ui][checkpoints]") {
    Fixture f;
    f.driver.click("tab.checkpoints");
    f.driver.click("checkpoint.option:cp-typology:peel");
    f.driver.click("checkpoint.answer:cp-typology");
    f.driver.click(f.node(kDeposit));
    f.driver.click("checkpoint.use_selection:cp-deposit");
    f.driver.click("checkpoint.answer:cp-deposit");
    const auto answers = f.host.of_type(ActionType::AnswerCheckpoint);
    REQUIRE(answers.size() == 2);
    CHECK(answers[0].target == "cp-typology");
    CHECK(answers[0].answer == "peel");
    CHECK(answers[1].target == "cp-deposit");
    CHECK(answers[1].answer == kDeposit);
}

TEST_CASE("tools run on the selection; waiting, hints and submitting go through", "[ui][tools]") {
    Fixture f;
    f.driver.click(f.node(kSuspect));
    f.driver.click("tab.tools");
    f.driver.click("tools.peel_chain");
    f.driver.click("tools.lookup");
    f.driver.click("ui.clock.wait_8h");
    const auto analyses = f.host.of_type(ActionType::RunAnalysis);
    REQUIRE(analyses.size() == 1);
    CHECK(analyses[0].tool == AnalysisTool::PeelChain);
    CHECK(analyses[0].target == kSuspect);
    REQUIRE(f.host.of_type(ActionType::Lookup).size() == 1);
    REQUIRE(f.host.of_type(ActionType::Wait).size() == 1);
    CHECK(f.host.of_type(ActionType::Wait)[0].duration == hours(8));

    f.driver.click("tab.hints");
    f.driver.click("ui.hints.ask");
    f.driver.click("hint.confirm");
    CHECK(f.host.of_type(ActionType::Hint).size() == 1);

    f.driver.click("ui.clock.submit");
    f.driver.click("submit.findings");
    f.driver.type("Funds went to CoinBay.");
    f.driver.click("ui.submit.confirm");
    const auto submits = f.host.of_type(ActionType::Submit);
    REQUIRE(submits.size() == 1);
    CHECK(submits[0].text == "Funds went to CoinBay.");
}

TEST_CASE("notes and tags are saved as an annotate action", "[ui][inspector]") {
    Fixture f;
    f.driver.click(f.node(kHop1));
    f.driver.click("inspector.note");
    f.driver.type("second peel");
    f.driver.click("inspector.tags");
    f.driver.type("peel, suspect ,peel");
    f.driver.click("ui.inspector.save_note");
    const auto notes = f.host.of_type(ActionType::Annotate);
    REQUIRE(notes.size() == 1);
    CHECK(notes[0].target == kHop1);
    CHECK(notes[0].text == "second peel");
    CHECK(notes[0].tags == std::vector<std::string>{"peel", "suspect"});
}

TEST_CASE("a rejection is shown in the interface language", "[ui]") {
    Fixture f;
    Action a;
    a.type = ActionType::Lookup;
    a.target = "nowhere";
    set_interface_language("es");
    f.view.report(
        a, {false, Message("reject.address_not_in_casefile").arg("address", "bc1qnowhere"), 0});
    CHECK_FALSE(f.view.state().feedback.accepted);
    CHECK(f.view.state().feedback.text.find("Consulta solo direcciones") != std::string::npos);
    CHECK(f.view.state().feedback.text.find("bc1qnowhere no está") != std::string::npos);
    set_interface_language("en");
}

TEST_CASE("the case picker opens or resumes a case", "[ui][picker]") {
    RecordingHost host;
    ui::CaseChoice fresh;
    fresh.path = "/cases/a.yaml";
    fresh.id = "a";
    fresh.title = {"Case A", "Caso A"};
    fresh.difficulty = "beginner";
    fresh.estimated_minutes = 20;
    ui::CaseChoice saved = fresh;
    saved.path = "/cases/b.yaml";
    saved.id = "b";
    saved.resumable = true;
    saved.saved_actions = 12;
    ui::CaseChoice broken;
    broken.path = "/cases/c.yaml";
    broken.id = "c";
    broken.errors = {Diagnostic{"c.yaml", 3, 1, Message("case_error.cannot_read_case"), ""}};
    host.choices = {fresh, saved, broken};
    ui::InvestigatorUi view;
    HeadlessUi driver(view, host);
    driver.frames(2);
    driver.click("picker.open:a");
    driver.click("picker.resume:b");
    driver.click("picker.start_over:b");
    driver.click("picker.start_over_confirm");
    CHECK_FALSE(driver.drawn("picker.open:c"));
    REQUIRE(host.opened.size() == 3);
    CHECK(host.opened[0].path == "/cases/a.yaml");
    CHECK(host.opened[0].mode == ui::OpenMode::StartOver);
    CHECK(host.opened[1].path == "/cases/b.yaml");
    CHECK(host.opened[1].mode == ui::OpenMode::Resume);
    CHECK(host.opened[2].mode == ui::OpenMode::StartOver);
}

TEST_CASE("the case-file error screen lists every problem and goes back", "[ui][errors]") {
    RecordingHost host;
    host.failure = ui::CaseLoadFailure{
        "bad.yaml",
        {{"bad.yaml", 3, 5, Message("case_error.cannot_read_case"), "entities[0].kind"},
         {"bad.yaml", 9, 1, Message("case_error.out_of_memory"), "transactions[2]"}}};
    ui::InvestigatorUi view;
    HeadlessUi driver(view, host);
    driver.frames(2);
    CHECK(driver.vertex_count() > 100);
    driver.click("ui.case_error.back");
    CHECK(host.closed == 1);
}

TEST_CASE("the debrief shows the score and leads back to the case", "[ui][debrief]") {
    RecordingHost host;
    host.case_open = submitted_casefile();
    ui::InvestigatorUi view;
    HeadlessUi driver(view, host);
    driver.frames(2);
    CHECK(driver.drawn("debrief.grade"));
    driver.click("ui.debrief.review");
    driver.frame();
    CHECK(driver.drawn("graph.canvas"));
    CHECK_FALSE(driver.drawn("debrief.grade"));
    // A submitted case offers no more actions.
    CHECK_FALSE(driver.drawn(std::string("graph.expand_out:") + kHop2));
    driver.double_click(std::string("graph.node:") + kHop2);
    CHECK(host.emitted.empty());
}

TEST_CASE("every screen in both languages uses only keys the catalogues have", "[ui][i18n]") {
    for (const std::string language : {"en", "es"}) {
        set_interface_language(language);
        RecordingHost host;
        host.case_open = sample_casefile();
        ui::InvestigatorUi view;
        HeadlessUi driver(view, host);
        driver.frames(2);
        for (const char* tab : {"tab.checkpoints", "tab.hints", "tab.timeline", "tab.tools",
                                "tab.legal", "tab.documents", "tab.inspector"})
            driver.click(tab);
        driver.click(std::string("graph.node:") + kDeposit);
        driver.click("graph.edge:tx-peel-1");
        driver.click("menu.view");
        driver.click("menu.help");
        host.case_open = submitted_casefile();
        driver.frames(2);
        host.case_open.reset();
        host.choices.push_back(
            {{"a", {"A", "A"}, {"s", "s"}, "advanced", 5, {"mixer"}}, "/a.yaml", true, 3, {}});
        driver.frames(2);
        host.failure = ui::CaseLoadFailure{
            "x.yaml", {{"x.yaml", 1, 1, Message("case_error.internal_error"), "a"}}};
        driver.frames(2);
    }
    set_interface_language("en");
    // Keys built from data ("typology.<x>") go through has_translation and never land here.
    std::vector<std::string> missing;
    for (const auto& key : missing_translation_keys())
        if (key != "no.such.key") missing.push_back(key);
    CHECK(missing.empty());
}

TEST_CASE("the language menu switches the interface at run time", "[ui][i18n]") {
    Fixture f;
    f.driver.click("menu.language");
    f.driver.click("menu.lang.es");
    CHECK(interface_language() == "es");
    f.driver.click("menu.language");
    f.driver.click("menu.lang.en");
    CHECK(interface_language() == "en");
}

TEST_CASE("a graph of thousands of nodes draws in one frame", "[ui][graph]") {
    RecordingHost host;
    host.case_open = large_casefile(40, 60);  // 2,400 addresses, 4,680 arrows
    ui::InvestigatorUi view;
    HeadlessUi driver(view, host);
    driver.frames(2);
    CHECK(view.funds_graph().nodes.size() == 2400);
    // Zoomed in, past 64k vertices needs the renderer's vertex offset; it must not assert.
    driver.wheel(driver.centre_of("graph.canvas"), 12.0f);
    driver.frames(1);
    CHECK(driver.vertex_count() > 0);
}

TEST_CASE("a message that arrives while the trainee works stays across the top until dismissed",
          "[ui]") {
    Fixture f;
    // The messages already in the timeline when the case opened are not announced again.
    CHECK_FALSE(f.driver.drawn("status.message"));
    f.host.case_open->timeline.push_back(
        {hours(3), TimelineKind::Message,
         Message("timeline.instructor")
             .arg("text", LocalizedText{"check the deposits", "revisen los depósitos"})});
    f.host.case_open->actions_taken++;
    f.driver.frames(2);
    CHECK(f.driver.drawn("status.message"));
    f.driver.click("status.message_dismiss");
    f.driver.frames(1);
    CHECK_FALSE(f.driver.drawn("status.message"));
}

TEST_CASE("selecting a transaction keeps the graph on screen", "[ui][graph]") {
    Fixture f;
    std::size_t before = 0;
    for (const auto& [key, rect] : f.view.state().probe.all())
        if (key.rfind("graph.node:", 0) == 0) ++before;
    REQUIRE(before > 0);
    f.driver.click("graph.edge:tx-peel-2");
    f.driver.frames(3);
    REQUIRE(f.view.state().selection.is_transaction());
    std::size_t after = 0;
    for (const auto& [key, rect] : f.view.state().probe.all())
        if (key.rfind("graph.node:", 0) == 0) ++after;
    CHECK(after == before);
    // From the inspector's transaction view, following the money keeps the canvas too.
    f.view.state().selection = {ui::Selection::Kind::Transaction, kRansomTx};
    f.driver.frames(3);
    std::size_t from_inspector = 0;
    for (const auto& [key, rect] : f.view.state().probe.all())
        if (key.rfind("graph.node:", 0) == 0) ++from_inspector;
    CHECK(from_inspector == before);
}

TEST_CASE("every address on the graph carries a badge naming its chain", "[ui][graph]") {
    Fixture f;
    for (const char* address : {kVictim, kSuspect, kHop1, kHop2, kMule, kDeposit}) {
        INFO(address);
        const auto node = f.view.state().probe.find(f.node(address));
        const auto badge = f.view.state().probe.find(std::string("graph.chain:") + address);
        REQUIRE(node);
        REQUIRE(badge);
        // On the node's top edge, inside its width.
        CHECK(badge->y0 < node->y0 + 2.0f);
        CHECK(badge->y1 > node->y0);
        CHECK(badge->x0 >= node->x0);
        CHECK(badge->x1 <= node->x1);
    }
}

TEST_CASE("at Fit on a graph too large for text in its boxes, names, amounts and hop columns stay",
          "[ui][graph]") {
    RecordingHost host;
    ui::InvestigatorUi view;
    HeadlessUi driver{view, host};
    set_interface_language("en");
    host.case_open = large_casefile(8, 6);  // 8 hop columns: Fit zooms out past the box text
    driver.frames(3);
    std::size_t hops = 0, names = 0, amounts = 0;
    for (const ui::CanvasLabel& label : view.state().probe.canvas_labels()) {
        if (label.text.rfind("Hop ", 0) == 0) ++hops;
        if (label.text.rfind("addr-", 0) == 0) ++names;
        if (label.text.find("BTC") != std::string::npos) ++amounts;
    }
    CHECK(hops >= 4);    // every column or every other one
    CHECK(names >= 12);  // where a name covers no other name or box
    CHECK(amounts >= 8);
    INFO(canvas_label_collisions(view.state().probe).size());
    CHECK(canvas_label_collisions(view.state().probe).empty());
}

TEST_CASE("a pack instrument's name too long for the closed list is written out whole beneath it",
          "[ui][legal][jurisdiction]") {
    Fixture f;
    add_mexico_pack(*f.host.case_open);
    f.host.case_open->briefing.instruments.back().name = {
        "Securing of the proceeds of the offence under a control judge's order (aseguramiento)",
        "Aseguramiento de los bienes producto del delito con orden del juez de control"};
    f.host.case_open->actions_taken++;
    f.driver.frames(2);
    f.driver.click(f.node(kDeposit));
    f.driver.click("tab.legal");
    f.driver.click("legal.instrument");
    f.driver.click("legal.instrument:mx-aseguramiento");
    f.driver.frames(2);
    const std::string shown = words_on_screen();
    INFO(shown);
    CHECK(shown.find("Securingoftheproceedsoftheoffenceunderacontroljudge'sorder(aseguramiento)") !=
          std::string::npos);
}
