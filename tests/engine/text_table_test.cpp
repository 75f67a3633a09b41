#include <catch2/catch.hpp>

#include <string>
#include <unordered_map>

#include "model/text_table.hpp"

using namespace mt;

TEST_CASE("A text table interns each text once and finds it again") {
    TextTable table;
    const auto [first, added_first] = table.intern("bc1qvictim");
    const auto [second, added_second] = table.intern("bc1qthief");
    const auto [again, added_again] = table.intern("bc1qvictim");
    CHECK(added_first);
    CHECK(added_second);
    CHECK_FALSE(added_again);
    CHECK(again == first);
    CHECK(first != second);
    CHECK(table.size() == 2);
    CHECK(table.at(first) == "bc1qvictim");
    CHECK(table.at(second) == "bc1qthief");
    CHECK(table.find("bc1qthief") == second);
    CHECK(table.find("bc1qthie") == TextTable::kAbsent);
    CHECK(table.find("") == TextTable::kAbsent);
}

TEST_CASE("A text table keeps entries in order and texts intact as its index regrows") {
    // Enough entries for many regrowths of the index and the arena, with texts that share long
    // prefixes (as addresses and transaction hashes do) and an empty one.
    TextTable table;
    std::unordered_map<std::string, TextTable::Entry> expected;
    for (int i = 0; i < 50'000; ++i) {
        const std::string text =
            i == 7 ? std::string() : "tx-" + std::string(40, 'a') + std::to_string(i);
        const auto [entry, added] = table.intern(text);
        REQUIRE(added);
        CHECK(entry == static_cast<TextTable::Entry>(i));
        expected.emplace(text, entry);
    }
    REQUIRE(table.size() == expected.size());
    for (const auto& [text, entry] : expected) {
        REQUIRE(table.at(entry) == text);
        REQUIRE(table.find(text) == entry);
        REQUIRE_FALSE(table.intern(text).second);
    }
    CHECK(table.find("tx-" + std::string(40, 'a') + "50000") == TextTable::kAbsent);
    CHECK(table.memory_bytes() >= 50'000 * 40);
}

TEST_CASE("Reserving room in a text table changes nothing it holds") {
    TextTable table;
    table.intern("a");
    table.reserve(1'000, 100'000);
    CHECK(table.find("a") == 0);
    CHECK(table.intern("b").first == 1);
    CHECK(table.at(1) == "b");
}
