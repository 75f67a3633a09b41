#pragma once
// Reading fields of an export's JSON with errors that name the file and the JSON path
// ("$[2].vin[0].prevout.value") and the JSON type that was expected there.
#include <cstdint>
#include <string>
#include <string_view>

#include "model/nlohmann_json.hpp"

#include "model/money.hpp"

namespace mt::import {

// Parses `text`; a syntax error becomes `import.error.not_json` with its line and column.
nlohmann::json parse_json_file(const std::string& file, std::string_view text);

class JsonFields {
  public:
    JsonFields(const std::string& file, const nlohmann::json& value, std::string path)
        : file_(file), value_(value), path_(std::move(path)) {}

    const std::string& path() const { return path_; }
    const nlohmann::json& value() const { return value_; }
    std::string child_path(std::string_view key) const { return path_ + "." + std::string(key); }
    std::string index_path(std::size_t i) const { return path_ + "[" + std::to_string(i) + "]"; }

    // The member `key`, which must be present and of the named kind.
    const nlohmann::json& object(std::string_view key) const;
    const nlohmann::json& array(std::string_view key) const;
    std::string string(std::string_view key) const;
    std::uint64_t unsigned_number(std::string_view key) const;
    bool boolean(std::string_view key) const;
    bool has(std::string_view key) const;
    bool is_null(std::string_view key) const;

    // Throws `import.error.json_expected` for this value itself.
    [[noreturn]] void expected(std::string_view json_type, const std::string& at) const;
    // Throws `import.error.json_missing` for `key`.
    [[noreturn]] void missing(std::string_view key) const;

  private:
    const nlohmann::json& member(std::string_view key) const;
    const std::string& file_;
    const nlohmann::json& value_;
    std::string path_;
};

// Whether `text` is a transaction hash: 64 hex digits (with "0x" when `prefixed`).
bool is_hex_hash(std::string_view text, bool prefixed);

}  // namespace mt::import
