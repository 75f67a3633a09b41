// The peel-chain detector on UTXO and account-based ledgers.
#include <catch2/catch.hpp>

#include "forensics/peel_chain.hpp"
#include "test_ledger.hpp"

using namespace mt;
using mt::test::kBtc;
using mt::test::kEth;
using mt::test::TestLedger;

namespace {

// 10 BTC peeled 5 times (1 BTC each, fee 0.001 BTC), the rest then consolidated with another coin.
struct UtxoPeel {
    TestLedger t;
    TxIndex fund = 0, consolidation = 0, peel2_spend = 0;
    std::vector<TxIndex> hops;
    UtxoPeel() {
        const Units fee = kBtc / 1000;
        fund = t.utxo("fund", 1, {TestLedger::in(t.btc_address("bc1qvictim"), 10 * kBtc)},
                      {{t.btc_address("bc1qhead"), 10 * kBtc}});
        TxIndex prev = fund;
        std::uint32_t prev_vout = 0;
        Units rest = 10 * kBtc;
        AddressId holder = *t.ledger.find_address("bc1qhead");
        for (int i = 0; i < 5; ++i) {
            const AddressId change = t.btc_address("bc1qchange" + std::to_string(i));
            const AddressId peel = t.btc_address("bc1qpeel" + std::to_string(i));
            const Units next_rest = rest - kBtc - fee;
            // Alternate the output order so the detector cannot rely on position.
            std::vector<TxOutput> outs =
                i % 2 ? std::vector<TxOutput>{{change, next_rest}, {peel, kBtc}}
                      : std::vector<TxOutput>{{peel, kBtc}, {change, next_rest}};
            prev = t.utxo("hop" + std::to_string(i), 10 + i,
                          {TestLedger::in(holder, rest, prev, prev_vout)}, outs);
            prev_vout = i % 2 ? 0 : 1;
            hops.push_back(prev);
            holder = change;
            rest = next_rest;
        }
        // Peel 2 is spent onward (hop index 2 put the peel at vout 0).
        peel2_spend = t.utxo("peel2-onward", 20,
                             {TestLedger::in(t.btc_address("bc1qpeel2"), kBtc, hops[2], 0)},
                             {{t.btc_address("bc1qexchange"), kBtc}});
        const TxIndex other = t.utxo("other", 21, {TestLedger::in(t.btc_address("bc1qsrc"), kBtc)},
                                     {{t.btc_address("bc1qother"), kBtc}});
        consolidation = t.utxo("consolidate", 30,
                               {TestLedger::in(holder, rest, prev, prev_vout),
                                TestLedger::in(t.btc_address("bc1qother"), kBtc, other, 0)},
                               {{t.btc_address("bc1qsink"), rest + kBtc}});
        t.done();
    }
};

}  // namespace

TEST_CASE("a UTXO peel chain: length, peels, where they went, and how it ended", "[peel]") {
    const UtxoPeel p;
    const PeelChain chain = follow_peel_chain(p.t.ledger, p.hops[0], kNoTx);
    REQUIRE(chain.hops.size() == 5);
    CHECK(chain.is_chain());
    CHECK(chain.start_value == 10 * kBtc);
    CHECK(chain.total_peeled == 5 * kBtc);
    for (std::size_t i = 0; i < 5; ++i) {
        REQUIRE(chain.hops[i].peels.size() == 1);
        CHECK(chain.hops[i].tx == p.hops[i]);
        CHECK(chain.hops[i].peels[0].amount == kBtc);
        CHECK(p.t.ledger.address_text(chain.hops[i].peels[0].to) == "bc1qpeel" + std::to_string(i));
        CHECK(p.t.ledger.address_text(chain.hops[i].change_address) ==
              "bc1qchange" + std::to_string(i));
    }
    CHECK(chain.hops[2].peels[0].spent_in == p.peel2_spend);
    CHECK(chain.hops[1].peels[0].spent_in == kNoTx);
    CHECK(chain.end == PeelChainEnd::ShapeChanged);
    CHECK(chain.stopped_at == p.consolidation);
    // From the head address, the same chain.
    const PeelChain from_address =
        follow_peel_chain_from_address(p.t.ledger, *p.t.ledger.find_address("bc1qhead"), kNoTx);
    CHECK(from_address.hops.size() == 5);
}

TEST_CASE("the peel-chain detector stops at the horizon", "[peel][horizon]") {
    const UtxoPeel p;
    // Until hop 2 (time 12) inclusive: three hops seen, the change of hop 2 not yet spent.
    const PeelChain chain = follow_peel_chain(p.t.ledger, p.hops[0], p.hops[3]);
    CHECK(chain.hops.size() == 3);
    CHECK(chain.end == PeelChainEnd::Unspent);
    CHECK(chain.hops[2].peels[0].spent_in == kNoTx);  // its onward spend is in the future
    const PeelChain short_chain = follow_peel_chain(p.t.ledger, p.hops[0], p.hops[2]);
    CHECK(short_chain.hops.size() == 2);
    CHECK_FALSE(short_chain.is_chain());
}

TEST_CASE("a transaction that is not a hop starts no chain", "[peel]") {
    const UtxoPeel p;
    const PeelChain none = follow_peel_chain(p.t.ledger, p.consolidation, kNoTx);
    CHECK(none.hops.empty());
    CHECK(none.end == PeelChainEnd::NotStarted);
}

TEST_CASE("an account-based peel chain forwards the rest to fresh addresses", "[peel][account]") {
    TestLedger t;
    const AddressId a = t.eth_address("0xa"), b = t.eth_address("0xb"), c = t.eth_address("0xc"),
                    d = t.eth_address("0xd");
    const TxIndex start = t.transfer("0x0", 1, t.eth_address("0xvictim"), a, 10 * kEth);
    t.transfer("0x1", 2, a, t.eth_address("0xshop1"), 1 * kEth);
    t.transfer("0x2", 3, a, b, 9 * kEth);
    t.transfer("0x3", 4, b, t.eth_address("0xshop2"), 2 * kEth);
    t.transfer("0x4", 5, b, c, 7 * kEth);
    t.transfer("0x5", 6, c, t.eth_address("0xshop3"), 1 * kEth);
    t.transfer("0x6", 7, c, t.eth_address("0xshop4"), 1 * kEth);
    t.transfer("0x7", 8, c, d, 5 * kEth);
    t.done();
    const PeelChain chain = follow_peel_chain(t.ledger, start, kNoTx);
    REQUIRE(chain.hops.size() == 3);
    CHECK(chain.start_value == 10 * kEth);
    CHECK(chain.total_peeled == 5 * kEth);
    CHECK(chain.hops[2].peels.size() == 2);
    CHECK(chain.hops[2].change_address == d);
    CHECK(chain.end == PeelChainEnd::Unspent);
}
