// Every view of the investigator interface at the sizes a seminar uses: 1280x720, 1600x900 and
// 1920x1080, at text scales 1, 1.5 and 2 (projectors), in English and Spanish, over the shipped
// cases' casefiles part-way through the expert's path and after submission. Rendered headless with
// the program's own fonts and theme (no window, no GL); fails on any text cut off or drawn over
// another (layout_check.hpp), listing each problem with the configuration and view.
#include <catch2/catch.hpp>

#include <cmath>
#include <filesystem>
#include <map>
#include <memory>

#include "headless_ui.hpp"
#include "i18n/catalogue.hpp"
#include "layout_check.hpp"
#include "platform/fonts.hpp"
#include "platform/theme.hpp"
#include "recording_host.hpp"
#include "scenario/loader.hpp"
#include "session/session.hpp"
#include "ui/widgets.hpp"

using namespace mt;
using namespace mt::test;

namespace {

namespace fs = std::filesystem;

struct ShippedCase {
    std::string file;
    Casefile working;  // half-way through the expert's path
    Casefile done;     // the expert's path submitted
};

std::vector<ShippedCase> load_shipped_cases() {
    std::vector<ShippedCase> cases;
    for (const ScenarioSummary& summary : list_scenarios(fs::path(MT_SOURCE_DIR) / "scenarios")) {
        const LoadResult loaded = load_scenario_file(summary.path);
        INFO(summary.path.string());
        REQUIRE(loaded.ok());
        Session session(loaded.scenario);
        const std::vector<Action>& path = loaded.scenario->expert_solution;
        ShippedCase shipped{summary.path.filename().string(), {}, {}};
        for (std::size_t i = 0; i < path.size(); ++i) {
            if (i == path.size() / 2) shipped.working = session.casefile();
            session.apply(path[i]);
        }
        REQUIRE(session.submitted());
        shipped.done = session.casefile();
        cases.push_back(std::move(shipped));
    }
    return cases;
}

std::vector<ui::CaseChoice> case_choices() {
    std::vector<ui::CaseChoice> choices;
    for (const ScenarioSummary& s : list_scenarios(fs::path(MT_SOURCE_DIR) / "scenarios")) {
        ui::CaseChoice c;
        c.path = s.path.string();
        c.id = s.id;
        c.title = s.title;
        c.summary = s.summary;
        c.difficulty = s.difficulty;
        c.estimated_minutes = s.estimated_minutes;
        c.typologies = s.typologies;
        choices.push_back(std::move(c));
    }
    choices.front().resumable = true;
    choices.front().saved_actions = 12;
    return choices;
}

struct Config {
    float width;
    float height;
    float scale;
    const char* language;
    std::string name() const {
        return std::to_string(static_cast<int>(width)) + "x" +
               std::to_string(static_cast<int>(height)) + " scale " + std::to_string(scale) + " " +
               language;
    }
};

// The fonts and theme the desktop program builds at this scale.
void use_program_fonts(float scale) {
    ImGuiIO& io = ImGui::GetIO();
    std::vector<std::string> warnings;
    ui::set_fonts(platform::build_fonts(io, std::round(16.0f * scale), warnings));
    REQUIRE(warnings.empty());
    io.Fonts->Build();
    unsigned char* pixels = nullptr;
    int w = 0, h = 0;
    io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
    platform::apply_theme(scale);
}

}  // namespace

TEST_CASE("every view holds its layout at every seminar size, scale and language",
          "[ui][layout][grid]") {
    static const std::vector<ShippedCase> cases = load_shipped_cases();
    const std::vector<ui::CaseChoice> choices = case_choices();
    constexpr std::pair<const char*, const char*> kTabPairs[] = {{"briefing", "inspector"},
                                                                 {"checkpoints", "tools"},
                                                                 {"hints", "legal"},
                                                                 {"timeline", "documents"}};
    constexpr std::pair<float, float> kScreens[] = {{1280, 720}, {1600, 900}, {1920, 1080}};
    // Each distinct problem once, with the first configuration and view that showed it.
    std::map<std::string, std::string> problems;
    for (const auto& [width, height] : kScreens)
        for (const float scale : {1.0f, 1.5f, 2.0f})
            for (const char* language : {"en", "es"}) {
                const Config config{width, height, scale, language};
                set_interface_language(language);
                RecordingHost host;
                ui::InvestigatorUi view;
                HeadlessUi driver(view, host, width, height);
                use_program_fonts(scale);
                const auto check = [&](const std::string& what) {
                    for (const std::string& p : layout_problems(view.state().probe))
                        problems.try_emplace(p, config.name() + ", " + what);
                };

                host.choices = choices;
                driver.frames(3);
                check("case picker");

                host.failure = ui::CaseLoadFailure{
                    "scenarios/broken.yaml",
                    {{"scenarios/broken.yaml", 12, 5, "world.services[2].jurisdiction",
                      "unknown jurisdiction 'XX'; expected one of MX, US, SC"}}};
                driver.frames(2);
                check("case error");
                host.failure.reset();

                for (const ShippedCase& shipped : cases) {
                    host.case_open = shipped.working;
                    for (const auto& [left, right] : kTabPairs) {
                        view.state().left_tab = left;
                        view.state().right_tab = right;
                        if (!shipped.working.addresses.empty())
                            view.state().selection = {ui::Selection::Kind::Address,
                                                      shipped.working.addresses.begin()->first};
                        driver.frames(2);
                        check(shipped.file + " workspace, tabs " + left + "/" + right);
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
            }
    ui::set_fonts({});
    set_interface_language("en");
    std::string listed;
    for (const auto& [problem, where] : problems) listed += where + ": " + problem + "\n";
    INFO(listed);
    CHECK(problems.empty());
}
