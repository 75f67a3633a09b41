// `moneytrail play [SCENARIO]`: the investigator interface.
#include <memory>

#include "app/commands.hpp"
#include "platform/gui_app.hpp"

namespace mt {
namespace {
GuiOptions& play_options() {
    static GuiOptions options;
    return options;
}
}  // namespace

CLI::App* register_play(CLI::App& app, int& exit_code) {
    GuiOptions& o = play_options();
    auto scenario = std::make_shared<std::string>();
    auto screenshot = std::make_shared<std::string>();
    auto journal = std::make_shared<std::string>();
    CLI::App* cmd =
        app.add_subcommand("play", "Open the investigator interface (the default command)");
    cmd->add_option(
        "scenario", *scenario,
        "Case-study YAML file (default: the default case; the Case menu opens the picker)");
    cmd->add_option("--lang", o.language, "Interface language: en or es")
        ->check(CLI::IsMember({"en", "es"}));
    cmd->add_option("--scale", o.scale,
                    "Presenter scale, e.g. 1.5 for a projector (default: from the monitor)")
        ->check(CLI::Range(0.5f, 4.0f));
    cmd->add_option("--journal", *journal, "Session journal to resume or create");
    cmd->add_option("--frames", o.frames, "Render this many frames, then exit (with --screenshot)")
        ->check(CLI::Range(1, 100000));
    cmd->add_option("--screenshot", *screenshot, "Write the last frame to this PNG file");
    cmd->add_option("--width", o.width, "Window width in pixels")->check(CLI::Range(640, 7680));
    cmd->add_option("--height", o.height, "Window height in pixels")->check(CLI::Range(480, 4320));
    cmd->add_option("--show", o.show_tab,
                    "Bring a panel tab to the front: briefing, checkpoints, hints, timeline, "
                    "inspector, tools, legal or documents")
        ->check(CLI::IsMember({"briefing", "checkpoints", "hints", "timeline", "inspector", "tools",
                               "legal", "documents"}));
    cmd->add_option("--select", o.select, "Select this address or transaction when the case opens");
    auto picker = std::make_shared<bool>(false);
    cmd->add_flag("--picker", *picker, "Start at the case list instead of a case");
    cmd->add_flag("--startup-report", o.startup_report,
                  "After the first frame is on screen, print how long each start-up phase took "
                  "(wall and process CPU, in ms)");
    cmd->callback([&o, scenario, screenshot, journal, picker, &exit_code] {
        if (*picker)
            o.scenario.clear();
        else
            o.scenario = scenario->empty() ? default_scenario() : std::filesystem::path(*scenario);
        o.screenshot = *screenshot;
        o.journal = *journal;
        o.scenarios_dir = scenarios_directory();
        exit_code = run_gui(o);
    });
    return cmd;
}

int run_default_play() {
    GuiOptions o = play_options();
    o.scenario = default_scenario();
    o.scenarios_dir = scenarios_directory();
    return run_gui(o);
}

}  // namespace mt
