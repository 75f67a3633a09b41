#include <catch2/catch.hpp>

#include "model/money.hpp"
#include "model/narrow.hpp"
#include "model/time.hpp"

using namespace mt;

TEST_CASE("amounts parse exactly into base units", "[money]") {
    CHECK(parse_amount("0.5", 8) == Units{50'000'000});
    CHECK(parse_amount("1200", 2) == Units{120'000});
    CHECK(parse_amount("0.00000546", 8) == Units{546});
    // 25 ETH in wei does not fit in 64 bits.
    const Units wei = *parse_amount("25", 18);
    CHECK(to_string(wei) == "25000000000000000000");
    // Up to 18 digits are read in 64 bits, more in 128: both give the same units.
    CHECK(to_string(*parse_amount("123456789.123456789", 18)) == "123456789123456789000000000");
    CHECK(to_string(*parse_amount("1234567890.123456789", 18)) == "1234567890123456789000000000");
    CHECK(parse_amount("000000000000000001", 0) == Units{1});
    CHECK(to_string(*parse_amount("999999999999.999999999999999999", 18)) ==
          "999999999999999999999999999999");
}

TEST_CASE("malformed or out-of-range amounts are rejected", "[money]") {
    CHECK_FALSE(parse_amount("", 8));
    CHECK_FALSE(parse_amount("-1", 8));
    CHECK_FALSE(parse_amount("1e8", 8));
    CHECK_FALSE(parse_amount("0.123456789", 8));  // more decimals than the asset has
    CHECK_FALSE(parse_amount("1.", 8));
    CHECK_FALSE(parse_amount(".", 8));
    CHECK_FALSE(parse_amount("99999999999999999999999999999999999", 0));
    // The limit (10^30 units) holds however few digits are written.
    CHECK(parse_amount("1000000000000", 18) == max_amount());
    CHECK_FALSE(parse_amount("1000000000001", 18));
    CHECK_FALSE(parse_amount("12345678901234567x", 0));
    CHECK_FALSE(parse_amount("0.1234567/", 8));
}

TEST_CASE("amounts format without trailing zeros", "[money]") {
    CHECK(format_amount(50'000'000, 8) == "0.5");
    CHECK(format_amount(546, 8) == "0.00000546");
    CHECK(format_amount(300'000'000, 8) == "3");
    CHECK(format_amount(-150, 2) == "-1.5");
    CHECK(parse_units("-42") == Units{-42});
    CHECK_FALSE(parse_units("4.2"));
}

TEST_CASE("simulated calendar times round-trip without the C library's time zone", "[time]") {
    const auto t = parse_utc("2021-05-08T14:30:00Z");
    REQUIRE(t);
    CHECK(*t == 1620484200);
    CHECK(format_utc(*t) == "2021-05-08 14:30 UTC");
    CHECK(format_utc(*t + hours(36)) == "2021-05-10 02:30 UTC");
    CHECK_FALSE(parse_utc("2021-13-08T14:30:00Z"));
    CHECK_FALSE(parse_utc("yesterday"));
    CHECK(format_duration(hours(51) + minutes(15)) == "2d 3h 15m");
    CHECK(format_duration(minutes(45)) == "45m");
}

TEST_CASE("amounts a trainee reads have their thousands grouped, the sign kept in front",
          "[money]") {
    CHECK(display_amount(Units{900'000'000'000}, 6, "USDT") == "900,000 USDT");
    CHECK(display_amount(Units{736'392'710'000}, 6, "USDT") == "736,392.71 USDT");
    CHECK(display_amount(Units{-123'000'000}, 6, "USDT") == "-123 USDT");
    CHECK(display_amount(Units{-1'234'500'000}, 6, "") == "-1,234.5");
    CHECK(display_amount(Units{546}, 8, "BTC") == "0.00000546 BTC");
    CHECK(display_amount(Units{0}, 8, "BTC") == "0 BTC");
}

TEST_CASE("narrow converts an integer that fits its type and refuses one that does not",
          "[money]") {
    CHECK(narrow<std::uint32_t>(std::uint64_t{4'000'000'000}) == 4'000'000'000u);
    CHECK(narrow<std::int32_t>(std::int64_t{-5}) == -5);
    CHECK(narrow<std::size_t>(std::uint64_t{12}) == 12u);
    CHECK_THROWS_AS(narrow<std::uint32_t>(std::uint64_t{1} << 32), std::out_of_range);
    CHECK_THROWS_AS(narrow<std::uint64_t>(-1), std::out_of_range);
    CHECK_THROWS_AS(narrow<std::int8_t>(128), std::out_of_range);
}
