#pragma once
// A trainee-facing message as the engine, the seminar and the command line emit it: a catalogue key
// and named arguments, never finished English or Spanish text. Only the interface turns it into
// words (i18n/catalogue.hpp, render()), so a new interface language is a new catalogue file.
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "model/text.hpp"

namespace mt {

struct MessageArg {
    std::string name;
    // Language-neutral value: a number, an identifier, a formatted amount or time.
    std::string value;
    // Text that the case file gives per language ("en", "es"); when it has the interface language
    // it is used instead of `value`.
    std::map<std::string, std::string, std::less<>> by_language;
    // A word of the program's own vocabulary, as the catalogue key whose text is the argument
    // ("instrument.freeze_request"): rendered in the message's language, never shown as an id.
    std::string term = {};

    bool operator==(const MessageArg&) const = default;
};

struct Message {
    std::string key;  // catalogue key, e.g. "legal.freeze.withdrawn"
    std::vector<MessageArg> args;

    Message() = default;
    explicit Message(std::string message_key) : key(std::move(message_key)) {}

    Message& arg(std::string name, std::string value);
    Message& arg(std::string name, std::string_view value) {
        return arg(std::move(name), std::string(value));
    }
    Message& arg(std::string name, const char* value) {
        return arg(std::move(name), std::string(value));
    }
    // Integers are written in decimal; the argument named "count" also selects the plural form.
    Message& arg(std::string name, long long value);
    Message& arg(std::string name, int value) {
        return arg(std::move(name), static_cast<long long>(value));
    }
    Message& arg(std::string name, std::size_t value) {
        return arg(std::move(name), static_cast<long long>(value));
    }
    // Case text in each of its languages.
    Message& arg(std::string name, const LocalizedText& case_text);
    // A catalogue word as the argument: `catalogue_key` is rendered in the message's language.
    Message& term(std::string name, std::string catalogue_key);
    // Another message as a clause of this one: its key as a term, its arguments added to these
    // (so both may not use one argument name for different things).
    Message& clause(std::string name, const Message& part);

    const MessageArg* find(std::string_view name) const;
    bool empty() const { return key.empty(); }
    bool operator==(const Message&) const = default;
};

// JSON form: {"key": "...", "args": {"count": "3", "service": {"en": "...", "es": "..."},
// "instrument": {"term": "instrument.subpoena"}}}; "args" is left out when there are none.
// from_json throws nlohmann::json exceptions on a wrong shape.
void to_json(nlohmann::json& json, const MessageArg& arg);
void to_json(nlohmann::json& json, const Message& message);
void from_json(const nlohmann::json& json, Message& message);

}  // namespace mt
