#pragma once
// Each subcommand registers itself on the CLI and reports its exit code through `exit_code`.
#include <CLI/CLI.hpp>
#include <filesystem>
#include <string>
#include <string_view>

#include "model/message.hpp"

namespace mt {

// Exit codes shared by every subcommand.
inline constexpr int kExitOk = 0;
inline constexpr int kExitFailure = 1;  // the input was read but is invalid / the run failed
inline constexpr int kExitUsage = 2;

void register_validate(CLI::App& app, int& exit_code);
void register_run(CLI::App& app, int& exit_code);
void register_serve(CLI::App& app, int& exit_code);
void register_generate(CLI::App&, int&);
void register_console(CLI::App& app, int& exit_code);
void register_join(CLI::App& app, int& exit_code);
// `import` (exports -> case skeleton) and `export-tagpack` (casefile -> GraphSense TagPack).
void register_import(CLI::App& app, int& exit_code);
// `play` is also what runs when no subcommand is given.
CLI::App* register_play(CLI::App& app, int& exit_code);
int run_default_play();

// The interface language the environment asks for (LC_ALL, LC_MESSAGES, LANG: "es_MX.UTF-8" is
// Spanish), English when it names none the program speaks. The default of every --lang option.
std::string environment_language();

// CLI11's headings and help flag in the interface language; before the subcommands register.
void translate_help(CLI::App& app);

// "moneytrail COMMAND: " and `message` in the interface language, on stderr.
void print_error(std::string_view command, const Message& message);

// scenarios/ of the working directory, else $MONEYTRAIL_SCENARIOS, else the source tree's.
std::filesystem::path scenarios_directory();
std::filesystem::path default_scenario();

}  // namespace mt
