// `moneytrail console`: the instructor's console window for a running seminar (on this machine
// or another), and `moneytrail join`: the investigator interface joined to a seminar.
#include <iostream>
#include <memory>

#include "app/commands.hpp"
#include "platform/console_app.hpp"
#include "platform/desktop_app.hpp"

namespace mt {
namespace {

void add_window_options(CLI::App* cmd, std::string& language, float& scale, int& frames,
                        std::string& screenshot) {
    cmd->add_option("--lang", language, "Interface language: en or es")
        ->check(CLI::IsMember({"en", "es"}));
    cmd->add_option("--scale", scale, "Presenter scale, e.g. 1.5 for a projector")
        ->check(CLI::Range(0.5f, 4.0f));
    cmd->add_option("--frames", frames, "Render this many frames, then exit (with --screenshot)")
        ->check(CLI::Range(1, 100000));
    cmd->add_option("--screenshot", screenshot, "Write the last frame to this PNG file");
}

struct JoinOptions {
    platform::SeminarJoin join;
    GuiOptions gui;
    std::string screenshot;
};

int join_and_play(JoinOptions& o) {
    o.gui.screenshot = o.screenshot;
    o.gui.scenarios_dir = scenarios_directory();
    auto app = platform::DesktopApp::create(o.gui);
    if (!app) return kExitFailure;
    if (!app->host().join_now(o.join)) {
        std::cerr << "moneytrail join: " << app->host().seminar_join_form()->error << '\n';
        return kExitFailure;
    }
    return app->run();
}

}  // namespace

void register_console(CLI::App& app, int& exit_code) {
    auto o = std::make_shared<ConsoleOptions>();
    auto screenshot = std::make_shared<std::string>();
    auto export_dir = std::make_shared<std::string>(".");
    CLI::App* cmd = app.add_subcommand(
        "console", "Open the instructor's console for a running seminar (moneytrail serve)");
    cmd->add_option("--host", o->host, "The seminar server's address")->capture_default_str();
    cmd->add_option("--port", o->port, "The seminar server's port")
        ->check(CLI::Range(1, 65535))
        ->capture_default_str();
    cmd->add_option("--secret", o->secret, "The instructor secret printed by moneytrail serve")
        ->required();
    cmd->add_option("--export-dir", *export_dir, "Where Export writes results.csv and results.json")
        ->capture_default_str();
    cmd->add_option("--browser-url", o->browser_url,
                    "The address trainees open in a browser, shown large with a QR code "
                    "(serve --console shows it by itself)");
    add_window_options(cmd, o->language, o->scale, o->frames, *screenshot);
    cmd->callback([o, screenshot, export_dir, &exit_code] {
        o->screenshot = *screenshot;
        o->export_dir = *export_dir;
        exit_code = run_console(*o);
    });
}

void register_join(CLI::App& app, int& exit_code) {
    auto o = std::make_shared<JoinOptions>();
    CLI::App* cmd = app.add_subcommand(
        "join", "Join a live seminar and open the investigator interface on its case");
    cmd->add_option("--host", o->join.host, "The seminar server's address")->required();
    cmd->add_option("--port", o->join.port, "The seminar server's port")
        ->check(CLI::Range(1, 65535))
        ->capture_default_str();
    cmd->add_option("--code", o->join.code, "The join code shown by the instructor")->required();
    cmd->add_option("--name", o->join.name, "Your full name")->required();
    cmd->add_option("--agency", o->join.agency, "Your agency");
    cmd->add_option("--rejoin-code", o->join.rejoin_code,
                    "To continue your session from another program or computer: the rejoin code "
                    "shown when you first joined");
    add_window_options(cmd, o->gui.language, o->gui.scale, o->gui.frames, o->screenshot);
    cmd->callback([o, &exit_code] { exit_code = join_and_play(*o); });
}

}  // namespace mt
