// The loader's diagnostics are catalogue messages: each area's problems read in Spanish with the
// values of the case, and every key and word it names has its Spanish text.
#include <catch2/catch.hpp>

#include "scenario/jurisdiction_loader.hpp"
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

TEST_CASE("header diagnostics read in Spanish", "[scenario][spanish]") {
    const auto r = load(replace_once(
        replace_once(tiny_case(), "format_version: 1\nid: tiny", "format_version: 2\nid: Tiny!"),
        "home_jurisdiction: MX", "home_jurisdiction: mx"));
    CHECK(spanish(r, "format_version 2 is not supported") ==
          "format_version 2 no es compatible; esta versión de moneytrail lee format_version 1");
    CHECK(contains(spanish(r, "expected a case id"), "se encontró 'Tiny!'"));
    CHECK(spanish(r, "ISO 3166") ==
          "se esperaba un código de país ISO 3166 de dos letras mayúsculas como \"MX\"; se "
          "encontró 'mx'");
}

TEST_CASE("chain and asset diagnostics read in Spanish", "[scenario][spanish]") {
    const auto r = load(replace_once(tiny_case(), "{id: btc, symbol: BTC, chain: bitcoin,",
                                     "{id: btc, symbol: BTC, chain: bitcoinn,"));
    CHECK(spanish(r, "unknown chain 'bitcoinn'") ==
          "cadena desconocida 'bitcoinn'; se esperaba una declarada en chains");
    const auto twice =
        load(replace_once(tiny_case(), "  - {id: btc, symbol: BTC, chain: bitcoin, decimals: 8}\n",
                          "  - {id: btc, symbol: BTC, chain: bitcoin, decimals: 8}\n"
                          "  - {id: btc, symbol: XBT, chain: bitcoin, decimals: 8}\n"));
    CHECK(spanish(twice, "asset id 'btc' is declared twice") ==
          "el id de activo 'btc' está declarado dos veces; se esperaba cada activo una sola vez");
}

TEST_CASE("transaction diagnostics read in Spanish", "[scenario][spanish]") {
    const auto r = load(replace_once(tiny_case(), R"({address: addr-c, amount: "0.4"})",
                                     R"({address: addr-c, amount: "0"})"));
    CHECK(spanish(r, "expected an amount above zero") == "se esperaba una cantidad mayor que cero");
    const auto no_outputs =
        load(replace_once(tiny_case(),
                          "    outputs:\n      - {address: addr-b, amount: \"0.6\"}\n"
                          "      - {address: addr-c, amount: \"0.4\"}\n",
                          "    outputs: []\n"));
    CHECK(spanish(no_outputs, "expected at least one output") == "se esperaba al menos una salida");
    const auto repeated = load(replace_once(
        tiny_case(), "services:\n",
        "  - {id: t1, chain: bitcoin, time: +1h, inputs: [{from_tx: t1, vout: 1}], outputs: "
        "[{address: addr-d, amount: \"0.4\"}]}\nservices:\n"));
    const std::string es = spanish(repeated, "transaction id 't1' is already used at case.yaml:");
    CHECK(contains(es, "el id de transacción 't1' ya se usa en case.yaml:"));
    CHECK(contains(es, "(transactions[0]); se esperaba cada id de transacción una sola vez"));
}

TEST_CASE("custody diagnostics read in Spanish", "[scenario][spanish]") {
    const auto r =
        load(replace_once(tiny_case(), "    amount: \"0.6\"\n", "    amount: \"0.7\"\n"));
    CHECK(spanish(r, "holding 'h1' declares 0.7 BTC") ==
          "el bien 'h1' declara 0.7 BTC pero el libro mayor solo abona 0.6 BTC a addr-b antes de "
          "su movimiento en +1d12h; reduzca amount a lo más 0.6 o agregue las transacciones de "
          "depósito");
}

