#pragma once
// A GLFW window with an OpenGL 3.3 core context, functions loaded through glad.
#include <string>

struct GLFWwindow;

namespace mt {

class GlWindow {
public:
    // On failure window() is null and error() says why (no display, no OpenGL 3.3).
    GlWindow(int width, int height, const std::string& title, bool visible);
    ~GlWindow();
    GlWindow(const GlWindow&) = delete;
    GlWindow& operator=(const GlWindow&) = delete;

    GLFWwindow* window() const { return window_; }
    const std::string& error() const { return error_; }
    // The monitor's content scale (1 on a standard-DPI screen, 2 on a Retina-class one).
    float content_scale() const;

private:
    GLFWwindow* window_ = nullptr;
    bool glfw_ready_ = false;
    std::string error_;
};

}  // namespace mt
