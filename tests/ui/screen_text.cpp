#include "screen_text.hpp"

#include <cmath>
#include <map>
#include <utility>

#include <imgui.h>

namespace mt::test {
namespace {

struct GlyphRef {
    const ImFontGlyph* glyph;
    float font_size;
};

void append_utf8(std::string& out, unsigned c) {
    if (c < 0x80) {
        out += static_cast<char>(c);
    } else if (c < 0x800) {
        out += static_cast<char>(0xC0 | (c >> 6));
        out += static_cast<char>(0x80 | (c & 0x3F));
    } else {
        out += static_cast<char>(0xE0 | (c >> 12));
        out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (c & 0x3F));
    }
}

bool is_letter(unsigned c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= 0xC0 && c <= 0x17F);
}

}  // namespace

std::vector<ScreenWord> screen_words(unsigned open_mark, unsigned close_mark) {
    // Every glyph of every font, by the texture coordinates of its top-left corner.
    // Text clipped to a box (ImGui's fine clipping) trims the glyphs at its edges: a glyph cut on
    // its left keeps its bottom-right corner, one cut on its right keeps its top-left corner.
    std::map<std::pair<float, float>, GlyphRef> glyphs;
    std::map<std::pair<float, float>, GlyphRef> glyph_ends;
    for (const ImFont* font : ImGui::GetIO().Fonts->Fonts)
        for (const ImFontGlyph& g : font->Glyphs)
            if (g.Visible) {
                glyphs.try_emplace({g.U0, g.V0}, GlyphRef{&g, font->FontSize});
                glyph_ends.try_emplace({g.U1, g.V1}, GlyphRef{&g, font->FontSize});
            }

    std::vector<ScreenWord> words;
    const ImDrawData* data = ImGui::GetDrawData();
    if (!data) return words;
    for (int l = 0; l < data->CmdListsCount; ++l) {
        const ImDrawList* list = data->CmdLists[l];
        const ImVector<ImDrawVert>& v = list->VtxBuffer;
        bool inside = false;
        ScreenWord word;
        float last_x1 = 0, last_y0 = 0, last_size = 0;
        const auto flush = [&] {
            if (!word.text.empty()) words.push_back(word);
            word = ScreenWord{};
        };
        for (int i = 0; i + 3 < v.Size; ++i) {
            const GlyphRef* ref = nullptr;
            if (const auto it = glyphs.find({v[i].uv.x, v[i].uv.y}); it != glyphs.end()) {
                // Whole, or trimmed on the right: the bottom edge is the glyph's.
                if (v[i + 2].uv.y == it->second.glyph->V1 &&
                    v[i + 2].uv.x <= it->second.glyph->U1 && v[i + 2].uv.x > it->second.glyph->U0)
                    ref = &it->second;
            }
            if (!ref) {
                const auto it = glyph_ends.find({v[i + 2].uv.x, v[i + 2].uv.y});
                if (it != glyph_ends.end() && v[i].uv.y == it->second.glyph->V0 &&
                    v[i].uv.x >= it->second.glyph->U0 && v[i].uv.x < it->second.glyph->U1)
                    ref = &it->second;
            }
            if (!ref) continue;
            const ImFontGlyph& g = *ref->glyph;
            const float height = v[i + 2].pos.y - v[i].pos.y;
            const float glyph_height = g.Y1 - g.Y0;
            if (glyph_height <= 0) continue;
            const float size = ref->font_size * height / glyph_height;
            const float x0 = v[i].pos.x, y0 = v[i].pos.y - g.Y0 * height / glyph_height;
            // A new word after a gap wider than an eighth of the font size (a space is a third), or
            // on another line.
            if (!word.text.empty() && (std::fabs(y0 - last_y0) > 1.0f ||
                                       x0 - last_x1 > 0.12f * size || x0 < last_x1 - 0.5f * size))
                flush();
            last_x1 = v[i + 2].pos.x;
            last_y0 = y0;
            last_size = size;
            i += 3;
            const unsigned c = g.Codepoint;
            if (c == open_mark) {
                inside = true;
                continue;
            }
            if (c == close_mark) {
                inside = false;
                continue;
            }
            append_utf8(word.text, c);
            word.marked.push_back(inside);
            if (!inside && is_letter(c)) word.any_unmarked_letter = true;
        }
        (void)last_size;
        flush();
    }
    return words;
}

}  // namespace mt::test
