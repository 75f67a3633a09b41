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

    // What a click on the projector button or on a trainee's name does, for the command line.
    void show_projector() { projector_ = true; }
    ConsoleCommand show_trainee(const std::string& name) {
        detail_ = name;
        return {ConsoleCommandKind::TraineeDetail, {}, name};
    }

    ItemProbe& item_probe() { return probe_; }
    const ItemProbe& item_probe() const { return probe_; }

  private:
    void draw_header(const ConsoleModel& model, std::vector<ConsoleCommand>& commands);
    void draw_controls(const ConsoleModel& model, std::vector<ConsoleCommand>& commands);
    void draw_records(const ConsoleModel& model, std::vector<ConsoleCommand>& commands);
    // The trainee pane's width beside the room's, and whether the table's kept columns fit it.
    float trainees_width() const;
    bool side_by_side(const ConsoleModel& model) const;
    void draw_panes(const ConsoleModel& model, std::vector<ConsoleCommand>& commands);
    void draw_trainees(const ConsoleModel& model, std::vector<ConsoleCommand>& commands);
    void draw_trainee_cell(const ConsoleModel& model, const ConsoleTrainee& trainee,
                           TraineeColumn column, std::vector<ConsoleCommand>& commands);
    // The table width Name, Status, Score and Objectives need (the columns that never drop).
    float kept_columns_width(const ConsoleModel& model) const;
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
    std::string detail_;                     // the trainee drilled into, or empty
    std::string pane_ = "console_trainees";  // on a narrow screen: trainees or the room
    bool compact_ = false;    // one pane at a time, header and controls cut to the essentials
    bool projector_ = false;  // only what the room needs to see: how to join, how far it got
};

}  // namespace mt::ui
