#pragma once
// The instructor's console: the room at a glance (join code, exercise state, who has joined and
// how far each got), the leaderboard, where the room is stuck, the penalised requests, and the
// controls (start, pause, resume, inject, hint-all, end, export). It reads a ConsoleModel and
// queues ConsoleCommands; the program around it talks to the server.
#include <string>
#include <vector>

#include "ui/console_model.hpp"
#include "ui/item_probe.hpp"

namespace mt::ui {

class ConsoleWindow {
  public:
    // Draws the whole screen; call between ImGui::NewFrame() and ImGui::Render(). Clicked
    // controls are appended to `commands`.
    void draw(const ConsoleModel& model, std::vector<ConsoleCommand>& commands);

    ItemProbe& item_probe() { return probe_; }

  private:
    void draw_header(const ConsoleModel& model, std::vector<ConsoleCommand>& commands);
    void draw_controls(const ConsoleModel& model, std::vector<ConsoleCommand>& commands);
    void draw_trainees(const ConsoleModel& model, std::vector<ConsoleCommand>& commands);
    void draw_leaderboard(const ConsoleModel& model);
    void draw_stuck(const ConsoleModel& model);
    void draw_penalised(const ConsoleModel& model);
    void draw_inject(const ConsoleModel& model, std::vector<ConsoleCommand>& commands);
    void draw_rejoin(const ConsoleModel& model, std::vector<ConsoleCommand>& commands);
    void draw_projector(const ConsoleModel& model);
    void draw_detail(const ConsoleModel& model, std::vector<ConsoleCommand>& commands);

    ItemProbe probe_;
    TraineeOrder order_;
    std::string inject_en_;
    std::string inject_es_;
    std::string detail_;      // the trainee drilled into, or empty
    bool projector_ = false;  // only what the room needs to see: how to join, how far it got
};

}  // namespace mt::ui
