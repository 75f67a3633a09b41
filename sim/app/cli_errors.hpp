#pragma once
// CLI11's parse errors in the interface language. CLI11 writes English into what() ("--port is
// required", "The following argument was not expected: --x"); here only the kind of error and the
// names and values inside it are read back, and the words come from the catalogues ("cli.error.*").
#include <CLI/CLI.hpp>

#include "model/message.hpp"

namespace mt {

// What was wrong, naming the option or argument as typed.
Message parse_error_message(const CLI::ParseError& error);

}  // namespace mt
