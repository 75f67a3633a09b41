#include <catch2/catch.hpp>

#include "i18n/catalogue.hpp"
#include "seminar/display_text.hpp"

using namespace mt::seminar;

namespace {
CleanText name(std::string_view s) {
    return clean_display_text(s, "seminar.field.name", 1, 64);
}
}  // namespace

TEST_CASE("names are trimmed and inner whitespace collapsed") {
    CHECK(name("  Ana   López ").text == "Ana López");
    CHECK(name("Ana\tLópez").text == "Ana López");
    CHECK(name("Ana López").error.empty());
}

TEST_CASE("names must be present, bounded and printable") {
    CHECK(mt::render(name("   ").error, "en") == "The name is required.");
    CHECK(mt::render(name("   ").error, "es") == "El campo nombre es obligatorio.");
    CHECK(mt::render(name(std::string(65, 'a')).error, "es") ==
          "El campo nombre es demasiado largo (máximo 64 caracteres).");
    CHECK_FALSE(name(std::string(65, 'a')).error.empty());
    CHECK(name(std::string(64, 'a')).error.empty());
    CHECK_FALSE(name(std::string(100000, 'a')).error.empty());  // rejected before decoding
    CHECK_FALSE(name("Ana\nLópez").error.empty());
    CHECK_FALSE(name(std::string("Ana\0x", 5)).error.empty());
    CHECK_FALSE(name("Ana\xE2\x80\xAE"
                     "zepoL")
                    .error.empty());                     // right-to-left override
    CHECK_FALSE(name("Ana\xE2\x80\x8B").error.empty());  // zero-width space
    // 64 characters of two bytes each fit; the limit counts characters, not bytes.
    std::string accents;
    for (int i = 0; i < 64; ++i) accents += "é";
    CHECK(name(accents).error.empty());
}

TEST_CASE("names that are not UTF-8 are refused") {
    CHECK(mt::render(name("Jos\xE9").error, "en").find("UTF-8") != std::string::npos);  // Latin-1
    CHECK_FALSE(name("\xC0\xAF").error.empty());      // overlong '/'
    CHECK_FALSE(name("\xED\xA0\x80").error.empty());  // surrogate
    CHECK_FALSE(name("abc\xE2\x82").error.empty());   // cut short
    CHECK(name("日本語").error.empty());
}

TEST_CASE("the rejoin key ignores letter case, accented capitals included") {
    CHECK(name_key("José PÉREZ Ñandú") == name_key("JOSÉ pérez ñANDÚ"));
    CHECK(name_key("Ana") != name_key("Ana María"));
}
