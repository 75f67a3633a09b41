#pragma once
// Exact proportions of money. Haircut taint needs value * taint / total where both factors can be
// 10^26 wei, so the product is formed in 256 bits and only the quotient returns to mt::Units.
#include <string>

#include "model/money.hpp"

namespace mt {

// floor(a * b / c) for a, b >= 0 and c > 0, exact even when a * b exceeds 128 bits. The caller
// guarantees the quotient fits in Units (it does whenever b <= c, as with a share of a total).
Units mul_div_floor(Units a, Units b, Units c);

// part / whole as a percentage with one decimal, rounded half up: "30.0%", "9.1%". A zero whole
// gives "0.0%".
std::string format_share(Units part, Units whole);

}  // namespace mt
