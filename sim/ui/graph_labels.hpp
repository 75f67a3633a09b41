#pragma once
// Texts fitted to the room the funds graph has for them: a node's name in its box or under it, an
// identifier shortened in the middle. A name is wrapped and abbreviated before it is ever cut, so
// "Hospital Regional San Rafael" stays readable where one line would have cut it to "Hospital Re…".
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <imgui.h>

namespace mt::ui {

// No text on the funds graph is drawn smaller than the interface's font size times this, at any
// zoom: a projector's few pixels per node stay readable. Zoomed out, a box too low for its text
// at this size shows fewer lines, and a name with no room in its box is written beside it.
inline constexpr float kMinTextScale = 0.75f;

// `text` in `font` at `size` cut to `width` pixels with "…" at the end, never inside a UTF-8
// sequence.
std::string fit_to(ImFont* font, float size, std::string_view text, float width);

// An identifier shortened in the middle ("bc1qxy2k…x0wlh") to `width` pixels, as short as needed.
std::string fit_id_to(ImFont* font, float size, const std::string& id, float width);

// A name in at most `max_lines` lines of at most `width` pixels each, the most readable form that
// fits: whole on one line; wrapped at spaces; without a trailing parenthesis ("Bitnova (exchange)"
// is "Bitnova": the node's colour and marker already say what it is); with its middle words
// shortened to their initial ("Hospital R. San Rafael"); only then cut with "…".
std::vector<std::string> name_lines(ImFont* font, float size, std::string_view name, float width,
                                    int max_lines);

// What a transfer was worth when it was made, beside its amount: "≈ USD 157,768" ("≈ 157,768
// USD" in Spanish), whole dollars from 10 USD up, cents below. Never "$", which reads as pesos in
// Mexico. `cents` is never negative.
std::string usd_value_text(std::int64_t cents);

// Lines joined by '\n': how a multi-line label is recorded for tests.
std::string joined_lines(const std::vector<std::string>& lines);

}  // namespace mt::ui
