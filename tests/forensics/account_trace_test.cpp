// Taint on account-based histories: balances mix inside an address, read in time order.
#include <catch2/catch.hpp>

#include "forensics/taint.hpp"
#include "test_ledger.hpp"

using namespace mt;
using mt::test::kEth;
using mt::test::kUsdt;
using mt::test::TestLedger;

namespace {

// docs/forensics.md: Alice holds 5 ETH clean, receives 1 ETH tainted, then 5 ETH clean, then sends
// 1 ETH to Bob.
struct AliceExample {
    TestLedger t;
    AddressId alice = 0, bob = 0;
    TxIndex stolen = 0, to_bob = 0;
    AliceExample() {
        alice = t.eth_address("0xalice");
        bob = t.eth_address("0xbob");
        t.transfer("0xsalary", 10, t.eth_address("0xemployer"), alice, 5 * kEth);
        stolen = t.transfer("0xstolen", 20, t.eth_address("0xthief"), alice, 1 * kEth);
        t.transfer("0xbonus", 30, t.eth_address("0xemployer"), alice, 5 * kEth);
        to_bob = t.transfer("0xtobob", 40, alice, bob, 1 * kEth);
        t.done();
    }
    TaintTrace trace(TaintMethod method) const {
        const TaintSeed seed{stolen, kAllOutputs, 1 * kEth};
        return trace_taint(t.ledger, std::span(&seed, 1), {method, kNoTx, 0});
    }
    Units bob_taint(TaintMethod method) const {
        const TaintTrace tr = trace(method);
        const TaintedTransaction* r = tr.find(to_bob);
        return r ? r->tainted_out : 0;
    }
    Units held_by_alice(TaintMethod method) const {
        for (const TaintedAddress& a : trace(method).addresses(t.ledger))
            if (a.address == alice) return a.tainted_held;
        return -1;
    }
};

}  // namespace

