// Every view of the investigator interface at the sizes a seminar uses: 1280x720, 1600x900 and
// 1920x1080, at text scales 1, 1.5 and 2 (projectors), in English and Spanish, over the shipped
// cases' casefiles part-way through the expert's path and after submission; and the instructor's
// console with a room of 35 in the lobby, running and ended, its drill-down, dialogs and
// projector view. Rendered headless with
// the program's own fonts and theme (no window, no GL); fails on any text cut off or drawn over
// another (layout_check.hpp), listing each problem with the configuration and view.
#include <catch2/catch.hpp>

#include <cmath>
#include <filesystem>
#include <map>
#include <memory>

#include "headless_console.hpp"
#include "headless_ui.hpp"
#include "i18n/catalogue.hpp"
#include "layout_check.hpp"
#include "recording_host.hpp"
#include "shipped_cases.hpp"
#include "ui/widgets.hpp"

using namespace mt;
using namespace mt::test;

namespace {

// The address in the most known transactions: the inspector's transactions table at its fullest.
std::string busiest_address(const Casefile& casefile) {
    std::map<std::string, int> count;
    for (const auto& [id, tx] : casefile.transactions) {
        for (const KnownLeg& leg : tx.inputs) ++count[leg.address];
        for (const KnownLeg& leg : tx.outputs) ++count[leg.address];
    }
    std::string busiest = casefile.addresses.begin()->first;
    int most = 0;
    for (const auto& [address, n] : count)
        if (n > most && casefile.addresses.count(address)) {
            busiest = address;
            most = n;
        }
    return busiest;
}

// The known transaction with the most inputs and outputs.
std::string widest_transaction(const Casefile& casefile) {
    std::string widest = casefile.transactions.begin()->first;
    std::size_t most = 0;
    for (const auto& [id, tx] : casefile.transactions)
        if (tx.inputs.size() + tx.outputs.size() > most) {
            widest = id;
            most = tx.inputs.size() + tx.outputs.size();
        }
    return widest;
}

}  // namespace

TEST_CASE("every view holds its layout at every seminar size, scale and language",
          "[ui][layout][grid]") {
    const std::vector<ShippedCase>& cases = shipped_cases();
    const std::vector<ui::CaseChoice> choices = case_choices();
    constexpr std::pair<const char*, const char*> kTabPairs[] = {{"briefing", "inspector"},
                                                                 {"checkpoints", "tools"},
                                                                 {"hints", "legal"},
                                                                 {"timeline", "documents"}};
    // Each distinct problem once, with the first configuration and view that showed it.
    std::map<std::string, std::string> problems;
    for_each_config(seminar_configs(), [&](const LayoutConfig& config) {
        const float width = config.width, height = config.height, scale = config.scale;
        RecordingHost host;
        ui::InvestigatorUi view;
        HeadlessUi driver(view, host, width, height);
        use_program_fonts(scale);
        const auto check = [&](const std::string& what) {
            for (const std::string& p : layout_problems(view.state().probe))
                problems.try_emplace(p, config.name() + ", " + what);
            for (const std::string& p : canvas_label_collisions(view.state().probe))
                problems.try_emplace(p, config.name() + ", " + what);
        };

        host.choices = choices;
        driver.frames(3);
        check("case picker");
        // Joining a live seminar from the picker: the dialog, its Join button on screen.
        host.join_form = ui::SeminarJoinForm{"192.168.1.23",
                                             8642,
                                             "K7XM3Q",
                                             "María Fernanda Gutiérrez Ochoa",
                                             "FGR",
                                             "",
                                             "the seminar server cannot be reached",
                                             false};
        if (driver.drawn("join.open")) {
            driver.click("join.open");
            driver.frames(2);
            check("join dialog");
            const auto join = view.state().probe.find("join.join");
            if (!join || join->y1 > height)
                problems.try_emplace("the join dialog's Join button is off the screen",
                                     config.name());
            driver.click("join.cancel");
        }
        host.join_form.reset();
        driver.frames(1);

        host.failure = ui::CaseLoadFailure{
            "scenarios/broken.yaml",
            {{"scenarios/broken.yaml", 12, 5,
              Message("case_error.no_such_pack").arg("id", "xx").arg("known", "mx, us"),
              "world.services[2].jurisdiction"}}};
        driver.frames(2);
        check("case error");
        host.failure.reset();

        for (const ShippedCase& shipped : cases) {
            host.case_open = shipped.working;
            for (const auto& [left, right] : kTabPairs) {
                view.state().left_tab = left;
                view.state().right_tab = right;
                // Selected after the case's first frame, which starts its view afresh.
                driver.frame();
                if (!shipped.working.addresses.empty())
                    view.state().selection = {ui::Selection::Kind::Address,
                                              busiest_address(shipped.working)};
                driver.frames(2);
                check(shipped.file + " workspace, tabs " + left + "/" + right);
                // The inspector scrolled to its end: its transactions table, headers
                // and all (below the fold at projector sizes).
                if (driver.drawn("inspector.expand_out")) {
                    driver.wheel(driver.centre_of("inspector.expand_out"), -30.0f);
                    driver.frames(2);
                    check(shipped.file + " inspector scrolled down");
                    driver.move_to(ImVec2(0.0f, 0.0f));
                }
                // A transaction in the inspector: its inputs and outputs.
                if (std::string(right) == "inspector" && !shipped.working.transactions.empty()) {
                    view.state().selection = {ui::Selection::Kind::Transaction,
                                              widest_transaction(shipped.working)};
                    driver.frames(2);
                    check(shipped.file + " transaction inspector");
                }
            }
            view.state().submit_dialog = true;
            driver.frames(3);
            check(shipped.file + " submit dialog");
            view.state().submit_dialog = false;
            view.state().hint_dialog = true;
            driver.frames(3);
            check(shipped.file + " hint dialog");
            view.state().hint_dialog = false;

            host.case_open = shipped.done;
            view.state().show_debrief = true;
            driver.frames(2);
            check(shipped.file + " debrief");
        }
        host.case_open.reset();
        driver.frames(1);
    });
    INFO(list_problems(problems));
    CHECK(problems.empty());
}

