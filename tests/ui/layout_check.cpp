#include "layout_check.hpp"

#include <algorithm>
#include <sstream>
#include <string_view>

#include "i18n/catalogue.hpp"
#include "ui/widgets.hpp"

namespace mt::test {
namespace {

constexpr float kTolerance = 1.0f;  // pixels: rounding of positions

// Graph nodes and arrows are panned off the canvas on purpose; their texts are checked as canvas
// labels instead.
bool on_canvas(std::string_view what) {
    for (std::string_view prefix : {"graph.node:", "graph.edge:", "graph.expand_", "graph.canvas"})
        if (what.substr(0, prefix.size()) == prefix) return true;
    return false;
}

bool out_of_view(const ui::LaidOutItem& item) {
    // Scrolled out of sight, reachable by scrolling.
    return item.scrolls_y && (item.rect.y0 >= item.visible.y1 || item.rect.y1 <= item.visible.y0);
}

float overlap(float a0, float a1, float b0, float b1) {
    return std::min(a1, b1) - std::max(a0, b0);
}

bool same(const ui::ProbeRect& a, const ui::ProbeRect& b) {
    return a.x0 == b.x0 && a.y0 == b.y0 && a.x1 == b.x1 && a.y1 == b.y1;
}

bool collide(const ui::ProbeRect& a, const ui::ProbeRect& b) {
    // One item recorded twice (as text and under a probe key) is not two items.
    if (same(a, b)) return false;
    return overlap(a.x0, a.x1, b.x0, b.x1) > kTolerance &&
           overlap(a.y0, a.y1, b.y0, b.y1) > kTolerance;
}

}  // namespace

std::string describe(const ui::ProbeRect& r) {
    std::ostringstream out;
    out << "[" << r.x0 << "," << r.y0 << " - " << r.x1 << "," << r.y1 << "]";
    return out.str();
}

std::string list_problems(const std::map<std::string, std::string>& where_first_seen) {
    std::string listed;
    for (const auto& [problem, where] : where_first_seen) listed += where + ": " + problem + "\n";
    return listed;
}

std::vector<std::string> layout_problems(const ui::ItemProbe& probe) {
    std::vector<std::string> problems;
    std::vector<const ui::LaidOutItem*> shown;
    for (const ui::LaidOutItem& item : probe.items()) {
        if (on_canvas(item.what) || out_of_view(item)) continue;
        if (item.rect.width() <= 0.0f || item.rect.height() <= 0.0f) continue;
        shown.push_back(&item);
        const ui::ProbeRect& r = item.rect;
        const ui::ProbeRect& v = item.visible;
        if (r.x0 < v.x0 - kTolerance || r.x1 > v.x1 + kTolerance)
            problems.push_back("cut off at the side: \"" + item.what + "\" at " + describe(r) +
                               ", visible " + describe(v));
        else if (!item.scrolls_y && (r.y0 < v.y0 - kTolerance || r.y1 > v.y1 + kTolerance))
            problems.push_back("cut off at the top or bottom: \"" + item.what + "\" at " +
                               describe(r) + ", visible " + describe(v));
        if (item.needed_width > r.width() + kTolerance)
            problems.push_back("shortened: \"" + item.what + "\" needs " +
                               std::to_string(item.needed_width) + " px, has " +
                               std::to_string(r.width()));
    }
    for (std::size_t i = 0; i < shown.size(); ++i)
        for (std::size_t j = i + 1; j < shown.size(); ++j)
            if (shown[i]->window == shown[j]->window && collide(shown[i]->rect, shown[j]->rect))
                problems.push_back("drawn over each other: \"" + shown[i]->what + "\" " +
                                   describe(shown[i]->rect) + " and \"" + shown[j]->what + "\" " +
                                   describe(shown[j]->rect));
    return problems;
}

std::vector<std::string> canvas_label_collisions(const ui::ItemProbe& probe) {
    // Sweep along x so a graph of thousands of labels stays fast.
    std::vector<const ui::CanvasLabel*> labels;
    for (const ui::CanvasLabel& label : probe.canvas_labels()) labels.push_back(&label);
    std::sort(labels.begin(), labels.end(),
              [](const auto* a, const auto* b) { return a->rect.x0 < b->rect.x0; });
    std::vector<std::string> problems;
    for (std::size_t i = 0; i < labels.size(); ++i)
        for (std::size_t j = i + 1; j < labels.size() && labels[j]->rect.x0 < labels[i]->rect.x1;
             ++j)
            if (collide(labels[i]->rect, labels[j]->rect))
                problems.push_back("canvas labels overlap: \"" + labels[i]->text + "\" " +
                                   describe(labels[i]->rect) + " and \"" + labels[j]->text + "\" " +
                                   describe(labels[j]->rect));
    return problems;
}

std::string LayoutConfig::name() const {
    return std::to_string(static_cast<int>(width)) + "x" +
           std::to_string(static_cast<int>(height)) + " scale " + std::to_string(scale) + " " +
           language;
}

std::vector<LayoutConfig> seminar_configs() {
    std::vector<LayoutConfig> configs;
    for (const auto& [width, height] :
         {std::pair{1280.0f, 720.0f}, {1600.0f, 900.0f}, {1920.0f, 1080.0f}})
        for (const float scale : {1.0f, 1.5f, 2.0f})
            for (const char* language : {"en", "es"})
                configs.push_back({width, height, scale, language});
    return configs;
}

void for_each_config(const std::vector<LayoutConfig>& configs,
                     const std::function<void(const LayoutConfig&)>& visit) {
    for (const LayoutConfig& config : configs) {
        set_interface_language(config.language);
        visit(config);
    }
    ui::set_fonts({});
    set_interface_language("en");
}

}  // namespace mt::test
