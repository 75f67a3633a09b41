#pragma once
// The desktop program: window, ImGui with its GLFW and OpenGL3 backends, fonts rebuilt for the
// monitor's scale and the presenter's Ctrl +/-, the investigator views over a session host, and a
// frame loop that sleeps until something happens. Tests drive it through the input hook.
#include <filesystem>
#include <functional>
#include <memory>
#include <string>

#include <imgui.h>

#include "platform/gui_app.hpp"
#include "platform/session_host.hpp"
#include "platform/startup_report.hpp"
#include "platform/window.hpp"
#include "ui/investigator_ui.hpp"

namespace mt::platform {

class DesktopApp {
  public:
    // Opens the window and the first case. On failure returns null after printing why (in the
    // interface language) on stderr.
    static std::unique_ptr<DesktopApp> create(const GuiOptions& options);
    ~DesktopApp();
    DesktopApp(const DesktopApp&) = delete;
    DesktopApp& operator=(const DesktopApp&) = delete;

    // Until the window is closed or the views ask to quit; with options.frames, that many frames
    // and then the screenshot. Returns the exit code.
    int run();

    // One frame: events, views, render, then the queued actions. `wait` sleeps until an event.
    void frame(bool wait = false);
    // Writes the next rendered frame to `path` (checked by screenshot_error() afterwards).
    void capture_next_frame(std::filesystem::path path) { capture_path_ = std::move(path); }
    const std::string& screenshot_error() const { return screenshot_error_; }

    // Called after the backends read real input and before ImGui::NewFrame: tests inject here.
    void set_input_hook(std::function<void(ImGuiIO&)> hook) { input_hook_ = std::move(hook); }

    SessionHost& host() { return *host_; }
    ui::InvestigatorUi& view() { return view_; }
    Window& window() { return *window_; }
    float applied_scale() const { return applied_scale_; }

  private:
    DesktopApp() = default;
    void apply_scale();
    // The tab and selection asked for on the command line (documentation screenshots).
    void show_start_view();
    // Writes the case report and a picture of the graph as drawn in the frame just rendered.
    void export_case_report(int framebuffer_width, int framebuffer_height);
    void presenter_keys();

    GuiOptions options_;
    std::filesystem::path body_font_;  // --font or $MT_FONT when usable; empty: the default
    std::unique_ptr<Window> window_;
    std::unique_ptr<SessionHost> host_;
    ui::InvestigatorUi view_;
    ImGuiContext* imgui_ = nullptr;
    bool backends_ready_ = false;
    float applied_scale_ = 0.0f;  // DPI x presenter scale the fonts were built for
    int extra_frames_ = 0;        // frames still to draw after the last event
    bool start_view_shown_ = false;
    std::filesystem::path capture_path_;
    std::string screenshot_error_;
    std::function<void(ImGuiIO&)> input_hook_;
    // Until the first frame is swapped (then printed with options.startup_report).
    std::unique_ptr<StartupReport> startup_ = std::make_unique<StartupReport>();
};

}  // namespace mt::platform
