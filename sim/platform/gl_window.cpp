#include "platform/gl_window.hpp"

#include <glad/gl.h>
// glad must come first: GLFW would otherwise pull in the system GL header.
#include <GLFW/glfw3.h>

namespace mt {
namespace {
std::string g_last_glfw_error;
void remember_glfw_error(int code, const char* description) {
    g_last_glfw_error = "GLFW error " + std::to_string(code) + ": " + (description ? description : "");
}
}  // namespace

GlWindow::GlWindow(int width, int height, const std::string& title, bool visible) {
    glfwSetErrorCallback(remember_glfw_error);
    if (!glfwInit()) {
        error_ = "cannot open a window: no display was found (" + g_last_glfw_error + ")";
        return;
    }
    glfw_ready_ = true;
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
    glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
    glfwWindowHint(GLFW_OPENGL_FORWARD_COMPAT, GLFW_TRUE);
    glfwWindowHint(GLFW_SCALE_TO_MONITOR, GLFW_TRUE);
    glfwWindowHint(GLFW_VISIBLE, visible ? GLFW_TRUE : GLFW_FALSE);
    window_ = glfwCreateWindow(width, height, title.c_str(), nullptr, nullptr);
    if (!window_) {
        error_ = "cannot create an OpenGL 3.3 window (" + g_last_glfw_error + ")";
        return;
    }
    glfwMakeContextCurrent(window_);
    if (gladLoadGL(reinterpret_cast<GLADloadfunc>(glfwGetProcAddress)) == 0) {
        error_ = "cannot load OpenGL 3.3 functions";
        glfwDestroyWindow(window_);
        window_ = nullptr;
        return;
    }
    glfwSwapInterval(1);
}

GlWindow::~GlWindow() {
    if (window_) glfwDestroyWindow(window_);
    if (glfw_ready_) glfwTerminate();
}

float GlWindow::content_scale() const {
    float x = 1.0f, y = 1.0f;
    if (window_) glfwGetWindowContentScale(window_, &x, &y);
    return x > 0.0f ? x : 1.0f;
}

}  // namespace mt
