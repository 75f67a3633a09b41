// Taint propagation over UTXO ledgers: seeds, hops, paths, the horizon, dust.
#include <catch2/catch.hpp>

#include "forensics/taint.hpp"
#include "test_ledger.hpp"

using namespace mt;
using mt::test::kBtc;
using mt::test::TestLedger;

namespace {

// docs/forensics.md's worked example as a ledger: F1 pays A 3 BTC (stolen), F2 pays B 7 BTC, T
// spends both into O1 = 2, O2 = 5, O3 = 3.
struct DomainVector {
    TestLedger t;
    TxIndex f1 = 0, f2 = 0, mix = 0;
    DomainVector() {
        const AddressId a = t.btc_address("bc1qstolen"), b = t.btc_address("bc1qmined");
        f1 = t.utxo("f1", 10, {TestLedger::in(t.btc_address("bc1qvictim"), 3 * kBtc)},
                    {{a, 3 * kBtc}});
        f2 = t.utxo("f2", 20, {TestLedger::in(t.btc_address("bc1qpool"), 7 * kBtc)},
                    {{b, 7 * kBtc}});
        mix = t.utxo("mix", 30,
                     {TestLedger::in(a, 3 * kBtc, f1, 0), TestLedger::in(b, 7 * kBtc, f2, 0)},
                     {{t.btc_address("bc1qo1"), 2 * kBtc},
                      {t.btc_address("bc1qo2"), 5 * kBtc},
                      {t.btc_address("bc1qo3"), 3 * kBtc}});
        t.done();
    }
    std::vector<Units> outputs(TaintMethod method) {
        const TaintSeed seed{f1, 0, 3 * kBtc};
        const TaintTrace trace = trace_taint(t.ledger, std::span(&seed, 1), {method, kNoTx, 0});
        return {trace.output_taint({mix, 0}), trace.output_taint({mix, 1}),
                trace.output_taint({mix, 2})};
    }
};

}  // namespace

TEST_CASE("the domain vector propagates through a ledger for all five methods", "[taint][utxo]") {
    DomainVector v;
    using V = std::vector<Units>;
    CHECK(v.outputs(TaintMethod::Poison) == V{2 * kBtc, 5 * kBtc, 3 * kBtc});
    CHECK(v.outputs(TaintMethod::Haircut) == V{60'000'000, 150'000'000, 90'000'000});
    CHECK(v.outputs(TaintMethod::Fifo) == V{2 * kBtc, 1 * kBtc, 0});
    CHECK(v.outputs(TaintMethod::Lifo) == V{0, 0, 3 * kBtc});
    CHECK(v.outputs(TaintMethod::Tiho) == V{0, 3 * kBtc, 0});
}

TEST_CASE("per-address results carry tainted amount, share and hops", "[taint][utxo]") {
    DomainVector v;
    const TaintSeed seed{v.f1, 0, 3 * kBtc};
    const TaintTrace trace =
        trace_taint(v.t.ledger, std::span(&seed, 1), {TaintMethod::Haircut, kNoTx, 0});
    const auto addresses = trace.addresses(v.t.ledger);
    REQUIRE(addresses.size() == 4);  // the stolen address and the three outputs
    CHECK(v.t.ledger.address_text(addresses[0].address) == "bc1qstolen");
    CHECK(addresses[0].tainted_received == 3 * kBtc);
    CHECK(addresses[0].tainted_held == 0);  // it was spent
    CHECK(addresses[0].hops == 0);
    const auto o2 = std::find_if(addresses.begin(), addresses.end(), [&](const TaintedAddress& a) {
        return v.t.ledger.address_text(a.address) == "bc1qo2";
    });
    REQUIRE(o2 != addresses.end());
    CHECK(o2->tainted_received == 150'000'000);
    CHECK(o2->received == 5 * kBtc);
    CHECK(o2->tainted_held == 150'000'000);
    CHECK(o2->hops == 1);
    CHECK(o2->first_tainted_tx == v.mix);
}

