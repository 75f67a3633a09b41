// Whole-ledger checks: balanced UTXO transactions, spent outputs, time order, account overdraws.
#include <catch2/catch.hpp>

#include "test_support.hpp"

using namespace mt;
using namespace mt::test;

namespace {

// The tiny case plus `extra` transactions appended to its list.
std::string with_transactions(const std::string& extra) {
    return replace_once(tiny_case(), "services:\n", extra + "services:\n");
}

std::string with_tron(const std::string& opening, const std::string& transfers) {
    std::string text =
        replace_once(tiny_case(), "  - {id: btc, symbol: BTC, chain: bitcoin, decimals: 8}\n",
                     "  - {id: btc, symbol: BTC, chain: bitcoin, decimals: 8}\n"
                     "  - {id: trx, symbol: TRX, chain: tron, decimals: 6}\n"
                     "  - {id: usdt-tron, symbol: USDT, chain: tron, decimals: 6}\n");
    text = replace_once(text, "  - {id: bitcoin, name: Bitcoin, model: utxo, native_asset: btc}\n",
                        "  - {id: bitcoin, name: Bitcoin, model: utxo, native_asset: btc}\n"
                        "  - {id: tron, name: Tron, model: account, native_asset: trx}\n");
    text = replace_once(text, "transactions:\n", opening + "transactions:\n");
    return replace_once(text, "services:\n", transfers + "services:\n");
}

}  // namespace

TEST_CASE("a UTXO transaction whose inputs differ from outputs plus fee is reported with both sums",
          "[scenario][ledger]") {
    const std::string text =
        replace_once(tiny_case(), R"(amount: "1.0001"})", R"(amount: "1.0002"})");
    const LoadResult r = load(text);
    const auto d = find_error(r, "transaction 't1' does not balance");
    REQUIRE(d);
    CHECK(english(*d).find("inputs total 1.0002 BTC") != std::string::npos);
    CHECK(english(*d).find("outputs (1 BTC) plus its fee (0.0001 BTC) make 1.0001 BTC") !=
          std::string::npos);
    CHECK(english(*d).find("0.0001 BTC of the inputs unaccounted for") != std::string::npos);
    CHECK(d->yaml_path == "transactions[0]");
    CHECK(d->line == position_of(text, "id: t1").line);

    const std::string overspent =
        replace_once(tiny_case(), R"(amount: "1.0001"})", R"(amount: "0.9"})");
    CHECK(find_error(load(overspent), "outputs and fee exceed the inputs by 0.1001 BTC"));
}

TEST_CASE("outputs are resolved after sorting by time, whatever the file order",
          "[scenario][ledger]") {
    // t3 is written first but happens last; it spends t2, which spends t1.
    const std::string text =
        replace_once(tiny_case(), "transactions:\n",
                     "transactions:\n"
                     "  - {id: t3, chain: bitcoin, time: +1h, inputs: [{from_tx: t2, vout: 0}], "
                     "outputs: [{address: addr-e, amount: \"0.3999\"}], fee: \"0.0001\"}\n"
                     "  - {id: t2, chain: bitcoin, time: -1h, inputs: [{from_tx: t1, vout: 1}], "
                     "outputs: [{address: addr-d, amount: \"0.4\"}]}\n");
    const LoadResult r = load(text);
    INFO(describe(r));
    REQUIRE(r.ok());
    const Ledger& ledger = r.scenario->ledger;
    REQUIRE(ledger.transaction_count() == 3);
    CHECK(ledger.transaction(0).id == "t1");
    CHECK(ledger.transaction(1).id == "t2");
    CHECK(ledger.transaction(2).id == "t3");
    CHECK(ledger.inputs(2)[0].address == *ledger.find_address("addr-d"));
    CHECK(ledger.inputs(2)[0].amount == 40'000'000);
    CHECK(ledger.spender(OutPoint{0, 1}) == 1);
    CHECK(ledger.spender(OutPoint{1, 0}) == 2);
    CHECK(ledger.balance(*ledger.find_address("addr-c"), 0, 0) == 0);
}

TEST_CASE("spending problems are reported at the input", "[scenario][ledger]") {
    SECTION("double spend") {
        const std::string text = with_transactions(
            "  - {id: t2, chain: bitcoin, time: -1h, inputs: [{from_tx: t1, vout: 1}], outputs: "
            "[{address: addr-d, amount: \"0.4\"}]}\n"
            "  - {id: t3, chain: bitcoin, time: -30m, inputs: [{from_tx: t1, vout: 1}], outputs: "
            "[{address: addr-e, amount: \"0.4\"}]}\n");
        const LoadResult r = load(text);
        const auto d = find_error(r, "output t1:1 is already spent by 't2'");
        REQUIRE(d);
        CHECK(d->yaml_path == "transactions[2].inputs[0]");
        const TextPos at = position_of(text, "{from_tx: t1, vout: 1}", 1);
        CHECK(d->line == at.line);
        CHECK(d->column == at.column);
        CHECK(r.errors.size() == 1);
    }
    SECTION("an output that does not exist yet") {
        const std::string text = with_transactions(
            "  - {id: t2, chain: bitcoin, time: -3h, inputs: [{from_tx: t1, vout: 0}], outputs: "
            "[{address: addr-d, amount: \"0.6\"}]}\n");
        const auto d = find_error(
            load(text),
            "input spends an output of 't1', which happens at -2h, after this transaction at -3h");
        REQUIRE(d);
        CHECK(d->yaml_path == "transactions[1].inputs[0]");
    }
    SECTION("an unknown transaction") {
        const std::string text = with_transactions(
            "  - {id: t2, chain: bitcoin, time: -1h, inputs: [{from_tx: t0, vout: 0}], outputs: "
            "[{address: addr-d, amount: \"0.6\"}]}\n");
        CHECK(find_error(
            load(text), "input spends an output of 't0', which is not a transaction of this case"));
    }
    SECTION("a vout past the outputs") {
        const std::string text = with_transactions(
            "  - {id: t2, chain: bitcoin, time: -1h, inputs: [{from_tx: t1, vout: 2}], outputs: "
            "[{address: addr-d, amount: \"0.6\"}]}\n");
        CHECK(find_error(load(text),
                         "transaction 't1' has 2 outputs (vout 0 to 1); vout 2 does not exist"));
    }
    SECTION("an input giving both a spent output and an address") {
        const std::string text = with_transactions(
            "  - {id: t2, chain: bitcoin, time: -1h, inputs: [{from_tx: t1, vout: 0, amount: "
            "\"0.6\"}], outputs: [{address: addr-d, amount: \"0.6\"}]}\n");
        CHECK(find_error(load(text), "takes its address and amount from that output"));
    }
}