TEST_CASE("jurisdiction pack diagnostics read in Spanish", "[scenario][spanish]") {
    const std::string pack = R"(format_version: 1
id: yy
country: XX
name: {en: X, es: X}
court: {en: C, es: C}
central_authority: {en: A, es: A}
instruments: []
)";
    const PackLoad r = load_jurisdiction_text(pack, "xx.yaml", "xx");
    REQUIRE(r.errors.size() == 2);
    CHECK(render(r.errors[0].message, "es") ==
          "el id de paquete 'yy' difiere del nombre de su archivo 'xx'; nombre el archivo "
          "<id>.yaml");
    CHECK(render(r.errors[1].message, "es") == "se esperaba al menos un instrumento");
    const auto home = load(replace_once(tiny_case(), "home_jurisdiction: MX",
                                        "home_jurisdiction: US\n"
                                        "jurisdiction: mx"));
    CHECK(spanish(home, "differs from pack 'mx'") ==
          "home_jurisdiction US difiere del paquete 'mx' (MX); omita home_jurisdiction o indique "
          "el paquete de ese país");
}

namespace {

// Whether `key`, and every catalogue word `message` names, is in the Spanish catalogue.
bool worded_in_spanish(const Message& message) {
    if (!builtin_catalogue("es").find(message.key)) return false;
    for (const MessageArg& a : message.args)
        if (!a.term.empty() && !builtin_catalogue("es").find(a.term)) return false;
    return true;
}

}  // namespace

TEST_CASE("every diagnostic of a broken case is worded in Spanish", "[scenario][spanish]") {
    const std::vector<std::pair<std::string_view, std::string_view>> breaks = {
        {"format_version: 1", "format_version: x"},
        {"difficulty: beginner", "difficulty: hard"},
        {"estimated_minutes: 10", "estimated_minutes: [10]"},
        {"typologies: [peel_chain]", "typologies: [Peel Chain]"},
        {"start: \"2021-05-08T14:30:00Z\"", "start: yesterday"},
        {"time_budget_hours: 72", "time_budget_hours: 72\ntime_budget_hour: 1"},
        {"title: {en: Tiny case, es: Caso diminuto}", "title: {en: Tiny case, es: ''}"},
        {"{id: bitcoin, name: Bitcoin, model: utxo, native_asset: btc}",
         "{id: bitcoin, name: Bitcoin, model: utxo, native_asset: eth}"},
        {"{id: btc, symbol: BTC, chain: bitcoin, decimals: 8}",
         "{id: btc, symbol: BTC, chain: bitcoin, decimals: 80, decimals: 8}"},
        {"    time: -2h\n", "    time: yesterday\n"},
        {"{address: addr-a, amount: \"1.0001\"}", "{address: addr-a, amount: \"1.0001\", vout: 0}"},
        {"{address: addr-b, amount: \"0.6\"}", "{address: addr b, amount: \"0.6x\"}"},
        {"    fee: \"0.0001\"\n", "    fee: \"0.0001\"\n    asset: eth\n"},
        {"    amount: \"0.6\"\n", "    amount: \"0.9\"\n"},
        {"services:\n",
         "opening_balances:\n  - {address: addr-a, asset: btc, amount: \"1\"}\n"
         "services:\n"},
        {"tool_costs: {explore: 5,", "tool_costs: {explore: 5, explore: 6,"},
        {"expert_summary: {en: Summary, es: Resumen}", "expert_summary: !!binary aGVsbG8="},
    };
    std::size_t diagnostics = 0;
    for (const auto& [from, to] : breaks) {
        const LoadResult r = load(replace_once(tiny_case(), from, to));
        INFO(to << "\n" << describe(r));
        CHECK_FALSE(r.errors.empty());
        for (const Diagnostic& d : r.errors) {
            INFO(english(d));
            CHECK(worded_in_spanish(d.message));
            ++diagnostics;
        }
    }
    CHECK(diagnostics >= breaks.size());
}
