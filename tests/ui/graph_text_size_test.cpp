// Text on the funds graph stays readable at Fit on a projector's narrow canvas: no name,
// identifier, amount, header or chain badge is drawn smaller than the interface's font size times
// kMinTextScale, however far Fit zooms out; a box too small for its name at that size leaves it to
// be written beside the box instead of shrinking it. Over every shipped case, at the screens and
// scales a seminar uses, with the program's fonts.
#include <catch2/catch.hpp>

#include <map>
#include <string>

#include "headless_ui.hpp"
#include "i18n/catalogue.hpp"
#include "layout_check.hpp"
#include "recording_host.hpp"
#include "shipped_cases.hpp"
#include "ui/funds_graph.hpp"
#include "ui/graph_labels.hpp"
#include "ui/widgets.hpp"

using namespace mt;
using namespace mt::test;

TEST_CASE("at Fit no text on the graph is smaller than the readable floor", "[ui][graph][layout]") {
    const std::vector<LayoutConfig> configs{{1280, 720, 1.5f, "es"},
                                            {1280, 720, 2.0f, "es"},
                                            {1920, 1080, 1.5f, "en"},
                                            {1600, 900, 1.0f, "en"}};
    std::map<std::string, std::string> problems;  // problem -> where first seen
    std::size_t labels_checked = 0, names_written = 0, badges_checked = 0;
    for_each_config(configs, [&](const LayoutConfig& config) {
        for (const ShippedCase& shipped : shipped_cases()) {
            RecordingHost host;
            ui::InvestigatorUi view;
            HeadlessUi driver(view, host, config.width, config.height);
            use_program_fonts(config.scale);
            host.case_open = shipped.done;
            driver.frames(1);
            view.state().show_debrief = false;  // the whole graph, after submission
            driver.frames(3);                   // a new case opens at Fit
            const std::string where = shipped.file + " at " + config.name();
            const float floor = ImGui::GetFontSize() * ui::kMinTextScale;
            REQUIRE(floor >= 12.0f * config.scale * 0.99f);
            const ui::ItemProbe& probe = view.state().probe;
            for (const ui::CanvasLabel& label : probe.canvas_labels()) {
                ++labels_checked;
                if (!label.owner.empty()) ++names_written;
                if (label.size < floor - 0.01f)
                    problems.try_emplace("\"" + label.text + "\" is drawn at " +
                                             std::to_string(label.size) + " px, below " +
                                             std::to_string(floor) + " px",
                                         where);
            }
            for (const auto& [key, rect] : probe.all()) {
                if (key.rfind("graph.chain:", 0) != 0) continue;
                ++badges_checked;
                if (rect.height() < floor)
                    problems.try_emplace("the chain badge " + key + " " + describe(rect) +
                                             " is lower than the text floor " +
                                             std::to_string(floor) + " px",
                                         where);
            }
            // A larger text never makes two labels overlap.
            for (const std::string& p : canvas_label_collisions(probe))
                problems.try_emplace(p, where);
        }
    });
    INFO(list_problems(problems));
    CHECK(problems.empty());
    // There was text to check: names (in their boxes or beside them), amounts, badges.
    CHECK(labels_checked > 100);
    CHECK(names_written > 40);
    CHECK(badges_checked > 10);
}
