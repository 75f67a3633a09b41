#pragma once
// Reading request bodies that may be hostile: bounded size and nesting, JSON objects only, no
// unknown fields, each field of the expected type. Every error names what was wrong.
#include <cstddef>
#include <initializer_list>
#include <string>
#include <string_view>

#include "model/nlohmann_json.hpp"

#include "model/message.hpp"

namespace mt::seminar {

inline constexpr std::size_t kMaxBodyBytes = 64 * 1024;
inline constexpr int kMaxBodyDepth = 16;

struct BodyParse {
    nlohmann::json json;  // an object when error is empty
    Message error;        // "seminar.request.*"
};

BodyParse parse_json_object(std::string_view body);

// "seminar.request.unknown_field" when `object` has a key outside `allowed`.
bool only_fields(const nlohmann::json& object, std::initializer_list<std::string_view> allowed,
                 Message& error);

// A string field; when absent, `out` is left empty and the result depends on `required`.
bool string_field(const nlohmann::json& object, const char* field, bool required, std::string& out,
                  Message& error);

}  // namespace mt::seminar
