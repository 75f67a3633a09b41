// Entity names on the funds graph stay readable at Fit: wrapped, then abbreviated, never cut where
// a second line or a shorter form would do, and never over another label. Over every shipped
// case's casefile, at the screens and scales a seminar uses, with the program's fonts.
#include <catch2/catch.hpp>

#include <map>

#include "headless_ui.hpp"
#include "i18n/catalogue.hpp"
#include "layout_check.hpp"
#include "recording_host.hpp"
#include "shipped_cases.hpp"
#include "ui/format.hpp"
#include "ui/funds_graph.hpp"
#include "ui/graph_labels.hpp"
#include "ui/widgets.hpp"

using namespace mt;
using namespace mt::test;

namespace {

std::string spaced(std::string text) {
    for (char& c : text)
        if (c == '\n') c = ' ';
    return text;
}

std::vector<std::string> words_of(const std::string& text) {
    std::vector<std::string> words;
    std::string word;
    for (char c : text + " ") {
        if (c != ' ' && c != '\n') {
            word += c;
        } else if (!word.empty()) {
            words.push_back(word);
            word.clear();
        }
    }
    return words;
}

// `label` is `name` whole, or shortened the readable ways only: without a trailing parenthesis,
// middle words to their initial; the first and last words whole, nothing cut with "…".
bool readable_form(const std::string& label, const std::string& name) {
    if (label.find("…") != std::string::npos) return false;
    const std::vector<std::string> shown = words_of(label);
    std::vector<std::string> full = words_of(name);
    if (shown.size() < full.size() && full.back().back() == ')') {
        // Without the trailing parenthesis.
        std::size_t open = full.size() - 1;
        while (open > 0 && full[open].front() != '(') --open;
        if (open > 0) full.resize(open);
    }
    if (shown.empty() || shown.size() != full.size()) return false;
    if (shown.front() != full.front() || shown.back() != full.back()) return false;
    for (std::size_t i = 0; i < shown.size(); ++i)
        if (shown[i] != full[i] &&
            !(shown[i].back() == '.' &&
              full[i].rfind(shown[i].substr(0, shown[i].size() - 1), 0) == 0))
            return false;
    return true;
}

bool inside(const ui::ProbeRect& a, const ui::ProbeRect& b) {
    return a.x0 >= b.x0 && a.x1 <= b.x1 && a.y0 >= b.y0 && a.y1 <= b.y1;
}

}  // namespace

TEST_CASE("a name too long for its room is wrapped, then abbreviated, and cut last",
          "[ui][graph]") {
    RecordingHost host;
    ui::InvestigatorUi view;
    HeadlessUi driver(view, host);
    use_program_fonts(1.0f);
    ImFont* font = ui::fonts().body;
    REQUIRE(font);
    const float size = 16.0f;
    const auto width = [&](const std::string& text) {
        return font->CalcTextSizeA(size, FLT_MAX, 0.0f, text.c_str()).x;
    };
    const std::string hospital = "Hospital Regional San Rafael";
    // Whole on one line when it fits.
    CHECK(ui::name_lines(font, size, hospital, width(hospital), 2) ==
          std::vector<std::string>{hospital});
    // Two lines at the words when one is too narrow.
    const float half = width("Hospital Regional") + 1.0f;
    CHECK(ui::name_lines(font, size, hospital, half, 2) ==
          std::vector<std::string>{"Hospital Regional", "San Rafael"});
    // The kind in parentheses goes before any word is shortened.
    CHECK(ui::name_lines(font, size, "Bitnova (exchange)", width("Bitnova") + 1.0f, 2) ==
          std::vector<std::string>{"Bitnova"});
    // Middle words to their initial, the longest first; first and last stay whole.
    CHECK(ui::name_lines(font, size, hospital, width("Hospital R. San Rafael") + 1.0f, 1) ==
          std::vector<std::string>{"Hospital R. San Rafael"});
    CHECK(ui::name_lines(font, size, "Hospital Regional de Especialidades Médicas",
                         width("Hospital R. de") + 1.0f,
                         2) == std::vector<std::string>{"Hospital R. de", "E. Médicas"});
    // Cut only when nothing else fits, and never inside a letter.
    const std::vector<std::string> cut =
        ui::name_lines(font, size, "Supercalifragilistic Corp", width("Supercal"), 1);
    REQUIRE(cut.size() == 1);
    CHECK(cut[0].size() > 3);
    CHECK(cut[0].substr(cut[0].size() - 3) == "…");
    CHECK(width(cut[0]) <= width("Supercal"));
    ui::set_fonts({});
}

