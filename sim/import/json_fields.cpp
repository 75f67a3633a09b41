#include "import/json_fields.hpp"

#include <algorithm>

#include "import/import_error.hpp"

namespace mt::import {

nlohmann::json parse_json_file(const std::string& file, std::string_view text) {
    try {
        return nlohmann::json::parse(text.begin(), text.end());
    } catch (const nlohmann::json::parse_error& e) {
        // e.byte is 1-based and points just past the offending character.
        const std::size_t at = std::min<std::size_t>(e.byte > 0 ? e.byte - 1 : 0, text.size());
        const std::string_view before = text.substr(0, at);
        const auto line = std::count(before.begin(), before.end(), '\n') + 1;
        const auto last_newline = before.rfind('\n');
        const auto column =
            at - (last_newline == std::string_view::npos ? 0 : last_newline + 1) + 1;
        Message m("import.error.not_json");
        m.arg("file", file).arg("line", static_cast<long long>(line)).arg("column", column);
        throw ImportFailure(m);
    }
}

const nlohmann::json& JsonFields::member(std::string_view key) const {
    if (!value_.is_object()) expected("object", path_);
    auto it = value_.find(key);
    if (it == value_.end()) missing(key);
    return *it;
}

bool JsonFields::has(std::string_view key) const {
    return value_.is_object() && value_.contains(key);
}

bool JsonFields::is_null(std::string_view key) const {
    return !has(key) || value_.find(key)->is_null();
}

const nlohmann::json& JsonFields::object(std::string_view key) const {
    const nlohmann::json& v = member(key);
    if (!v.is_object()) expected("object", child_path(key));
    return v;
}

const nlohmann::json& JsonFields::array(std::string_view key) const {
    const nlohmann::json& v = member(key);
    if (!v.is_array()) expected("array", child_path(key));
    return v;
}

std::string JsonFields::string(std::string_view key) const {
    const nlohmann::json& v = member(key);
    if (!v.is_string()) expected("string", child_path(key));
    return v.get<std::string>();
}

std::uint64_t JsonFields::unsigned_number(std::string_view key) const {
    const nlohmann::json& v = member(key);
    if (!v.is_number_unsigned()) expected("whole number", child_path(key));
    return v.get<std::uint64_t>();
}

bool JsonFields::boolean(std::string_view key) const {
    const nlohmann::json& v = member(key);
    if (!v.is_boolean()) expected("boolean", child_path(key));
    return v.get<bool>();
}

void JsonFields::expected(std::string_view json_type, const std::string& at) const {
    Message m = file_error("import.error.json_expected", file_, at);
    m.arg("expected", json_type);
    throw ImportFailure(m);
}

void JsonFields::missing(std::string_view key) const {
    Message m = file_error("import.error.json_missing", file_, path_);
    m.arg("field", key);
    throw ImportFailure(m);
}

bool is_hex_hash(std::string_view text, bool prefixed) {
    if (prefixed) {
        if (text.size() != 66 || text[0] != '0' || (text[1] != 'x' && text[1] != 'X')) return false;
        text.remove_prefix(2);
    }
    return text.size() == 64 && std::all_of(text.begin(), text.end(), [](char c) {
               return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
           });
}

}  // namespace mt::import
