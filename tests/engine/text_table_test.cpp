#include <catch2/catch.hpp>

#include <array>
#include <string>
#include <unordered_map>
#include <vector>

#include "model/text_table.hpp"

using namespace mt;

namespace {

// The same texts in a compact table and in a plain one.
struct Tables {
    TextTable packed{TextTable::Packing::Compact};
    TextTable plain;
};

// Interns `texts` in both tables and checks that each reads back exactly from the compact one and
// is found again under its entry.
Tables round_trip(const std::vector<std::string>& texts) {
    Tables tables;
    for (const std::string& text : texts) {
        tables.packed.intern(text);
        tables.plain.intern(text);
    }
    REQUIRE(tables.packed.size() == texts.size());
    for (std::size_t i = 0; i < texts.size(); ++i) {
        const auto entry = static_cast<TextTable::Entry>(i);
        const TextTable::Text text = tables.packed.at(entry);
        CHECK(text.view() == texts[i]);
        CHECK(text.size() == texts[i].size());
        CHECK(text.str() == texts[i]);
        CHECK(tables.packed.find(texts[i]) == entry);
        CHECK_FALSE(tables.packed.intern(texts[i]).second);
    }
    return tables;
}

}  // namespace

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

TEST_CASE("A compact table stores lowercase hex hashes as bytes and spells them back exactly") {
    const std::string hash = "225107e3f7c114c3ba534919879e6dd80dbe61ad38e92588a6f4b28fd6f50408";
    // Each of these must come back exactly as written, packed or not.
    const std::vector<std::string> texts = {
        hash,
        "0x" + hash,                                   // an Ethereum-style transaction hash
        "0x52908400098527886e0f7030069857d2e4169ee7",  // 40 digits after 0x
        "00000000000000000000000000000000",            // all zero bytes
        "ffffffffffffffff",                            // the shortest packed length (16 digits)
        "fffffffffffffff",                             // odd: stored as written
        std::string(hash).replace(0, 1, "A"),          // upper case: stored as written
        hash + "00",                                   // longer than 64 digits: as written
        "0x",                                          // a prefix with no digits
        "tx-peel-1",
        "",
    };
    const Tables tables = round_trip(texts);
    const TextTable& packed = tables.packed;
    // A hash differing in its last digit, or only in case, is another text.
    CHECK(packed.find(hash.substr(0, 63) + "9") == TextTable::kAbsent);
    CHECK(packed.find("0X" + hash) == TextTable::kAbsent);
    CHECK(packed.find(hash.substr(2)) == TextTable::kAbsent);
    // Each packed text takes half its digits in bytes, and no bytes for a "0x".
    CHECK(tables.plain.memory_bytes() - packed.memory_bytes() == 32 + 34 + 22 + 16 + 8);
    // A copy spells its own digits: its view does not point into the original's.
    const TextTable::Text original = packed.at(0);
    CHECK(original.view() == hash);
    const TextTable::Text copy = original;
    CHECK(copy.view() == hash);
    CHECK(copy.view().data() != original.view().data());
}

TEST_CASE("A compact table stores bech32 addresses at 5 bits a character and spells them back") {
    const std::string segwit = "bc1qx2sty3ektvdnn68qt9cx35qamr5293lra0f8hq";
    const std::vector<std::string> texts = {
        segwit,
        "bc1p5d7rjq7g6rdk2yhzks9smlaqtedr4dekq08ge8ztwac72sfr9rusxg3297",  // taproot
        "tb1qw508d6qejxtdg4y5r3zarvary0c5xw7kxpjzsx",                      // testnet
        "bcrt1q" + std::string(80 - 1, 'q'),           // the longest data part (80)
        "bcrt1q" + std::string(80, 'q'),               // one longer: as written
        "BC1QX2STY3EKTVDNN68QT9CX35QAMR5293LRA0F8HQ",  // upper case: as written
        "abcdefghi1qqqqqqqq",                          // a 9-letter prefix: as written
        "bc1qqqqq",                                    // 5 data characters: as written
        "bc1qstolen",                                  // 'o' is not bech32: as written
        "TDC1p7wjWp69iXK1viuujWvFi9rq2rbALj",          // a Tron address: as written
        "1qqqqqqqqq",                                  // no prefix: as written
    };
    const Tables tables = round_trip(texts);
    const TextTable& packed = tables.packed;
    // One character changed is another address.
    CHECK(packed.find("bc1qx2sty3ektvdnn68qt9cx35qamr5293lra0f8hp") == TextTable::kAbsent);
    CHECK(packed.find("bc1qx2sty3ektvdnn68qt9cx35qamr5293lra0f8h") == TextTable::kAbsent);
    // A 42-character segwit address takes 29 bytes: prefix length, "bc", data length, 39 x 5 bits.
    const Tables one = round_trip({segwit});
    CHECK(one.plain.memory_bytes() - one.packed.memory_bytes() == 42 - 29);
}

TEST_CASE("Only lowercase hex digits pack, whichever place another character takes") {
    // Every digit in every place of a group of eight (hashes are packed eight digits at a time).
    std::vector<std::string> hashes;
    const std::string digits = "0123456789abcdef";
    for (std::size_t shift = 0; shift < digits.size(); ++shift) {
        std::string hash;
        for (std::size_t i = 0; i < 64; ++i) hash += digits[(i * 7 + shift) % digits.size()];
        hashes.push_back(hash);
        hashes.push_back(hash.substr(0, 18));  // a group of eight and a tail of two
    }
    const Tables tables = round_trip(hashes);
    CHECK(tables.plain.memory_bytes() - tables.packed.memory_bytes() == 16 * (32 + 9));

    // A character just outside the digits' or letters' range, or not ASCII, in any place.
    std::array<char, TextTable::kMaxPackedBytes> scratch;
    const std::string hash = hashes.front();
    for (std::size_t at = 0; at < hash.size(); ++at)
        for (const char c : {'/', ':', '@', 'G', '`', 'g', 'A', 'F', ' ', '\x7f', '\x80', '\xb0',
                             '\xe6', '\xff'}) {
            std::string text = hash;
            text[at] = c;
            INFO("character " << static_cast<int>(static_cast<unsigned char>(c)) << " at " << at);
            CHECK(TextTable::key(text, TextTable::Packing::Compact, scratch.data()).stored == text);
        }
}
