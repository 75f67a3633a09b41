#pragma once
// The instructor console's view in a headless ImGui context (no window, no GL), clicked through its
// probed items as an instructor would, for the console's tests and the layout grid.
#include <string>
#include <vector>

#include <imgui.h>

#include "ui/console_window.hpp"

namespace mt::test {

class HeadlessConsole {
  public:
    explicit HeadlessConsole(float width = 1600.0f, float height = 900.0f);
    ~HeadlessConsole();
    HeadlessConsole(const HeadlessConsole&) = delete;
    HeadlessConsole& operator=(const HeadlessConsole&) = delete;

    void frame();
    void frames(int count);
    bool drawn(const std::string& key) const;
    // Clicks a probed item where the current frame draws it; fails the test when it is not drawn.
    void click(const std::string& key);
    void type(const char* utf8);

    ui::ConsoleModel model;
    ui::ConsoleWindow view;
    std::vector<ui::ConsoleCommand> sent;

  private:
    ImGuiContext* context_ = nullptr;
};

// A room of 35 trainees part-way through a case, as a seminar has them: long Spanish names,
// agencies, some working, some idle, some submitted; two checkpoints, objectives and penalties.
ui::ConsoleModel room_of_35(const std::string& state);

}  // namespace mt::test
