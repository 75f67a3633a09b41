// Messages (a key and named arguments) become words only through the catalogues: the argument
// named "count" picks the plural form, per-language arguments follow the language asked for, and
// the JSON form reads back to the same message.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "i18n/catalogue.hpp"
#include "model/message.hpp"

TEST_CASE("a message renders in the language asked for, with plural forms", "[i18n]") {
    const mt::Message one = mt::Message("common.transaction_count").arg("count", 1);
    const mt::Message many = mt::Message("common.transaction_count").arg("count", 3);
    CHECK(mt::render(one, "en") == "1 transaction");
    CHECK(mt::render(many, "en") == "3 transactions");
    CHECK(mt::render(one, "es") == "1 transacción");
    CHECK(mt::render(many, "es") == "3 transacciones");
    CHECK(mt::render(mt::Message("common.transaction_count").arg("count", 0), "es") ==
          "0 transacciones");
}

TEST_CASE("a case-text argument is read in the message's language", "[i18n]") {
    const mt::Message sent =
        mt::Message("common.request_sent_to")
            .arg("service", mt::LocalizedText{"Koraex exchange", "casa de cambio Koraex"});
    CHECK(mt::render(sent, "en") == "Request sent to Koraex exchange");
    CHECK(mt::render(sent, "es") == "Solicitud enviada a casa de cambio Koraex");
    mt::set_interface_language("es");
    CHECK(mt::render(sent) == "Solicitud enviada a casa de cambio Koraex");
    mt::set_interface_language("en");
    CHECK(mt::render(sent) == "Request sent to Koraex exchange");
}

TEST_CASE("an unknown key renders as the key and is recorded; unknown braces stay", "[i18n]") {
    CHECK(mt::render(mt::Message("no.such.key").arg("x", "1"), "es") == "no.such.key");
    CHECK(mt::missing_translation_keys().count("no.such.key") == 1);
    mt::Catalogue catalogue;
    REQUIRE(
        catalogue.load(R"({"k": {"one": "one {count}", "other": "{count} {unknown} {"}})", "t.json")
            .empty());
    CHECK(catalogue.is_plural("k"));
    CHECK(*catalogue.find("k", 1) == "one {count}");
    CHECK(*catalogue.find("k", 2) == "{count} {unknown} {");
    CHECK(*catalogue.find("k") == "{count} {unknown} {");
}

TEST_CASE("a message survives its JSON form", "[i18n]") {
    const mt::Message original = mt::Message("legal.freeze.withdrawn")
                                     .arg("count", 2)
                                     .arg("service", mt::LocalizedText{"Bitnova", "Bitnova MX"});
    const nlohmann::json json = original;
    CHECK(json == nlohmann::json::parse(
                      R"({"key": "legal.freeze.withdrawn",
                          "args": {"count": "2", "service": {"en": "Bitnova", "es": "Bitnova MX"}}})"));
    CHECK(json.get<mt::Message>() == original);
    CHECK(nlohmann::json(mt::Message("a.b")) == nlohmann::json::parse(R"({"key": "a.b"})"));
    CHECK_THROWS(nlohmann::json::parse(R"({"args": {}})").get<mt::Message>());
}
