// A case's `prices`: read exactly, refused with the place and the reason when wrong, copied into
// the trainee's casefile (and its JSON), and the quote in force at a transfer's time chosen.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "i18n/catalogue.hpp"
#include "model/casefile.hpp"
#include "session/session.hpp"
#include "test_support.hpp"

using namespace mt;
using namespace mt::test;

namespace {

std::string with_prices(std::string_view prices) {
    return replace_once(tiny_case(), "entities:\n", std::string(prices) + "entities:\n");
}

// A second asset on a second chain, so a case can price two.
std::string with_tron(std::string_view prices) {
    std::string text = replace_once(
        tiny_case(), "  - {id: bitcoin, name: Bitcoin, model: utxo, native_asset: btc}\n",
        "  - {id: bitcoin, name: Bitcoin, model: utxo, native_asset: btc}\n"
        "  - {id: tron, name: Tron, model: account, native_asset: trx}\n");
    text = replace_once(text, "  - {id: btc, symbol: BTC, chain: bitcoin, decimals: 8}\n",
                        "  - {id: btc, symbol: BTC, chain: bitcoin, decimals: 8}\n"
                        "  - {id: trx, symbol: TRX, chain: tron, decimals: 6}\n"
                        "  - {id: usdt, symbol: USDT, chain: tron, decimals: 6}\n");
    return replace_once(text, "entities:\n", std::string(prices) + "entities:\n");
}

}  // namespace

