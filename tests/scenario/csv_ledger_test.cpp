// The CSV ledger side file: merged with the YAML transactions, with its own file:line diagnostics.
#include <catch2/catch.hpp>

#include "i18n/catalogue.hpp"
#include "test_support.hpp"

using namespace mt;
using namespace mt::test;

namespace {

const std::string kHeader = "id,chain,asset,time,fee,inputs,outputs\n";

std::string case_with_ledger_file(std::string_view file_name = "ledger.csv") {
    return replace_once(tiny_case(), "transactions:\n",
                        "ledger_file: " + std::string(file_name) + "\ntransactions:\n");
}

}  // namespace

TEST_CASE("CSV rows join the YAML transactions in time order", "[scenario][csv]") {
    TempDir dir("csv-ok");
    dir.write("ledger.csv",
              kHeader +
                  "# spends the YAML transaction's change\n"
                  "c2,bitcoin,,-1h,0.0001,t1:1,addr-d=0.25;addr-e=0.1499\n"
                  "c1,bitcoin,btc,-3h,,addr-z=2,addr-y=2\n"
                  "\"c3\",bitcoin,,2021-05-08T14:00:00Z,0.0001,c2:0,addr-f=0.2499\r\n");
    const LoadResult r = load(case_with_ledger_file(), dir.path());
    INFO(describe(r));
    REQUIRE(r.ok());
    const Ledger& ledger = r.scenario->ledger;
    REQUIRE(ledger.transaction_count() == 4);
    CHECK(ledger.transaction(0).id == "c1");
    CHECK(ledger.transaction(1).id == "t1");
    CHECK(ledger.transaction(2).id == "c2");
    CHECK(ledger.transaction(3).id == "c3");
    CHECK(ledger.transaction(3).time == -minutes(30));
    CHECK(ledger.outputs(2)[1].amount == 14'990'000);
    CHECK(ledger.spender(OutPoint{1, 1}) == 2);
}

TEST_CASE("CSV problems are reported as csvfile:line:column", "[scenario][csv]") {
    TempDir dir("csv-errors");
    dir.write("ledger.csv", kHeader +
                                "c1,bitcoin,,-3h,,addr-z=2,addr-y=2\n"
                                "c2,bitcoin,,-2h,,addr-z=2\n"
                                "\n"
                                "c3,bitcoin,,-1h,,c1:0,addr-x=2.000000001\n"
                                "c4,dogecoin,,-1h,,addr-q=1,addr-w=1\n"
                                "c5,bitcoin,,soon,,addr-q=1,addr-w=1\n"
                                "c6,bitcoin,,-1h,,c1:0;c1:7,addr-w=2\n"
                                "c1,bitcoin,,-1h,,addr-q=1,addr-w=1\n");
    const LoadResult r = load(case_with_ledger_file(), dir.path());
    INFO(describe(r));
    REQUIRE_FALSE(r.ok());
    const std::string csv = (dir.path() / "ledger.csv").generic_string();

    const auto columns =
        find_error(r, "expected 7 columns (id,chain,asset,time,fee,inputs,outputs), found 6");
    REQUIRE(columns);
    CHECK(columns->file == csv);
    CHECK(columns->line == 3);
    CHECK(columns->column == 1);

    const auto amount = find_error(
        r, "expected an amount above zero in BTC with at most 8 decimal places after 'addr-x='");
    REQUIRE(amount);
    CHECK(amount->line == 5);
    CHECK(amount->column == 23);
    CHECK(amount->yaml_path == "outputs");

    const auto chain = find_error(r, "unknown chain 'dogecoin'");
    REQUIRE(chain);
    CHECK(chain->line == 6);
    CHECK(chain->column == 4);

    const auto time = find_error(r, "expected a time like");
    REQUIRE(time);
    CHECK(time->line == 7);
    CHECK(time->column == 13);

    const auto vout = find_error(r, "vout 7 does not exist");
    REQUIRE(vout);
    CHECK(vout->line == 8);
    CHECK(vout->yaml_path == "inputs");

    const auto duplicate = find_error(r, "transaction id 'c1' is already used at " + csv + ":2");
    REQUIRE(duplicate);
    CHECK(duplicate->line == 9);
}

