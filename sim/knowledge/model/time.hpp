#pragma once
// Simulated time: seconds relative to the case's start instant (negative = before the briefing).
// The scenario names the calendar instant of its start so times can be shown as dates; the wall
// clock is never read.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace mt {

using SimSeconds = std::int64_t;

constexpr SimSeconds minutes(std::int64_t m) {
    return m * 60;
}
constexpr SimSeconds hours(std::int64_t h) {
    return h * 3600;
}
constexpr SimSeconds days(std::int64_t d) {
    return d * 86400;
}

// Parses "2021-05-08T14:30:00Z" (UTC, seconds optional) into Unix seconds.
std::optional<std::int64_t> parse_utc(std::string_view text);
// Formats Unix seconds as "2021-05-08 14:30 UTC".
std::string format_utc(std::int64_t unix_seconds);
// Formats a duration as "2d 3h 15m" (or "-2h" for negative spans).
std::string format_duration(SimSeconds span);

}  // namespace mt
