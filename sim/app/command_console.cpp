// `moneytrail console`: the instructor's console window for a running seminar (on this machine
// or another), and `moneytrail join`: the investigator interface joined to a seminar.
#include <iostream>
#include <memory>

#include "app/commands.hpp"
#include "i18n/catalogue.hpp"
#include "platform/console_app.hpp"
#include "platform/desktop_app.hpp"

namespace mt {
namespace {

void add_window_options(CLI::App* cmd, std::string& language, float& scale, int& frames,
                        std::string& screenshot, std::filesystem::path& font) {
    language = environment_language();
    cmd->add_option("--lang", language, tr("cli.window.lang"))->check(CLI::IsMember({"en", "es"}));
    cmd->add_option("--scale", scale, tr("cli.window.scale"))->check(CLI::Range(0.5f, 4.0f));
    cmd->add_option("--frames", frames, tr("cli.window.frames"))->check(CLI::Range(1, 100000));
    cmd->add_option("--screenshot", screenshot, tr("cli.window.screenshot"));
    cmd->add_option("--font", font, tr("cli.window.font"));
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
    CLI::App* cmd = app.add_subcommand("console", tr("cli.console.help"));
    cmd->add_option("--host", o->host, tr("cli.seminar.host"))->capture_default_str();
    cmd->add_option("--port", o->port, tr("cli.seminar.port"))
        ->check(CLI::Range(1, 65535))
        ->capture_default_str();
    cmd->add_option("--secret", o->secret, tr("cli.console.secret"))->required();
    cmd->add_option("--export-dir", *export_dir, tr("cli.console.export_dir"))
        ->capture_default_str();
    cmd->add_option("--browser-url", o->browser_url, tr("cli.console.browser_url"));
    add_window_options(cmd, o->language, o->scale, o->frames, *screenshot, o->font);
    cmd->add_option("--width", o->width, tr("cli.play.width"))->check(CLI::Range(640, 7680));
    cmd->add_option("--height", o->height, tr("cli.play.height"))->check(CLI::Range(480, 4320));
    cmd->add_flag("--projector", o->projector, tr("cli.console.projector"));
    cmd->add_option("--trainee", o->trainee, tr("cli.console.trainee"));
    cmd->callback([o, screenshot, export_dir, &exit_code] {
        o->screenshot = *screenshot;
        o->export_dir = *export_dir;
        exit_code = run_console(*o);
    });
}

void register_join(CLI::App& app, int& exit_code) {
    auto o = std::make_shared<JoinOptions>();
    CLI::App* cmd = app.add_subcommand("join", tr("cli.join.help"));
    cmd->add_option("--host", o->join.host, tr("cli.seminar.host"))->required();
    cmd->add_option("--port", o->join.port, tr("cli.seminar.port"))
        ->check(CLI::Range(1, 65535))
        ->capture_default_str();
    cmd->add_option("--code", o->join.code, tr("cli.join.code"))->required();
    cmd->add_option("--name", o->join.name, tr("cli.join.name"))->required();
    cmd->add_option("--agency", o->join.agency, tr("cli.join.agency"));
    cmd->add_option("--rejoin-code", o->join.rejoin_code, tr("cli.join.rejoin_code"));
    add_window_options(cmd, o->gui.language, o->gui.scale, o->gui.frames, o->screenshot,
                       o->gui.font);
    cmd->callback([o, &exit_code] { exit_code = join_and_play(*o); });
}

}  // namespace mt
