#pragma once
// The layout check of the views: every item the widget helpers recorded in the last frame must
// show whole inside the part of the screen its window gives it (no text cut off at a panel's
// side, no title shortened), must not be drawn over another item of its window, and no two texts
// on the graph canvas may overlap.
#include <string>
#include <vector>

#include "ui/item_probe.hpp"

namespace mt::test {

// One line per problem, naming the item and where it was; empty when the layout holds.
std::vector<std::string> layout_problems(const ui::ItemProbe& probe);
std::vector<std::string> canvas_label_collisions(const ui::ItemProbe& probe);

// "[x0,y0 - x1,y1]": where an item was, for a problem's line.
std::string describe(const ui::ProbeRect& r);

}  // namespace mt::test
