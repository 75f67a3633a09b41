#include "forensics/proportion.hpp"

#include <limits>

namespace mt {
namespace {

__extension__ typedef unsigned __int128 U128;

struct U256 {
    U128 high = 0;
    U128 low = 0;
};

U256 multiply(U128 a, U128 b) {
    const U128 mask = std::numeric_limits<std::uint64_t>::max();
    const U128 a0 = a & mask, a1 = a >> 64, b0 = b & mask, b1 = b >> 64;
    const U128 p00 = a0 * b0, p01 = a0 * b1, p10 = a1 * b0, p11 = a1 * b1;
    // Middle column: the carry out of the low 128 bits is collected before it can be lost.
    const U128 middle = (p00 >> 64) + (p01 & mask) + (p10 & mask);
    U256 r;
    r.low = (middle << 64) | (p00 & mask);
    r.high = p11 + (p01 >> 64) + (p10 >> 64) + (middle >> 64);
    return r;
}

// Shift-subtract division; the remainder stays below c < 2^127, so doubling it never overflows.
U128 divide(U256 n, U128 c) {
    U128 remainder = 0, quotient = 0;
    for (int bit = 255; bit >= 0; --bit) {
        const U128 next = bit >= 128 ? (n.high >> (bit - 128)) & 1 : (n.low >> bit) & 1;
        remainder = (remainder << 1) | next;
        quotient <<= 1;
        if (remainder >= c) {
            remainder -= c;
            quotient |= 1;
        }
    }
    return quotient;
}

}  // namespace

Units mul_div_floor(Units a, Units b, Units c) {
    if (a <= 0 || b <= 0 || c <= 0) return 0;
    const auto ua = static_cast<U128>(a), ub = static_cast<U128>(b), uc = static_cast<U128>(c);
    if (ub <= std::numeric_limits<U128>::max() / ua) return static_cast<Units>(ua * ub / uc);
    return static_cast<Units>(divide(multiply(ua, ub), uc));
}

std::string format_share(Units part, Units whole) {
    if (whole <= 0 || part <= 0) return "0.0%";
    // Twice the permille, then round half up: 1/11 -> 181 -> 91 -> "9.1%".
    const Units doubled = mul_div_floor(part, 2000, whole);
    const Units permille = (doubled + 1) / 2;
    return to_string(permille / 10) + "." + to_string(permille % 10) + "%";
}

}  // namespace mt
