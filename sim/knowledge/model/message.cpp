#include "model/message.hpp"

#include "model/nlohmann_json.hpp"

namespace mt {

Message& Message::arg(std::string name, std::string value) {
    args.push_back(MessageArg{std::move(name), std::move(value), {}, {}});
    return *this;
}

Message& Message::term(std::string name, std::string catalogue_key) {
    args.push_back(MessageArg{std::move(name), {}, {}, std::move(catalogue_key)});
    return *this;
}

Message& Message::clause(std::string name, const Message& part) {
    term(std::move(name), part.key);
    args.insert(args.end(), part.args.begin(), part.args.end());
    return *this;
}

Message& Message::arg(std::string name, long long value) {
    return arg(std::move(name), std::to_string(value));
}

Message& Message::arg(std::string name, const LocalizedText& case_text) {
    MessageArg a{std::move(name), case_text.en, {}, {}};
    if (!case_text.en.empty()) a.by_language.emplace("en", case_text.en);
    if (!case_text.es.empty()) a.by_language.emplace("es", case_text.es);
    args.push_back(std::move(a));
    return *this;
}

const MessageArg* Message::find(std::string_view name) const {
    for (const MessageArg& a : args)
        if (a.name == name) return &a;
    return nullptr;
}

void to_json(nlohmann::json& json, const MessageArg& arg) {
    if (!arg.term.empty()) {
        json = nlohmann::json{{"term", arg.term}};
        return;
    }
    if (arg.by_language.empty()) {
        json = arg.value;
        return;
    }
    json = nlohmann::json::object();
    for (const auto& [language, text] : arg.by_language) json[language] = text;
}

void to_json(nlohmann::json& json, const Message& message) {
    json = nlohmann::json{{"key", message.key}};
    if (message.args.empty()) return;
    nlohmann::json& args = json["args"];
    args = nlohmann::json::object();
    for (const MessageArg& a : message.args) to_json(args[a.name], a);
}

void from_json(const nlohmann::json& json, Message& message) {
    message = Message(json.at("key").get<std::string>());
    const auto args = json.find("args");
    if (args == json.end()) return;
    for (const auto& [name, value] : args->items()) {
        MessageArg a{name, {}, {}, {}};
        if (value.is_object() && value.contains("term")) {
            a.term = value.at("term").get<std::string>();
        } else if (value.is_object()) {
            for (const auto& [language, text] : value.items())
                a.by_language.emplace(language, text.get<std::string>());
            if (auto en = a.by_language.find("en"); en != a.by_language.end()) a.value = en->second;
        } else {
            a.value = value.get<std::string>();
        }
        message.args.push_back(std::move(a));
    }
}

}  // namespace mt