TEST_CASE("docs/forensics.md account example: Alice pays Bob 1 ETH", "[taint][account]") {
    const AliceExample x;
    CHECK(x.bob_taint(TaintMethod::Fifo) == 0);  // the first 5 clean leave first
    CHECK(x.bob_taint(TaintMethod::Lifo) == 0);  // the last 5 clean leave first
    CHECK(x.bob_taint(TaintMethod::Haircut) == 90'909'090'909'090'909);  // 1/11 ETH, rounded down
    CHECK(x.bob_taint(TaintMethod::Poison) == 1 * kEth);
    CHECK(x.bob_taint(TaintMethod::Tiho) == 0);  // the 10 ETH that stay are the larger "output"

    CHECK(x.held_by_alice(TaintMethod::Fifo) == 1 * kEth);
    CHECK(x.held_by_alice(TaintMethod::Haircut) == 1 * kEth - 90'909'090'909'090'909);
    CHECK(x.held_by_alice(TaintMethod::Poison) == 10 * kEth);
    CHECK(x.held_by_alice(TaintMethod::Tiho) == 1 * kEth);
}

TEST_CASE("account FIFO and LIFO reach the tainted segment in arrival order", "[taint][account]") {
    TestLedger t;
    const AddressId alice = t.eth_address("0xalice");
    const AddressId p1 = t.eth_address("0xp1"), p2 = t.eth_address("0xp2"),
                    p3 = t.eth_address("0xp3");
    t.transfer("0xa", 10, t.eth_address("0xemployer"), alice, 5 * kEth);
    const TxIndex stolen = t.transfer("0xb", 20, t.eth_address("0xthief"), alice, 1 * kEth);
    t.transfer("0xc", 30, t.eth_address("0xemployer"), alice, 5 * kEth);
    const TxIndex pay1 = t.transfer("0xd", 40, alice, p1, 4 * kEth);
    const TxIndex pay2 =
        t.transfer("0xe", 50, alice, p2, 2 * kEth);  // FIFO: 1 clean then the tainted 1
    const TxIndex pay3 = t.transfer("0xf", 60, alice, p3, 5 * kEth);
    t.done();
    const TaintSeed seed{stolen, kAllOutputs, kEth};
    const TaintTrace fifo =
        trace_taint(t.ledger, std::span(&seed, 1), {TaintMethod::Fifo, kNoTx, 0});
    CHECK(fifo.find(pay1) == nullptr);
    REQUIRE(fifo.find(pay2));
    CHECK(fifo.find(pay2)->tainted_out == 1 * kEth);
    CHECK(fifo.find(pay2)->hops == 1);
    CHECK(fifo.predecessors(pay2).size() == 1);
    CHECK(fifo.predecessors(pay2)[0] == stolen);
    CHECK(fifo.find(pay3) == nullptr);
    // LIFO: pay1 takes 4 of the last 5 clean; pay2 takes the last clean 1 and the tainted 1.
    const TaintTrace lifo =
        trace_taint(t.ledger, std::span(&seed, 1), {TaintMethod::Lifo, kNoTx, 0});
    CHECK(lifo.find(pay1) == nullptr);
    REQUIRE(lifo.find(pay2));
    CHECK(lifo.find(pay2)->tainted_out == 1 * kEth);
    CHECK(lifo.find(pay3) == nullptr);
}

TEST_CASE("account fees carry away their share of taint", "[taint][account][fee]") {
    TestLedger t;
    const AddressId mule = t.eth_address("0xmule");
    const TxIndex stolen = t.transfer("0x1", 10, t.eth_address("0xthief"), mule, 2 * kEth);
    const Units fee = kEth / 100;
    const TxIndex out = t.transfer("0x2", 20, mule, t.eth_address("0xnext"), 1 * kEth, fee);
    t.done();
    const TaintSeed seed{stolen, kAllOutputs, 2 * kEth};
    // Everything at the mule is tainted, so every method taints the payment and loses the fee.
    for (TaintMethod m : {TaintMethod::Poison, TaintMethod::Haircut, TaintMethod::Fifo,
                          TaintMethod::Lifo, TaintMethod::Tiho}) {
        const TaintTrace trace = trace_taint(t.ledger, std::span(&seed, 1), {m, kNoTx, 0});
        REQUIRE(trace.find(out));
        CHECK(trace.find(out)->tainted_out == 1 * kEth);
        CHECK(trace.find(out)->lost_to_fee == fee);
    }
    // Half tainted, haircut: half the fee's value is lost taint.
    const TaintSeed half{stolen, kAllOutputs, 1 * kEth};
    const TaintTrace haircut =
        trace_taint(t.ledger, std::span(&half, 1), {TaintMethod::Haircut, kNoTx, 0});
    CHECK(haircut.find(out)->tainted_out == kEth / 2);
    CHECK(haircut.find(out)->lost_to_fee == fee / 2);
}

TEST_CASE("token transfers are followed in their own asset; gas comes from the native balance",
          "[taint][account][token]") {
    TestLedger t;
    const AddressId mule = t.eth_address("0xmule"), bob = t.eth_address("0xbob");
    t.transfer("0xgas", 5, t.eth_address("0xfaucet"), mule, kEth);
    const TxIndex stolen =
        t.transfer("0xusdt1", 10, t.eth_address("0xvictim"), mule, 100 * kUsdt, 0, t.usdt);
    const TxIndex out = t.transfer("0xusdt2", 20, mule, bob, 60 * kUsdt, kEth / 1000, t.usdt);
    t.done();
    const TaintSeed seed{stolen, kAllOutputs, 100 * kUsdt};
    const TaintTrace trace =
        trace_taint(t.ledger, std::span(&seed, 1), {TaintMethod::Fifo, kNoTx, 0});
    REQUIRE(trace.find(out));
    CHECK(trace.find(out)->tainted_out == 60 * kUsdt);
    CHECK(trace.find(out)->lost_to_fee == 0);  // the ETH paying gas is clean
    bool bob_in_usdt = false;
    for (const TaintedAddress& a : trace.addresses(t.ledger))
        if (a.address == bob) bob_in_usdt = a.asset == t.usdt && a.tainted_received == 60 * kUsdt;
    CHECK(bob_in_usdt);
}

TEST_CASE("cycles in an account graph terminate", "[taint][account][cycle]") {
    TestLedger t;
    const AddressId a = t.eth_address("0xa"), b = t.eth_address("0xb"), c = t.eth_address("0xc");
    const TxIndex stolen = t.transfer("0xseed", 1, t.eth_address("0xthief"), a, 3 * kEth);
    SimSeconds time = 2;
    for (int round = 0; round < 300; ++round) {
        t.transfer("0xab" + std::to_string(round), time++, a, b, 3 * kEth);
        t.transfer("0xbc" + std::to_string(round), time++, b, c, 3 * kEth);
        t.transfer("0xca" + std::to_string(round), time++, c, a, 3 * kEth);
    }
    t.done();
    const TaintSeed seed{stolen, kAllOutputs, 3 * kEth};
    for (TaintMethod m : {TaintMethod::Poison, TaintMethod::Haircut, TaintMethod::Fifo,
                          TaintMethod::Lifo, TaintMethod::Tiho}) {
        const TaintTrace trace = trace_taint(t.ledger, std::span(&seed, 1), {m, kNoTx, 0});
        CHECK(trace.transactions().size() == 901);
        for (const TaintedAddress& x : trace.addresses(t.ledger)) {
            if (x.address == a) CHECK(x.hops == 0);
            if (x.address == b) CHECK(x.hops == 1);
            if (x.address == c) CHECK(x.hops == 2);
            if (x.address == a) CHECK(x.tainted_held == 3 * kEth);
        }
        // The path walks back around the cycle, always to earlier transactions.
        const auto path = trace.path_to_source(trace.transactions().back().tx);
        CHECK(path.front() == stolen);
        CHECK(path.size() == 901);
    }
}

TEST_CASE("spending more than the case shows is read as clean funds from outside",
          "[taint][account]") {
    TestLedger t;
    const AddressId old_wallet = t.eth_address("0xold");
    t.transfer("0xspend0", 5, old_wallet, t.eth_address("0xshop"),
               4 * kEth);  // funded before the case
    const TxIndex stolen = t.transfer("0xin", 10, t.eth_address("0xthief"), old_wallet, 1 * kEth);
    const TxIndex out = t.transfer("0xout", 20, old_wallet, t.eth_address("0xbob"), 3 * kEth);
    t.done();
    const TaintSeed seed{stolen, kAllOutputs, kEth};
    // The pool holds only the 1 tainted ETH; the other 2 come from unmodelled (oldest) funds.
    const TaintTrace fifo =
        trace_taint(t.ledger, std::span(&seed, 1), {TaintMethod::Fifo, kNoTx, 0});
    CHECK(fifo.find(out)->tainted_out == 1 * kEth);
    const TaintTrace haircut =
        trace_taint(t.ledger, std::span(&seed, 1), {TaintMethod::Haircut, kNoTx, 0});
    CHECK(haircut.find(out)->tainted_out == 1 * kEth);
}

TEST_CASE("an address source taints everything it received before the horizon",
          "[taint][account][horizon]") {
    const AliceExample x;
    std::vector<TaintSeed> seeds;
    for (TxIndex t : x.t.ledger.transactions_of(x.alice))
        if (x.t.ledger.outputs(t)[0].address == x.alice)
            seeds.push_back({t, kAllOutputs, x.t.ledger.outputs(t)[0].amount});
    const TaintTrace all = trace_taint(x.t.ledger, seeds, {TaintMethod::Haircut, kNoTx, 0});
    CHECK(all.find(x.to_bob)->tainted_out == 1 * kEth);
    // Until 35, Bob has not been paid yet.
    const TaintTrace early =
        trace_taint(x.t.ledger, seeds, {TaintMethod::Haircut, horizon_of(x.t.ledger, 35), 0});
    CHECK(early.find(x.to_bob) == nullptr);
}
