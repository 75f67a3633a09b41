#pragma once
// The desktop program: a GLFW window with OpenGL 3.3 (loaded by glad) running the ImGui views.
#include <filesystem>
#include <string>

namespace mt {

struct GuiOptions {
    std::filesystem::path scenario;       // empty: start at the case picker
    std::filesystem::path scenarios_dir;  // where the case picker looks
    std::filesystem::path journal;        // empty: default journal next to the user's data
    std::string language = "en";          // "en" or "es"
    float scale = 0.0f;                   // 0: from the monitor's DPI
    int frames = 0;                       // >0: render this many frames, then exit (tests, docs)
    std::filesystem::path screenshot;     // with frames: write the last frame as PNG
    std::string show_tab;  // a panel tab to bring to the front: "tools", "legal", "timeline", ...
    std::string select;    // an address or transaction of the casefile to select at start
    bool startup_report = false;  // print the start-up phases after the first frame is swapped
    std::filesystem::path font;   // --font: the body font file; empty: $MT_FONT, else DejaVu Sans
    int width = 1600;
    int height = 900;
};

// Returns the process exit code; prints a clear message (no crash) when no display is available.
int run_gui(const GuiOptions& options);

}  // namespace mt
