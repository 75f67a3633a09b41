#include "gui_driver.hpp"

#include <catch2/catch.hpp>

namespace mt::test {

GuiDriver::GuiDriver(platform::DesktopApp& app) : app_(app) {
    app_.view().state().probe.enabled = true;
    app_.set_input_hook([this](ImGuiIO& io) {
        // Replace what the backend read from the (idle) real devices.
        io.MousePos = mouse_;
        for (int b = 0; b < 3; ++b) io.MouseDown[b] = down_[b];
        // Software OpenGL makes frames slow; a steady clock keeps double-clicks double-clicks.
        io.DeltaTime = 1.0f / 60.0f;
        io.MouseWheel = wheel_;
        wheel_ = 0.0f;
        if (!typed_.empty()) {
            io.AddInputCharactersUTF8(typed_.c_str());
            typed_.clear();
        }
    });
}

GuiDriver::~GuiDriver() {
    app_.set_input_hook(nullptr);
}

void GuiDriver::frames(int count) {
    for (int i = 0; i < count; ++i) app_.frame(false);
}

bool GuiDriver::drawn(std::string_view key) const {
    return app_.view().state().probe.find(key).has_value();
}

ImVec2 GuiDriver::centre_of(std::string_view key) const {
    auto rect = app_.view().state().probe.find(key);
    INFO("probe key: " << std::string(key));
    REQUIRE(rect.has_value());
    return ImVec2(rect->center_x(), rect->center_y());
}

void GuiDriver::click_at(ImVec2 at, int button) {
    mouse_ = at;
    frames(1);
    down_[button] = true;
    frames(1);
    down_[button] = false;
    frames(1);
}

void GuiDriver::click(std::string_view key, int button) {
    frames(1);
    click_at(centre_of(key), button);
}

void GuiDriver::double_click(std::string_view key) {
    frames(1);
    mouse_ = centre_of(key);
    frames(1);
    for (int i = 0; i < 2; ++i) {
        down_[0] = true;
        frames(1);
        down_[0] = false;
        frames(1);
    }
}

void GuiDriver::type(std::string_view utf8) {
    typed_ = std::string(utf8);
    frames(1);
}

void GuiDriver::scroll_into_view(std::string_view key) {
    const float bottom = ImGui::GetIO().DisplaySize.y - 4.0f;
    for (int turn = 0; turn < 40; ++turn) {
        frames(1);
        auto rect = app_.view().state().probe.find(key);
        INFO("probe key: " << std::string(key));
        REQUIRE(rect.has_value());
        if (rect->y1 < bottom && rect->y0 > 30.0f) return;
        mouse_ = ImVec2(ImGui::GetIO().DisplaySize.x * 0.5f, ImGui::GetIO().DisplaySize.y * 0.5f);
        wheel_ = rect->y1 >= bottom ? -2.0f : 2.0f;
        frames(1);
    }
    FAIL("could not scroll " << std::string(key) << " into view");
}

void GuiDriver::screenshot(const std::filesystem::path& path) {
    app_.capture_next_frame(path);
    frames(1);
    INFO(path.string() << ": " << app_.screenshot_error());
    REQUIRE(app_.screenshot_error().empty());
    REQUIRE(std::filesystem::exists(path));
}

}  // namespace mt::test
