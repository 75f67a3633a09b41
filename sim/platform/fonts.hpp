#pragma once
// The interface fonts: DejaVu Sans (body, bold, a larger title) and DejaVu Sans Mono (addresses,
// hashes), with glyphs for Spanish, arrows, currency signs and the few symbols the views draw.
#include <filesystem>
#include <string>
#include <vector>

#include "ui/widgets.hpp"

namespace mt::platform {

// The glyph ranges loaded from every font (zero-terminated pairs, as ImGui wants them).
const ImWchar* interface_glyph_ranges();

// Rebuilds io.Fonts at `pixel_size` (16 at scale 1), the body text in `body_font` when one is
// given (a file platform/font_file.hpp found usable), else in DejaVu Sans. A missing font file
// adds a warning (once per file and process, naming the file) and falls back to ImGui's built-in
// font.
ui::UiFonts build_fonts(ImGuiIO& io, float pixel_size, std::vector<std::string>& warnings,
                        const std::filesystem::path& body_font = {});

}  // namespace mt::platform
