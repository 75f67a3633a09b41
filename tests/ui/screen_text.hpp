#pragma once
// The words the last ImGui frame put on screen, read back from its draw lists: each glyph quad is
// matched to its glyph by texture coordinates, and glyphs are joined into words by their
// positions. It sees every text, whoever drew it (widgets, tooltips, canvas labels), so a test can
// check what the trainee would read.
#include <string>
#include <vector>

namespace mt::test {

struct ScreenWord {
    std::string text;          // UTF-8
    std::vector<bool> marked;  // per code point: inside pseudo-locale marks
    bool any_unmarked_letter = false;
};

// `open_mark` and `close_mark` are code points that bracket catalogue text (a pseudo-locale's
// marks); they are dropped from the words and set `marked`.
std::vector<ScreenWord> screen_words(unsigned open_mark, unsigned close_mark);

}  // namespace mt::test
