#pragma once
// From raw bytes to a bounded yaml-cpp document: size, encoding, syntax, nesting and alias
// expansion are each checked here, before any schema reading.
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include <yaml-cpp/yaml.h>

#include "scenario/diagnostics.hpp"
#include "scenario/source_text.hpp"
#include "scenario/yaml_reader.hpp"

namespace mt::scenario_detail {

struct YamlDocument {
    std::string text;  // without a byte-order mark; the line index points into it
    std::optional<LineIndex> lines;
    YAML::Node root;  // a map once parse_yaml_document returned true
};

// The offset at which the values of `text` (an upper bound counted without parsing) pass `limit`,
// or nullopt when they stay within it. Costs one pass over the bytes.
std::optional<std::size_t> find_value_count_excess(std::string_view text, std::size_t limit);

// False after reporting why the text is not a usable case document.
bool parse_yaml_document(std::string_view raw, const std::string& name, Diagnostics& out,
                         YamlDocument& doc);

// The set-up every YAML file of the program shares (a case, a case's header for the picker, a
// jurisdiction pack): parses `raw` and hands its top-level map, `what` with the keys `keys`, to
// `read`. Running out of memory (reported as `out_of_memory`) or any other exception becomes a
// diagnostic at the file, never a crash.
void read_yaml_file(std::string_view raw, const std::string& name, Diagnostics& out, What what,
                    std::span<const std::string_view> keys, const char* out_of_memory,
                    const std::function<void(YamlReader&, MapReader&)>& read);

}  // namespace mt::scenario_detail
