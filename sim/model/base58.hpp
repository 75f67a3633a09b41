#pragma once
// Base58 (Bitcoin's alphabet, without 0, O, I and l): the digits of legacy Bitcoin and Tron
// addresses. One definition for the case generator, the importer's Base58Check and the seminar's
// per-trainee variants.
#include <array>
#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>

namespace mt::base58 {

inline constexpr std::string_view kAlphabet =
    "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
// The longest input append() takes (a Base58Check address is 25 bytes).
inline constexpr std::size_t kMostBytes = 64;

// Appends `bytes`, a big-endian number, in Base58 to `out`, each leading zero byte as a '1'.
// `bytes` is used as scratch space (divided by 58 in place): at most kMostBytes of them.
inline void append(std::string& out, std::span<std::uint8_t> bytes) {
    std::size_t start = 0;
    while (start < bytes.size() && bytes[start] == 0) ++start;
    out.append(start, '1');
    // 256 / 58 < 1.37, so a byte takes at most 1.37 digits.
    std::array<char, kMostBytes * 137 / 100 + 1> digits{};  // least significant first
    std::size_t count = 0;
    while (start < bytes.size() && count < digits.size()) {
        std::uint32_t remainder = 0;
        for (std::size_t i = start; i < bytes.size(); ++i) {
            const std::uint32_t value = (remainder << 8) | bytes[i];
            bytes[i] = static_cast<std::uint8_t>(value / 58);
            remainder = value % 58;
        }
        digits[count++] = kAlphabet[remainder];
        while (start < bytes.size() && bytes[start] == 0) ++start;
    }
    for (std::size_t i = count; i > 0; --i) out += digits[i - 1];
}

}  // namespace mt::base58
