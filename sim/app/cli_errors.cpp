#include "app/cli_errors.hpp"

#include <regex>
#include <vector>

namespace mt {
namespace {

// One way CLI11 words an error of a kind: the pattern of its whole text, the message it becomes
// and which of the pattern's groups hold the option, the value given and the other option (0:
// none).
struct Wording {
    std::regex pattern;
    const char* key;
    int option = 0;
    int value = 0;
    int other = 0;
};

Message read_out(const std::string& text, const std::vector<Wording>& wordings) {
    std::smatch groups;
    for (const Wording& w : wordings) {
        if (!std::regex_match(text, groups, w.pattern)) continue;
        Message message(w.key);
        if (w.option) message.arg("option", groups[w.option].str());
        if (w.value) message.arg("value", groups[w.value].str());
        if (w.other) message.arg("other", groups[w.other].str());
        return message;
    }
    return Message("cli.error.unreadable");
}

template <typename Error>
bool is(const CLI::ParseError& error) {
    return dynamic_cast<const Error*>(&error) != nullptr;
}

// A kind of CLI11 error and the ways it is worded.
struct Kind {
    bool (*is)(const CLI::ParseError&);
    std::vector<Wording> wordings;
};

const std::vector<Kind>& kinds() {
    static const std::vector<Kind> all = {
        {is<CLI::RequiredError>, {{std::regex("(.+) is required"), "cli.error.required", 1}}},
        {is<CLI::ConversionError>,
         {{std::regex("The value (.*) is not an allowed value for (.+)"), "cli.error.invalid_value",
           2, 1},
          {std::regex("Could not convert: (.+) = (.*)"), "cli.error.invalid_value", 1, 2},
          {std::regex("(.+): too many inputs for a flag"), "cli.error.flag_value", 1},
          {std::regex("(.+): Should be true/false or a number"), "cli.error.flag_value", 1}}},
        // "NAME: <validator's words>", the value given read out of the validators this program
        // uses (IsMember, Range, ExistingFile).
        {is<CLI::ValidationError>,
         {{std::regex("(--?[^:]+|[a-z_]+): (.*) not in \\{.*"), "cli.error.invalid_value", 1, 2},
          {std::regex("(--?[^:]+|[a-z_]+): Value (.*) not in range .*"), "cli.error.invalid_value",
           1, 2},
          {std::regex("(--?[^:]+|[a-z_]+): File (?:does not exist|is actually a directory): (.*)"),
           "cli.error.invalid_value", 1, 2},
          {std::regex("(--?[^:]+|[a-z_]+): .*"), "cli.error.invalid_option", 1}}},
        {is<CLI::ArgumentMismatch>,
         {{std::regex("Expected (?:exactly|at least) \\d+ arguments? to (.+), got \\d+"),
           "cli.error.value_count", 1},
          {std::regex("(.+): At (?:least|Most) \\d+ required but received \\d+"),
           "cli.error.value_count", 1},
          {std::regex("(.+): \\d+ required .* missing"), "cli.error.missing_value", 1},
          {std::regex("(.+) was given a disallowed flag override"), "cli.error.flag_value", 1}}},
        {is<CLI::RequiresError>,
         {{std::regex("(.+) requires (.+)"), "cli.error.requires", 1, 0, 2}}},
        {is<CLI::ExcludesError>,
         {{std::regex("(.+) excludes (.+)"), "cli.error.excludes", 1, 0, 2}}}};
    return all;
}

Message extras(const std::string& text) {
    static const std::regex pattern("The following arguments? (?:was|were) not expected: (.*)");
    std::smatch groups;
    if (!std::regex_match(text, groups, pattern)) return Message("cli.error.unreadable");
    // CLI11 lists them last first, separated by spaces.
    std::vector<std::string> items;
    const std::string list = groups[1].str();
    for (std::size_t from = 0; from <= list.size();) {
        const std::size_t space = std::min(list.find(' ', from), list.size());
        if (space > from) items.push_back(list.substr(from, space - from));
        from = space + 1;
    }
    std::string arguments;
    for (auto it = items.rbegin(); it != items.rend(); ++it)
        arguments += (arguments.empty() ? "" : " ") + *it;
    return Message("cli.error.extras").arg("count", items.size()).arg("arguments", arguments);
}

}  // namespace

Message parse_error_message(const CLI::ParseError& error) {
    const std::string text = error.what();
    if (is<CLI::ExtrasError>(error)) return extras(text);
    for (const Kind& kind : kinds())
        if (kind.is(error)) return read_out(text, kind.wordings);
    return Message("cli.error.unreadable");
}

}  // namespace mt
