#include "app/cli_errors.hpp"

#include <regex>
#include <vector>

namespace mt {
namespace {

// The first of `patterns` that matches `text` whole, with its groups.
struct Match {
    std::size_t pattern = 0;  // index into the patterns; == size when none matched
    std::smatch groups;
};

Match match(const std::string& text, const std::vector<std::regex>& patterns) {
    Match m;
    for (; m.pattern < patterns.size(); ++m.pattern)
        if (std::regex_match(text, m.groups, patterns[m.pattern])) break;
    return m;
}

Message required(const std::string& text) {
    static const std::vector<std::regex> patterns = {std::regex("(.+) is required")};
    const Match m = match(text, patterns);
    if (m.pattern == 0) return Message("cli.error.required").arg("option", m.groups[1].str());
    return Message("cli.error.unreadable");
}

Message extras(const std::string& text) {
    static const std::vector<std::regex> patterns = {
        std::regex("The following arguments? (?:was|were) not expected: (.*)")};
    const Match m = match(text, patterns);
    if (m.pattern != 0) return Message("cli.error.unreadable");
    // CLI11 lists them last first, separated by spaces.
    std::vector<std::string> items;
    const std::string list = m.groups[1].str();
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

Message conversion(const std::string& text) {
    static const std::vector<std::regex> patterns = {
        std::regex("The value (.*) is not an allowed value for (.+)"),
        std::regex("Could not convert: (.+) = (.*)"),
        std::regex("(.+): too many inputs for a flag"),
        std::regex("(.+): Should be true/false or a number")};
    const Match m = match(text, patterns);
    switch (m.pattern) {
        case 0:
            return Message("cli.error.invalid_value")
                .arg("option", m.groups[2].str())
                .arg("value", m.groups[1].str());
        case 1:
            return Message("cli.error.invalid_value")
                .arg("option", m.groups[1].str())
                .arg("value", m.groups[2].str());
        case 2:
        case 3:
            return Message("cli.error.flag_value").arg("option", m.groups[1].str());
        default:
            return Message("cli.error.unreadable");
    }
}

// "NAME: <validator's words>", the value given read out of the validators this program uses
// (IsMember, Range, ExistingFile).
Message validation(const std::string& text) {
    static const std::vector<std::regex> patterns = {
        std::regex("(--?[^:]+|[a-z_]+): (.*) not in \\{.*"),
        std::regex("(--?[^:]+|[a-z_]+): Value (.*) not in range .*"),
        std::regex("(--?[^:]+|[a-z_]+): File (?:does not exist|is actually a directory): (.*)"),
        std::regex("(--?[^:]+|[a-z_]+): .*")};
    const Match m = match(text, patterns);
    if (m.pattern < 3)
        return Message("cli.error.invalid_value")
            .arg("option", m.groups[1].str())
            .arg("value", m.groups[2].str());
    if (m.pattern == 3) return Message("cli.error.invalid_option").arg("option", m.groups[1].str());
    return Message("cli.error.unreadable");
}

Message argument_mismatch(const std::string& text) {
    static const std::vector<std::regex> patterns = {
        std::regex("Expected (?:exactly|at least) \\d+ arguments? to (.+), got \\d+"),
        std::regex("(.+): At (?:least|Most) \\d+ required but received \\d+"),
        std::regex("(.+): \\d+ required .* missing"),
        std::regex("(.+) was given a disallowed flag override")};
    const Match m = match(text, patterns);
    switch (m.pattern) {
        case 0:
        case 1:
            return Message("cli.error.value_count").arg("option", m.groups[1].str());
        case 2:
            return Message("cli.error.missing_value").arg("option", m.groups[1].str());
        case 3:
            return Message("cli.error.flag_value").arg("option", m.groups[1].str());
        default:
            return Message("cli.error.unreadable");
    }
}

Message pair(const std::string& text, const char* joined_by, const char* key) {
    const std::regex pattern("(.+) " + std::string(joined_by) + " (.+)");
    std::smatch groups;
    if (!std::regex_match(text, groups, pattern)) return Message("cli.error.unreadable");
    return Message(key).arg("option", groups[1].str()).arg("other", groups[2].str());
}

}  // namespace

Message parse_error_message(const CLI::ParseError& error) {
    const std::string text = error.what();
    if (dynamic_cast<const CLI::RequiredError*>(&error)) return required(text);
    if (dynamic_cast<const CLI::ExtrasError*>(&error)) return extras(text);
    if (dynamic_cast<const CLI::ConversionError*>(&error)) return conversion(text);
    if (dynamic_cast<const CLI::ValidationError*>(&error)) return validation(text);
    if (dynamic_cast<const CLI::ArgumentMismatch*>(&error)) return argument_mismatch(text);
    if (dynamic_cast<const CLI::RequiresError*>(&error))
        return pair(text, "requires", "cli.error.requires");
    if (dynamic_cast<const CLI::ExcludesError*>(&error))
        return pair(text, "excludes", "cli.error.excludes");
    return Message("cli.error.unreadable");
}

}  // namespace mt
