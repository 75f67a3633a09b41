// The loader's diagnostics are catalogue messages: each area's problems read in Spanish with the
// values of the case, and none falls back to the untranslated English wrapper.
#include <catch2/catch.hpp>

#include "scenario/limits.hpp"
#include "test_support.hpp"

using namespace mt;
using namespace mt::test;

namespace {

// The diagnostic found by its English words, in Spanish.
std::string spanish(const LoadResult& r, std::string_view english_part) {
    const Diagnostic* d = find_error(r, english_part);
    INFO(describe(r));
    REQUIRE(d);
    return render(d->message, "es");
}

bool contains(const std::string& text, std::string_view part) {
    return text.find(part) != std::string::npos;
}

}  // namespace

TEST_CASE("the YAML reader's diagnostics read in Spanish", "[scenario][spanish]") {
    SECTION("a misspelt key, with the closest key and the keys of the map") {
        const auto r = load(replace_once(tiny_case(), R"({address: addr-c, amount: "0.4"})",
                                         R"({address: addr-c, ammount: "0.4"})"));
        const std::string es = spanish(r, "unknown key 'ammount'");
        CHECK(es ==
              "clave desconocida 'ammount' (¿quiso decir 'amount'?); una salida tiene las claves "
              "address, amount");
        CHECK(spanish(r, "missing key 'amount'") == "falta la clave 'amount' en una salida");
    }
    SECTION("an unknown vocabulary value names the expectation and the allowed values") {
        const auto r = load(replace_once(tiny_case(), "kind: exchange", "kind: exchnage"));
        const std::string es = spanish(r, "unknown entity kind 'exchnage'");
        CHECK(contains(es, "no se reconoce 'exchnage' como tipo de entidad"));
        CHECK(contains(es, "(¿quiso decir 'exchange'?)"));
        CHECK(contains(es, "se esperaba uno de estos: victim, suspect"));
    }
    SECTION("a value of the wrong shape names what was found") {
        const auto r = load(replace_once(tiny_case(), "decimals: 8", "decimals: [8]"));
        CHECK(spanish(r, "expected the number of decimals, found a list") ==
              "se esperaba el número de decimales; se encontró una lista");
    }
    SECTION("a number out of range, an id and an amount") {
        const auto r = load(replace_once(tiny_case(), "decimals: 8", "decimals: 31"));
        CHECK(spanish(r, "whole number") ==
              "se esperaba el número de decimales, un número entero de 0 a 30; se encontró '31'");
        const auto amount =
            load(replace_once(tiny_case(), R"(amount: "0.4")", R"(amount: "0.123456789")"));
        CHECK(spanish(amount, "decimal places") ==
              "la cantidad '0.123456789' tiene más decimales de los que admite BTC (8)");
        const auto bad_amount =
            load(replace_once(tiny_case(), R"(amount: "0.4")", R"(amount: "four")"));
        CHECK(spanish(bad_amount, "expected an amount in BTC") ==
              "se esperaba una cantidad en BTC como decimal con a lo más 8 decimales, como "
              "\"0.5\"; se encontró 'four'");
    }
    SECTION("a text missing its Spanish") {
        const auto r = load(replace_once(tiny_case(), "title: {en: Tiny case, es: Caso diminuto}",
                                         "title: {en: Tiny case}"));
        CHECK(spanish(r, "missing key 'es'") ==
              "falta la clave 'es' en un texto en inglés y en español ({en: ..., es: ...})");
    }
}

TEST_CASE("document and encoding problems read in Spanish", "[scenario][spanish]") {
    CHECK(render(load("a: [1, 2\n").errors.at(0).message, "es").rfind("YAML mal formado: ", 0) ==
          0);
    CHECK(
        render(load("a: \xF1\n").errors.at(0).message, "es") ==
        "el byte 0xF1 no es UTF-8 válido; se esperaba que el archivo estuviera guardado en UTF-8");
    CHECK(render(load("- 1\n").errors.at(0).message, "es") ==
          "se esperaba el caso como un mapa de claves que empiece con format_version");
    const LoadResult big = load(std::string(scenario_limits::kMaxYamlBytes + 1, ' '));
    CHECK(render(big.errors.at(0).message, "es") ==
          "'case.yaml' mide 16777217 bytes; el límite es 16777216 bytes (16.0 MiB) (ponga las "
          "transacciones masivas en un CSV de ledger_file)");
}
