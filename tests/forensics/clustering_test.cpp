// Common-input clustering, the CoinJoin switch and each change heuristic.
#include <catch2/catch.hpp>

#include "forensics/clustering.hpp"
#include "test_ledger.hpp"

using namespace mt;
using mt::test::kBtc;
using mt::test::TestLedger;

namespace {

ClusterOptions only(ChangeHeuristic h) {
    ClusterOptions o;
    o.common_input = false;
    o.use(h);
    return o;
}

bool linked(const Ledger& ledger, const ClusterOptions& o, const std::string& a,
            const std::string& b) {
    const AddressClusters c = cluster_addresses(ledger, o, kNoTx);
    return c.same_cluster(*ledger.find_address(a), *ledger.find_address(b));
}

// A 2-in 2-out spend by bc1qa + bc1qb into the given outputs; `seen` gets an earlier receipt so it
// is not fresh.
struct Spend {
    TestLedger t;
    TxIndex tx = 0;
    Spend(Units in_a, Units in_b, std::vector<std::pair<std::string, Units>> outputs,
          std::string seen = "") {
        const AddressId a = t.btc_address("bc1qa"), b = t.btc_address("bc1qb");
        const TxIndex fa =
            t.utxo("fa", 1, {TestLedger::in(t.btc_address("bc1qsrc1"), in_a)}, {{a, in_a}});
        const TxIndex fb =
            t.utxo("fb", 2, {TestLedger::in(t.btc_address("bc1qsrc2"), in_b)}, {{b, in_b}});
        if (!seen.empty())
            t.utxo("old", 3, {TestLedger::in(t.btc_address("bc1qsrc3"), 1)},
                   {{t.btc_address(seen), 1}});
        std::vector<TxOutput> outs;
        for (auto& [text, amount] : outputs) outs.push_back({t.btc_address(text), amount});
        tx = t.utxo("spend", 10, {TestLedger::in(a, in_a, fa, 0), TestLedger::in(b, in_b, fb, 0)},
                    outs);
        t.done();
    }
};

}  // namespace

TEST_CASE("common-input ownership merges across transactions and records the evidence",
          "[cluster]") {
    TestLedger t;
    const AddressId a = t.btc_address("bc1qa"), b = t.btc_address("bc1qb"),
                    c = t.btc_address("bc1qc");
    const AddressId d = t.btc_address("bc1qd");
    const TxIndex fa = t.utxo("fa", 1, {TestLedger::in(d, 3)}, {{a, 1}, {b, 1}, {c, 1}});
    const TxIndex ab =
        t.utxo("ab", 2, {TestLedger::in(a, 1, fa, 0), TestLedger::in(b, 1, fa, 1)}, {{b, 2}});
    const TxIndex bc = t.utxo("bc", 3, {TestLedger::in(b, 2, ab, 0), TestLedger::in(c, 1, fa, 2)},
                              {{t.btc_address("bc1qe"), 3}});
    t.done();
    const AddressClusters clusters = cluster_addresses(t.ledger, ClusterOptions{}, kNoTx);
    CHECK(clusters.same_cluster(a, b));
    CHECK(clusters.same_cluster(a, c));
    CHECK_FALSE(clusters.same_cluster(a, d));
    CHECK(clusters.cluster_size(a) == 3);
    const auto members = clusters.explain(a);
    REQUIRE(members.size() == 3);
    CHECK(members[0].address == a);
    CHECK(members[0].link == -1);
    const ClusterLink& to_b = clusters.links()[static_cast<std::size_t>(members[1].link)];
    CHECK(members[1].address == b);
    CHECK(to_b.tx == ab);
    CHECK(to_b.common_input);
    CHECK(members[2].address == c);
    CHECK(members[2].depth == 2);
    CHECK(clusters.links()[static_cast<std::size_t>(members[2].link)].tx == bc);
    // Before "bc" happened, c was not in the cluster.
    CHECK_FALSE(cluster_addresses(t.ledger, ClusterOptions{}, bc).same_cluster(a, c));
}

