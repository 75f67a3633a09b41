// `prices`: what one unit of an asset was worth in US dollars at simulated times, so the graph can
// show a transfer's value when it was made. A constant (`usd: "1.00"`, a stablecoin) or a series
// of quotes; each holds from its time until the next.
#include <map>

#include "scenario/load_state.hpp"

namespace mt::scenario_detail {
namespace {

// Prices above a trillion dollars a unit are a typo (a missing decimal point), not a market.
constexpr Units kMaxPrice = Units{1'000'000'000'000} * 100'000'000;
// How a quote is written, named in messages (an argument: braces in a catalogue are placeholders).
constexpr const char* kQuoteShape = "{at, usd}";

std::optional<Units> read_price(YamlReader& yaml, const Slot& slot) {
    auto usd = yaml.amount(slot, kPriceDecimals, "USD");
    if (!usd) return std::nullopt;
    if (*usd == 0 || *usd > kMaxPrice) {
        yaml.error(slot, Message("case_error.price_out_of_range").arg("max", "1,000,000,000,000"));
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
    auto items = yaml.list(*s, "case_error.what.prices");
    if (!items) return;
    const Ledger& ledger = state.scenario.ledger;
    std::map<AssetId, std::string> priced;  // asset -> the path of its entry
    for (const Slot& item : *items) {
        MapReader map(yaml, item, "case_error.what.asset_prices", {"asset", "usd", "quotes"});
        if (!map.is_map()) continue;
        std::optional<AssetId> asset;
        auto asset_slot = map.need("asset");
        if (asset_slot) asset = resolve_asset(state, *asset_slot);
        const auto constant = map.get("usd");
        const auto quotes = map.get("quotes");
        if (constant && quotes) {
            yaml.error(*quotes, Message("case_error.price_constant_and_quotes"));
            continue;
        }
        if (!constant && !quotes) {
            yaml.error(item, Message("case_error.price_missing").arg("quote", kQuoteShape));
            continue;
        }
        AssetPriceSeries series;
        bool ok = true;
        if (constant) {
            if (auto usd = read_price(yaml, *constant))
                series.quotes.push_back({kPriceAlways, *usd});
            else
                ok = false;
        } else if (auto list = yaml.list(*quotes, "case_error.what.quotes")) {
            if (list->empty()) {
                yaml.error(*quotes,
                           Message("case_error.price_no_quotes").arg("quote", kQuoteShape));
                ok = false;
            }
            std::optional<Slot> previous;  // the `at` of the last quote read with a time
            for (const Slot& quote : *list) {
                MapReader q(yaml, quote, "case_error.what.price_quote", {"at", "usd"});
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
                    yaml.error(*at_slot, Message("case_error.price_quote_out_of_order")
                                             .arg("at", time_text(*at_slot))
                                             .arg("previous", time_text(*previous))
                                             .arg("previous_path", previous->path));
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
            yaml.error(*asset_slot, Message("case_error.price_asset_twice")
                                        .arg("asset", a.id)
                                        .arg("first", it->second));
            continue;
        }
        // The trainee's casefile names an asset by its chain and symbol, as transactions show it.
        for (const Asset& other : ledger.assets())
            if (other.id != a.id && other.symbol == a.symbol &&
                ledger.chain(other.chain).name == ledger.chain(a.chain).name) {
                yaml.error(*asset_slot, Message("case_error.price_assets_alike")
                                            .arg("asset", a.id)
                                            .arg("other", other.id)
                                            .arg("symbol", a.symbol)
                                            .arg("chain", ledger.chain(a.chain).name));
                ok = false;
                break;
            }
        if (!ok) continue;
        series.asset = *asset;
        state.scenario.prices.push_back(std::move(series));
    }
}

}  // namespace mt::scenario_detail
