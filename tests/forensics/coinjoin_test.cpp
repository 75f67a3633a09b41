// BlockSci's isCoinjoin rule, as docs/forensics.md states it ("Pattern detectors").
#include <catch2/catch.hpp>

#include "forensics/coinjoin.hpp"
#include "test_ledger.hpp"

using namespace mt;
using mt::test::kBtc;
using mt::test::TestLedger;

namespace {

// `inputs` inputs from `distinct` addresses (cycled), `equal` outputs of `denomination` and
// `others` outputs of distinct other values.
TxIndex build(TestLedger& t, int inputs, int distinct, int equal, Units denomination, int others) {
    std::vector<TxInput> ins;
    std::vector<TxOutput> outs;
    Units total_out = 0;
    for (int i = 0; i < equal; ++i) {
        outs.push_back({t.btc_address("bc1qmix" + std::to_string(i)), denomination});
        total_out += denomination;
    }
    for (int i = 0; i < others; ++i) {
        const Units change = 1'000'000 + 1'111 * (i + 1);
        outs.push_back({t.btc_address("bc1qchange" + std::to_string(i)), change});
        total_out += change;
    }
    const Units each = total_out / inputs + 1'000;
    for (int i = 0; i < inputs; ++i)
        ins.push_back(TestLedger::in(t.btc_address("bc1qin" + std::to_string(i % distinct)), each));
    const TxIndex tx = t.utxo("cj", 10, ins, outs);
    t.done();
    return tx;
}

CoinJoinCheck check(int inputs, int distinct, int equal, Units denomination, int others) {
    TestLedger t;
    const TxIndex tx = build(t, inputs, distinct, equal, denomination, others);
    return check_coinjoin(t.ledger, tx);
}

}  // namespace

TEST_CASE("a 5-party CoinJoin with change matches the rule", "[coinjoin]") {
    // 9 outputs: p = 5; five equal outputs of 0.05 BTC, four change outputs.
    const CoinJoinCheck c = check(5, 5, 5, 5'000'000, 4);
    CHECK(c.is_coinjoin);
    CHECK(c.rule == CoinJoinRule::Passed);
    CHECK(c.participants == 5);
    CHECK(c.denomination == 5'000'000);
    CHECK(c.denomination_count == 5);
    // Whirlpool shape: 5 in, 5 out of one pool size (p = 3 <= 5, but 5 equal outputs != 3).
    CHECK_FALSE(check(5, 5, 5, 5'000'000, 0).is_coinjoin);
    CHECK(check(5, 5, 5, 5'000'000, 0).rule == CoinJoinRule::EqualOutputsNotParticipants);
    // 3 equal + 2 change with 3 parties: p = 3.
    CHECK(check(3, 3, 3, kBtc / 10, 2).is_coinjoin);
}

TEST_CASE("dust-valued equal outputs are not a CoinJoin", "[coinjoin]") {
    CHECK(check(5, 5, 5, 546, 4).rule == CoinJoinRule::DustDenomination);
    CHECK(check(5, 5, 5, 2730, 4).rule == CoinJoinRule::DustDenomination);
    CHECK(check(5, 5, 5, 547, 4).is_coinjoin);
}

TEST_CASE("each failed condition is named", "[coinjoin]") {
    CHECK(check(1, 1, 3, kBtc, 0).rule == CoinJoinRule::TooFewInputs);
    CHECK(check(2, 2, 2, kBtc, 0).rule == CoinJoinRule::TooFewOutputs);
    CHECK(check(2, 2, 3, kBtc, 2).rule ==
          CoinJoinRule::MoreParticipantsThanInputs);  // p = 3 > 2 inputs
    CHECK(check(5, 2, 5, kBtc, 4).rule ==
          CoinJoinRule::TooFewInputAddresses);  // p = 5 > 2 addresses
    CHECK(check(5, 5, 3, kBtc, 4).rule ==
          CoinJoinRule::EqualOutputsNotParticipants);  // p = 4, 3 equal
}

TEST_CASE("account transfers are never CoinJoins", "[coinjoin]") {
    TestLedger t;
    const TxIndex tx = t.transfer("0x1", 1, t.eth_address("0xa"), t.eth_address("0xb"), 5);
    t.done();
    CHECK(check_coinjoin(t.ledger, tx).rule == CoinJoinRule::NotUtxo);
}
