#pragma once
// Runs the investigator interface in a plain ImGui context with no window and no GL (as ImGui's
// example_null does), and drives it the way a trainee would: ImGui 1.86 input is injected by
// writing io.MousePos, io.MouseDown[], io.KeysDown[] and io.AddInputCharacter across frames.
#include <string>
#include <string_view>

#include <imgui.h>

#include "ui/investigator_ui.hpp"
#include "ui/ui_host.hpp"

namespace mt::test {

// A current ImGui context with no window and no GL: the given display size, 60 frames a second,
// keys mapped to themselves and the default font built.
ImGuiContext* create_headless_context(float width, float height);

class HeadlessUi {
  public:
    HeadlessUi(ui::InvestigatorUi& view, ui::UiHost& host, float width = 1600.0f,
               float height = 900.0f);
    ~HeadlessUi();
    HeadlessUi(const HeadlessUi&) = delete;
    HeadlessUi& operator=(const HeadlessUi&) = delete;

    // One frame: new frame, draw the interface, render (into draw lists nobody displays).
    void frame();
    void frames(int count);

    // Where a probed item was in the last frame; fails the test when it was not drawn.
    ImVec2 centre_of(std::string_view probe_key) const;
    bool drawn(std::string_view probe_key) const;

    void move_to(ImVec2 at);
    void click_at(ImVec2 at, int button = 0);
    void double_click_at(ImVec2 at);
    // Clicks a probed item where the current frame draws it (popups and modals settle their place
    // one frame after they appear, so a frame is drawn first).
    void click(std::string_view probe_key, int button = 0) {
        frame();
        click_at(centre_of(probe_key), button);
    }
    void double_click(std::string_view probe_key) {
        frame();
        double_click_at(centre_of(probe_key));
    }
    void drag(ImVec2 from, ImVec2 to, int button = 0, int steps = 4);
    void wheel(ImVec2 at, float turns);
    void type(std::string_view utf8);
    void press(ImGuiKey key, bool ctrl = false);

    // Total vertices of the last frame: shows that something was drawn.
    int vertex_count() const;

  private:
    ui::InvestigatorUi& view_;
    ui::UiHost& host_;
    ImGuiContext* context_ = nullptr;
};

}  // namespace mt::test
