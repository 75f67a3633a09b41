#pragma once
// Saves what the current OpenGL framebuffer shows as a PNG (for tests and documentation).
#include <filesystem>
#include <string>

namespace mt::platform {

// Reads the back buffer (call after rendering, before swapping) and writes it top row first.
// Returns an empty string on success, otherwise what went wrong.
std::string write_framebuffer_png(const std::filesystem::path& path, int width, int height);

// A part of the back buffer: `left`, `top` is its top-left corner in a framebuffer `full_height`
// high.
std::string write_framebuffer_region_png(const std::filesystem::path& path, int left, int top,
                                         int width, int height, int full_height);

}  // namespace mt::platform
