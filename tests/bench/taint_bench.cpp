// Taint propagation over a synthetic ledger of 1,000,000 UTXO transactions, for each method.
// The ledger is built once per run from a fixed seed: peel chains (most transactions), fan-outs
// (2 to 5 outputs), merges of 2 to 12 coins that mix tainted and clean coins, and fresh funding.
// The taint starts at all outputs of transaction 1000, early in the flow, so it spreads through a
// large part of the ledger.
#include <benchmark/benchmark.h>

#include <cstdint>
#include <string>
#include <vector>

#include "forensics/analysis.hpp"
#include "forensics/taint.hpp"
#include "model/ledger.hpp"
#include "model/stable_hash.hpp"

namespace {

using namespace mt;

constexpr std::size_t kTransactions = 1'000'000;
constexpr std::uint32_t kAddresses = 200'000;
constexpr Units kSatPerBtc = 100'000'000;
constexpr Units kFee = 1'000;
constexpr TxIndex kSourceTx = 1000;

class Random : public SplitMix64 {
  public:
    using SplitMix64::SplitMix64;
    std::uint64_t below(std::uint64_t n) { return next() % n; }
};

struct Coin {
    OutPoint out;
    AddressId address = 0;
    Units amount = 0;
};

class SyntheticLedger {
  public:
    SyntheticLedger() : random_(20240611) {
        chain_ = ledger_.add_chain({"bitcoin", "Bitcoin", ChainModel::Utxo, 0});
        ledger_.add_asset({"btc", "BTC", chain_, 8, ""});
        for (std::uint32_t i = 0; i < kAddresses; ++i)
            ledger_.intern_address("bc1q" + std::to_string(i), chain_);
        for (int i = 0; i < 100; ++i) fund();
        while (ledger_.transaction_count() < kTransactions) {
            const std::uint64_t roll = random_.below(100);
            // Shares chosen so coins are spent about as fast as they are made: the pool of unspent
            // coins stays small and every coin, tainted or not, moves on sooner or later.
            if (roll < 5 || coins_.size() < 16) {
                fund();
            } else if (roll < 65) {
                peel();
            } else if (roll < 80) {
                fan_out();
            } else {
                merge();
            }
        }
        ledger_.finalize();
    }
    const Ledger& ledger() const { return ledger_; }

  private:
    AddressId any_address() { return static_cast<AddressId>(random_.below(kAddresses)); }

    TxIndex add(std::vector<TxInput> inputs, std::vector<TxOutput> outputs, Units fee) {
        const auto index = static_cast<TxIndex>(ledger_.transaction_count());
        TransactionDraft draft{"t" + std::to_string(index),
                               chain_,
                               0,
                               static_cast<SimSeconds>(index),
                               fee,
                               std::move(inputs),
                               std::move(outputs)};
        ledger_.add_transaction(draft);
        for (std::uint32_t o = 0; o < draft.outputs.size(); ++o)
            produced_.push_back({{index, o}, draft.outputs[o].address, draft.outputs[o].amount});
        return index;
    }

    Coin take(std::vector<Coin>& pool) {
        const std::size_t i = random_.below(pool.size());
        const Coin c = pool[i];
        pool[i] = pool.back();
        pool.pop_back();
        return c;
    }

    void keep_outputs(std::vector<Coin>& pool) {
        for (const Coin& c : produced_)
            if (c.amount > 10 * kFee) pool.push_back(c);
        produced_.clear();
    }

    void fund() {
        const AddressId to = any_address();
        add({{any_address(), 50 * kSatPerBtc, {}}}, {{to, 50 * kSatPerBtc}}, 0);
        keep_outputs(coins_);
    }

