// `moneytrail play [SCENARIO]`: the investigator interface.
#include <memory>

#include "app/commands.hpp"
#include "i18n/catalogue.hpp"
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
    o.language = environment_language();
    auto scenario = std::make_shared<std::string>();
    auto screenshot = std::make_shared<std::string>();
    auto journal = std::make_shared<std::string>();
    CLI::App* cmd = app.add_subcommand("play", tr("cli.play.help"));
    cmd->add_option("scenario", *scenario, tr("cli.play.scenario"));
    cmd->add_option("--lang", o.language, tr("cli.window.lang"))
        ->check(CLI::IsMember({"en", "es"}));
    cmd->add_option("--scale", o.scale, tr("cli.play.scale"))->check(CLI::Range(0.5f, 4.0f));
    cmd->add_option("--journal", *journal, tr("cli.play.journal"));
    cmd->add_option("--frames", o.frames, tr("cli.window.frames"))->check(CLI::Range(1, 100000));
    cmd->add_option("--screenshot", *screenshot, tr("cli.window.screenshot"));
    cmd->add_option("--font", o.font, tr("cli.window.font"));
    cmd->add_option("--width", o.width, tr("cli.play.width"))->check(CLI::Range(640, 7680));
    cmd->add_option("--height", o.height, tr("cli.play.height"))->check(CLI::Range(480, 4320));
    cmd->add_option("--show", o.show_tab, tr("cli.play.show"))
        ->check(CLI::IsMember({"briefing", "checkpoints", "hints", "timeline", "inspector", "tools",
                               "legal", "documents"}));
    cmd->add_option("--select", o.select, tr("cli.play.select"));
    auto picker = std::make_shared<bool>(false);
    cmd->add_flag("--picker", *picker, tr("cli.play.picker"));
    cmd->add_flag("--startup-report", o.startup_report, tr("cli.play.startup_report"));
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
