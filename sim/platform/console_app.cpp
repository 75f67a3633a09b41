#include "platform/console_app.hpp"

#include <chrono>
#include <cmath>
#include <cstdio>

#include <glad/gl.h>
// After glad, so GLFW does not include the system GL header.
#include <GLFW/glfw3.h>
#include <backends/imgui_impl_glfw.h>
#include <backends/imgui_impl_opengl3.h>

#include "i18n/catalogue.hpp"
#include "platform/console_link.hpp"
#include "platform/font_file.hpp"
#include "platform/fonts.hpp"
#include "platform/screenshot.hpp"
#include "platform/theme.hpp"
#include "platform/window.hpp"
#include "ui/console_window.hpp"

namespace mt {
namespace {

constexpr float kBaseFontSize = 16.0f;
// The room changes every few seconds; a second is fresh enough and costs the server nothing.
constexpr std::chrono::milliseconds kRefreshEvery{1000};

class ConsoleApp {
  public:
    ConsoleApp(const ConsoleOptions& options, platform::Window& window)
        : options_(options),
          window_(window),
          link_(options.host, options.port, options.secret, options.export_dir) {
        link_.set_browser_url(options.browser_url);
    }

    int run() {
        link_.refresh(kRefreshEvery, true);
        if (options_.projector) view_.show_projector();
        if (!options_.trainee.empty()) link_.run({view_.show_trainee(options_.trainee)});
        if (options_.frames > 0) {
            for (int i = 0; i < options_.frames && !window_.close_requested(); ++i) {
                glfwPollEvents();
                const bool last = i == options_.frames - 1;
                if (!frame(last ? options_.screenshot : std::filesystem::path{})) return 1;
            }
            return 0;
        }
        while (!window_.close_requested() &&
               !(options_.stop_requested && options_.stop_requested())) {
            glfwWaitEventsTimeout(0.5);
            link_.refresh(kRefreshEvery);
            frame({});
        }
        return 0;
    }

  private:
    bool frame(const std::filesystem::path& capture) {
        ImGui_ImplOpenGL3_NewFrame();
        ImGui_ImplGlfw_NewFrame();
        ImGui::NewFrame();
        std::vector<ui::ConsoleCommand> commands;
        view_.draw(link_.model(), commands);
        ImGui::Render();
        int width = 0, height = 0;
        window_.framebuffer_size(width, height);
        glViewport(0, 0, width, height);
        glClearColor(0.09f, 0.10f, 0.11f, 1.0f);
        glClear(GL_COLOR_BUFFER_BIT);
        ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
        bool ok = true;
        if (!capture.empty()) {
            const std::string error = platform::write_framebuffer_png(capture, width, height);
            if (!error.empty()) {
                std::fprintf(stderr, "%s (%s)\n",
                             trf("platform.screenshot_failed", {capture.string()}).c_str(),
                             error.c_str());
                ok = false;
            }
        }
        glfwSwapBuffers(window_.handle());
        link_.run(commands);
        return ok;
    }

    const ConsoleOptions& options_;
    platform::Window& window_;
    platform::ConsoleLink link_;
    ui::ConsoleWindow view_;
};

}  // namespace

int run_console(const ConsoleOptions& options) {
    set_interface_language(options.language);
    platform::WindowFailure failure;
    auto window = platform::Window::open(tr("ui.console.title"), options.width, options.height,
                                         options.frames == 0, failure);
    if (!window) {
        std::fprintf(stderr, "%s\n",
                     (failure.no_display ? trf("platform.no_display", {failure.reason})
                                         : trf("platform.no_opengl", {failure.reason}))
                         .c_str());
        return 1;
    }
    IMGUI_CHECKVERSION();
    ImGuiContext* context = ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
    int code = 1;
    if (ImGui_ImplGlfw_InitForOpenGL(window->handle(), true) &&
        ImGui_ImplOpenGL3_Init("#version 330 core")) {
        const float scale = options.scale > 0.0f ? options.scale : window->content_scale();
        std::vector<std::string> warnings;
        const std::filesystem::path body_font =
            platform::usable_font(platform::requested_font(options.font), warnings);
        ui::set_fonts(
            platform::build_fonts(io, std::round(kBaseFontSize * scale), warnings, body_font));
        for (const std::string& w : warnings) std::fprintf(stderr, "%s\n", w.c_str());
        platform::apply_theme(scale);
        ConsoleApp app(options, *window);
        code = app.run();
        ImGui_ImplOpenGL3_Shutdown();
        ImGui_ImplGlfw_Shutdown();
    } else {
        std::fprintf(stderr, "%s\n", tr("platform.no_loader"));
    }
    ImGui::DestroyContext(context);
    return code;
}

}  // namespace mt
