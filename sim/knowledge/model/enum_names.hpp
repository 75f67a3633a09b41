#pragma once
// One table per enum gives its stable spelling both ways: name_of(), parse_enum<>() and
// all_values<>() are all read from it, so a name is written once.
#include <array>
#include <optional>
#include <span>
#include <string_view>
#include <utility>

namespace mt::enum_names {

template <typename Enum, std::size_t N>
using Names = std::array<std::pair<Enum, std::string_view>, N>;

template <typename Enum, std::size_t N>
std::string_view name(const Names<Enum, N>& names, Enum v) {
    for (const auto& [value, text] : names)
        if (value == v) return text;
    return "?";
}

template <typename Enum, std::size_t N>
std::optional<Enum> value(const Names<Enum, N>& names, std::string_view text) {
    for (const auto& [v, name] : names)
        if (name == text) return v;
    return std::nullopt;
}

template <typename Enum, std::size_t N>
constexpr std::array<Enum, N> values(const Names<Enum, N>& names) {
    std::array<Enum, N> out{};
    for (std::size_t i = 0; i < N; ++i) out[i] = names[i].first;
    return out;
}

}  // namespace mt::enum_names

// Defines name_of(Enum), parse_enum<Enum>() and all_values<Enum>() in namespace mt from `table`.
#define MT_ENUM_NAMES(Enum, table)                                \
    std::string_view name_of(Enum v) {                            \
        return enum_names::name(table, v);                        \
    }                                                             \
    template <>                                                   \
    std::optional<Enum> parse_enum<Enum>(std::string_view text) { \
        return enum_names::value(table, text);                    \
    }                                                             \
    template <>                                                   \
    std::span<const Enum> all_values<Enum>() {                    \
        static constexpr auto list = enum_names::values(table);   \
        return list;                                              \
    }
