// `prices`: what one unit of an asset was worth in US dollars at simulated times, so the graph can
// show a transfer's value when it was made. A constant (`usd: "1.00"`, a stablecoin) or a series
// of quotes; each holds from its time until the next.
#include <map>

#include "scenario/load_state.hpp"

namespace mt::scenario_detail {
namespace {

// Prices above a trillion dollars a unit are a typo (a missing decimal point), not a market.
constexpr Units kMaxPrice = Units{1'000'000'000'000} * 100'000'000;

std::optional<Units> read_price(YamlReader& yaml, const Slot& slot) {
    auto usd = yaml.amount(slot, kPriceDecimals, "USD");
    if (!usd) return std::nullopt;
    if (*usd == 0 || *usd > kMaxPrice) {
        yaml.error(slot,
                   "expected a price in US dollars for one whole unit, above 0 and below "
                   "1,000,000,000,000");
        return std::nullopt;
    }
    return usd;
}

std::string time_text(const Slot& slot) {
    return slot.node.IsScalar() ? slot.node.Scalar() : std::string();
}

}  // namespace

void read_prices(LoadState& state, MapReader& root) {
    auto s = root.get("prices");
    if (!s) return;
    YamlReader& yaml = state.yaml;
    auto items = yaml.list(*s, "prices");
    if (!items) return;
    const Ledger& ledger = state.scenario.ledger;
    std::map<AssetId, std::string> priced;  // asset -> the path of its entry
    for (const Slot& item : *items) {
        MapReader map(yaml, item, "the prices of an asset", {"asset", "usd", "quotes"});
        if (!map.is_map()) continue;
        std::optional<AssetId> asset;
        auto asset_slot = map.need("asset");
        if (asset_slot) asset = resolve_asset(state, *asset_slot);
        const auto constant = map.get("usd");
        const auto quotes = map.get("quotes");
        if (constant && quotes) {
            yaml.error(*quotes,
                       "an asset has either one price for the whole case (usd) or a "
                       "list of quotes, not both");
            continue;
        }
        if (!constant && !quotes) {
            yaml.error(item,
                       "expected usd (one price for the whole case, like \"1.00\") or "
                       "quotes (a list of {at, usd})");
            continue;
        }
        AssetPriceSeries series;
        bool ok = true;
        if (constant) {
            if (auto usd = read_price(yaml, *constant))
                series.quotes.push_back({kPriceAlways, *usd});
            else
                ok = false;
        } else if (auto list = yaml.list(*quotes, "quotes")) {
            if (list->empty()) {
                yaml.error(*quotes, "expected at least one quote {at, usd}");
                ok = false;
            }
            std::optional<Slot> previous;  // the `at` of the last quote read with a time
            for (const Slot& quote : *list) {
                MapReader q(yaml, quote, "a price quote", {"at", "usd"});
                if (!q.is_map()) {
                    ok = false;
                    continue;
                }
                std::optional<SimSeconds> at;
                std::optional<Units> usd;
                auto at_slot = q.need("at");
                if (at_slot) at = yaml.time(*at_slot, state.start_unix);
                if (auto v = q.need("usd")) usd = read_price(yaml, *v);
                if (!at || !usd) {
                    ok = false;
                    continue;
                }
                if (!series.quotes.empty() && *at <= series.quotes.back().at) {
                    yaml.error(*at_slot, "quote at " + time_text(*at_slot) +
                                             " is not after the quote before it (" +
                                             time_text(*previous) + " at " + previous->path +
                                             "); expected quotes in time order, one per time");
                    ok = false;
                    continue;
                }
                series.quotes.push_back({*at, *usd});
                previous = at_slot;
            }
        } else {
            ok = false;
        }
        if (!asset || !ok) continue;
        const Asset& a = ledger.asset(*asset);
        if (auto [it, added] = priced.try_emplace(*asset, item.path); !added) {
            yaml.error(*asset_slot, "asset '" + a.id + "' is priced twice (first at " + it->second +
                                        "); expected one entry per asset");
            continue;
        }
        // The trainee's casefile names an asset by its chain and symbol, as transactions show it.
        for (const Asset& other : ledger.assets())
            if (other.id != a.id && other.symbol == a.symbol &&
                ledger.chain(other.chain).name == ledger.chain(a.chain).name) {
                yaml.error(*asset_slot,
                           "assets '" + a.id + "' and '" + other.id + "' are both " + a.symbol +
                               " on " + ledger.chain(a.chain).name +
                               ", so a trainee could not tell their prices apart; give one of "
                               "them another symbol");
                ok = false;
                break;
            }
        if (!ok) continue;
        series.asset = *asset;
        state.scenario.prices.push_back(std::move(series));
    }
}

}  // namespace mt::scenario_detail
