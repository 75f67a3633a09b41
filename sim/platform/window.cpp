#include "platform/window.hpp"

#include <glad/gl.h>
// After glad: GLFW must not pull in the system's GL header.
#include <GLFW/glfw3.h>

namespace mt::platform {
namespace {

std::string& last_glfw_error() {
    static std::string text;
    return text;
}

void remember_error(int code, const char* description) {
    last_glfw_error() = description ? description : "GLFW error " + std::to_string(code);
}

}  // namespace

std::unique_ptr<Window> Window::open(const std::string& title, int width, int height, bool vsync,
                                     WindowFailure& failure) {
    glfwSetErrorCallback(remember_error);
    last_glfw_error().clear();
    if (!glfwInit()) {
        // On X11 and Wayland, initialisation fails exactly when there is no display to talk to.
        failure.no_display = true;
        failure.reason = last_glfw_error().empty() ? "glfwInit failed" : last_glfw_error();
        return nullptr;
    }
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
    glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
    glfwWindowHint(GLFW_OPENGL_FORWARD_COMPAT, GLFW_TRUE);
    glfwWindowHint(GLFW_SCALE_TO_MONITOR, GLFW_TRUE);
    GLFWwindow* window = glfwCreateWindow(width, height, title.c_str(), nullptr, nullptr);
    if (!window) {
        failure.reason = last_glfw_error().empty() ? "glfwCreateWindow failed" : last_glfw_error();
        glfwTerminate();
        return nullptr;
    }
    glfwMakeContextCurrent(window);
    if (gladLoadGL(glfwGetProcAddress) == 0) {
        failure.reason = "gladLoadGL failed";
        glfwDestroyWindow(window);
        glfwTerminate();
        return nullptr;
    }
    glfwSwapInterval(vsync ? 1 : 0);
    return std::unique_ptr<Window>(new Window(window));
}

Window::~Window() {
    glfwDestroyWindow(window_);
    glfwTerminate();
}

float Window::content_scale() const {
    float x = 1.0f, y = 1.0f;
    glfwGetWindowContentScale(window_, &x, &y);
    return x > 0.0f ? x : 1.0f;
}

void Window::framebuffer_size(int& width, int& height) const {
    glfwGetFramebufferSize(window_, &width, &height);
}

bool Window::close_requested() const {
    return glfwWindowShouldClose(window_) != 0;
}

void Window::request_close() {
    glfwSetWindowShouldClose(window_, GLFW_TRUE);
}

void Window::set_title(const std::string& title) {
    glfwSetWindowTitle(window_, title.c_str());
}

}  // namespace mt::platform
