#pragma once
// The trainee's own interface font: `--font FILE` or $MT_FONT instead of DejaVu Sans (a font with
// the glyphs of another script, a larger design for a projector). A file that is missing or not a
// font the views can draw is named in a warning and the default font is used: never a crash.
#include <filesystem>
#include <string>
#include <vector>

namespace mt::platform {

// The body font asked for: `option` (--font) when given, else $MT_FONT; empty when neither is set.
std::filesystem::path requested_font(const std::filesystem::path& option);

// `path` when it is a TrueType or OpenType file the views can draw with; else empty, with a
// warning in `warnings` naming the file and what is wrong with it. Empty in, empty out.
std::filesystem::path usable_font(const std::filesystem::path& path,
                                  std::vector<std::string>& warnings);

}  // namespace mt::platform
