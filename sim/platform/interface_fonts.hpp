#pragma once
// The interface fonts: DejaVu Sans (Debian's fonts-dejavu-core) with the glyphs Spanish text,
// arrows and currency symbols need, at a size scaled for the screen or a projector.
#include <string>

namespace mt {

// Rebuilds ImGui's font atlas at `scale`. Returns a warning (empty when none): a missing font file
// falls back to ImGui's built-in font, which lacks arrows and some symbols, but never fails.
std::string load_interface_fonts(float scale);

}  // namespace mt