TEST_CASE("the CoinJoin rule stops common-input merges, and switching it off shows the wrong merge",
          "[cluster][coinjoin]") {
    TestLedger t;
    std::vector<TxInput> ins;
    std::vector<TxOutput> outs;
    for (int i = 0; i < 5; ++i) {
        const AddressId p = t.btc_address("bc1qparty" + std::to_string(i));
        const TxIndex f =
            t.utxo("fund" + std::to_string(i), i,
                   {TestLedger::in(t.btc_address("bc1qsrc" + std::to_string(i)), 6'000'000)},
                   {{p, 6'000'000}});
        ins.push_back(TestLedger::in(p, 6'000'000, f, 0));
        outs.push_back({t.btc_address("bc1qmixed" + std::to_string(i)), 5'000'000});
        if (i < 4)
            outs.push_back({t.btc_address("bc1qtoxic" + std::to_string(i)), 990'000 - 1'000 * i});
    }
    const TxIndex cj = t.utxo("coinjoin", 10, ins, outs);
    t.done();
    const AddressId p0 = *t.ledger.find_address("bc1qparty0"),
                    p3 = *t.ledger.find_address("bc1qparty3");
    const AddressClusters kept = cluster_addresses(t.ledger, ClusterOptions{}, kNoTx);
    CHECK_FALSE(kept.same_cluster(p0, p3));
    REQUIRE(kept.coinjoins_skipped().size() == 1);
    CHECK(kept.coinjoins_skipped()[0] == cj);

    ClusterOptions naive;
    naive.stop_at_coinjoin = false;
    const AddressClusters merged = cluster_addresses(t.ledger, naive, kNoTx);
    CHECK(merged.same_cluster(p0, p3));
    CHECK(merged.cluster_size(p0) == 5);
    CHECK(merged.links().front().coinjoin);
}

TEST_CASE("one-time change: the only output to a fresh address", "[cluster][change]") {
    const ClusterOptions o = only(ChangeHeuristic::OneTimeChange);
    const Spend positive(kBtc, kBtc, {{"bc1qshop", kBtc}, {"bc1qfresh", 99'000'000}}, "bc1qshop");
    CHECK(change_output(positive.t.ledger, positive.tx, ChangeHeuristic::OneTimeChange, {}) == 1u);
    CHECK(linked(positive.t.ledger, o, "bc1qa", "bc1qfresh"));
    CHECK_FALSE(linked(positive.t.ledger, o, "bc1qa", "bc1qshop"));
    const Spend both_fresh(kBtc, kBtc, {{"bc1qnew1", kBtc}, {"bc1qnew2", 99'000'000}});
    CHECK_FALSE(
        change_output(both_fresh.t.ledger, both_fresh.tx, ChangeHeuristic::OneTimeChange, {}));
    CHECK_FALSE(linked(both_fresh.t.ledger, o, "bc1qa", "bc1qnew2"));
}

TEST_CASE("round-number payment: the only non-round output is change", "[cluster][change]") {
    const ClusterOptions o = only(ChangeHeuristic::RoundNumberPayment);
    const Spend positive(kBtc, kBtc, {{"bc1qpaid", 50'000'000}, {"bc1qrest", 149'987'654}});
    CHECK(change_output(positive.t.ledger, positive.tx, ChangeHeuristic::RoundNumberPayment, {}) ==
          1u);
    CHECK(linked(positive.t.ledger, o, "bc1qa", "bc1qrest"));
    const Spend negative(kBtc, kBtc, {{"bc1qpaid", 50'012'345}, {"bc1qrest", 149'975'309}});
    CHECK_FALSE(
        change_output(negative.t.ledger, negative.tx, ChangeHeuristic::RoundNumberPayment, {}));
    CHECK_FALSE(linked(negative.t.ledger, o, "bc1qa", "bc1qrest"));
    // The power of ten is adjustable: at 10^8 sat, 0.5 BTC is no longer round.
    CHECK_FALSE(change_output(positive.t.ledger, positive.tx, ChangeHeuristic::RoundNumberPayment,
                              {kNoTx, 8}));
}

TEST_CASE("optimal change: the only output smaller than the smallest input", "[cluster][change]") {
    const ClusterOptions o = only(ChangeHeuristic::OptimalChange);
    const Spend positive(kBtc, kBtc / 2, {{"bc1qpaid", 130'000'000}, {"bc1qrest", 19'000'000}});
    CHECK(change_output(positive.t.ledger, positive.tx, ChangeHeuristic::OptimalChange, {}) == 1u);
    CHECK(linked(positive.t.ledger, o, "bc1qa", "bc1qrest"));
    const Spend negative(kBtc, kBtc / 2, {{"bc1qpaid", 80'000'000}, {"bc1qrest", 69'000'000}});
    CHECK_FALSE(change_output(negative.t.ledger, negative.tx, ChangeHeuristic::OptimalChange, {}));
    CHECK_FALSE(linked(negative.t.ledger, o, "bc1qa", "bc1qrest"));
}

