#pragma once
// Taint propagation over a ledger: from seeded outputs or transfers forward in ledger order (time,
// then the order transactions were added), never past the horizon. UTXO transactions use
// split_utxo_taint; account-based transfers draw on AccountPool per (address, asset).
// Everything is exact integer arithmetic in base units; haircut rounds down (floor) per output.
#include <cstdint>
#include <limits>
#include <span>
#include <vector>

#include "forensics/account_pool.hpp"
#include "forensics/paged_array.hpp"
#include "model/ledger.hpp"
#include "model/money.hpp"
#include "model/vocabulary.hpp"

namespace mt {

inline constexpr std::uint32_t kAllOutputs = std::numeric_limits<std::uint32_t>::max();

// Taint placed by the investigator: `amount` base units of one output (UTXO), of every output in
// turn (vout == kAllOutputs, filled in output order), or of the transfer (account; vout ignored).
struct TaintSeed {
    TxIndex tx = kNoTx;
    std::uint32_t vout = kAllOutputs;
    Units amount = 0;
};

struct TaintOptions {
    TaintMethod method = TaintMethod::Haircut;
    TxIndex horizon =
        kNoTx;  // first transaction NOT seen (see horizon_of); kNoTx: the whole ledger
    // Taint smaller than this many base units is treated as clean: stops a dusting input from
    // poisoning everything downstream and haircut crumbs from spreading without end. 0: exact.
    Units min_taint = 0;
};

struct TaintedTransaction {
    TxIndex tx = kNoTx;
    Units tainted_out = 0;   // taint carried by the outputs (UTXO) or the transfer (account)
    Units lost_to_fee = 0;   // UTXO: in the tx asset; account: in the chain's native asset
    std::uint32_t hops = 0;  // 0 for a seeded transaction
    bool seed = false;
};

struct TaintedAddress {
    AddressId address = 0;
    AssetId asset = 0;
    Units received = 0;           // all it received in this asset before the horizon
    Units tainted_received = 0;   // the tainted part of that
    Units tainted_held = 0;       // taint still at the address at the horizon
    std::uint32_t hops = kNoHop;  // smallest hop distance of the taint it received
    TxIndex first_tainted_tx = kNoTx;
};

class TaintTrace {
  public:
    TaintMethod method() const { return method_; }
    TxIndex horizon() const { return horizon_; }
    // Every transaction that carried or lost taint, ascending by index.
    std::span<const TaintedTransaction> transactions() const { return txs_; }
    const TaintedTransaction* find(TxIndex tx) const;
    // Taint on one UTXO output (0 for clean, unknown or account outputs).
    Units output_taint(OutPoint out) const;
    // The transactions whose taint this one drew on (UTXO: the tainted inputs' transactions;
    // account FIFO/LIFO: the receipts whose segments left; other account methods: every tainted
    // receipt mixed into the sender's balance since it was last clean). Ascending.
    std::span<const TxIndex> predecessors(TxIndex tx) const;
    // One path from a seeded transaction to `tx`, following the closest predecessor at each step.
    std::vector<TxIndex> path_to_source(TxIndex tx) const;
    // Per (address, asset): what reached it, ordered by tainted amount (largest first).
    std::vector<TaintedAddress> addresses(const Ledger& ledger) const;

  private:
    friend class TaintTracer;
    struct PredRef {
        std::uint32_t list = 0;  // 0: flat arena; n > 0: pooled epoch n - 1
        std::uint32_t begin = 0;
        std::uint32_t count = 0;
    };
    struct RecordExtra {  // parallel to txs_
        PredRef preds;
        std::uint32_t first_output = 0;
        std::uint32_t output_count = 0;
        bool utxo = false;
    };
    struct Holding {
        AddressId address = 0;
        AssetId asset = 0;
        Units tainted = 0;
    };
    TaintMethod method_ = TaintMethod::Haircut;
    TxIndex horizon_ = 0;
    TxIndex base_tx_ = 0;             // first transaction with a dense entry
    std::uint32_t base_output_ = 0;   // first output with a dense entry
    PagedArray<Units> output_taint_;  // UTXO outputs from base_output_
    LargeVector<TaintedTransaction, large_array::Pages::Huge> txs_;
    LargeVector<RecordExtra, large_array::Pages::Huge> extras_;
    std::vector<TxIndex> pred_arena_;
    std::vector<std::vector<TxIndex>> pred_epochs_;
    std::vector<Holding> account_holdings_;  // account pools still tainted at the horizon
};

// The first transaction index after `until`: transactions [0, horizon) are visible.
TxIndex horizon_of(const Ledger& ledger, SimSeconds until);

// Propagates taint from the seeds. Seeds at or beyond the horizon are ignored.
TaintTrace trace_taint(const Ledger& ledger, std::span<const TaintSeed> seeds,
                       const TaintOptions& options);

}  // namespace mt