    // Continue a peel chain (or start one): a small payment out, the rest to a fresh-looking
    // address.
    void peel() {
        if (heads_.empty() || random_.below(200) == 0) heads_.push_back(take(coins_));
        const Coin head = take(heads_);
        if (head.amount < 100 * kFee) {
            coins_.push_back(head);
            return;
        }
        const Units payment = head.amount / 100 * static_cast<Units>(1 + random_.below(5));
        add({{head.address, head.amount, head.out}},
            {{any_address(), payment}, {any_address(), head.amount - payment - kFee}}, kFee);
        const Coin paid = produced_[0], change = produced_[1];
        produced_.clear();
        if (paid.amount > 10 * kFee) coins_.push_back(paid);
        heads_.push_back(change);
    }

    void fan_out() {
        const Coin source = take(coins_);
        const auto parts = static_cast<Units>(2 + random_.below(4));
        const Units share = (source.amount - kFee) / parts;
        if (share <= 0) return;
        std::vector<TxOutput> outputs;
        for (Units i = 0; i < parts; ++i) outputs.push_back({any_address(), share});
        add({{source.address, source.amount, source.out}}, std::move(outputs),
            source.amount - share * parts);
        keep_outputs(coins_);
    }

    // 2 to 12 coins spent together into a payment and change: where taint meets clean coins.
    void merge() {
        const std::size_t count = 2 + random_.below(11);
        std::vector<TxInput> inputs;
        Units total = 0;
        for (std::size_t i = 0; i < count; ++i) {
            const Coin c = take(coins_);
            inputs.push_back({c.address, c.amount, c.out});
            total += c.amount;
        }
        const Units payment = total / 2 + static_cast<Units>(random_.below(1000));
        add(std::move(inputs), {{any_address(), payment}, {any_address(), total - payment - kFee}},
            kFee);
        keep_outputs(coins_);
    }

    Ledger ledger_;
    ChainId chain_ = 0;
    Random random_;
    std::vector<Coin> coins_;
    std::vector<Coin> heads_;
    std::vector<Coin> produced_;
};

const Ledger& synthetic_ledger() {
    static const SyntheticLedger built;
    return built.ledger();
}

void propagate(benchmark::State& state, TaintMethod method) {
    const Ledger& ledger = synthetic_ledger();
    const TaintSeed seed{kSourceTx, kAllOutputs, max_amount()};
    std::size_t tainted = 0;
    for (auto _ : state) {
        const TaintTrace trace = trace_taint(ledger, std::span(&seed, 1), {method, kNoTx, 0});
        tainted = trace.transactions().size();
        benchmark::DoNotOptimize(tainted);
    }
    state.counters["ledger_txs"] = static_cast<double>(ledger.transaction_count());
    state.counters["tainted_txs"] = static_cast<double>(tainted);
    state.SetItemsProcessed(
        static_cast<std::int64_t>(state.iterations() * ledger.transaction_count()));
}

void BM_TaintPoison(benchmark::State& state) {
    propagate(state, TaintMethod::Poison);
}
void BM_TaintHaircut(benchmark::State& state) {
    propagate(state, TaintMethod::Haircut);
}
void BM_TaintFifo(benchmark::State& state) {
    propagate(state, TaintMethod::Fifo);
}
void BM_TaintLifo(benchmark::State& state) {
    propagate(state, TaintMethod::Lifo);
}
void BM_TaintTiho(benchmark::State& state) {
    propagate(state, TaintMethod::Tiho);
}

// The whole Taint tool as the session runs it: propagation, per-address summary, report rows.
void BM_TaintReportHaircut(benchmark::State& state) {
    const Ledger& ledger = synthetic_ledger();
    const AnalysisRequest request{AnalysisTool::Taint, TaintMethod::Haircut, "t1000",
                                  static_cast<SimSeconds>(ledger.transaction_count())};
    for (auto _ : state) {
        const AnalysisOutcome outcome = run_analysis(ledger, request);
        benchmark::DoNotOptimize(outcome.report);
    }
}

BENCHMARK(BM_TaintPoison)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_TaintHaircut)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_TaintFifo)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_TaintLifo)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_TaintTiho)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_TaintReportHaircut)->Unit(benchmark::kMillisecond);

}  // namespace