TEST_CASE("a CSV header, encoding and account rows are checked", "[scenario][csv]") {
    TempDir dir("csv-misc");
    SECTION("wrong header") {
        dir.write("ledger.csv", "id,chain,time\nc1,bitcoin,-1h\n");
        const auto d =
            find_error(load(case_with_ledger_file(), dir.path()),
                       "the first row must be the header 'id,chain,asset,time,fee,inputs,outputs'");
        REQUIRE(d);
        CHECK(d->line == 1);
    }
    SECTION("non-UTF-8 bytes") {
        dir.write("ledger.csv", kHeader + "c1,bitcoin,,-1h,,addr-\xE9=1,addr-w=1\n");
        const auto d =
            find_error(load(case_with_ledger_file(), dir.path()), "byte 0xE9 is not valid UTF-8");
        REQUIRE(d);
        CHECK(d->line == 2);
        CHECK(d->column == 23);
    }
    SECTION("an unclosed quote") {
        dir.write("ledger.csv", kHeader + "\"c1,bitcoin,,-1h,,addr-q=1,addr-w=1\n");
        CHECK(
            find_error(load(case_with_ledger_file(), dir.path()), "a quoted field is not closed"));
    }
    SECTION("account rows name one sender and one receiver") {
        std::string text = replace_once(
            case_with_ledger_file(), "  - {id: btc, symbol: BTC, chain: bitcoin, decimals: 8}\n",
            "  - {id: btc, symbol: BTC, chain: bitcoin, decimals: 8}\n"
            "  - {id: eth, symbol: ETH, chain: ethereum, decimals: 18}\n");
        text =
            replace_once(text, "  - {id: bitcoin, name: Bitcoin, model: utxo, native_asset: btc}\n",
                         "  - {id: bitcoin, name: Bitcoin, model: utxo, native_asset: btc}\n"
                         "  - {id: ethereum, name: Ethereum, model: account, native_asset: eth}\n");
        text = replace_once(
            text, "ledger_file:",
            "opening_balances: [{address: \"0xaaa\", asset: eth, amount: \"1\"}]\nledger_file:");
        dir.write("ledger.csv", kHeader +
                                    "e1,ethereum,,-1h,0.001,0xaaa,0xbbb=0.5\n"
                                    "e2,ethereum,,-30m,0.001,0xaaa,0xbbb=0.5\n");
        const LoadResult r = load(text, dir.path());
        const auto d = find_error(r,
                                  "transfer 'e2' at -30m overdraws its sender '0xaaa': it needs "
                                  "0.501 ETH (amount plus fee) but holds 0.499 ETH then");
        REQUIRE(d);
        CHECK(d->line == 3);
        CHECK(d->file.find("ledger.csv") != std::string::npos);
    }
}

TEST_CASE("the side file must exist inside the case's folder", "[scenario][csv]") {
    TempDir dir("csv-missing");
    const std::string text = case_with_ledger_file("missing.csv");
    const LoadResult r = load(text, dir.path());
    const auto d = find_error(r, "ledger file: cannot open");
    REQUIRE(d);
    CHECK(d->file == "case.yaml");
    const TextPos at = position_of(text, "missing.csv");
    CHECK(d->line == at.line);
    CHECK(d->column == at.column);
    CHECK(d->yaml_path == "ledger_file");

    CHECK(find_error(load(case_with_ledger_file("/etc/passwd"), dir.path()),
                     "expected a relative path inside the case's folder"));
    CHECK(find_error(load(case_with_ledger_file("../x.csv"), dir.path()),
                     "expected a relative path inside the case's folder"));
}

TEST_CASE("A ledger file longer than one read block loads whole, with lines counted across blocks",
          "[scenario][csv]") {
    // The side file is read in blocks (512 KiB); 30,000 rows of ~170 bytes cross 4 MiB, and a
    // mistake on the last row must still be reported on its own line.
    TempDir dir("csv-big");
    std::string csv = kHeader;
    const std::string padding(120, 'p');
    constexpr int kRows = 30'000;
    for (int i = 0; i < kRows; ++i)
        csv += "c" + std::to_string(i) + padding + ",bitcoin,,-3h,,addr-z=1,addr-" +
               std::to_string(i % 97) + "=1\n";
    REQUIRE(csv.size() > (std::size_t{4} << 20));
    SECTION("every row arrives") {
        dir.write("ledger.csv", csv);
        const LoadResult r = load(case_with_ledger_file(), dir.path());
        INFO(describe(r));
        REQUIRE(r.ok());
        CHECK(r.scenario->ledger.transaction_count() == kRows + 1);
        CHECK(r.scenario->ledger.find_transaction("c29999" + padding).has_value());
    }
    SECTION("a mistake on the last row is placed on its line") {
        dir.write("ledger.csv", csv + "c-last,bitcoin,,-3h,,addr-z=1,addr-y=oops\n");
        const auto d = find_error(load(case_with_ledger_file(), dir.path()), "found 'oops'");
        REQUIRE(d);
        CHECK(d->line == kRows + 2);
    }
    SECTION("a byte that is not UTF-8 past the first block is placed on its line") {
        dir.write("ledger.csv", csv + "c-last,bitcoin,,-3h,,addr-\xE9=1,addr-w=1\n");
        const auto d =
            find_error(load(case_with_ledger_file(), dir.path()), "byte 0xE9 is not valid UTF-8");
        REQUIRE(d);
        CHECK(d->line == kRows + 2);
        CHECK(d->column == 27);
    }
}

