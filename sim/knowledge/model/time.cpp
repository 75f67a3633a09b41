#include "model/time.hpp"

#include <cstdio>

namespace mt {
namespace {

// Howard Hinnant's days-from-civil: proleptic Gregorian calendar without the C library's time zone.
std::int64_t days_from_civil(std::int64_t y, unsigned m, unsigned d) {
    y -= m <= 2;
    const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
    const auto yoe = static_cast<unsigned>(y - era * 400);
    const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

void civil_from_days(std::int64_t z, std::int64_t& y, unsigned& m, unsigned& d) {
    z += 719468;
    const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const auto doe = static_cast<unsigned>(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    y = static_cast<std::int64_t>(yoe) + era * 400;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    d = doy - (153 * mp + 2) / 5 + 1;
    m = mp < 10 ? mp + 3 : mp - 9;
    y += m <= 2;
}

bool read_number(std::string_view text, std::size_t pos, std::size_t len, int& out) {
    if (pos + len > text.size()) return false;
    out = 0;
    for (std::size_t i = pos; i < pos + len; ++i) {
        if (text[i] < '0' || text[i] > '9') return false;
        out = out * 10 + (text[i] - '0');
    }
    return true;
}

}  // namespace

std::optional<std::int64_t> parse_utc(std::string_view t) {
    int year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0;
    if (!read_number(t, 0, 4, year) || t.size() < 16 || t[4] != '-' ||
        !read_number(t, 5, 2, month) || t[7] != '-' || !read_number(t, 8, 2, day) ||
        (t[10] != 'T' && t[10] != ' ') || !read_number(t, 11, 2, hour) || t[13] != ':' ||
        !read_number(t, 14, 2, minute))
        return std::nullopt;
    std::size_t pos = 16;
    if (pos < t.size() && t[pos] == ':') {
        if (!read_number(t, pos + 1, 2, second)) return std::nullopt;
        pos += 3;
    }
    if (pos < t.size() && t[pos] == 'Z') ++pos;
    if (pos != t.size()) return std::nullopt;
    if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 59)
        return std::nullopt;
    const std::int64_t days =
        days_from_civil(year, static_cast<unsigned>(month), static_cast<unsigned>(day));
    return days * 86400 + hour * 3600 + minute * 60 + second;
}

std::string format_utc(std::int64_t unix_seconds) {
    std::int64_t day = unix_seconds / 86400;
    std::int64_t rest = unix_seconds % 86400;
    if (rest < 0) {
        rest += 86400;
        --day;
    }
    std::int64_t y = 0;
    unsigned m = 0, d = 0;
    civil_from_days(day, y, m, d);
    char buf[48];
    std::snprintf(buf, sizeof buf, "%04lld-%02u-%02u %02lld:%02lld UTC", static_cast<long long>(y),
                  m, d, static_cast<long long>(rest / 3600),
                  static_cast<long long>(rest % 3600 / 60));
    return buf;
}

std::string format_duration(SimSeconds span) {
    std::string out = span < 0 ? "-" : "";
    if (span < 0) span = -span;
    const SimSeconds d = span / 86400, h = span % 86400 / 3600, m = span % 3600 / 60;
    if (d > 0) out += std::to_string(d) + "d ";
    if (d > 0 || h > 0) out += std::to_string(h) + "h ";
    out += std::to_string(m) + "m";
    if (d > 0 && m == 0) out.resize(out.size() - 3);  // "2d 3h" rather than "2d 3h 0m"
    return out;
}

}  // namespace mt
