#include "web/web_app.hpp"

#include <GLES3/gl3.h>
#include <GLFW/glfw3.h>
#include <backends/imgui_impl_glfw.h>
#include <backends/imgui_impl_opengl3.h>
#include <emscripten.h>

#include <cmath>
#include <cstdio>

#include "i18n/catalogue.hpp"
#include "platform/fonts.hpp"
#include "platform/theme.hpp"
#include "web/page.hpp"

namespace mt::web {
namespace {

constexpr float kBaseFontSize = 16.0f;
// A blinking text cursor and the server's replies are seen at least this often without input.
constexpr double kIdleRedrawMs = 500.0;
constexpr const char* kLanguageKey = "moneytrail.language";

WebApp* g_app = nullptr;  // for the GLFW callbacks, which take no user pointer here

// Chained in front of ImGui's own callbacks: any input wakes the frame loop.
void on_cursor(GLFWwindow*, double, double) {
    if (g_app) g_app->input_arrived();
}
void on_button(GLFWwindow*, int, int, int) {
    if (g_app) g_app->input_arrived();
}
// Installed after ImGui's callbacks (it calls ImGui's itself): the browser's wheel deltas are
// turned into GLFW's notches first, or one notch down scrolled about a hundred notches up.
void on_scroll(GLFWwindow* window, double dx, double dy) {
    const double per_notch = wheel_units_per_notch();
    ImGui_ImplGlfw_ScrollCallback(window, -dx / per_notch, -dy / per_notch);
    if (g_app) g_app->input_arrived();
}
void on_key(GLFWwindow*, int, int, int, int) {
    if (g_app) g_app->input_arrived();
}
void on_char(GLFWwindow*, unsigned int) {
    if (g_app) g_app->input_arrived();
}

void set_clipboard(void*, const char* text) {
    copy_to_clipboard(text ? text : "");
}

const char* get_clipboard(void*) {
    static std::string text;
    text = pasted_text();
    return text.c_str();
}

}  // namespace

std::unique_ptr<WebApp> WebApp::create() {
    std::string language = stored(kLanguageKey);
    set_interface_language(language.empty() ? browser_language() : language);
    if (!glfwInit()) return nullptr;
    // WebGL2 only: ImGui's OpenGL3 backend draws with GLSL ES 3.00.
    glfwWindowHint(GLFW_CLIENT_API, GLFW_OPENGL_ES_API);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 0);
    const CanvasSize size = canvas_size();
    const int width =
        static_cast<int>(std::lround(static_cast<float>(size.css_width) * size.pixel_ratio));
    const int height =
        static_cast<int>(std::lround(static_cast<float>(size.css_height) * size.pixel_ratio));
    GLFWwindow* window = glfwCreateWindow(width, height, tr("app.title"), nullptr, nullptr);
    if (!window) return nullptr;
    glfwMakeContextCurrent(window);

    std::unique_ptr<WebApp> app(new WebApp());
    g_app = app.get();
    app->window_ = window;
    app->width_ = width;
    app->height_ = height;
    app->pixel_ratio_ = size.pixel_ratio;

    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;  // the layout is computed from the canvas size
    io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
    glfwSetCursorPosCallback(window, on_cursor);
    glfwSetMouseButtonCallback(window, on_button);
    glfwSetKeyCallback(window, on_key);
    glfwSetCharCallback(window, on_char);
    // ImGui's callbacks chain to the ones above.
    if (!ImGui_ImplGlfw_InitForOpenGL(window, true) || !ImGui_ImplOpenGL3_Init("#version 300 es"))
        return nullptr;
    watch_wheel_events();
    glfwSetScrollCallback(window, on_scroll);
    app->backends_ready_ = true;
    io.SetClipboardTextFn = set_clipboard;
    io.GetClipboardTextFn = get_clipboard;
    app->view_.state().presenter_scale = 1.0f;
    app->apply_scale(size.pixel_ratio);
    app->host_.start();
    return app;
}

WebApp::~WebApp() {
    if (backends_ready_) {
        ImGui_ImplOpenGL3_Shutdown();
        ImGui_ImplGlfw_Shutdown();
    }
    if (ImGui::GetCurrentContext()) ImGui::DestroyContext();
    if (window_) glfwDestroyWindow(window_);
    g_app = nullptr;
}

void WebApp::fit_canvas() {
    const CanvasSize size = canvas_size();
    const int width =
        static_cast<int>(std::lround(static_cast<float>(size.css_width) * size.pixel_ratio));
    const int height =
        static_cast<int>(std::lround(static_cast<float>(size.css_height) * size.pixel_ratio));
    if (width != width_ || height != height_) {
        // The canvas holds device pixels and is shown at its CSS size (index.html), so text is
        // sharp on high-density screens and the mouse arrives in the same pixels ImGui uses.
        glfwSetWindowSize(window_, width, height);
        width_ = width;
        height_ = height;
        input_arrived();
    }
    if (size.pixel_ratio != pixel_ratio_) {
        pixel_ratio_ = size.pixel_ratio;  // browser zoom, or the window moved to another screen
        input_arrived();
    }
}

void WebApp::apply_scale(float pixel_ratio) {
    const float scale = pixel_ratio * view_.state().presenter_scale;
    if (scale == applied_scale_) return;
    std::vector<std::string> warnings;
    ImGuiIO& io = ImGui::GetIO();
    ui::set_fonts(platform::build_fonts(io, std::round(kBaseFontSize * scale), warnings));
    for (const std::string& warning : warnings) std::fprintf(stderr, "%s\n", warning.c_str());
    io.Fonts->Build();
    ImGui_ImplOpenGL3_DestroyDeviceObjects();  // the next NewFrame uploads the new atlas
    platform::apply_theme(scale);
    applied_scale_ = scale;
}

void WebApp::frame() {
    const double now = emscripten_get_now();
    fit_canvas();
    if (host_.update(view_)) input_arrived();
    if (host_.connection_lost() != lost_shown_) {
        lost_shown_ = host_.connection_lost();
        show_banner(lost_shown_ ? tr("web.connection_lost") : "");
    }
    // Nothing new and nothing moving: leave the last frame on screen (laptops on battery).
    if (frames_left_ == 0 && now - last_drawn_ms_ < kIdleRedrawMs) return;
    if (frames_left_ > 0) --frames_left_;
    last_drawn_ms_ = now;

    apply_scale(pixel_ratio_);
    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplGlfw_NewFrame();
    ImGui::NewFrame();
    view_.draw(host_);
    ImGui::Render();
    glViewport(0, 0, width_, height_);
    glClearColor(0.09f, 0.10f, 0.11f, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());

    if (interface_language() != language_) {
        // The trainee's choice in the Language menu holds after a reload.
        language_ = interface_language();
        store(kLanguageKey, language_);
        if (lost_shown_) show_banner(tr("web.connection_lost"));
    }
    if (first_frame_) {
        first_frame_ = false;
        first_frame_shown();
    }
}

}  // namespace mt::web
