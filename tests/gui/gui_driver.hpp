#pragma once
// Drives the real desktop program (a GLFW window under Xvfb) as a trainee would: injected mouse,
// keyboard and text reach ImGui through DesktopApp's input hook, frames render with OpenGL, and
// screenshots are read back from the framebuffer.
#include <filesystem>
#include <string>
#include <string_view>

#include <imgui.h>

#include "platform/desktop_app.hpp"

namespace mt::test {

class GuiDriver {
  public:
    explicit GuiDriver(platform::DesktopApp& app);
    ~GuiDriver();
    GuiDriver(const GuiDriver&) = delete;
    GuiDriver& operator=(const GuiDriver&) = delete;

    void frames(int count);
    bool drawn(std::string_view probe_key) const;
    ImVec2 centre_of(std::string_view probe_key) const;

    void click(std::string_view probe_key, int button = 0);
    void double_click(std::string_view probe_key);
    void type(std::string_view utf8);
    // Turns the wheel over the window until the item is inside the display (lists, the picker).
    void scroll_into_view(std::string_view probe_key);
    // Renders one frame into a PNG (and fails the test if it cannot be written).
    void screenshot(const std::filesystem::path& path);

  private:
    void click_at(ImVec2 at, int button);
    platform::DesktopApp& app_;
    ImVec2 mouse_{-1.0f, -1.0f};
    bool down_[3] = {false, false, false};
    std::string typed_;
    float wheel_ = 0.0f;
};

}  // namespace mt::test