TEST_CASE("A ledger file that opens with blocks of blank lines loads its rows", "[scenario][csv]") {
    // The loader sizes its arrays from the first block; one of blank lines must neither inflate
    // that estimate nor lose the rows after it.
    TempDir dir("csv-blank-start");
    dir.write("ledger.csv", std::string((std::size_t{5} << 20), '\n') + kHeader +
                                "c1,bitcoin,,-3h,,addr-z=2,addr-y=2\n");
    const LoadResult r = load(case_with_ledger_file(), dir.path());
    INFO(describe(r));
    REQUIRE(r.ok());
    const auto c1 = r.scenario->ledger.find_transaction("c1");
    REQUIRE(c1.has_value());
    CHECK(r.scenario->ledger.outputs(*c1)[0].amount == 200'000'000);
}

TEST_CASE("CSV ledger problems are told in the author's language", "[scenario][csv][i18n]") {
    TempDir dir("csv-spanish");
    dir.write("ledger.csv", kHeader +
                                "c1,bitcoin,,-3h,,addr-z=2,addr-y=2\n"
                                "c2,dogecoin,,-1h,,addr-q=1,addr-w=1\n"
                                "c3,bitcoin,,-1h,,c1:5,addr-w=2\n"
                                "c4,bitcoin,,-1h,,addr-q=1,addr-w=2\n"
                                "c5,bitcoin,,2021-05-08T14:30:00Z,,c6:0,addr-v=1\n"
                                "c6,bitcoin,,+1h,,addr-u=1,addr-t=1\n"
                                "c7,bitcoin,,-1h,,addr-q=1,addr-w=0.1234567891\n");
    const LoadResult r = load(case_with_ledger_file(), dir.path());
    INFO(describe(r));
    const auto spanish = [&](std::string_view english_part, std::string_view key) {
        const Diagnostic* d = find_error(r, english_part);
        REQUIRE(d);
        CHECK(d->message.key == key);
        return render(d->message, "es");
    };
    CHECK(
        spanish("unknown chain 'dogecoin'", "case_error.ledger.unknown_chain") ==
        "cadena desconocida 'dogecoin'; se esperaba una declarada en chains del archivo del caso");
    // One output: the singular, in both languages.
    CHECK(spanish("transaction 'c1' has 1 output (vout 0 to 0); vout 5 does not exist",
                  "case_error.ledger.no_such_vout") ==
          "la transacción 'c1' tiene 1 salida (vout 0 a 0); la vout 5 no existe");
    CHECK(spanish("transaction 'c4' does not balance", "case_error.ledger.inputs_exceeded") ==
          "la transacción 'c4' no cuadra: sus entradas suman 1 BTC, pero sus salidas (2 BTC) más "
          "su comisión (0 BTC) dan 2 BTC; se esperaba que fueran iguales (las salidas y la "
          "comisión exceden las entradas por 1 BTC)");
    // The case start is a word of the catalogue, other times their offset.
    CHECK(spanish("which happens at +1h, after this transaction at the case start",
                  "case_error.ledger.spends_later") ==
          "la entrada gasta una salida de 'c6', que ocurre en +1h, después de esta transacción en "
          "el inicio del caso; se esperaba una salida creada antes");
    CHECK(
        spanish("with at most 8 decimal places after 'addr-w='", "case_error.ledger.bad_amount") ==
        "se esperaba un monto mayor que cero en BTC con 8 decimales como máximo después de "
        "'addr-w=', se encontró '0.1234567891'");
}