TEST_CASE("prices are read exactly: a constant, or quotes at offsets and instants",
          "[scenario][prices]") {
    const LoadResult result = load(with_tron(R"(prices:
  - asset: btc
    quotes:
      - {at: "2021-05-07T00:00:00Z", usd: "57352.77"}
      - {at: -2h, usd: "57000"}
      - {at: +1d, usd: "0.00000001"}
  - {asset: usdt, usd: "1.00"}
)"));
    INFO(describe(result));
    REQUIRE(result.ok());
    const auto& prices = result.scenario->prices;
    REQUIRE(prices.size() == 2);
    CHECK(result.scenario->ledger.asset(prices[0].asset).id == "btc");
    REQUIRE(prices[0].quotes.size() == 3);
    // The start is 2021-05-08T14:30Z: the instant is 38.5 hours before it.
    CHECK(prices[0].quotes[0].at == -hours(38) - minutes(30));
    CHECK(prices[0].quotes[0].usd == Units{5'735'277'000'000});
    CHECK(prices[0].quotes[1].at == -hours(2));
    CHECK(prices[0].quotes[1].usd == Units{5'700'000'000'000});
    CHECK(prices[0].quotes[2].usd == 1);
    CHECK(result.scenario->ledger.asset(prices[1].asset).id == "usdt");
    REQUIRE(prices[1].quotes.size() == 1);
    CHECK(prices[1].quotes[0].at == kPriceAlways);
    CHECK(prices[1].quotes[0].usd == Units{100'000'000});
}

TEST_CASE("a wrong price is refused where it is written, saying what was expected",
          "[scenario][prices]") {
    const auto check = [](const std::string& text, std::string_view part, std::string_view path,
                          std::string_view at, int occurrence = 0) {
        const LoadResult result = load(text);
        INFO(describe(result));
        CHECK_FALSE(result.scenario);
        const Diagnostic* d = find_error(result, part);
        REQUIRE(d);
        CHECK(d->file == "case.yaml");
        CHECK(d->yaml_path == path);
        const TextPos pos = position_of(text, at, occurrence);
        CHECK(d->line == pos.line);
        CHECK(d->column == pos.column);
    };
    SECTION("an asset the case does not declare") {
        check(with_prices("prices:\n  - {asset: eth, usd: \"3000\"}\n"), "unknown asset 'eth'",
              "prices[0].asset", "eth, usd");
    }
    SECTION("quotes out of time order") {
        check(with_prices("prices:\n  - asset: btc\n    quotes:\n"
                          "      - {at: +2h, usd: \"50000\"}\n"
                          "      - {at: +1h, usd: \"51000\"}\n"),
              "quote at +1h is not after the quote before it (+2h at prices[0].quotes[0].at)",
              "prices[0].quotes[1].at", "+1h");
    }
    SECTION("two quotes at one time, one written as an instant") {
        check(with_prices("prices:\n  - asset: btc\n    quotes:\n"
                          "      - {at: \"0\", usd: \"50000\"}\n"
                          "      - {at: \"2021-05-08T14:30:00Z\", usd: \"51000\"}\n"),
              "expected quotes in time order, one per time", "prices[0].quotes[1].at",
              "\"2021-05-08T14:30:00Z\"", 1);
    }
    SECTION("a negative price") {
        check(with_prices("prices:\n  - asset: btc\n    quotes:\n"
                          "      - {at: +2h, usd: \"-50000\"}\n"),
              "expected an amount in USD as a decimal with at most 8 decimal places",
              "prices[0].quotes[0].usd", "\"-50000\"");
    }
    SECTION("a price that is no number") {
        check(with_prices("prices:\n  - {asset: btc, usd: \"$50,000\"}\n"), "found '$50,000'",
              "prices[0].usd", "\"$50,000\"");
    }
    SECTION("a price of nothing") {
        check(with_prices("prices:\n  - {asset: btc, usd: \"0\"}\n"),
              "expected a price in US dollars for one whole unit, above 0", "prices[0].usd",
              "\"0\"");
    }
    SECTION("finer than the eighth decimal") {
        check(with_prices("prices:\n  - {asset: btc, usd: \"0.000000001\"}\n"),
              "has more decimal places than USD allows (8)", "prices[0].usd", "\"0.000000001\"");
    }
    SECTION("one asset priced twice") {
        check(with_prices("prices:\n  - {asset: btc, usd: \"50000\"}\n"
                          "  - {asset: btc, usd: \"51000\"}\n"),
              "asset 'btc' is priced twice (first at prices[0])", "prices[1].asset",
              "btc, usd: \"51000\"");
    }
    SECTION("both a constant and quotes") {
        check(with_prices("prices:\n  - {asset: btc, usd: \"1\", quotes: [{at: \"0\", usd: "
                          "\"2\"}]}\n"),
              "either one price for the whole case (usd) or a list of quotes, not both",
              "prices[0].quotes", "[{at");
    }
    SECTION("neither") {
        check(with_prices("prices:\n  - {asset: btc}\n"), "expected usd (one price", "prices[0]",
              "{asset: btc}");
    }
    SECTION("an empty list of quotes") {
        check(with_prices("prices:\n  - {asset: btc, quotes: []}\n"),
              "expected at least one quote {at, usd}", "prices[0].quotes", "[]");
    }
    SECTION("a typo in a key") {
        check(
            with_prices("prices:\n  - asset: btc\n    quotes:\n      - {time: +2h, usd: \"1\"}\n"),
            "unknown key 'time'", "prices[0].quotes[0].time", "time: +2h");
    }
    SECTION("two assets a trainee would read as one") {
        // A second chain also shown as "Bitcoin", carrying a second "BTC".
        std::string text = replace_once(
            tiny_case(), "chains:\n",
            "chains:\n  - {id: copy, name: Bitcoin, model: account, native_asset: fake}\n");
        text = replace_once(text, "assets:\n",
                            "assets:\n  - {id: fake, symbol: BTC, chain: copy, decimals: 8}\n");
        check(replace_once(text, "entities:\n",
                           "prices:\n  - {asset: fake, usd: \"1\"}\nentities:\n"),
              "assets 'fake' and 'btc' are both BTC on Bitcoin", "prices[0].asset", "fake, usd");
    }
}

TEST_CASE("the trainee's casefile carries the prices, through JSON too", "[scenario][prices]") {
    const LoadResult result = load(with_prices(R"(prices:
  - asset: btc
    quotes:
      - {at: -3h, usd: "57000"}
      - {at: +1h, usd: "58000.5"}
)"));
    INFO(describe(result));
    REQUIRE(result.ok());
    Session session(result.scenario);
    const Casefile& casefile = session.casefile();
    REQUIRE(casefile.briefing.prices.size() == 1);
    const AssetPrices& btc = casefile.briefing.prices[0];
    CHECK(btc.chain == "Bitcoin");
    CHECK(btc.asset == "BTC");
    REQUIRE(btc.quotes.size() == 2);
    CHECK(btc.quotes[1].usd == Units{5'800'050'000'000});

    const nlohmann::json sent = to_json(casefile);
    const CasefileParse back = casefile_from_json(sent);
    INFO(render(back.error, "en"));
    REQUIRE(back.casefile);
    CHECK(to_json(*back.casefile) == sent);
    REQUIRE(back.casefile->briefing.prices.size() == 1);
    CHECK(back.casefile->briefing.prices[0].quotes[0].at == -hours(3));

    // A casefile written before prices, or of a case without them, reads as no prices.
    nlohmann::json old = sent;
    old["briefing"].erase("prices");
    const CasefileParse without = casefile_from_json(old);
    REQUIRE(without.casefile);
    CHECK(without.casefile->briefing.prices.empty());
    // Quotes out of order would choose the wrong one: refused.
    nlohmann::json shuffled = sent;
    std::swap(shuffled["briefing"]["prices"][0]["quotes"][0],
              shuffled["briefing"]["prices"][0]["quotes"][1]);
    const CasefileParse refused = casefile_from_json(shuffled);
    CHECK_FALSE(refused.casefile);
    CHECK(render(refused.error, "en") ==
          "casefile: (/briefing/prices/0/quotes) quotes in increasing time order "
          "are expected");

    const LoadResult plain = load(tiny_case());
    REQUIRE(plain.ok());
    Session no_prices(plain.scenario);
    CHECK(no_prices.casefile().briefing.prices.empty());
    CHECK_FALSE(to_json(no_prices.casefile())["briefing"].contains("prices"));
}

TEST_CASE("a transfer is valued at the latest quote at or before its time", "[scenario][prices]") {
    const AssetPrices btc{
        "Bitcoin",
        "BTC",
        {{-hours(3), Units{5'700'000'000'000}}, {hours(1), Units{5'800'000'000'000}}}};
    const std::vector<AssetPrices> prices{btc};
    const Units half = 50'000'000;  // 0.5 BTC
    // Before the first quote: no value.
    CHECK_FALSE(usd_cents_at(prices, "Bitcoin", "BTC", 8, half, -hours(4)));
    CHECK(usd_cents_at(prices, "Bitcoin", "BTC", 8, half, -hours(3)) == 2'850'000);
    CHECK(usd_cents_at(prices, "Bitcoin", "BTC", 8, half, 0) == 2'850'000);
    CHECK(usd_cents_at(prices, "Bitcoin", "BTC", 8, half, hours(1)) == 2'900'000);
    CHECK(usd_cents_at(prices, "Bitcoin", "BTC", 8, half, days(400)) == 2'900'000);
    // Another asset, or the same symbol on another chain, has no price.
    CHECK_FALSE(usd_cents_at(prices, "Bitcoin", "ETH", 18, half, 0));
    CHECK_FALSE(usd_cents_at(prices, "Liquid", "BTC", 8, half, 0));
    // A constant holds at any time.
    const std::vector<AssetPrices> usdt{{"Tron", "USDT", {{kPriceAlways, Units{100'000'000}}}}};
    CHECK(usd_cents_at(usdt, "Tron", "USDT", 6, Units{900'000'000'000}, -days(3000)) == 90'000'000);
    // Rounded to the nearest cent: 1 sat at 57,000 USD is 0.057 cents.
    CHECK(usd_cents(1, 8, Units{5'700'000'000'000}) == 0);
    CHECK(usd_cents(1'000, 8, Units{5'700'000'000'000}) == 57);
    CHECK(usd_cents(9'000, 8, Units{5'700'000'000'000}) == 513);
    // 18 decimals: 1.5 ETH at 2,000.123 USD.
    CHECK(usd_cents(Units{1'500'000'000'000'000'000}, 18, Units{200'012'300'000}) == 300'018);
    // Beyond 64 bits of cents: no value rather than a wrong one.
    CHECK_FALSE(usd_cents(max_amount(), 0, Units{100'000'000'000'000'000}));
}

TEST_CASE("a wrong price is told in the author's language", "[scenario][prices][i18n]") {
    const LoadResult result =
        load(with_prices("prices:\n  - {asset: btc, usd: \"50000\"}\n"
                         "  - {asset: btc, usd: \"51000\"}\n"));
    const Diagnostic* d = find_error(result, "is priced twice");
    REQUIRE(d);
    CHECK(d->message.key == "case_error.price_asset_twice");
    const std::string spanish = render(d->message, "es");
    CHECK(spanish ==
          "el activo 'btc' tiene precio dos veces (la primera en prices[0]); se espera una "
          "entrada por activo");
}
