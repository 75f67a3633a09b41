// moneytrail: the command-line entry point. With no subcommand it opens the desktop interface.
#include <cctype>
#include <iostream>

#include "app/cli_errors.hpp"
#include "app/commands.hpp"
#include "i18n/catalogue.hpp"

namespace mt {

std::filesystem::path scenarios_directory() {
    std::error_code ec;
    if (const char* env = std::getenv("MONEYTRAIL_SCENARIOS"); env && *env) return env;
    if (std::filesystem::is_directory("scenarios", ec))
        return std::filesystem::absolute("scenarios", ec);
    return std::filesystem::path(MT_SOURCE_DIR) / "scenarios";
}

std::string environment_language() {
    // POSIX order of precedence: LC_ALL, then LC_MESSAGES, then LANG ("es_MX.UTF-8" -> "es").
    for (const char* name : {"LC_ALL", "LC_MESSAGES", "LANG"}) {
        const char* value = std::getenv(name);
        if (!value || !*value) continue;
        const std::string_view locale(value);
        for (const std::string& language : interface_languages())
            if (locale.substr(0, language.size()) == language &&
                (locale.size() == language.size() || locale[language.size()] == '_' ||
                 locale[language.size()] == '.'))
                return language;
        return "en";
    }
    return "en";
}

void print_error(std::string_view command, const Message& message) {
    std::cerr << "moneytrail " << command << ": " << render(message) << '\n';
}

std::filesystem::path default_scenario() {
    return scenarios_directory() / "ransomware-peel-chain.yaml";
}

// CLI11's own words in the help (headings, value kinds, the help flag) from the catalogues. Called
// before any subcommand exists: each copies its parent's formatter, help flag and option group.
void translate_help(CLI::App& app) {
    const auto formatter = app.get_formatter();
    for (const char* label :
         {"Usage", "OPTIONS", "SUBCOMMAND", "SUBCOMMANDS", "Positionals", "REQUIRED", "Needs",
          "Excludes", "Env", "TEXT", "INT", "UINT", "FLOAT", "BOOLEAN"}) {
        std::string key = "cli.label." + std::string(label);
        for (char& c : key) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        formatter->label(label, tr(key));
    }
    app.option_defaults()->group(tr("cli.label.option_group"));
    app.set_help_flag("-h,--help", tr("cli.label.help_flag"))->group(tr("cli.label.option_group"));
}

}  // namespace mt

int main(int argc, char** argv) {
    // Help and messages speak the environment's language; a command's --lang overrides it.
    mt::set_interface_language(mt::environment_language());
    CLI::App app{mt::render(mt::Message("cli.description").arg("version", MT_VERSION)),
                 "moneytrail"};
    mt::translate_help(app);
    app.set_version_flag("--version", "moneytrail " MT_VERSION, mt::tr("cli.label.version_flag"));
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
    app.footer(mt::tr("cli.footer"));
    for (CLI::App* command : app.get_subcommands({})) {
        command->group(mt::tr("cli.label.commands"));
        command->get_help_ptr()->group(mt::tr("cli.label.option_group"));
    }
    try {
        app.parse(argc, argv);
    } catch (const CLI::CallForHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForAllHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForVersion& e) {
        return app.exit(e);
    } catch (const CLI::ParseError& e) {
        // CLI11 would print its English; the error is worded from the catalogues instead, with
        // the command whose help to read.
        std::string command = "moneytrail";
        for (const CLI::App* sub = &app; !sub->get_subcommands().empty();) {
            sub = sub->get_subcommands().front();
            command += " " + sub->get_name();
        }
        std::cerr << command << ": " << mt::render(mt::parse_error_message(e)) << '\n'
                  << mt::render(mt::Message("cli.error.help_hint").arg("command", command)) << '\n';
        return mt::kExitUsage;  // every usage error exits 2, whatever CLI11's own code is
    }
    if (app.get_subcommands().empty()) return mt::run_default_play();
    return exit_code;
}
