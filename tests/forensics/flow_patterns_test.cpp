// Fan-in, fan-out and consolidation around one address.
#include <catch2/catch.hpp>

#include "forensics/flow_patterns.hpp"
#include "forensics/taint.hpp"
#include "test_ledger.hpp"

using namespace mt;
using mt::test::kBtc;
using mt::test::kEth;
using mt::test::TestLedger;

TEST_CASE("fan-in and fan-out count distinct counterparties", "[flow]") {
    TestLedger t;
    const AddressId hub = t.eth_address("0xhub");
    for (int i = 0; i < 6; ++i)
        t.transfer("0xin" + std::to_string(i), 10 + i, t.eth_address("0xs" + std::to_string(i)),
                   hub, kEth);
    t.transfer("0xin-again", 20, t.eth_address("0xs0"), hub, kEth);  // a repeat sender counts once
    for (int i = 0; i < 4; ++i)
        t.transfer("0xout" + std::to_string(i), 30 + i, hub,
                   t.eth_address("0xr" + std::to_string(i)), kEth);
    t.done();
    const FanPattern in = fan_in(t.ledger, hub, {});
    CHECK(in.detected);
    CHECK(in.counterparties.size() == 6);
    CHECK(in.total == 7 * kEth);
    CHECK(in.counterparties[0].amount == 2 * kEth);  // 0xs0, largest first
    CHECK(in.counterparties[0].transfers == 2);
    const FanPattern out = fan_out(t.ledger, hub, {});
    CHECK_FALSE(out.detected);  // 4 < 5
    CHECK(out.counterparties.size() == 4);
    CHECK(fan_out(t.ledger, hub, {kNoTx, std::numeric_limits<SimSeconds>::min(), 4}).detected);
    // The window: only the first three receipts.
    CHECK(
        fan_in(t.ledger, hub, {horizon_of(t.ledger, 12), std::numeric_limits<SimSeconds>::min(), 5})
            .counterparties.size() == 3);
}

TEST_CASE("consolidation: deposit addresses swept whole into a hot wallet", "[flow]") {
    TestLedger t;
    const AddressId hot = t.eth_address("0xhot");
    for (int i = 0; i < 3; ++i) {
        const AddressId deposit = t.eth_address("0xdep" + std::to_string(i));
        t.transfer("0xpay" + std::to_string(i), 10 + 2 * i,
                   t.eth_address("0xcustomer" + std::to_string(i)), deposit, 2 * kEth);
        t.transfer("0xsweep" + std::to_string(i), 11 + 2 * i, deposit, hot, 2 * kEth);
    }
    // A partial transfer is not a sweep.
    const AddressId keeper = t.eth_address("0xkeeper");
    t.transfer("0xfund", 30, t.eth_address("0xcustomer9"), keeper, 5 * kEth);
    t.transfer("0xpartial", 31, keeper, hot, 1 * kEth);
    t.done();
    const FanPattern sweeps =
        consolidation(t.ledger, hot, {kNoTx, std::numeric_limits<SimSeconds>::min(), 3});
    CHECK(sweeps.detected);
    CHECK(sweeps.counterparties.size() == 3);
    CHECK(sweeps.total == 6 * kEth);
    CHECK_FALSE(
        consolidation(t.ledger, hot, {kNoTx, std::numeric_limits<SimSeconds>::min(), 4}).detected);
}

TEST_CASE("UTXO consolidation: many inputs, every output to the hub", "[flow]") {
    TestLedger t;
    const AddressId hub = t.btc_address("bc1qhot");
    std::vector<TxInput> ins;
    for (int i = 0; i < 5; ++i) {
        const AddressId dep = t.btc_address("bc1qdep" + std::to_string(i));
        const TxIndex f = t.utxo("f" + std::to_string(i), i,
                                 {TestLedger::in(t.btc_address("bc1qc" + std::to_string(i)), kBtc)},
                                 {{dep, kBtc}});
        ins.push_back(TestLedger::in(dep, kBtc, f, 0));
    }
    t.utxo("sweep", 10, ins, {{hub, 5 * kBtc - 1'000}});
    t.utxo("payment", 11, {TestLedger::in(t.btc_address("bc1qx"), kBtc)},
           {{hub, kBtc / 2}, {t.btc_address("bc1qxchange"), kBtc / 2}});
    t.done();
    const FanPattern sweeps = consolidation(t.ledger, hub, {});
    CHECK(sweeps.detected);
    CHECK(sweeps.counterparties.size() == 5);
    CHECK(fan_in(t.ledger, hub, {}).counterparties.size() == 6);
}
