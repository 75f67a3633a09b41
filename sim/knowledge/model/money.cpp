#include "model/money.hpp"

#include <algorithm>
#include <cstdint>

namespace mt {

namespace {
constexpr Units ten_to_the_30th() {
    Units v = 1;
    for (int i = 0; i < 30; ++i) v *= 10;
    return v;
}
constexpr Units kMaxAmount = ten_to_the_30th();
}  // namespace

Units max_amount() {
    return kMaxAmount;
}

std::optional<Units> parse_amount(std::string_view text, int decimals) {
    if (text.empty() || decimals < 0 || decimals > 30) return std::nullopt;
    const auto dot = text.find('.');
    const std::string_view whole = text.substr(0, dot);
    const std::string_view frac =
        dot == std::string_view::npos ? std::string_view{} : text.substr(dot + 1);
    if (whole.empty() && frac.empty()) return std::nullopt;
    if (dot != std::string_view::npos && frac.empty()) return std::nullopt;
    if (static_cast<int>(frac.size()) > decimals) return std::nullopt;
    const Units limit = kMaxAmount;
    Units value = 0;
    // Up to 18 digits fit in 64 bits, far below the limit: most amounts (a ledger's millions)
    // are read without 128-bit arithmetic.
    if (whole.size() + frac.size() <= 18) {
        std::uint64_t digits = 0;
        bool all_digits = true;
        for (const std::string_view part : {whole, frac})
            for (const char c : part) {
                const auto digit = static_cast<unsigned char>(c - '0');
                all_digits = all_digits && digit <= 9;
                digits = digits * 10 + digit;
            }
        if (!all_digits) return std::nullopt;
        value = digits;
        for (int i = static_cast<int>(frac.size()); i < decimals; ++i) {
            value *= 10;
            if (value > limit) return std::nullopt;
        }
        return value;
    }
    auto push_digit = [&](char c) {
        if (c < '0' || c > '9') return false;
        value = value * 10 + (c - '0');
        return value <= limit;
    };
    for (char c : whole)
        if (!push_digit(c)) return std::nullopt;
    for (char c : frac)
        if (!push_digit(c)) return std::nullopt;
    for (int i = static_cast<int>(frac.size()); i < decimals; ++i) {
        value *= 10;
        if (value > limit) return std::nullopt;
    }
    return value;
}

std::string to_string(Units amount) {
    if (amount == 0) return "0";
    const bool negative = amount < 0;
    // Work on the magnitude as unsigned so the most negative value cannot overflow.
    __extension__ unsigned __int128 magnitude =
        negative ? static_cast<unsigned __int128>(-(amount + 1)) + 1
                 : static_cast<unsigned __int128>(amount);
    std::string digits;
    while (magnitude > 0) {
        digits.push_back(static_cast<char>('0' + static_cast<int>(magnitude % 10)));
        magnitude /= 10;
    }
    if (negative) digits.push_back('-');
    std::reverse(digits.begin(), digits.end());
    return digits;
}

std::optional<Units> parse_units(std::string_view digits) {
    bool negative = false;
    if (!digits.empty() && digits.front() == '-') {
        negative = true;
        digits.remove_prefix(1);
    }
    auto value = parse_amount(digits, 0);
    if (!value || digits.find('.') != std::string_view::npos) return std::nullopt;
    return negative ? -*value : *value;
}

std::string format_amount(Units amount, int decimals) {
    const bool negative = amount < 0;
    std::string digits = to_string(negative ? -amount : amount);
    if (decimals <= 0) return (negative ? "-" : "") + digits;
    const auto d = static_cast<std::size_t>(decimals);
    if (digits.size() <= d) digits.insert(0, d + 1 - digits.size(), '0');
    std::string whole = digits.substr(0, digits.size() - d);
    std::string frac = digits.substr(digits.size() - d);
    while (!frac.empty() && frac.back() == '0') frac.pop_back();
    std::string out = (negative ? "-" : "") + whole;
    if (!frac.empty()) out += "." + frac;
    return out;
}

std::string group_thousands(std::string_view digits) {
    std::string out;
    const std::size_t n = digits.size();
    for (std::size_t i = 0; i < n; ++i) {
        out += digits[i];
        const std::size_t left = n - i - 1;
        if (left > 0 && left % 3 == 0) out += ',';
    }
    return out;
}

std::string display_amount(Units amount, int decimals, std::string_view asset) {
    const std::string plain = format_amount(amount, decimals);
    const std::size_t sign = plain.front() == '-' ? 1 : 0;
    const std::size_t dot = std::min(plain.find('.'), plain.size());
    std::string out =
        plain.substr(0, sign) + group_thousands(std::string_view(plain).substr(sign, dot - sign));
    out += plain.substr(dot);
    if (!asset.empty()) {
        out += ' ';
        out += asset;
    }
    return out;
}

}  // namespace mt