TEST_CASE("address-type match: the only output of the inputs' script type", "[cluster][change]") {
    CHECK(script_type_of("bc1qxyz") == ScriptType::SegwitV0);
    CHECK(script_type_of("bc1pxyz") == ScriptType::Taproot);
    CHECK(script_type_of("1BoatSLRHtKNngkdXEeobR76b53LETtpyT") == ScriptType::P2pkh);
    CHECK(script_type_of("3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy") == ScriptType::P2sh);
    CHECK(script_type_of("0xabc") == ScriptType::Unknown);
    const ClusterOptions o = only(ChangeHeuristic::AddressTypeMatch);
    const Spend positive(kBtc, kBtc, {{"1Payee", kBtc}, {"bc1qrest", 99'000'000}});
    CHECK(change_output(positive.t.ledger, positive.tx, ChangeHeuristic::AddressTypeMatch, {}) ==
          1u);
    CHECK(linked(positive.t.ledger, o, "bc1qa", "bc1qrest"));
    const Spend negative(kBtc, kBtc, {{"bc1qpayee", kBtc}, {"bc1qrest", 99'000'000}});
    CHECK_FALSE(
        change_output(negative.t.ledger, negative.tx, ChangeHeuristic::AddressTypeMatch, {}));
    CHECK_FALSE(linked(negative.t.ledger, o, "bc1qa", "bc1qrest"));
}

TEST_CASE("peel-chain shape: 1-in 2-out next to another, change is the larger output",
          "[cluster][change]") {
    TestLedger t;
    const AddressId a = t.btc_address("bc1qholder");
    const TxIndex fund =
        t.utxo("fund", 1, {TestLedger::in(t.btc_address("bc1qsrc"), 10 * kBtc)}, {{a, 10 * kBtc}});
    const TxIndex hop1 =
        t.utxo("hop1", 2, {TestLedger::in(a, 10 * kBtc, fund, 0)},
               {{t.btc_address("bc1qpeel1"), kBtc}, {t.btc_address("bc1qc1"), 9 * kBtc}});
    const TxIndex hop2 =
        t.utxo("hop2", 3, {TestLedger::in(t.btc_address("bc1qc1"), 9 * kBtc, hop1, 1)},
               {{t.btc_address("bc1qc2"), 8 * kBtc}, {t.btc_address("bc1qpeel2"), kBtc}});
    // A lone 1-in 2-out spend: its parent "fund" is 1-in 1-out and nothing spends its outputs.
    const TxIndex fund2 = t.utxo("fund2", 4, {TestLedger::in(t.btc_address("bc1qsrc2"), 2 * kBtc)},
                                 {{t.btc_address("bc1qlone"), 2 * kBtc}});
    const TxIndex lone =
        t.utxo("lone", 5, {TestLedger::in(t.btc_address("bc1qlone"), 2 * kBtc, fund2, 0)},
               {{t.btc_address("bc1qx"), kBtc / 2}, {t.btc_address("bc1qy"), 3 * kBtc / 2}});
    t.done();
    CHECK(change_output(t.ledger, hop1, ChangeHeuristic::PeelChainShape, {}) ==
          1u);  // its child hop2 has the shape
    CHECK(change_output(t.ledger, hop2, ChangeHeuristic::PeelChainShape, {}) ==
          0u);  // its parent hop1 has the shape
    CHECK_FALSE(change_output(t.ledger, lone, ChangeHeuristic::PeelChainShape, {}));
    // Until hop2 exists, hop1 has no neighbour of its shape.
    CHECK_FALSE(change_output(t.ledger, hop1, ChangeHeuristic::PeelChainShape, {hop2, -1}));
    const ClusterOptions o = only(ChangeHeuristic::PeelChainShape);
    CHECK(linked(t.ledger, o, "bc1qholder", "bc1qc2"));
    CHECK_FALSE(linked(t.ledger, o, "bc1qholder", "bc1qpeel1"));
}

TEST_CASE("contradicting change heuristics make no link", "[cluster][change]") {
    // Optimal change names the small output (below the 0.5 BTC input); round number names the big
    // one, because 0.18 BTC is round and 1.31234567 is not.
    const Spend s(kBtc, kBtc / 2, {{"bc1qbig", 131'234'567}, {"bc1qsmall", 18'000'000}});
    ClusterOptions o;
    o.common_input = false;
    o.use(ChangeHeuristic::OptimalChange).use(ChangeHeuristic::RoundNumberPayment);
    const AddressClusters c = cluster_addresses(s.t.ledger, o, kNoTx);
    REQUIRE(c.conflicts().size() == 1);
    CHECK(c.conflicts()[0] == s.tx);
    CHECK(c.links().empty());
}
