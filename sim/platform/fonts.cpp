#include "platform/fonts.hpp"

#include <cstdlib>
#include <filesystem>
#include <set>

#include "i18n/catalogue.hpp"

namespace mt::platform {
namespace {

namespace fs = std::filesystem;

// Where the DejaVu files are: $MT_FONT_DIR, then Debian's fonts-dejavu-core.
fs::path font_path(const char* file) {
    if (const char* dir = std::getenv("MT_FONT_DIR"); dir && *dir) {
        fs::path candidate = fs::path(dir) / file;
        if (fs::exists(candidate)) return candidate;
    }
    return fs::path(MT_SYSTEM_FONT_DIR) / file;
}

ImFont* add_font(ImGuiIO& io, const fs::path& path, float size,
                 std::vector<std::string>& warnings) {
    static std::set<std::string> warned;
    std::error_code ec;
    if (!fs::is_regular_file(path, ec)) {
        if (warned.insert(path.string()).second)
            warnings.push_back(trf("platform.font_missing", {path.string()}));
        return nullptr;
    }
    ImFontConfig config;
    config.OversampleH = 2;
    config.OversampleV = 1;
    return io.Fonts->AddFontFromFileTTF(path.c_str(), size, &config, interface_glyph_ranges());
}

}  // namespace

const ImWchar* interface_glyph_ranges() {
    static const ImWchar ranges[] = {
        0x0020, 0x00FF,  // Basic Latin, Latin-1 (á é í ó ú ñ ü ¿ ¡ · ×)
        0x0100, 0x017F,  // Latin Extended-A (names)
        0x2000, 0x206F,  // General Punctuation (… — ‘ ’ “ ”)
        0x20A0, 0x20CF,  // Currency Symbols (€ ₿)
        0x2190, 0x21FF,  // Arrows (→ ←)
        0x2200, 0x22FF,  // Mathematical Operators (− ≈ ≤)
        0x25A0, 0x25FF,  // Geometric Shapes (○ ●)
        0x2700, 0x27BF,  // Dingbats (✓ ✗ ✎)
        0,
    };
    return ranges;
}

ui::UiFonts build_fonts(ImGuiIO& io, float pixel_size, std::vector<std::string>& warnings,
                        const fs::path& body_font) {
    io.Fonts->Clear();
    // The texture is as tall as the glyphs need, not rounded up to a power of two: at scale 1 the
    // atlas of these four fonts is 1024 x 1118 pixels, which a power of two would make 1024 x 2048
    // (twice the memory to convert to RGBA and upload at start-up, for nothing; OpenGL 3.3 takes
    // any size).
    io.Fonts->Flags |= ImFontAtlasFlags_NoPowerOfTwoHeight;
    ui::UiFonts fonts;
    fonts.body = add_font(io, body_font.empty() ? font_path("DejaVuSans.ttf") : body_font,
                          pixel_size, warnings);
    if (!fonts.body) {
        // Without the body font the built-in one stands in for all (ASCII only, fixed size).
        ImFontConfig config;
        config.SizePixels = pixel_size;
        io.Fonts->AddFontDefault(&config);
        return ui::UiFonts{};
    }
    fonts.bold = add_font(io, font_path("DejaVuSans-Bold.ttf"), pixel_size, warnings);
    fonts.mono = add_font(io, font_path("DejaVuSansMono.ttf"), pixel_size * 0.95f, warnings);
    fonts.title = add_font(io, font_path("DejaVuSans-Bold.ttf"), pixel_size * 1.5f, warnings);
    // A missing variant falls back to the body font, so views never push a null font.
    if (!fonts.bold) fonts.bold = fonts.body;
    if (!fonts.mono) fonts.mono = fonts.body;
    if (!fonts.title) fonts.title = fonts.body;
    io.FontDefault = fonts.body;
    return fonts;
}

}  // namespace mt::platform
