#include "seminar/display_text.hpp"

#include <cstdint>
#include <vector>

namespace mt::seminar {
namespace {

// Decodes UTF-8 strictly (no overlongs, no surrogates, nothing above U+10FFFF).
bool decode_utf8(std::string_view s, std::vector<char32_t>& out) {
    std::size_t i = 0;
    while (i < s.size()) {
        const auto b0 = static_cast<unsigned char>(s[i]);
        std::size_t extra = 0;
        char32_t cp = 0;
        char32_t min = 0;
        if (b0 < 0x80) {
            cp = b0;
        } else if ((b0 & 0xE0) == 0xC0) {
            extra = 1, cp = b0 & 0x1Fu, min = 0x80;
        } else if ((b0 & 0xF0) == 0xE0) {
            extra = 2, cp = b0 & 0x0Fu, min = 0x800;
        } else if ((b0 & 0xF8) == 0xF0) {
            extra = 3, cp = b0 & 0x07u, min = 0x10000;
        } else {
            return false;
        }
        if (i + extra >= s.size() && extra > 0) return false;  // cut short
        for (std::size_t k = 1; k <= extra; ++k) {
            const auto b = static_cast<unsigned char>(s[i + k]);
            if ((b & 0xC0) != 0x80) return false;
            cp = (cp << 6) | (b & 0x3Fu);
        }
        if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return false;
        out.push_back(cp);
        i += extra + 1;
    }
    return true;
}

void encode_utf8(char32_t cp, std::string& out) {
    if (cp < 0x80) {
        out.push_back(static_cast<char>(cp));
    } else if (cp < 0x800) {
        out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else if (cp < 0x10000) {
        out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else {
        out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    }
}

bool is_space(char32_t cp) {
    return cp == U' ' || cp == U'\t' || cp == 0xA0 || cp == 0x3000;
}

// C0/C1 controls (tabs and newlines included: names are one line), bidirectional overrides and
// isolates, zero-width characters, and the byte-order mark.
bool is_forbidden(char32_t cp) {
    if (cp < 0x20 || (cp >= 0x7F && cp <= 0x9F)) return cp != U'\t';
    if (cp >= 0x200B && cp <= 0x200F) return true;
    if (cp >= 0x202A && cp <= 0x202E) return true;
    if (cp >= 0x2060 && cp <= 0x2069) return true;
    return cp == 0xFEFF || (cp >= 0xFFF9 && cp <= 0xFFFB);
}

}  // namespace

CleanText clean_display_text(std::string_view input, std::string_view field, std::size_t min_chars,
                             std::size_t max_chars) {
    CleanText out;
    const auto problem = [&](const char* key) {
        return Message(key).term("field", std::string(field));
    };
    const Message too_long = problem("seminar.text.too_long").arg("max", max_chars);
    // Bound the work before decoding: four bytes per code point at most.
    if (input.size() > max_chars * 4 + 64) {
        out.error = too_long;
        return out;
    }
    std::vector<char32_t> cps;
    if (!decode_utf8(input, cps)) {
        out.error = problem("seminar.text.not_utf8");
        return out;
    }
    std::vector<char32_t> kept;
    for (char32_t cp : cps) {
        if (is_forbidden(cp)) {
            out.error = problem("seminar.text.control_character");
            return out;
        }
        if (is_space(cp)) {
            if (!kept.empty() && kept.back() != U' ') kept.push_back(U' ');
        } else {
            kept.push_back(cp);
        }
    }
    if (!kept.empty() && kept.back() == U' ') kept.pop_back();
    if (kept.size() < min_chars) {
        out.error = problem("seminar.text.required");
        return out;
    }
    if (kept.size() > max_chars) {
        out.error = too_long;
        return out;
    }
    for (char32_t cp : kept) encode_utf8(cp, out.text);
    return out;
}

std::string name_key(std::string_view cleaned_name) {
    std::vector<char32_t> cps;
    if (!decode_utf8(cleaned_name, cps)) return std::string(cleaned_name);
    std::string out;
    for (char32_t cp : cps) {
        if (cp >= U'A' && cp <= U'Z')
            cp += 0x20;
        else if (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7)
            cp += 0x20;  // À..Þ except ×
        encode_utf8(cp, out);
    }
    return out;
}

}  // namespace mt::seminar
