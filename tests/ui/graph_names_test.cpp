// Entity names on the funds graph stay readable at Fit: wrapped, then abbreviated, never cut where
// a second line or a shorter form would do, and never over another label. Over every shipped
// case's casefile, at the screens and scales a seminar uses, with the program's fonts.
#include <catch2/catch.hpp>

#include <algorithm>
#include <map>
#include <optional>
#include <set>

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

// Every text on the canvas against every node's box: only a node's own text, written inside its
// box, may lie there; a name placed outside never covers a box, its own included (a box hidden
// under a name reads as the name of the arrows beside it), nor may an amount.
std::vector<std::string> labels_over_boxes(const ui::ItemProbe& probe,
                                           const ui::FundsGraph& graph) {
    constexpr float kTolerance = 1.0f;
    std::vector<std::string> problems;
    for (const ui::GraphNode& node : graph.nodes) {
        const auto box = probe.find("graph.node:" + node.id);
        if (!box) continue;
        for (const ui::CanvasLabel& label : probe.canvas_labels()) {
            const ui::ProbeRect& r = label.rect;
            if (label.owner == node.id && inside(r, *box)) continue;
            if (std::min(r.x1, box->x1) - std::max(r.x0, box->x0) > kTolerance &&
                std::min(r.y1, box->y1) - std::max(r.y0, box->y0) > kTolerance)
                problems.push_back("\"" + spaced(label.text) + "\" " + describe(r) +
                                   " is drawn over the box of " + node.id + " " + describe(*box));
        }
    }
    return problems;
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
                for (const std::string& p :
                     labels_over_boxes(probe, ui::build_funds_graph(*casefile)))
                    problems.try_emplace(p, where);
                // The counts in the corner stay clear of the legend.
                const auto counts = probe.find("graph.counts");
                const auto legend = probe.find("graph.legend_area");
                REQUIRE(counts);
                if (legend && std::min(counts->x1, legend->x1) > std::max(counts->x0, legend->x0) &&
                    std::min(counts->y1, legend->y1) > std::max(counts->y0, legend->y0))
                    problems.try_emplace("the counts " + describe(*counts) +
                                             " are drawn under the legend " + describe(*legend),
                                         where);
                // No name or amount is placed under the legend or the counts (a box may be).
                for (const ui::CanvasLabel& label : probe.canvas_labels())
                    for (const auto& corner : {legend, std::optional<ui::ProbeRect>(counts)}) {
                        if (!corner) continue;
                        const ui::ProbeRect& r = label.rect;
                        const auto own = probe.find("graph.node:" + label.owner);
                        if (own && inside(r, *own)) continue;  // a box's own text
                        if (std::min(r.x1, corner->x1) - std::max(r.x0, corner->x0) > 1.0f &&
                            std::min(r.y1, corner->y1) - std::max(r.y0, corner->y0) > 1.0f)
                            problems.try_emplace("\"" + spaced(label.text) + "\" " + describe(r) +
                                                     " is under the legend or counts " +
                                                     describe(*corner),
                                                 where);
                    }
            }
        }
    }
    ui::set_fonts({});
    set_interface_language("en");
    INFO(list_problems(problems));
    CHECK(names_checked > 20);
    // Most names are whole.
    CHECK(names_whole * 3 > names_checked * 2);
    CHECK(problems.empty());
}

namespace {

std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> lines{""};
    for (char c : text) {
        if (c == '\n')
            lines.emplace_back();
        else
            lines.back() += c;
    }
    return lines;
}

// The casefile with a price for every asset its transactions move, quoted from the middle of
// each asset's transfers: the earlier half has no price yet, so arrows with and without a value
// are both on screen.
Casefile with_prices(Casefile casefile) {
    std::map<std::pair<std::string, std::string>, std::vector<SimSeconds>> times;
    for (const auto& [id, tx] : casefile.transactions)
        times[{tx.chain, tx.asset}].push_back(tx.time);
    Units price = 123'456'789'000;  // 1,234.56789 USD, then others
    for (auto& [asset, at] : times) {
        std::sort(at.begin(), at.end());
        casefile.briefing.prices.push_back(
            {asset.first, asset.second, {{at[at.size() / 2], price}}});
        price = price / 7 + 1;
    }
    return casefile;
}