TEST_CASE("multi-hop propagation records hop distances and predecessor paths",
          "[taint][utxo][hops]") {
    TestLedger t;
    const AddressId victim = t.btc_address("bc1qvictim"), thief = t.btc_address("bc1qthief");
    const AddressId h1 = t.btc_address("bc1qh1"), h2 = t.btc_address("bc1qh2"),
                    h3 = t.btc_address("bc1qh3");
    const AddressId shop = t.btc_address("bc1qshop"), other = t.btc_address("bc1qother");
    const TxIndex theft =
        t.utxo("theft", 10, {TestLedger::in(victim, 4 * kBtc)}, {{thief, 4 * kBtc}});
    const TxIndex clean =
        t.utxo("clean", 11, {TestLedger::in(other, 1 * kBtc)}, {{other, 1 * kBtc}});
    const TxIndex hop1 = t.utxo("hop1", 20, {TestLedger::in(thief, 4 * kBtc, theft, 0)},
                                {{h1, 3 * kBtc}, {shop, 1 * kBtc}});
    const TxIndex hop2 =
        t.utxo("hop2", 30,
               {TestLedger::in(h1, 3 * kBtc, hop1, 0), TestLedger::in(other, 1 * kBtc, clean, 0)},
               {{h2, 4 * kBtc}});
    const TxIndex hop3 =
        t.utxo("hop3", 40, {TestLedger::in(h2, 4 * kBtc, hop2, 0)}, {{h3, 4 * kBtc}});
    t.done();
    const TaintSeed seed{theft, kAllOutputs, 4 * kBtc};
    const TaintTrace trace =
        trace_taint(t.ledger, std::span(&seed, 1), {TaintMethod::Haircut, kNoTx, 0});
    REQUIRE(trace.find(theft));
    CHECK(trace.find(theft)->seed);
    CHECK(trace.find(theft)->hops == 0);
    CHECK(trace.find(hop1)->hops == 1);
    CHECK(trace.find(hop2)->hops == 2);
    CHECK(trace.find(hop3)->hops == 3);
    CHECK(trace.find(clean) == nullptr);
    CHECK(trace.output_taint({hop2, 0}) == 3 * kBtc);  // 3 tainted of 4: haircut keeps 75%
    CHECK(trace.output_taint({hop3, 0}) == 3 * kBtc);
    const auto preds = trace.predecessors(hop2);
    REQUIRE(preds.size() == 1);  // the clean input is not a predecessor
    CHECK(preds[0] == hop1);
    CHECK(trace.path_to_source(hop3) == std::vector<TxIndex>{theft, hop1, hop2, hop3});
    const auto addresses = trace.addresses(t.ledger);
    const auto h3_entry = std::find_if(addresses.begin(), addresses.end(),
                                       [&](const TaintedAddress& a) { return a.address == h3; });
    REQUIRE(h3_entry != addresses.end());
    CHECK(h3_entry->hops == 3);
}

TEST_CASE("the horizon hides later transactions", "[taint][utxo][horizon]") {
    DomainVector v;
    // `until` at 25: the mixing transaction (time 30) has not happened yet.
    const TxIndex horizon = horizon_of(v.t.ledger, 25);
    CHECK(horizon == v.mix);
    const TaintSeed seed{v.f1, 0, 3 * kBtc};
    const TaintTrace trace =
        trace_taint(v.t.ledger, std::span(&seed, 1), {TaintMethod::Poison, horizon, 0});
    CHECK(trace.find(v.mix) == nullptr);
    CHECK(trace.output_taint({v.mix, 0}) == 0);
    const auto addresses = trace.addresses(v.t.ledger);
    REQUIRE(addresses.size() == 1);
    CHECK(addresses[0].tainted_held == 3 * kBtc);  // unspent as far as the trainee can see
    // A seed beyond the horizon places nothing.
    const TaintSeed future{v.mix, kAllOutputs, 10 * kBtc};
    CHECK(trace_taint(v.t.ledger, std::span(&future, 1), {TaintMethod::Poison, horizon, 0})
              .transactions()
              .empty());
    CHECK(horizon_of(v.t.ledger, 30) == 3);
    CHECK(horizon_of(v.t.ledger, 0) == 0);
}

