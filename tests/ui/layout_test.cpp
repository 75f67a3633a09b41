// Layout defects found by trying the views at seminar sizes, each checked with the layout check
// (every text whole inside its panel, nothing drawn over anything).
#include <catch2/catch.hpp>

#include <algorithm>

#include "headless_ui.hpp"
#include "i18n/catalogue.hpp"
#include "layout_check.hpp"
#include "recording_host.hpp"
#include "sample_casefile.hpp"

using namespace mt;
using namespace mt::test;

namespace {

std::vector<std::string> problems_of(const ui::ItemProbe& probe, std::string_view prefix) {
    std::vector<std::string> out;
    for (const std::string& p : layout_problems(probe))
        if (p.find(prefix) != std::string::npos) out.push_back(p);
    return out;
}

std::string joined(const std::vector<std::string>& lines) {
    std::string out;
    for (const std::string& line : lines) out += line + "\n";
    return out;
}

}  // namespace

TEST_CASE("multiple-choice options and 'Use the selection' are never cut off", "[ui][layout]") {
    for (const char* language : {"en", "es"}) {
        set_interface_language(language);
        RecordingHost host;
        host.case_open = sample_casefile();
        // Options as long as the shipped cases' (a sentence naming a service and a reason).
        host.case_open->checkpoints[0].options[0].text = {
            "A subpoena to the Niebla mixer for its payout records, since the mixer keeps logs",
            "Un requerimiento al mezclador Niebla por sus registros de pagos, pues guarda "
            "bitácoras"};
        ui::InvestigatorUi view;
        HeadlessUi driver(view, host, 1280.0f, 720.0f);
        driver.frames(2);
        driver.click("tab.checkpoints");
        driver.frames(2);
        INFO("language " << language);
        REQUIRE(driver.drawn("checkpoint.option:cp-typology:peel"));
        REQUIRE(driver.drawn("checkpoint.use_selection:cp-deposit"));
        const auto problems = problems_of(view.state().probe, "checkpoint.");
        INFO(joined(problems));
        CHECK(problems.empty());

        // The wrapped option still answers.
        driver.click("checkpoint.option:cp-typology:peel");
        CHECK(view.state().checkpoint_answers["cp-typology"] == "peel");
    }
    set_interface_language("en");
}

TEST_CASE("on a projector the legend docks instead of covering the graph", "[ui][layout]") {
    RecordingHost host;
    host.case_open = sample_casefile();
    ui::InvestigatorUi view;
    HeadlessUi driver(view, host, 1280.0f, 720.0f);
    ImGui::GetIO().FontGlobalScale = 2.0f;  // text as large as at --scale 2
    driver.frames(3);
    const auto canvas = view.state().probe.find("graph.canvas");
    REQUIRE(canvas);
    REQUIRE(driver.drawn("graph.legend_toggle"));
    CHECK_FALSE(driver.drawn("graph.legend"));
    driver.click("graph.legend_toggle");
    driver.frames(1);
    CHECK(driver.drawn("graph.legend"));

    // At the desk the legend shows in its corner, a small part of the canvas.
    ImGui::GetIO().FontGlobalScale = 1.0f;
    RecordingHost desk_host;
    desk_host.case_open = sample_casefile();
    ui::InvestigatorUi desk;
    HeadlessUi desk_driver(desk, desk_host, 1920.0f, 1080.0f);
    desk_driver.frames(3);
    const auto legend = desk.state().probe.find("graph.legend");
    const auto desk_canvas = desk.state().probe.find("graph.canvas");
    REQUIRE(legend);
    REQUIRE(desk_canvas);
    CHECK(legend->width() * legend->height() <=
          0.2f * desk_canvas->width() * desk_canvas->height());
}
