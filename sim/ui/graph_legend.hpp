#pragma once
// The funds graph's legend: what each colour and shape means, in the canvas's bottom-left corner,
// docked as a button where it would cover too much of a small canvas. Its place is worked out
// before the canvas is drawn, so that no label is placed under it.
#include <string>
#include <vector>

#include <imgui.h>

#include "ui/funds_graph.hpp"

namespace mt::ui {

struct LegendLayout {
    std::vector<EntityKind> kinds;  // on screen, plus "unknown"
    bool junctions = false;
    bool frozen = false;
    ImVec2 size;          // the open legend's box
    bool docked = false;  // too big for the canvas: a button that opens it
    bool open = true;     // the box is shown
    std::string title;    // the docked button's
    ImVec4 toggle;        // the docked button
    ImVec2 origin;        // the box's top-left
    ImVec4 area;          // everything it covers
};

// `overlay_rows` and `overlay_width`: what an analysis overlay adds to it; `open`: the trainee
// opened the docked legend.
LegendLayout legend_layout(const FundsGraph& graph, int overlay_rows, float overlay_width,
                           bool open, ImVec2 canvas_min, ImVec2 canvas_max);

}  // namespace mt::ui
