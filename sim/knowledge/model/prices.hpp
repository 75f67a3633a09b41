#pragma once
// Market prices a case gives (its `prices:` section): public data, so the trainee's casefile
// carries them and a view can show what a transfer was worth in US dollars when it was made.
// Exact: a price is an integer count of 10^-8 USD per whole unit of the asset, never a float.
#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/money.hpp"
#include "model/time.hpp"

namespace mt {

// Decimal places of a price: "0.00001234" USD per unit is the finest a case may write.
inline constexpr int kPriceDecimals = 8;
// The time of a price that holds for the whole case (a stablecoin's 1.00).
inline constexpr SimSeconds kPriceAlways = std::numeric_limits<SimSeconds>::min();

struct PriceQuote {
    SimSeconds at = 0;  // from this simulated time on, until the next quote
    Units usd = 0;      // 10^-8 USD for one whole unit of the asset
};

// The quotes of one asset, sorted by time with no two at the same time. The asset is named as a
// known transaction names it: its chain's display name and its symbol.
struct AssetPrices {
    std::string chain;  // "Bitcoin"
    std::string asset;  // "BTC"
    std::vector<PriceQuote> quotes;
};

// The quote in force at `at`: the latest at or before it; null before the first quote.
const PriceQuote* price_at(const AssetPrices& prices, SimSeconds at);
const AssetPrices* find_prices(const std::vector<AssetPrices>& prices, std::string_view chain,
                               std::string_view asset);
// What `amount` base units of an asset with `decimals` places are worth at `usd` per whole unit,
// in US cents rounded to the nearest; nullopt when it would not fit 64 bits.
std::optional<std::int64_t> usd_cents(Units amount, int decimals, Units usd);
// The same at the quote in force at `at`; nullopt before the first quote or without prices.
std::optional<std::int64_t> usd_cents_at(const std::vector<AssetPrices>& prices,
                                         std::string_view chain, std::string_view asset,
                                         int decimals, Units amount, SimSeconds at);

}  // namespace mt
