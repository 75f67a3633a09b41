#include "platform/desktop_app.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <fstream>

#include <glad/gl.h>
// After glad, so GLFW does not include the system GL header.
#include <GLFW/glfw3.h>
#include <backends/imgui_impl_glfw.h>
#include <backends/imgui_impl_opengl3.h>

#include "i18n/catalogue.hpp"
#include "platform/font_file.hpp"
#include "platform/fonts.hpp"
#include "platform/screenshot.hpp"
#include "platform/theme.hpp"
#include "ui/case_report.hpp"

namespace mt::platform {
namespace {

// ImGui needs a few frames after an event to settle hover states and popups.
constexpr int kFramesAfterEvent = 3;
constexpr float kBaseFontSize = 16.0f;
constexpr float kScaleStep = 1.15f;

// Ctrl with +, = , - or 0, seen as characters so the keyboard layout decides (the '+' key is
// elsewhere on a Spanish keyboard). GLFW reports characters typed with Ctrl only to this callback.
int g_presenter_step = 0;  // +1 larger, -1 smaller, 2 reset; consumed once per frame
GLFWcharmodsfun g_previous_charmods = nullptr;

void on_char_mods(GLFWwindow* window, unsigned int codepoint, int mods) {
    if (mods & GLFW_MOD_CONTROL) {
        if (codepoint == '+' || codepoint == '=') g_presenter_step = 1;
        if (codepoint == '-') g_presenter_step = -1;
        if (codepoint == '0') g_presenter_step = 2;
    }
    if (g_previous_charmods) g_previous_charmods(window, codepoint, mods);
}

// Case reports sit beside the journals: $XDG_DATA_HOME/moneytrail/reports or
// ~/.local/share/moneytrail/reports. The status bar names the file after each export.
std::filesystem::path report_directory() {
    return default_journal_directory().parent_path() / "reports";
}

}  // namespace

std::unique_ptr<DesktopApp> DesktopApp::create(const GuiOptions& options) {
    set_interface_language(options.language);
    std::unique_ptr<DesktopApp> app(new DesktopApp());
    app->options_ = options;
    WindowFailure failure;
    // Test and documentation runs (--frames) draw as fast as they can.
    app->window_ =
        Window::open(tr("app.title"), options.width, options.height, options.frames == 0, failure);
    if (!app->window_) {
        const std::string message = failure.no_display
                                        ? trf("platform.no_display", {failure.reason})
                                        : trf("platform.no_opengl", {failure.reason});
        std::fprintf(stderr, "%s\n", message.c_str());
        return nullptr;
    }
    app->startup_->mark("platform.startup.window");

    IMGUI_CHECKVERSION();
    app->imgui_ = ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;  // the layout is computed from the window size; nothing to save
    io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
    g_previous_charmods = glfwSetCharModsCallback(app->window_->handle(), on_char_mods);
    // Installs ImGui's callbacks, which chain to the ones set before.
    if (!ImGui_ImplGlfw_InitForOpenGL(app->window_->handle(), true) ||
        !ImGui_ImplOpenGL3_Init("#version 330 core")) {
        std::fprintf(stderr, "%s\n", tr("platform.no_loader"));
        return nullptr;
    }
    app->backends_ready_ = true;
    app->view_.state().presenter_scale = 1.0f;
    std::vector<std::string> font_warnings;
    app->body_font_ = usable_font(requested_font(options.font), font_warnings);
    for (const std::string& warning : font_warnings) std::fprintf(stderr, "%s\n", warning.c_str());
    app->apply_scale();
    app->startup_->mark("platform.startup.fonts");

    app->host_ = std::make_unique<SessionHost>(options.scenarios_dir, default_journal_directory(),
                                               options.journal);
    app->host_->set_startup_report(app->startup_.get());
    // A seminar's reply arrives on its worker thread: wake the event loop to show it.
    app->host_->set_wake([] { glfwPostEmptyEvent(); });
    if (!options.scenario.empty()) app->host_->open_now(options.scenario, ui::OpenMode::Resume);
    app->host_->set_startup_report(nullptr);
    return app;
}

DesktopApp::~DesktopApp() {
    if (backends_ready_) {
        ImGui_ImplOpenGL3_Shutdown();
        ImGui_ImplGlfw_Shutdown();
    }
    if (imgui_) ImGui::DestroyContext(imgui_);
    if (window_) glfwSetCharModsCallback(window_->handle(), g_previous_charmods);
    g_previous_charmods = nullptr;
}

void DesktopApp::apply_scale() {
    const float dpi = options_.scale > 0.0f ? options_.scale : window_->content_scale();
    const float scale = dpi * view_.state().presenter_scale;
    if (scale == applied_scale_) return;
    std::vector<std::string> warnings;
    ImGuiIO& io = ImGui::GetIO();
    ui::set_fonts(build_fonts(io, std::round(kBaseFontSize * scale), warnings, body_font_));
    for (const std::string& warning : warnings) std::fprintf(stderr, "%s\n", warning.c_str());
    // Rasterise the atlas now rather than inside the backend's next NewFrame, so the start-up
    // report tells the fonts' cost from the driver's.
    io.Fonts->Build();
    // The backend's next NewFrame recreates its objects, the font texture among them.
    ImGui_ImplOpenGL3_DestroyDeviceObjects();
    apply_theme(scale);
    applied_scale_ = scale;
}

void DesktopApp::presenter_keys() {
    float& scale = view_.state().presenter_scale;
    if (g_presenter_step == 1) scale = std::min(3.0f, scale * kScaleStep);
    if (g_presenter_step == -1) scale = std::max(0.6f, scale / kScaleStep);
    if (g_presenter_step == 2) scale = 1.0f;
    g_presenter_step = 0;
}

void DesktopApp::frame(bool wait) {
    if (wait && extra_frames_ == 0) {
        // Sleep until input arrives; a text cursor blinks, so wake for it while typing.
        glfwWaitEventsTimeout(ImGui::GetIO().WantTextInput ? 0.5 : 10.0);
        extra_frames_ = kFramesAfterEvent;
    } else {
        glfwPollEvents();
        if (extra_frames_ > 0) --extra_frames_;
    }
    presenter_keys();
    apply_scale();

    ImGui_ImplOpenGL3_NewFrame();
    if (startup_) startup_->mark("platform.startup.gl_objects");
    ImGui_ImplGlfw_NewFrame();
    if (input_hook_) input_hook_(ImGui::GetIO());
    ImGui::NewFrame();
    view_.draw(*host_);
    // After the first frame, which resets the view for the case it opens.
    if (!start_view_shown_) show_start_view();
    ImGui::Render();
    if (startup_) startup_->mark("platform.startup.frame_built");

    int width = 0, height = 0;
    window_->framebuffer_size(width, height);
    glViewport(0, 0, width, height);
    glClearColor(0.09f, 0.10f, 0.11f, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
    if (view_.state().export_report) export_case_report(width, height);
    if (!capture_path_.empty()) {
        screenshot_error_ = write_framebuffer_png(capture_path_, width, height);
        capture_path_.clear();
    }
    glfwSwapBuffers(window_->handle());
    if (startup_) {
        startup_->mark("platform.startup.frame_swapped");
        if (options_.startup_report) {
            std::fputs(startup_->text().c_str(), stdout);
            std::fflush(stdout);
        }
        startup_.reset();
    }

    if (host_->apply_pending(view_)) extra_frames_ = kFramesAfterEvent;
    if (host_->quit_requested()) window_->request_close();
}

void DesktopApp::export_case_report(int framebuffer_width, int framebuffer_height) {
    ui::ViewState& state = view_.state();
    state.export_report = false;
    // The casefile the views read, so a seminar trainee's remote session exports too.
    const Casefile* casefile = host_->casefile();
    if (!casefile) return;
    const std::filesystem::path folder = report_directory();
    const std::string stem = ui::case_report_stem(*casefile);
    std::error_code ec;
    std::filesystem::create_directories(folder, ec);

    // The funds graph as this frame drew it, in framebuffer pixels.
    std::string image;
    const ImVec4 canvas = view_.graph_canvas();
    const ImVec2 scale = ImGui::GetIO().DisplayFramebufferScale;
    const int x0 = std::clamp(static_cast<int>(canvas.x * scale.x), 0, framebuffer_width);
    const int y0 = std::clamp(static_cast<int>(canvas.y * scale.y), 0, framebuffer_height);
    const int x1 = std::clamp(static_cast<int>(canvas.z * scale.x), 0, framebuffer_width);
    const int y1 = std::clamp(static_cast<int>(canvas.w * scale.y), 0, framebuffer_height);
    if (x1 > x0 && y1 > y0 &&
        write_framebuffer_region_png(folder / (stem + ".png"), x0, y0, x1 - x0, y1 - y0,
                                     framebuffer_height)
            .empty())
        image = stem + ".png";

    const std::filesystem::path report = folder / (stem + ".md");
    std::ofstream out(report, std::ios::binary | std::ios::trunc);
    out << ui::case_report_markdown(*casefile, image);
    out.close();
    state.feedback.accepted = static_cast<bool>(out);
    state.feedback.text = out ? trf("ui.report.written", {report.string()})
                              : trf("ui.report.failed", {report.string()});
}

void DesktopApp::show_start_view() {
    start_view_shown_ = true;
    ui::ViewState& state = view_.state();
    if (!options_.show_tab.empty()) state.focus_tab = options_.show_tab;
    const Casefile* casefile = host_->casefile();
    const std::string& id = options_.select;
    if (id.empty() || !casefile) return;
    if (casefile->addresses.count(id))
        state.selection = {ui::Selection::Kind::Address, id};
    else if (casefile->transactions.count(id))
        state.selection = {ui::Selection::Kind::Transaction, id};
    else
        return;
    // Close enough to read the labels around it.
    state.graph.camera.zoom = 0.75f;
    state.graph.center_on = id;
}

int DesktopApp::run() {
    if (options_.frames > 0) {
        for (int i = 0; i < options_.frames && !window_->close_requested(); ++i) {
            if (i == options_.frames - 1 && !options_.screenshot.empty())
                capture_next_frame(options_.screenshot);
            frame(false);
        }
        if (!options_.screenshot.empty() && !screenshot_error_.empty()) {
            std::fprintf(stderr, "%s (%s)\n",
                         trf("platform.screenshot_failed", {options_.screenshot.string()}).c_str(),
                         screenshot_error_.c_str());
            return 1;
        }
        return 0;
    }
    while (!window_->close_requested()) frame(true);
    return 0;
}

}  // namespace mt::platform