TEST_CASE("at Fit every named address on the graph shows its name, over no other label",
          "[ui][graph][layout]") {
    struct Config {
        float width, height, scale;
        const char* language;
        // Where the canvas at Fit gives each hop column room for a name, every name is written;
        // on a projector's few pixels per column a name with no room is left to the tooltip, but
        // none is ever cut.
        bool every_name;
    };
    constexpr Config kConfigs[] = {
        {1600, 900, 1.0f, "en", true},   {1600, 900, 1.0f, "es", true},
        {1920, 1080, 1.0f, "es", true},  {1280, 720, 1.5f, "es", false},
        {1920, 1080, 1.5f, "en", false}, {1920, 1080, 2.0f, "es", false}};
    std::map<std::string, std::string> problems;  // problem -> where first seen
    std::size_t names_checked = 0, names_whole = 0;
    for (const Config& config : kConfigs) {
        set_interface_language(config.language);
        for (const ShippedCase& shipped : shipped_cases()) {
            for (const Casefile* casefile : {&shipped.working, &shipped.done}) {
                RecordingHost host;
                ui::InvestigatorUi view;
                HeadlessUi driver(view, host, config.width, config.height);
                use_program_fonts(config.scale);
                host.case_open = *casefile;
                driver.frames(1);
                view.state().show_debrief = false;  // the graph after submission too
                driver.frames(3);                   // a new case opens at Fit
                const std::string where =
                    shipped.file + " at " + std::to_string(static_cast<int>(config.width)) + "x" +
                    std::to_string(static_cast<int>(config.height)) + " scale " +
                    std::to_string(config.scale) + " " + config.language;
                const ui::ItemProbe& probe = view.state().probe;
                const auto canvas = probe.find("graph.canvas");
                REQUIRE(canvas);
                for (const ui::GraphNode& node : ui::build_funds_graph(*casefile).nodes) {
                    if (!node.attributed) continue;
                    const auto box = probe.find("graph.node:" + node.id);
                    if (!box || !inside(*box, *canvas)) continue;  // off screen at Fit
                    const std::string name = ui::text_of(node.name);
                    bool whole = false, readable = false;
                    std::string cut;
                    for (const ui::CanvasLabel& label : probe.canvas_labels()) {
                        whole = whole || spaced(label.text) == name;
                        readable = readable || readable_form(label.text, name);
                        if (label.text.rfind(words_of(name).front(), 0) == 0 &&
                            label.text.find("…") != std::string::npos)
                            cut += " [" + spaced(label.text) + "]";
                    }
                    ++names_checked;
                    names_whole += whole ? 1 : 0;
                    if (!cut.empty())
                        problems.try_emplace("\"" + name + "\" cut:" + cut, where);
                    else if (!readable && config.every_name)
                        problems.try_emplace("\"" + name + "\" not written", where);
                }
                for (const std::string& p : canvas_label_collisions(probe))
                    problems.try_emplace(p, where);
            }
        }
    }
    ui::set_fonts({});
    set_interface_language("en");
    std::string listed;
    for (const auto& [problem, where] : problems) listed += where + ": " + problem + "\n";
    INFO(listed);
    CHECK(names_checked > 20);
    // Most names are whole.
    CHECK(names_whole * 3 > names_checked * 2);
    CHECK(problems.empty());
}
