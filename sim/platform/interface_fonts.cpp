#include "platform/interface_fonts.hpp"

#include <imgui.h>

#include <filesystem>

namespace mt {
namespace {

constexpr float kBaseSize = 16.0f;

// Latin-1 (Spanish), general punctuation (… · — “ ”), currency (€ ₿), arrows (→ ←), math
// operators (≈ ≥), geometric shapes (● ▶ ■) and check marks (✓ ✗).
constexpr ImWchar kGlyphRanges[] = {
    0x0020, 0x00FF, 0x0100, 0x017F, 0x2010, 0x205E, 0x20A0, 0x20CF, 0x2190, 0x21FF,
    0x2200, 0x22FF, 0x25A0, 0x25FF, 0x2713, 0x2717, 0,
};

const char* const kFontCandidates[] = {
    "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
    "/usr/share/fonts/dejavu/DejaVuSans.ttf",
};
const char* const kMonoCandidates[] = {
    "/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf",
    "/usr/share/fonts/dejavu/DejaVuSansMono.ttf",
};

template <std::size_t N>
const char* first_existing(const char* const (&candidates)[N]) {
    std::error_code ec;
    for (const char* path : candidates)
        if (std::filesystem::is_regular_file(path, ec)) return path;
    return nullptr;
}

}  // namespace

std::string load_interface_fonts(float scale) {
    ImGuiIO& io = ImGui::GetIO();
    io.Fonts->Clear();
    const float size = kBaseSize * scale;
    ImFontConfig config;
    config.OversampleH = 2;
    const char* sans = first_existing(kFontCandidates);
    if (!sans || !io.Fonts->AddFontFromFileTTF(sans, size, &config, kGlyphRanges)) {
        ImFontConfig fallback;
        fallback.SizePixels = size;
        io.Fonts->AddFontDefault(&fallback);
        return "DejaVu Sans was not found (install Debian's fonts-dejavu-core); using ImGui's built-in font, "
               "which lacks arrows and some symbols";
    }
    // A monospaced face for addresses and hashes, as the second font of the atlas.
    if (const char* mono = first_existing(kMonoCandidates)) io.Fonts->AddFontFromFileTTF(mono, size, &config, kGlyphRanges);
    return {};
}

}  // namespace mt