TEST_CASE("account transfers may not overdraw their sender", "[scenario][ledger]") {
    const std::string opening =
        "opening_balances:\n"
        "  - {address: TSender, asset: usdt-tron, amount: \"100\"}\n"
        "  - {address: TSender, asset: trx, amount: \"10\"}\n";
    const std::string first =
        "  - {id: u1, chain: tron, asset: usdt-tron, time: -1h, from: TSender, to: TReceiver, "
        "amount: \"60\", fee: \"4\"}\n";

    SECTION("covered transfers load and balances follow them") {
        const LoadResult r = load(with_tron(opening, first));
        INFO(describe(r));
        REQUIRE(r.ok());
        const Ledger& ledger = r.scenario->ledger;
        const AssetId usdt = *ledger.find_asset("usdt-tron");
        CHECK(ledger.balance(*ledger.find_address("TReceiver"), usdt, 0) == 60'000'000);
    }
    SECTION("the asset runs out") {
        const std::string text =
            with_tron(opening, first +
                                   "  - {id: u2, chain: tron, asset: usdt-tron, time: -30m, from: "
                                   "TSender, to: TOther, amount: \"50\", fee: \"1\"}\n");
        const LoadResult r = load(text);
        const auto d = find_error(r,
                                  "transfer 'u2' at -30m overdraws its sender 'TSender': it sends "
                                  "50 USDT but holds 40 USDT then");
        REQUIRE(d);
        CHECK(d->yaml_path == "transactions[2]");
        CHECK(d->line == position_of(text, "{id: u2").line);
        CHECK(r.errors.size() == 1);
    }
    SECTION("the native fee runs out") {
        const std::string text =
            with_tron(opening, first +
                                   "  - {id: u2, chain: tron, asset: usdt-tron, time: -30m, from: "
                                   "TSender, to: TOther, amount: \"10\", fee: \"7\"}\n");
        CHECK(find_error(load(text), "its fee is 7 TRX but it holds 6 TRX"));
    }
    SECTION("native transfers count amount plus fee") {
        const std::string text = with_tron(opening,
                                           "  - {id: u3, chain: tron, asset: trx, time: -1h, from: "
                                           "TSender, to: TOther, amount: \"9.5\", fee: \"1\"}\n");
        CHECK(find_error(load(text), "it needs 10.5 TRX (amount plus fee) but holds 10 TRX"));
    }
    SECTION("without an opening balance the sender has nothing") {
        const LoadResult r = load(with_tron("", first));
        CHECK(find_error(r,
                         "it sends 60 USDT but holds 0 USDT then; expected earlier incoming "
                         "transfers or an entry under opening_balances"));
    }
    SECTION("opening balances belong to account chains") {
        const LoadResult r = load(with_tron(
            "opening_balances:\n  - {address: addr-a, asset: btc, amount: \"1\"}\n", first));
        CHECK(find_error(r, "opening balances are for account chains"));
    }
    SECTION("an account transaction's asset must be on its chain") {
        const std::string text = with_tron(opening,
                                           "  - {id: u4, chain: tron, asset: btc, time: -1h, from: "
                                           "TSender, to: TOther, amount: \"1\"}\n");
        CHECK(find_error(load(text), "asset 'btc' is on chain 'bitcoin', not on 'tron'"));
    }
    SECTION("an address belongs to one chain") {
        const std::string text = with_tron(opening,
                                           "  - {id: u5, chain: tron, asset: trx, time: -1h, from: "
                                           "TSender, to: addr-b, amount: \"1\"}\n");
        const auto d = find_error(load(text),
                                  "address 'addr-b' is on chain 'bitcoin' elsewhere in the case "
                                  "and cannot also be on 'tron'");
        REQUIRE(d);
        CHECK(d->yaml_path == "transactions[1].to");
    }
    SECTION("UTXO keys on an account chain are unknown keys") {
        const std::string text = with_tron(opening,
                                           "  - {id: u6, chain: tron, asset: trx, time: -1h, from: "
                                           "TSender, to: TOther, amount: \"1\", outputs: []}\n");
        CHECK(find_error(load(text), "unknown key 'outputs'; an account transaction has the keys"));
    }
}
