#pragma once
// The layout check of the views: every item the widget helpers recorded in the last frame must
// show whole inside the part of the screen its window gives it (no text cut off at a panel's
// side, no title shortened), must not be drawn over another item of its window, and no two texts
// on the graph canvas may overlap.
#include <functional>
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

// A screen size, interface scale and language a seminar uses.
struct LayoutConfig {
    float width = 1600.0f;
    float height = 900.0f;
    float scale = 1.0f;
    const char* language = "en";
    std::string name() const;  // "1280x720 scale 1.500000 es", for a problem's line
};

// The seminar grid: 1280x720, 1600x900 and 1920x1080, at scales 1, 1.5 and 2, in English and
// Spanish.
std::vector<LayoutConfig> seminar_configs();

// `visit` once per configuration with the interface in its language; afterwards English and the
// default fonts again (a visit loads the program's fonts at its scale: use_program_fonts).
void for_each_config(const std::vector<LayoutConfig>& configs,
                     const std::function<void(const LayoutConfig&)>& visit);

// A grid's problems, one line each as "where first seen: problem", for the failing check's message.
std::string list_problems(const std::map<std::string, std::string>& where_first_seen);

}  // namespace mt::test
