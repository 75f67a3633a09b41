#pragma once
// The layout check of the views: every item the widget helpers recorded in the last frame must
// show whole inside the part of the screen its window gives it (no text cut off at a panel's
// side, no title shortened), must not be drawn over another item of its window, and no two texts
// on the graph canvas may overlap.
#include <map>
#include <string>
#include <vector>

#include "ui/item_probe.hpp"

namespace mt::test {

// One line per problem, naming the item and where it was; empty when the layout holds.
std::vector<std::string> layout_problems(const ui::ItemProbe& probe);
std::vector<std::string> canvas_label_collisions(const ui::ItemProbe& probe);

// "[x0,y0 - x1,y1]": where an item was, for a problem's line.
std::string describe(const ui::ProbeRect& r);

// A grid's problems, one line each as "where first seen: problem", for the failing check's message.
std::string list_problems(const std::map<std::string, std::string>& where_first_seen);

}  // namespace mt::test