TEST_CASE("the instructor console holds a room of 35 at every seminar size, scale and language",
          "[ui][layout][grid][console]") {
    const Casefile& drilled = shipped_cases().front().working;
    std::map<std::string, std::string> problems;
    for_each_config(seminar_configs(), [&](const LayoutConfig& config) {
        const float width = config.width, height = config.height, scale = config.scale;
        HeadlessConsole console(width, height);
        use_program_fonts(scale);
        const auto check = [&](const std::string& what) {
            for (const std::string& p : layout_problems(console.view.item_probe()))
                problems.try_emplace(p, config.name() + ", console " + what);
        };
        // Whether an item the instructor needs shows on the screen (not below its pane's
        // edge); noted as a problem if not.
        const auto shown = [&](const std::string& key, const std::string& what) {
            for (const ui::LaidOutItem& item : console.view.item_probe().items())
                if (item.what == key && item.rect.y1 <= item.visible.y1 + 1.0f &&
                    item.rect.y0 >= item.visible.y0 - 1.0f)
                    return true;
            problems.try_emplace("not on the screen: " + key, config.name() + ", console " + what);
            return false;
        };
        for (const char* state : {"lobby", "running", "ended"}) {
            console.model = room_of_35(state);
            console.frames(3);
            check(std::string(state));
            // The four columns the instructor watches never give way.
            const std::string first =
                console.model.trainees[ui::ordered_trainees(console.model.trainees, {})[0]].name;
            for (const char* key :
                 {"console.trainee:", "console.status:", "console.score:", "console.progress:"})
                shown(key + first, state);
        }
        // The measure: at 1920x1080 (scale 1) the whole room shows unscrolled.
        if (width == 1920 && scale == 1.0f)
            for (const ui::LaidOutItem& item : console.view.item_probe().items())
                if (item.what.rfind("console.trainee:", 0) == 0 &&
                    item.rect.y1 > item.visible.y1 + 1.0f)
                    problems.try_emplace("row below the table's edge: " + item.what,
                                         config.name() + ", console running");

        console.model = room_of_35("running");
        console.frames(2);
        if (console.drawn("tab.console_room")) {
            console.click("tab.console_room");
            console.frames(2);  // a table takes its column widths a frame after it appears
            check("the room tab");
            console.click("tab.console_trainees");
        }
        // The first row by name, the table's order: a click drills into the trainee.
        const std::string name =
            console.model.trainees[ui::ordered_trainees(console.model.trainees, {})[0]].name;
        if (shown("console.trainee:" + name, "running")) {
            console.click("console.trainee:" + name);
            console.model.detail_name = name;
            console.model.detail = drilled;
            console.frames(3);
            check("drill-down into " + name);
            if (shown("console.detail_back", "drill-down")) console.click("console.detail_back");
        }

        // On a narrow screen the look-up is in the room's pane.
        console.frame();
        const bool one_pane = console.drawn("tab.console_room");
        if (one_pane) console.click("tab.console_room");
        if (shown("console.rejoin_open", "controls")) {
            console.click("console.rejoin_open");
            console.frames(2);  // an auto-sized dialog takes its size a frame later
            check("rejoin dialog");
            if (shown("console.rejoin_close", "rejoin dialog"))
                console.click("console.rejoin_close");
        }
        console.frame();
        if (one_pane && console.drawn("tab.console_trainees"))
            console.click("tab.console_trainees");

        if (shown("console.projector", "controls")) {
            console.click("console.projector");
            console.frames(2);
            check("projector view");
            console.click("console.projector_back");
        }
    });
    INFO(list_problems(problems));
    CHECK(problems.empty());
}
