// moneytrail: the command-line entry point. With no subcommand it opens the desktop interface.
#include <iostream>

#include "app/commands.hpp"

namespace mt {

std::filesystem::path scenarios_directory() {
    std::error_code ec;
    if (const char* env = std::getenv("MONEYTRAIL_SCENARIOS"); env && *env) return env;
    if (std::filesystem::is_directory("scenarios", ec))
        return std::filesystem::absolute("scenarios", ec);
    return std::filesystem::path(MT_SOURCE_DIR) / "scenarios";
}

std::filesystem::path default_scenario() {
    return scenarios_directory() / "ransomware-peel-chain.yaml";
}

}  // namespace mt

int main(int argc, char** argv) {
    CLI::App app{
        "moneytrail " MT_VERSION
        " - crypto-crime investigation training simulator.\n"
        "Follow funds across blockchains, request records with the right legal instrument,\n"
        "freeze in time, and get a scored debrief.",
        "moneytrail"};
    app.set_version_flag("--version", "moneytrail " MT_VERSION);
    app.require_subcommand(0, 1);
    int exit_code = mt::kExitOk;
    mt::register_validate(app, exit_code);
    mt::register_run(app, exit_code);
    mt::register_serve(app, exit_code);
    mt::register_generate(app, exit_code);
    mt::register_console(app, exit_code);
    mt::register_join(app, exit_code);
    mt::register_import(app, exit_code);
    mt::register_play(app, exit_code);
    app.footer(
        "With no command, moneytrail opens the investigator interface on the default case.\n"
        "Run 'moneytrail COMMAND --help' for a command's options.");
    try {
        app.parse(argc, argv);
    } catch (const CLI::CallForHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForAllHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForVersion& e) {
        return app.exit(e);
    } catch (const CLI::ParseError& e) {
        app.exit(e);
        return mt::kExitUsage;  // every usage error exits 2, whatever CLI11's own code is
    }
    if (app.get_subcommands().empty()) return mt::run_default_play();
    return exit_code;
}