TEST_CASE("a tainted dust input poisons everything unless dust is ignored", "[taint][utxo][dust]") {
    TestLedger t;
    const AddressId duster = t.btc_address("bc1qduster"), target = t.btc_address("bc1qtarget");
    const TxIndex dust = t.utxo("dust", 10, {TestLedger::in(duster, 546)}, {{target, 546}});
    const TxIndex savings =
        t.utxo("savings", 11, {TestLedger::in(t.btc_address("bc1qsalary"), 2 * kBtc)},
               {{target, 2 * kBtc}});
    const TxIndex spend =
        t.utxo("spend", 20,
               {TestLedger::in(target, 546, dust, 0), TestLedger::in(target, 2 * kBtc, savings, 0)},
               {{t.btc_address("bc1qrent"), kBtc}, {t.btc_address("bc1qchange"), kBtc + 546}});
    t.done();
    const TaintSeed seed{dust, 0, 546};
    const TaintTrace poisoned =
        trace_taint(t.ledger, std::span(&seed, 1), {TaintMethod::Poison, kNoTx, 0});
    CHECK(poisoned.output_taint({spend, 0}) == kBtc);
    CHECK(poisoned.output_taint({spend, 1}) == kBtc + 546);
    const TaintTrace ignored =
        trace_taint(t.ledger, std::span(&seed, 1), {TaintMethod::Poison, kNoTx, 1000});
    CHECK(ignored.output_taint({spend, 0}) == 0);
    CHECK(ignored.find(spend) == nullptr);
    // Haircut spreads the dust as a tiny share of each output, rounded down.
    const TaintTrace haircut =
        trace_taint(t.ledger, std::span(&seed, 1), {TaintMethod::Haircut, kNoTx, 0});
    CHECK(haircut.output_taint({spend, 0}) == 272);
    CHECK(haircut.output_taint({spend, 1}) == 273);
}

TEST_CASE("a source with no outgoing funds stays where it is", "[taint][utxo]") {
    TestLedger t;
    const AddressId hoard = t.btc_address("bc1qhoard");
    const TxIndex in =
        t.utxo("in", 10, {TestLedger::in(t.btc_address("bc1qvictim"), kBtc)}, {{hoard, kBtc}});
    t.utxo("unrelated", 20, {TestLedger::in(t.btc_address("bc1qx"), kBtc)},
           {{t.btc_address("bc1qy"), kBtc}});
    t.done();
    const TaintSeed seed{in, 0, kBtc};
    for (TaintMethod m : {TaintMethod::Poison, TaintMethod::Haircut, TaintMethod::Fifo,
                          TaintMethod::Lifo, TaintMethod::Tiho}) {
        const TaintTrace trace = trace_taint(t.ledger, std::span(&seed, 1), {m, kNoTx, 0});
        REQUIRE(trace.transactions().size() == 1);
        const auto addresses = trace.addresses(t.ledger);
        REQUIRE(addresses.size() == 1);
        CHECK(addresses[0].address == hoard);
        CHECK(addresses[0].tainted_held == kBtc);
    }
}

TEST_CASE("a partial seed on a transaction fills its outputs in order", "[taint][utxo]") {
    DomainVector v;
    const TaintSeed seed{v.mix, kAllOutputs, 6 * kBtc};
    const TaintTrace trace =
        trace_taint(v.t.ledger, std::span(&seed, 1), {TaintMethod::Fifo, kNoTx, 0});
    CHECK(trace.output_taint({v.mix, 0}) == 2 * kBtc);
    CHECK(trace.output_taint({v.mix, 1}) == 4 * kBtc);
    CHECK(trace.output_taint({v.mix, 2}) == 0);
    CHECK(trace.find(v.mix)->seed);
}
