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
        out.error = Message("seminar.request.too_large").arg("limit", kMaxBodyBytes / 1024);
        return out;
    }
    if (body.find_first_not_of(" \t\r\n") == std::string_view::npos) {
        out.error = Message("seminar.request.empty");
        return out;
    }
    if (nesting_depth(body) > kMaxBodyDepth) {
        out.error = Message("seminar.request.too_deep").arg("levels", kMaxBodyDepth);
        return out;
    }
    auto json = nlohmann::json::parse(body, nullptr, false);
    if (json.is_discarded()) {
        out.error = Message("seminar.request.not_json");
        return out;
    }
    if (!json.is_object()) {
        out.error = Message("seminar.request.not_object");
        return out;
    }
    out.json = std::move(json);
    return out;
}

bool only_fields(const nlohmann::json& object, std::initializer_list<std::string_view> allowed,
                 Message& error) {
    for (const auto& [key, value] : object.items()) {
        bool known = false;
        for (std::string_view a : allowed) known = known || a == key;
        if (!known) {
            error = Message("seminar.request.unknown_field").arg("field", key.substr(0, 64));
            return false;
        }
    }
    return true;
}

bool string_field(const nlohmann::json& object, const char* field, bool required, std::string& out,
                  Message& error) {
    auto it = object.find(field);
    if (it == object.end()) {
        if (required) error = Message("seminar.request.field_required").arg("field", field);
        return !required;
    }
    if (!it->is_string()) {
        error = Message("seminar.request.not_string").arg("field", field);
        return false;
    }
    out = it->get<std::string>();
    return true;
}

}  // namespace mt::seminar
