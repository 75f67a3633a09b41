#include "scenario/yaml_reader.hpp"

#include <algorithm>
#include <array>
#include <charconv>

#include "model/jurisdiction.hpp"
#include "scenario/limits.hpp"

namespace mt::scenario_detail {
namespace {

namespace limits = scenario_limits;

// The catalogue word for what a node holds ("a list").
std::string kind_of(const YAML::Node& n) {
    switch (n.Type()) {
        case YAML::NodeType::Scalar:
            return "case_error.yaml.kind.scalar";
        case YAML::NodeType::Sequence:
            return "case_error.yaml.kind.list";
        case YAML::NodeType::Map:
            return "case_error.yaml.kind.map";
        default:
            return "case_error.yaml.kind.nothing";
    }
}

// "expected {what}, found a list".
Message expected_found(const Message& what, const YAML::Node& found) {
    return Message("case_error.yaml.expected_found")
        .clause("what", what)
        .term("found", kind_of(found));
}

// Appended rather than "'" + text + "'": GCC 12's -Wrestrict misreads that at -O2 (bug 105329).
std::string shown(std::string_view text) {
    std::string out = "'";
    out += excerpt(text, 60);
    out += '\'';
    return out;
}

std::size_t edit_distance(std::string_view a, std::string_view b) {
    std::vector<std::size_t> row(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        std::size_t diagonal = row[0];
        row[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const std::size_t up = row[j];
            row[j] =
                std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
            diagonal = up;
        }
    }
    return row[b.size()];
}

}  // namespace

std::string child_path(const std::string& parent, std::string_view key) {
    if (parent.empty()) return std::string(key);
    std::string out = parent;
    out += '.';
    out += key;
    return out;
}

std::string item_path(const std::string& parent, std::size_t index) {
    return parent + '[' + std::to_string(index) + ']';
}

std::string join_names(std::span<const std::string_view> names) {
    std::string out;
    for (std::size_t i = 0; i < names.size(); ++i) {
        if (i > 0) out += ", ";
        out += names[i];
    }
    return out;
}

std::string_view closest_name(std::string_view given, std::span<const std::string_view> names) {
    std::string_view best;
    std::size_t best_distance = 3;  // at most two edits
    for (std::string_view name : names) {
        const std::size_t d = edit_distance(given, name);
        if (d < best_distance && d * 3 <= std::max(name.size(), std::size_t{3})) {
            best = name;
            best_distance = d;
        }
    }
    return best;
}

std::optional<SimSeconds> parse_offset(std::string_view text) {
    if (text == "0") return 0;
    bool negative = false;
    if (!text.empty() && (text[0] == '+' || text[0] == '-')) {
        negative = text[0] == '-';
        text.remove_prefix(1);
    }
    if (text.empty()) return std::nullopt;
    std::int64_t total = 0;
    while (!text.empty()) {
        std::size_t digits = 0;
        while (digits < text.size() && text[digits] >= '0' && text[digits] <= '9') ++digits;
        if (digits == 0 || digits > 9 || digits == text.size()) return std::nullopt;
        std::int64_t value = 0;
        std::from_chars(text.data(), text.data() + digits, value);
        std::int64_t unit = 0;
        switch (text[digits]) {
            case 'd':
                unit = 86400;
                break;
            case 'h':
                unit = 3600;
                break;
            case 'm':
                unit = 60;
                break;
            case 's':
                unit = 1;
                break;
            default:
                return std::nullopt;
        }
        total += value * unit;  // at most 10^9 * 86400 per part; bounded below before overflow
        if (total > limits::kMaxTimeOffset) return std::nullopt;
        text.remove_prefix(digits + 1);
    }
    return negative ? -total : total;
}

std::string format_offset(SimSeconds offset) {
    if (offset == 0) return "0";
    std::string out = offset < 0 ? "-" : "+";
    std::int64_t rest = offset < 0 ? -offset : offset;
    constexpr std::array<std::pair<std::int64_t, char>, 4> kUnits{
        {{86400, 'd'}, {3600, 'h'}, {60, 'm'}, {1, 's'}}};
    for (const auto& [seconds, unit] : kUnits) {
        if (rest >= seconds) {
            out += std::to_string(rest / seconds);
            out += unit;
            rest %= seconds;
        }
    }
    return out;
}

std::optional<std::string> read_country(YamlReader& yaml, const Slot& slot) {
    auto text = yaml.scalar(slot, "case_error.what.country_code");
    if (!text) return std::nullopt;
    const auto capital = [](char c) { return c >= 'A' && c <= 'Z'; };
    if (text->size() != 2 || !capital((*text)[0]) || !capital((*text)[1])) {
        yaml.error(slot, Message("case_error.yaml.bad_country").arg("found", *text));
        return std::nullopt;
    }
    return text;
}

std::optional<int> read_format_version(YamlReader& yaml, const Slot& slot,
                                       const char* unsupported) {
    auto version = yaml.integer(slot, 1, 1000, "case_error.what.format_version");
    if (!version) return std::nullopt;
    if (*version != 1)
        yaml.error(slot, Message(unsupported).arg("version", static_cast<long long>(*version)));
    return static_cast<int>(*version);
}

Where YamlReader::where(const YAML::Mark& mark, std::string path) const {
    Where w{file_, 0, 0, std::move(path)};
    if (!mark.is_null() && mark.line >= 0) {
        const TextPosition p =
            lines_.at(mark.line, mark.column, static_cast<std::size_t>(std::max(mark.pos, 0)));
        w.line = p.line;
        w.column = p.column;
    }
    return w;
}

Where YamlReader::where(const Slot& slot) const {
    return where(slot.mark, slot.path);
}

namespace {

// The tag as the author wrote it: yaml-cpp expands the "!!" shorthand to its full name.
std::string shown_tag(const std::string& tag) {
    constexpr std::string_view kCore = "tag:yaml.org,2002:";
    if (tag.compare(0, kCore.size(), kCore) == 0) return "!!" + tag.substr(kCore.size());
    return tag;
}

}  // namespace

bool YamlReader::check_bounds(const YAML::Node& root, int max_depth, std::size_t max_visits) {
    std::size_t visits = 0;
    std::vector<std::string> trail;  // path parts, to name where a bound was crossed
    auto path_of = [&] {
        std::string out;
        for (const std::string& part : trail)
            out += (!part.empty() && part.front() == '[') || out.empty() ? part : "." + part;
        return out;
    };
    auto visit = [&](auto&& self, const YAML::Node& node, int depth) -> bool {
        if (++visits > max_visits) {
            out_.error(where(node.Mark(), path_of()),
                       Message("case_error.yaml.alias_bomb").arg("max", max_visits));
            return false;
        }
        // yaml-cpp gives "?" to plain values and "!" to quoted ones; anything else was written
        // as a tag (!!binary, !evil), which the format has no use for and would otherwise read
        // as plain text.
        if (const std::string& tag = node.Tag(); !tag.empty() && tag != "?" && tag != "!") {
            out_.error(where(node.Mark(), path_of()),
                       Message("case_error.yaml.tag").arg("tag", shown(shown_tag(tag))));
            return false;
        }
        if (depth > max_depth) {
            out_.error(where(node.Mark(), path_of()),
                       Message("case_error.yaml.too_deep").arg("max", max_depth));
            return false;
        }
        if (node.IsSequence()) {
            std::size_t i = 0;
            for (const YAML::Node& item : node) {
                trail.push_back(item_path("", i++));
                const bool ok = self(self, item, depth + 1);
                trail.pop_back();
                if (!ok) return false;
            }
        } else if (node.IsMap()) {
            for (const auto& kv : node) {
                trail.push_back(kv.first.IsScalar() ? kv.first.Scalar() : std::string("?"));
                const bool ok = self(self, kv.first, depth + 1) && self(self, kv.second, depth + 1);
                trail.pop_back();
                if (!ok) return false;
            }
        }
        return true;
    };
    return visit(visit, root, 0);
}

std::optional<std::string> YamlReader::scalar(const Slot& s, What what) {
    return scalar_as(s, what.clause());
}

std::optional<std::string> YamlReader::scalar_as(const Slot& s, const Message& what) {
    if (!s.node.IsScalar()) {
        error(s, expected_found(what, s.node));
        return std::nullopt;
    }
    // The raw file was checked before parsing, but escapes in quoted strings ("\0", "\uD800")
    // can still decode to bytes that are not text.
    if (auto problem = find_text_problem(s.node.Scalar())) {
        error(s, Message("case_error.yaml.value_not_text").clause("problem", problem->message));
        return std::nullopt;
    }
    return s.node.Scalar();
}

std::optional<std::string> YamlReader::text_line(const Slot& s, What what) {
    auto text = scalar(s, what);
    if (!text) return std::nullopt;
    if (text->empty() || text->find_first_not_of(" \t\r\n") == std::string::npos) {
        error(s, Message("case_error.yaml.empty_text").clause("what", what.clause()));
        return std::nullopt;
    }
    if (text->size() > limits::kMaxTextBytes) {
        error(s, Message("case_error.yaml.text_too_long")
                     .arg("bytes", text->size())
                     .arg("max", limits::kMaxTextBytes));
        return std::nullopt;
    }
    return text;
}

std::optional<std::string> YamlReader::id(const Slot& s, What what) {
    auto text = scalar(s, what);
    if (!text) return std::nullopt;
    auto allowed = [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
               c == '-' || c == '_' || c == '.' || c == ':';
    };
    if (text->empty() || text->size() > limits::kMaxIdBytes ||
        !std::all_of(text->begin(), text->end(), allowed)) {
        error(s, Message("case_error.yaml.bad_id")
                     .clause("what", what.clause())
                     .arg("max", limits::kMaxIdBytes)
                     .arg("found", shown(*text)));
        return std::nullopt;
    }
    return text;
}

std::optional<std::string> YamlReader::address(const Slot& s) {
    auto text = scalar(s, "case_error.what.address");
    if (!text) return std::nullopt;
    const bool printable =
        std::all_of(text->begin(), text->end(), [](char c) { return c > 0x20 && c < 0x7F; });
    if (text->empty() || text->size() > limits::kMaxIdBytes || !printable) {
        error(s, Message("case_error.yaml.bad_address")
                     .arg("max", limits::kMaxIdBytes)
                     .arg("found", shown(*text)));
        return std::nullopt;
    }
    return text;
}

std::optional<std::int64_t> YamlReader::integer(const Slot& s, std::int64_t min, std::int64_t max,
                                                What what) {
    auto text = scalar(s, what);
    if (!text) return std::nullopt;
    std::string_view digits = *text;
    const bool negative = !digits.empty() && digits[0] == '-';
    if (!digits.empty() && (digits[0] == '-' || digits[0] == '+')) digits.remove_prefix(1);
    const bool well_formed =
        !digits.empty() && digits.size() <= 18 &&
        std::all_of(digits.begin(), digits.end(), [](char c) { return c >= '0' && c <= '9'; });
    std::int64_t value = 0;
    if (well_formed) std::from_chars(digits.data(), digits.data() + digits.size(), value);
    if (negative) value = -value;
    if (!well_formed || value < min || value > max) {
        error(s, Message("case_error.yaml.bad_integer")
                     .clause("what", what.clause())
                     .arg("min", static_cast<long long>(min))
                     .arg("max", static_cast<long long>(max))
                     .arg("found", shown(*text)));
        return std::nullopt;
    }
    return value;
}

std::optional<bool> YamlReader::boolean(const Slot& s) {
    auto text = scalar(s, "case_error.what.true_or_false");
    if (!text) return std::nullopt;
    if (*text == "true") return true;
    if (*text == "false") return false;
    error(s, Message("case_error.yaml.bad_boolean").arg("found", shown(*text)));
    return std::nullopt;
}

std::optional<LocalizedText> YamlReader::localized(const Slot& s) {
    MapReader map(*this, s, "case_error.what.localized_text", {"en", "es"});
    if (!map.is_map()) return std::nullopt;
    LocalizedText out;
    std::optional<std::string> en, es;
    if (auto v = map.need("en")) en = text_line(*v, "case_error.what.english_text");
    if (auto v = map.need("es")) es = text_line(*v, "case_error.what.spanish_text");
    if (!en || !es) return std::nullopt;
    out.en = std::move(*en);
    out.es = std::move(*es);
    return out;
}

std::optional<std::size_t> YamlReader::choice(const Slot& s,
                                              std::span<const std::string_view> names, What what) {
    auto text = scalar(s, what);
    if (!text) return std::nullopt;
    for (std::size_t i = 0; i < names.size(); ++i)
        if (names[i] == *text) return i;
    const std::string_view near = closest_name(*text, names);
    Message message(near.empty() ? "case_error.yaml.unknown_choice"
                                 : "case_error.yaml.unknown_choice_near");
    message.clause("what", what.clause())
        .arg("found", shown(*text))
        .arg("names", join_names(names));
    if (!near.empty()) message.arg("near", near);
    error(s, std::move(message));
    return std::nullopt;
}

template <typename Enum>
std::optional<Enum> YamlReader::vocabulary(const Slot& s, What what) {
    std::vector<std::string_view> names;
    for (Enum v : all_values<Enum>()) names.push_back(name_of(v));
    auto index = choice(s, names, what);
    if (!index) return std::nullopt;
    return all_values<Enum>()[*index];
}
template std::optional<EntityKind> YamlReader::vocabulary<EntityKind>(const Slot&, What);
template std::optional<Instrument> YamlReader::vocabulary<Instrument>(const Slot&, What);
template std::optional<Issuer> YamlReader::vocabulary<Issuer>(const Slot&, What);
template std::optional<Reach> YamlReader::vocabulary<Reach>(const Slot&, What);
template std::optional<Compulsion> YamlReader::vocabulary<Compulsion>(const Slot&, What);
template std::optional<RecordKind> YamlReader::vocabulary<RecordKind>(const Slot&, What);

std::optional<Units> YamlReader::amount(const Slot& s, int decimals, std::string_view symbol) {
    Message expectation("case_error.what.amount");
    expectation.arg("symbol", symbol).arg("decimals", decimals);
    auto text = scalar_as(s, expectation);
    if (!text) return std::nullopt;
    if (auto units = parse_amount(*text, decimals)) return units;
    const auto dot = text->find('.');
    const bool digits_only = !text->empty() && std::all_of(text->begin(), text->end(), [](char c) {
        return (c >= '0' && c <= '9') || c == '.';
    }) && std::count(text->begin(), text->end(), '.') <= 1;
    if (digits_only && dot != std::string::npos &&
        static_cast<int>(text->size() - dot - 1) > decimals)
        error(s, Message("case_error.yaml.amount_decimals")
                     .arg("found", shown(*text))
                     .arg("symbol", symbol)
                     .arg("decimals", decimals));
    else if (digits_only && dot != text->size() - 1)
        error(s, Message("case_error.yaml.amount_too_large")
                     .arg("found", shown(*text))
                     .arg("max", format_amount(max_amount(), decimals))
                     .arg("symbol", symbol));
    else
        error(s, Message("case_error.yaml.expected_value")
                     .clause("what", expectation)
                     .arg("found", shown(*text)));
    return std::nullopt;
}

std::optional<SimSeconds> YamlReader::time(const Slot& s, std::optional<std::int64_t> start_unix) {
    constexpr What expectation = "case_error.what.time";
    auto text = scalar(s, expectation);
    if (!text) return std::nullopt;
    if (auto offset = parse_offset(*text)) return offset;
    if (auto instant = parse_utc(*text)) {
        if (!start_unix) return std::nullopt;  // the start itself was reported as wrong
        const std::int64_t offset = *instant - *start_unix;
        if (offset < -limits::kMaxTimeOffset || offset > limits::kMaxTimeOffset) {
            error(s, Message("case_error.yaml.time_too_far").arg("found", shown(*text)));
            return std::nullopt;
        }
        return offset;
    }
    error(s, Message("case_error.yaml.expected_value")
                 .clause("what", expectation.clause())
                 .arg("found", shown(*text)));
    return std::nullopt;
}

std::optional<SimSeconds> YamlReader::duration(const Slot& s, SimSeconds unit_seconds) {
    auto text = scalar(s, "case_error.what.duration");
    if (!text) return std::nullopt;
    std::optional<SimSeconds> value;
    const bool plain_number = !text->empty() && std::all_of(text->begin(), text->end(), [](char c) {
        return c >= '0' && c <= '9';
    });
    if (plain_number) {
        if (text->size() <= 9) value = std::stoll(*text) * unit_seconds;
    } else if ((*text)[0] != '-') {
        value = parse_offset(*text);
    }
    if (!value || *value < 0 || *value > limits::kMaxTimeOffset) {
        error(s, Message("case_error.yaml.bad_duration").arg("found", shown(*text)));
        return std::nullopt;
    }
    return value;
}

std::optional<std::vector<Slot>> YamlReader::list(const Slot& s, What what) {
    if (!s.node.IsSequence()) {
        error(s, Message("case_error.yaml.expected_list")
                     .clause("what", what.clause())
                     .term("found", kind_of(s.node)));
        return std::nullopt;
    }
    std::vector<Slot> items;
    items.reserve(s.node.size());
    std::size_t i = 0;
    for (const YAML::Node& item : s.node) {
        YAML::Mark mark = item.Mark();
        if (mark.is_null() || item.IsNull()) mark = s.mark;
        items.push_back(Slot{item, item_path(s.path, i++), mark});
    }
    return items;
}

MapReader::MapReader(YamlReader& reader, const Slot& slot, What what,
                     std::span<const std::string_view> allowed)
    : reader_(reader), self_(slot), what_(what) {
    if (!slot.node.IsMap()) {
        reader_.error(slot, expected_found(what_.clause(), slot.node));
        return;
    }
    is_map_ = true;
    const std::vector<std::string_view> names(allowed.begin(), allowed.end());
    for (const auto& kv : slot.node) {
        const YAML::Node& key = kv.first;
        const YAML::Mark key_mark = key.Mark();
        if (!key.IsScalar()) {
            reader_.error(
                Slot{key, slot.path, key_mark},
                Message("case_error.yaml.key_not_a_name").arg("names", join_names(names)));
            continue;
        }
        const std::string& name = key.Scalar();
        const std::string path = child_path(slot.path, name);
        if (std::find(names.begin(), names.end(), name) == names.end()) {
            const std::string_view near = closest_name(name, names);
            Message message(near.empty() ? "case_error.yaml.unknown_key"
                                         : "case_error.yaml.unknown_key_near");
            message.arg("found", shown(name))
                .clause("what", what_.clause())
                .arg("names", join_names(names));
            if (!near.empty()) message.arg("near", near);
            reader_.error(Slot{key, path, key_mark}, std::move(message));
            continue;
        }
        if (find(name) != nullptr) {
            reader_.error(Slot{key, path, key_mark},
                          Message("case_error.yaml.key_twice").arg("key", name));
            continue;
        }
        YAML::Mark value_mark = kv.second.Mark();
        if (kv.second.IsNull() || value_mark.is_null()) value_mark = key_mark;
        entries_.emplace_back(name, Slot{kv.second, path, value_mark});
    }
}

const Slot* MapReader::find(std::string_view key) const {
    for (const auto& [name, slot] : entries_)
        if (name == key) return &slot;
    return nullptr;
}

std::optional<Slot> MapReader::get(std::string_view key) const {
    if (const Slot* s = find(key)) return *s;
    return std::nullopt;
}

std::optional<Slot> MapReader::need(std::string_view key) {
    if (!is_map_) return std::nullopt;
    if (const Slot* s = find(key)) return *s;
    reader_.error(
        self_,
        Message("case_error.yaml.missing_key").arg("key", key).clause("what", what_.clause()));
    return std::nullopt;
}

std::vector<std::string> MapReader::keys() const {
    std::vector<std::string> out;
    for (const auto& entry : entries_) out.push_back(entry.first);
    return out;
}

}  // namespace mt::scenario_detail
