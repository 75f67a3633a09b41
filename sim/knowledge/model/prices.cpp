#include "model/prices.hpp"

#include <algorithm>

namespace mt {

const PriceQuote* price_at(const AssetPrices& prices, SimSeconds at) {
    // The first quote after `at`; the one before it is in force.
    const auto after =
        std::upper_bound(prices.quotes.begin(), prices.quotes.end(), at,
                         [](SimSeconds time, const PriceQuote& quote) { return time < quote.at; });
    return after == prices.quotes.begin() ? nullptr : &*(after - 1);
}

const AssetPrices* find_prices(const std::vector<AssetPrices>& prices, std::string_view chain,
                               std::string_view asset) {
    for (const AssetPrices& p : prices)
        if (p.chain == chain && p.asset == asset) return &p;
    return nullptr;
}

std::optional<std::int64_t> usd_cents(Units amount, int decimals, Units usd) {
    // amount / 10^decimals whole units at usd / 10^8 dollars each, in cents:
    // amount * usd / 10^(decimals + 6). Decimals stop at 30, so the divisor fits 128 bits.
    if (amount < 0 || usd < 0 || decimals < 0 || decimals > 30) return std::nullopt;
    // No __builtin_mul_overflow: on 128 bits clang calls compiler-rt's __muloti4, which libgcc
    // lacks.
    constexpr Units kLargest = ((Units{1} << 126) - 1) * 2 + 1;  // 2^127 - 1
    if (amount != 0 && usd > kLargest / amount) return std::nullopt;
    const Units product = amount * usd;
    Units divisor = 1;
    for (int i = 0; i < decimals + kPriceDecimals - 2; ++i) divisor *= 10;
    const Units cents = product / divisor + (product % divisor * 2 >= divisor ? 1 : 0);
    if (cents > std::numeric_limits<std::int64_t>::max()) return std::nullopt;
    return static_cast<std::int64_t>(cents);
}

std::optional<std::int64_t> usd_cents_at(const std::vector<AssetPrices>& prices,
                                         std::string_view chain, std::string_view asset,
                                         int decimals, Units amount, SimSeconds at) {
    const AssetPrices* series = find_prices(prices, chain, asset);
    if (!series) return std::nullopt;
    const PriceQuote* quote = price_at(*series, at);
    if (!quote) return std::nullopt;
    return usd_cents(amount, decimals, quote->usd);
}

}  // namespace mt
