#include "seminar/http_body.hpp"

#include <algorithm>

namespace mt::seminar {
namespace {

// Deepest nesting of arrays and objects, scanned before parsing so a body of 60,000 '[' costs
// nothing more than reading it.
int nesting_depth(std::string_view text) {
    int depth = 0;
    int deepest = 0;
    bool in_string = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (in_string) {
            if (c == '\\')
                ++i;
            else if (c == '"')
                in_string = false;
            continue;
        }
        if (c == '"')
            in_string = true;
        else if (c == '[' || c == '{')
            deepest = std::max(deepest, ++depth);
        else if (c == ']' || c == '}')
            --depth;
    }
    return deepest;
}

}  // namespace

BodyParse parse_json_object(std::string_view body) {
    BodyParse out;
    if (body.size() > kMaxBodyBytes) {
        out.error = "request body is larger than " + std::to_string(kMaxBodyBytes / 1024) + " KiB";
        return out;
    }
    if (body.find_first_not_of(" \t\r\n") == std::string_view::npos) {
        out.error = "request body is empty; a JSON object was expected";
        return out;
    }
    if (nesting_depth(body) > kMaxBodyDepth) {
        out.error = "request body nests deeper than " + std::to_string(kMaxBodyDepth) + " levels";
        return out;
    }
    auto json = nlohmann::json::parse(body, nullptr, false);
    if (json.is_discarded()) {
        out.error = "request body is not valid JSON (or not valid UTF-8)";
        return out;
    }
    if (!json.is_object()) {
        out.error = "request body must be a JSON object";
        return out;
    }
    out.json = std::move(json);
    return out;
}

bool only_fields(const nlohmann::json& object, std::initializer_list<std::string_view> allowed,
                 std::string& error) {
    for (const auto& [key, value] : object.items()) {
        bool known = false;
        for (std::string_view a : allowed) known = known || a == key;
        if (!known) {
            error = "unknown field '" + key.substr(0, 64) + "'";
            return false;
        }
    }
    return true;
}

bool string_field(const nlohmann::json& object, const char* field, bool required, std::string& out,
                  std::string& error) {
    auto it = object.find(field);
    if (it == object.end()) {
        if (required) error = std::string("field '") + field + "' is required";
        return !required;
    }
    if (!it->is_string()) {
        error = std::string("field '") + field + "' must be a string";
        return false;
    }
    out = it->get<std::string>();
    return true;
}

}  // namespace mt::seminar
