// Generated identifiers look like the real ones, never repeat, and never depend on anything but
// their key and salt.
#include <catch2/catch.hpp>

#include <unordered_set>

#include "generate/identifiers.hpp"
#include "generate/ledger_sink.hpp"
#include "generate/random.hpp"
#include "generate/typology.hpp"

using namespace mt::generate;

TEST_CASE("Bitcoin addresses are 42-character bc1q addresses with a valid bech32 checksum") {
    for (std::uint64_t key = 1; key < 2000; ++key) {
        const std::string a = bitcoin_address(key, 99);
        REQUIRE(a.size() == 42);
        REQUIRE(a.rfind("bc1q", 0) == 0);
        REQUIRE(has_valid_bech32_checksum(a));
    }
    std::string corrupted = bitcoin_address(5, 99);
    corrupted[10] = corrupted[10] == 'q' ? 'p' : 'q';
    CHECK_FALSE(has_valid_bech32_checksum(corrupted));
}

TEST_CASE("Tron addresses are 34 base58 characters starting with T") {
    const std::string alphabet = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
    for (std::uint64_t key = 1; key < 2000; ++key) {
        const std::string a = tron_address(key, 99);
        REQUIRE(a.size() == 34);
        REQUIRE(a[0] == 'T');
        REQUIRE(a.find_first_not_of(alphabet) == std::string::npos);
    }
}

TEST_CASE("Transaction hashes are 64 lower-case hex digits") {
    const std::string h = transaction_hash(12345, 99);
    REQUIRE(h.size() == 64);
    CHECK(h.find_first_not_of("0123456789abcdef") == std::string::npos);
}

TEST_CASE("Identifiers are unique per key and depend only on key and salt") {
    std::unordered_set<std::string> seen;
    for (std::uint64_t key = 0; key < 100'000; ++key) {
        REQUIRE(seen.insert(bitcoin_address(key, 7)).second);
        REQUIRE(seen.insert(tron_address(key, 7)).second);
        REQUIRE(seen.insert(transaction_hash(key, 7)).second);
    }
    CHECK(bitcoin_address(42, 7) == bitcoin_address(42, 7));
    CHECK(bitcoin_address(42, 7) != bitcoin_address(42, 8));
}

TEST_CASE("Amounts and times are written as the case format reads them") {
    CHECK(amount_text(150'000'000, 8) == "1.5");
    CHECK(amount_text(546, 8) == "0.00000546");
    CHECK(amount_text(2'000'000, 6) == "2");
    CHECK(amount_text(27'255'900, 6) == "27.2559");
    std::string t;
    append_offset(t, -(3 * 86400 + 4 * 3600 + 5 * 60 + 6));
    CHECK(t == "-3d4h5m6s");
    t.clear();
    append_offset(t, -7200);
    CHECK(t == "-2h");
}

TEST_CASE("The random stream and the identifiers are fixed by the seed, on every platform") {
    // Golden values: a change here changes every generated case (and breaks reproducibility of
    // cases shared between classrooms), so it must be deliberate.
    CHECK(Random(7).next() == 7037807252756049728ull);
    CHECK(bitcoin_address(1, 7) == "bc1qgwr2mgr5jmdu7kwppj30zdsxmq59gjy67vkv6n");
    CHECK(tron_address(1, 7) == "TUpb7gsjFjzNtoBidAZS7rvvjWRJz4HjLU");
    CHECK(transaction_hash(1, 7) ==
          "20354c8ae56af1601b36009be8d0853808a8c0913653b876e096898df1ac54ee");
    Random a(7), b(7);
    for (int i = 0; i < 100; ++i) REQUIRE(a.next() == b.next());
    Random r(1);
    for (int i = 0; i < 1000; ++i) {
        const auto v = r.between(-3, 3);
        REQUIRE(v >= -3);
        REQUIRE(v <= 3);
        const auto d = r.decades(2, 4);
        REQUIRE(d >= 100);
        REQUIRE(d < 10'000);
    }
    CHECK(round_two_digits(123'456) == 120'000);
    CHECK(round_two_digits(99) == 99);
}

TEST_CASE("Typology lists parse into trail order and name a bad entry") {
    mt::Message error;
    auto list = parse_typology_list("fan_in, peel_chain,fan_in", error);
    REQUIRE(list);
    REQUIRE(list->size() == 2);
    CHECK((*list)[0] == Typology::PeelChain);
    CHECK((*list)[1] == Typology::FanIn);
    CHECK_FALSE(parse_typology_list("peel_chain,layering", error));
    CHECK(error.key == "generate.error.unknown_typology");
    REQUIRE(error.find("name"));
    CHECK(error.find("name")->value == "layering");
    REQUIRE(error.find("known"));
    CHECK(error.find("known")->value.find("exchange_consolidation") != std::string::npos);
}
