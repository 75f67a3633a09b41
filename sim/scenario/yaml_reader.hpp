#pragma once
// Typed, schema-checked reading of a yaml-cpp document. Every reader reports what was wrong and
// what was expected at the value's line and column, and returns std::nullopt, so a section parser
// keeps going and one pass finds every problem of a file.
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <yaml-cpp/yaml.h>

#include "model/money.hpp"
#include "model/text.hpp"
#include "model/time.hpp"
#include "model/vocabulary.hpp"
#include "scenario/diagnostics.hpp"
#include "scenario/source_text.hpp"

namespace mt::scenario_detail {

// A value in the document: the node, its YAML path and where diagnostics about it point (for an
// empty value, the key that introduced it, since yaml-cpp marks empty values on the next line).
struct Slot {
    YAML::Node node;
    std::string path;
    YAML::Mark mark;
};

// What a reader expects, named in its messages ("expected {what}, found a list"): a catalogue key
// under case_error.what. ("case_error.what.chain_id"), written out at the call so the catalogue
// test finds it. An English phrase in its place does not compile.
class What {
  public:
    consteval What(const char* key) : key_(key) {
        if (!key_.starts_with("case_error.what.")) throw "a What is a case_error.what.* key";
    }
    std::string_view key() const { return key_; }
    // The expectation as a message clause: its term, and the values its text names.
    Message clause() const { return Message(std::string(key_)); }

  private:
    std::string_view key_;
};

class YamlReader {
  public:
    YamlReader(Diagnostics& out, std::string file, const LineIndex& lines)
        : out_(out), file_(std::move(file)), lines_(lines) {}

    const std::string& file() const { return file_; }
    Diagnostics& diagnostics() { return out_; }
    Where where(const Slot& slot) const;
    Where where(const YAML::Mark& mark, std::string path) const;
    void error(const Slot& at, Message message) { out_.error(where(at), std::move(message)); }

    // Bounds the document before anything else reads it: depth and node visits with aliases
    // expanded (cyclic aliases hit the depth bound). False after reporting the first breach.
    bool check_bounds(const YAML::Node& root, int max_depth, std::size_t max_visits);

    // Scalars. `what` names the expectation in messages: "a chain id", "an entity name".
    std::optional<std::string> scalar(const Slot& s, What what);
    std::optional<std::string> text_line(const Slot& s, What what);  // non-empty, no control chars
    std::optional<std::string> id(const Slot& s, What what);
    std::optional<std::string> address(const Slot& s);
    std::optional<std::int64_t> integer(const Slot& s, std::int64_t min, std::int64_t max,
                                        What what);
    std::optional<bool> boolean(const Slot& s);
    std::optional<LocalizedText> localized(const Slot& s);
    // One of `names`; returns its index.
    std::optional<std::size_t> choice(const Slot& s, std::span<const std::string_view> names,
                                      What what);
    template <typename Enum>
    std::optional<Enum> vocabulary(const Slot& s, What what);
    // Base units of a decimal amount in whole-asset notation ("0.5").
    std::optional<Units> amount(const Slot& s, int decimals, std::string_view symbol);
    // A time: an offset from the case start ("-2h", "+36h", "90m", "1d12h") or, when the start is
    // known, an absolute UTC instant ("2021-05-08T16:00:00Z").
    std::optional<SimSeconds> time(const Slot& s, std::optional<std::int64_t> start_unix);
    // A non-negative span in the same offset notation, or a whole number of `unit_seconds`.
    std::optional<SimSeconds> duration(const Slot& s, SimSeconds unit_seconds);

    // The items of a list (an empty value counts as an empty list only if `allow_empty`).
    std::optional<std::vector<Slot>> list(const Slot& s, What what);

  private:
    // scalar() with the expectation as a clause that may carry values ("an amount in {symbol}").
    std::optional<std::string> scalar_as(const Slot& s, const Message& what);
    Diagnostics& out_;
    std::string file_;
    const LineIndex& lines_;
};

// The keys of one map, checked against the keys its schema allows: reports a value that is not a
// map, keys that are not plain names, repeated keys, and unknown keys (with the closest allowed
// key when it looks like a typo).
class MapReader {
  public:
    MapReader(YamlReader& reader, const Slot& slot, What what,
              std::span<const std::string_view> allowed);
    MapReader(YamlReader& reader, const Slot& slot, What what,
              std::initializer_list<std::string_view> allowed)
        : MapReader(reader, slot, what, std::span(allowed.begin(), allowed.size())) {}
    bool is_map() const { return is_map_; }
    const Slot& self() const { return self_; }
    bool has(std::string_view key) const { return find(key) != nullptr; }
    std::optional<Slot> get(std::string_view key) const;
    // As get(), reporting a missing key at the map.
    std::optional<Slot> need(std::string_view key);
    // The keys present, in document order.
    std::vector<std::string> keys() const;

  private:
    const Slot* find(std::string_view key) const;
    YamlReader& reader_;
    Slot self_;
    What what_;
    bool is_map_ = false;
    std::vector<std::pair<std::string, Slot>> entries_;
};

// Values that case files and jurisdiction packs both have.
// An ISO 3166 two-letter country code in capitals ("MX").
std::optional<std::string> read_country(YamlReader& yaml, const Slot& slot);
// The format version, reporting any but 1 with the message `unsupported` (whose text names the
// kind of file) and its argument "version".
std::optional<int> read_format_version(YamlReader& yaml, const Slot& slot, const char* unsupported);

// The path of a child: "a.b" or "a[3]".
std::string child_path(const std::string& parent, std::string_view key);
std::string item_path(const std::string& parent, std::size_t index);

// "a, b, c": identifiers for a message argument (the words around them, "expected one of", are
// the catalogue's).
std::string join_names(std::span<const std::string_view> names);
// The allowed name closest to `given` when it is plausibly a typo of it; empty otherwise.
std::string_view closest_name(std::string_view given, std::span<const std::string_view> names);

// Offsets like "-2h", "+36h", "90m", "3d", "1d12h30m", "45s", "0". Nullopt when malformed or
// beyond the time bound.
std::optional<SimSeconds> parse_offset(std::string_view text);
// The same notation back: "-2h", "+36h", "+1d12h30m", "0".
std::string format_offset(SimSeconds offset);

}  // namespace mt::scenario_detail