// Problems with the arrows' values in US dollars on the canvas: a value that belongs to no arrow
// of that amount (shown where there is no price), a detailed label without the value its arrow
// has, and any "$" (pesos, in Mexico). Counts the values seen.
std::vector<std::string> usd_label_problems(const ui::ItemProbe& probe, const ui::FundsGraph& graph,
                                            std::size_t& values_seen) {
    std::map<std::string, std::vector<const ui::GraphEdge*>> by_amount;
    for (const ui::GraphEdge& e : graph.edges)
        by_amount[display_amount(e.total, e.decimals, e.asset)].push_back(&e);
    std::vector<std::string> problems;
    for (const ui::CanvasLabel& label : probe.canvas_labels()) {
        if (label.text.find('$') != std::string::npos)
            problems.push_back("\"" + spaced(label.text) + "\" writes dollars with $");
        if (!label.owner.empty()) continue;
        const std::vector<std::string> lines = lines_of(label.text);
        const auto edges = by_amount.find(lines.front());
        if (edges == by_amount.end()) continue;  // a hop header
        std::set<std::string> values;
        bool unvalued = false;
        for (const ui::GraphEdge* e : edges->second) {
            if (e->usd_cents)
                values.insert(ui::usd_value_text(*e->usd_cents));
            else
                unvalued = true;
        }
        const bool has_value = lines.size() >= 2 && lines[1].find("USD") != std::string::npos;
        // Zoomed in, an arrow's label ends with when (or how many transfers); at Fit it is the
        // amount, with the value when there was room for both.
        const bool detailed = lines.size() >= 2 && lines.back().find("USD") == std::string::npos;
        if (has_value) {
            ++values_seen;
            if (values.count(lines[1]) == 0)
                problems.push_back("\"" + spaced(label.text) +
                                   "\" shows a value no arrow of that amount has");
        } else if (detailed && !unvalued) {
            problems.push_back("\"" + spaced(label.text) + "\" lacks its value " + *values.begin());
        }
    }
    return problems;
}

}  // namespace

TEST_CASE("arrows show their value in US dollars where the case prices the asset, over nothing",
          "[ui][graph][layout]") {
    struct Config {
        float width, height, scale;
        const char* language;
    };
    constexpr Config kConfigs[] = {{1600, 900, 1.0f, "en"}, {1280, 720, 1.5f, "es"}};
    std::map<std::string, std::string> problems;  // problem -> where first seen
    std::size_t values_seen = 0, detailed_values = 0;
    for (const Config& config : kConfigs) {
        set_interface_language(config.language);
        for (const ShippedCase& shipped : shipped_cases()) {
            for (const bool priced : {false, true}) {
                const Casefile casefile = priced ? with_prices(shipped.done) : shipped.done;
                const ui::FundsGraph graph = ui::build_funds_graph(casefile);
                RecordingHost host;
                ui::InvestigatorUi view;
                HeadlessUi driver(view, host, config.width, config.height);
                use_program_fonts(config.scale);
                host.case_open = casefile;
                driver.frames(1);
                view.state().show_debrief = false;
                driver.frames(3);  // at Fit
                for (int zoomed = 0; zoomed < 2; ++zoomed) {
                    if (zoomed == 1) {
                        // Close enough for every arrow's full label, on the busiest node.
                        std::map<int, int> degree;
                        for (const ui::GraphEdge& e : graph.edges) ++degree[e.from];
                        int busiest = 0;
                        for (const auto& [node, count] : degree)
                            if (count > degree[busiest]) busiest = node;
                        if (graph.nodes.empty()) break;
                        view.state().graph.camera.zoom = 1.0f;
                        view.state().graph.center_on =
                            graph.nodes[static_cast<std::size_t>(busiest)].id;
                        driver.frames(2);
                    }
                    const std::string where = shipped.file + (priced ? " with prices" : "") +
                                              (zoomed ? " zoomed" : " at Fit") + " at " +
                                              std::to_string(static_cast<int>(config.width)) + "x" +
                                              std::to_string(static_cast<int>(config.height)) +
                                              " scale " + std::to_string(config.scale) + " " +
                                              config.language;
                    const ui::ItemProbe& probe = view.state().probe;
                    const std::size_t before = values_seen;
                    for (const std::string& p : usd_label_problems(probe, graph, values_seen))
                        problems.try_emplace(p, where);
                    if (zoomed) detailed_values += values_seen - before;
                    if (casefile.briefing.prices.empty() && values_seen != before)
                        problems.try_emplace("a value shown in a case without prices", where);
                    for (const std::string& p : canvas_label_collisions(probe))
                        problems.try_emplace(p, where);
                    for (const std::string& p : labels_over_boxes(probe, graph))
                        problems.try_emplace(p, where);
                }
            }
        }
    }
    ui::set_fonts({});
    set_interface_language("en");
    INFO(list_problems(problems));
    CHECK(problems.empty());
    // Values were there to check, zoomed in and at Fit.
    CHECK(values_seen > 40);
    CHECK(detailed_values > 10);
}
