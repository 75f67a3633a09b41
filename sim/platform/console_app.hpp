#pragma once
// The instructor's console as a desktop program: a window running ui::ConsoleWindow over a
// ConsoleLink to the seminar server (in this process or on another machine).
#include <filesystem>
#include <functional>
#include <string>

namespace mt {

struct ConsoleOptions {
    std::string host = "127.0.0.1";
    int port = 8642;
    std::string secret;
    std::string browser_url;  // the page trainees open, shown large with a QR code; empty: none
    std::filesystem::path export_dir = ".";  // where Export writes results.csv / results.json
    std::string language = "en";
    float scale = 0.0f;                // 0: from the monitor's DPI
    int frames = 0;                    // >0: render this many frames, then exit (tests, docs)
    std::filesystem::path screenshot;  // with frames: write the last frame as PNG
    std::filesystem::path font;        // --font: the body font file; empty: $MT_FONT, else DejaVu
    int width = 1600;
    int height = 900;
    bool projector = false;  // open on the projector view
    std::string trainee;     // open drilled into this trainee (screenshots for the guide)
    // Asked between frames (at least twice a second); true closes the console, as when the
    // seminar server it runs beside is stopped with Ctrl+C.
    std::function<bool()> stop_requested;
};

// Returns the process exit code; prints a clear message (no crash) when no display is available.
int run_console(const ConsoleOptions& options);

}  // namespace mt
