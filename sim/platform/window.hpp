#pragma once
// A GLFW window with an OpenGL 3.3 core context whose functions are loaded by glad.
#include <memory>
#include <string>

struct GLFWwindow;

namespace mt::platform {

struct WindowFailure {
    bool no_display = false;  // no graphical session at all (as opposed to no usable OpenGL)
    std::string reason;       // GLFW's own description
};

class Window {
  public:
    // Opens the window, or returns null and says why in `failure`. Never aborts.
    static std::unique_ptr<Window> open(const std::string& title, int width, int height, bool vsync,
                                        WindowFailure& failure);
    ~Window();
    Window(const Window&) = delete;
    Window& operator=(const Window&) = delete;

    GLFWwindow* handle() const { return window_; }
    // The monitor's scale for this window (1 on a classic 96-dpi screen, 2 on a typical HiDPI one).
    float content_scale() const;
    void framebuffer_size(int& width, int& height) const;
    bool close_requested() const;
    void request_close();
    void set_title(const std::string& title);

  private:
    explicit Window(GLFWwindow* window) : window_(window) {}
    GLFWwindow* window_ = nullptr;
};

}  // namespace mt::platform
