#pragma once
// The browser program: a GLFW window on the page's canvas (emscripten's GLFW port) with a WebGL2
// context, ImGui with its GLFW and OpenGL3 backends (#version 300 es), the interface fonts built
// for the device pixel ratio, and the investigator views over the seminar host. The browser calls
// frame() on every animation frame.
#include <memory>

#include "ui/investigator_ui.hpp"
#include "web/web_host.hpp"

struct GLFWwindow;

namespace mt::web {

class WebApp {
  public:
    // Null when no WebGL2 context could be made (the page then says so).
    static std::unique_ptr<WebApp> create();
    ~WebApp();
    WebApp(const WebApp&) = delete;
    WebApp& operator=(const WebApp&) = delete;

    void frame();

    ui::InvestigatorUi& view() { return view_; }
    WebHost& host() { return host_; }
    float pixel_ratio() const { return pixel_ratio_; }
    // Set by the input callbacks: something happened that the views must see.
    void input_arrived() { frames_left_ = kFramesAfterEvent; }

  private:
    // ImGui needs a few frames after an event to settle hover states and popups.
    static constexpr int kFramesAfterEvent = 3;
    WebApp() = default;
    void fit_canvas();
    void apply_scale(float pixel_ratio);

    GLFWwindow* window_ = nullptr;
    bool backends_ready_ = false;
    ui::InvestigatorUi view_;
    WebHost host_;
    int width_ = 0;  // canvas size in device pixels, which ImGui works in
    int height_ = 0;
    float pixel_ratio_ = 1.0f;
    float applied_scale_ = 0.0f;
    int frames_left_ = kFramesAfterEvent;
    double last_drawn_ms_ = 0.0;
    bool first_frame_ = true;
    bool lost_shown_ = false;
    std::string language_;
};

}  // namespace mt::web
