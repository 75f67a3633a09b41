#include "forensics/taint.hpp"

#include <algorithm>
#include <bit>
#include <tuple>
#include <unordered_map>

#include "forensics/utxo_taint_rule.hpp"

namespace mt {

TxIndex horizon_of(const Ledger& ledger, SimSeconds until) {
    // Transactions are stored in non-decreasing time order, so the horizon is a partition point.
    TxIndex low = 0, high = static_cast<TxIndex>(ledger.transaction_count());
    while (low < high) {
        const TxIndex mid = low + (high - low) / 2;
        if (ledger.transaction(mid).time <= until) {
            low = mid + 1;
        } else {
            high = mid;
        }
    }
    return low;
}

// Walks the ledger forward from the earliest seed. A bitset of pending transactions replaces a
// priority queue: taint only ever moves to later transactions, so one ascending sweep suffices and
// skipping clean stretches costs one word test per 64 transactions.
class TaintTracer {
  public:
    TaintTracer(const Ledger& ledger, std::span<const TaintSeed> seeds, const TaintOptions& options)
        : ledger_(ledger), options_(options) {
        trace_.method_ = options.method;
        trace_.horizon_ =
            std::min<TxIndex>(options.horizon, static_cast<TxIndex>(ledger.transaction_count()));
        for (const TaintSeed& s : seeds)
            if (s.tx < trace_.horizon_ && s.amount > 0) seeds_.push_back(s);
        std::stable_sort(seeds_.begin(), seeds_.end(),
                         [](const TaintSeed& a, const TaintSeed& b) { return a.tx < b.tx; });
    }

    TaintTrace run() {
        if (seeds_.empty()) return std::move(trace_);
        const TxIndex base = seeds_.front().tx;
        const TxIndex horizon = trace_.horizon_;
        trace_.base_tx_ = base;
        trace_.base_output_ = ledger_.transaction(base).first_output;
        const Transaction& last = ledger_.transaction(horizon - 1);
        trace_.output_taint_.reset(last.first_output + last.output_count - trace_.base_output_);
        hop_of_.reset(horizon - base);
        pending_.assign((horizon - base + 63) / 64, 0);
        for (const TaintSeed& s : seeds_) mark(s.tx);
        for (std::size_t word = 0; word < pending_.size(); ++word) {
            while (pending_[word] != 0) {
                const int bit = std::countr_zero(pending_[word]);
                pending_[word] &= pending_[word] - 1;
                const auto t =
                    static_cast<TxIndex>(base + word * 64 + static_cast<std::size_t>(bit));
                const Transaction& tx = ledger_.transaction(t);
                if (ledger_.chain(tx.chain).model == ChainModel::Utxo) {
                    process_utxo(t, tx);
                } else {
                    process_account(t, tx);
                }
            }
        }
        collect_holdings();
        return std::move(trace_);
    }

  private:
    struct PoolSlot {
        AssetId asset = 0;
        AccountPool pool;
        std::uint32_t synced = 0;  // position in transactions_of(address) not yet applied
        std::uint32_t epoch = 0;   // 0: no tainted receipts; n: trace_.pred_epochs_[n - 1]
    };
    using AccountState = std::vector<PoolSlot>;

    void mark(TxIndex t) {
        const std::size_t i = t - trace_.base_tx_;
        pending_[i >> 6] |= std::uint64_t{1} << (i & 63);
    }

    // Seeds placed on transaction t, in the order given.
    std::span<const TaintSeed> seeds_at(TxIndex t) {
        while (seed_cursor_ < seeds_.size() && seeds_[seed_cursor_].tx < t) ++seed_cursor_;
        std::size_t end = seed_cursor_;
        while (end < seeds_.size() && seeds_[end].tx == t) ++end;
        return std::span<const TaintSeed>(seeds_).subspan(seed_cursor_, end - seed_cursor_);
    }

    void record(TxIndex t, const Transaction& tx, Units tainted_out, Units lost, std::uint32_t hops,
                bool seed, TaintTrace::PredRef preds, bool utxo) {
        trace_.txs_.push_back({t, tainted_out, lost, hops, seed});
        trace_.extras_.push_back({preds, tx.first_output, tx.output_count, utxo});
        hop_of_.at(t - trace_.base_tx_) = hops;
    }

    TaintTrace::PredRef close_flat_preds(std::size_t begin) {
        auto& arena = trace_.pred_arena_;
        std::sort(arena.begin() + static_cast<std::ptrdiff_t>(begin), arena.end());
        arena.erase(std::unique(arena.begin() + static_cast<std::ptrdiff_t>(begin), arena.end()),
                    arena.end());
        return {0, static_cast<std::uint32_t>(begin),
                static_cast<std::uint32_t>(arena.size() - begin)};
    }

    void process_utxo(TxIndex t, const Transaction& tx) {
        const auto inputs = ledger_.inputs(t);
        const auto outputs = ledger_.outputs(t);
        in_values_.resize(inputs.size());
        in_taint_.resize(inputs.size());
        out_values_.resize(outputs.size());
        out_taint_.resize(outputs.size());
        const std::size_t pred_begin = trace_.pred_arena_.size();
        std::uint32_t closest = kNoHop;
        for (std::size_t i = 0; i < inputs.size(); ++i) {
            const TxInput& in = inputs[i];
            in_values_[i] = std::max<Units>(in.amount, 0);
            Units taint = 0;
            if (in.prev.tx != kNoTx && in.prev.tx >= trace_.base_tx_ && in.prev.tx < t) {
                const Transaction& source = ledger_.transaction(in.prev.tx);
                if (in.prev.vout < source.output_count)
                    taint = trace_.output_taint_.get(source.first_output + in.prev.vout -
                                                     trace_.base_output_);
                taint = std::min(taint, in_values_[i]);
                if (taint < options_.min_taint) taint = 0;
                if (taint > 0) {
                    closest = std::min(closest, hop_of_.get(in.prev.tx - trace_.base_tx_));
                    trace_.pred_arena_.push_back(in.prev.tx);
                }
            }
            in_taint_[i] = taint;
        }
        for (std::size_t o = 0; o < outputs.size(); ++o)
            out_values_[o] = std::max<Units>(outputs[o].amount, 0);
        Units lost = split_utxo_taint(options_.method, in_values_, in_taint_, out_values_,
                                      out_taint_, order_);
        bool seeded = false;
        for (const TaintSeed& s : seeds_at(t)) {
            seeded = true;
            Units left = s.amount;
            for (std::size_t o = 0; o < outputs.size() && left > 0; ++o) {
                if (s.vout != kAllOutputs && s.vout != o) continue;
                const Units placed = std::min(left, out_values_[o]);
                out_taint_[o] = std::max(out_taint_[o], placed);
                left -= placed;
            }
        }
        Units tainted_out = 0;
        for (std::size_t o = 0; o < outputs.size(); ++o) {
            if (out_taint_[o] < options_.min_taint) out_taint_[o] = 0;
            tainted_out += out_taint_[o];
        }
        if (!seeded && tainted_out == 0 && lost == 0) {
            trace_.pred_arena_.resize(pred_begin);
            return;
        }
        const std::uint32_t hops = seeded ? 0 : closest + 1;
        record(t, tx, tainted_out, lost, hops, seeded, close_flat_preds(pred_begin), true);
        for (std::uint32_t o = 0; o < outputs.size(); ++o) {
            if (out_taint_[o] == 0) continue;
            trace_.output_taint_.at(tx.first_output + o - trace_.base_output_) = out_taint_[o];
            const TxIndex next = ledger_.spender({t, o});
            // A spender stored before its source would be a malformed ledger; taint never flows
            // back.
            if (next != kNoTx && next > t && next < trace_.horizon_) mark(next);
        }
    }

    // The pool of (address, asset), brought up to date with the address's history before t.
    // Returns nullptr when the address has no pool in that asset and `create` is false.
    PoolSlot* pool(AddressId address, AssetId asset, TxIndex t, bool create) {
        auto it = accounts_.find(address);
        if (it == accounts_.end()) {
            if (!create) return nullptr;
            it = accounts_.emplace(address, AccountState{}).first;
        }
        PoolSlot* slot = nullptr;
        for (PoolSlot& s : it->second)
            if (s.asset == asset) slot = &s;
        if (!slot) {
            if (!create) return nullptr;
            it->second.push_back({asset, AccountPool(options_.method), 0, 0});
            slot = &it->second.back();
        }
        catch_up(address, *slot, t);
        return slot;
    }

    // Replays the clean history the sweep skipped: while an address holds no taint its
    // transactions are not visited, yet its balance still matters when taint arrives.
    void catch_up(AddressId address, PoolSlot& slot, TxIndex t) {
        const auto history = ledger_.transactions_of(address);
        for (; slot.synced < history.size() && history[slot.synced] < t; ++slot.synced) {
            const TxIndex u = history[slot.synced];
            const Transaction& tx = ledger_.transaction(u);
            if (ledger_.chain(tx.chain).model != ChainModel::Account) continue;
            apply_clean(address, slot, u, tx);
        }
    }

    void apply_clean(AddressId address, PoolSlot& slot, TxIndex u, const Transaction& tx) {
        const AssetId native = ledger_.chain(tx.chain).native_asset;
        const auto inputs = ledger_.inputs(u);
        const auto outputs = ledger_.outputs(u);
        const bool sends = !inputs.empty() && inputs[0].address == address;
        const bool receives = !outputs.empty() && outputs[0].address == address;
        if (sends) {
            const Units payment =
                tx.asset == slot.asset ? outputs.empty() ? Units{0} : Units{outputs[0].amount} : 0;
            const Units fee = slot.asset == native ? tx.fee : 0;
            if (payment > 0 || fee > 0) slot.pool.debit(payment, fee, scratch_origins_);
        }
        if (receives && tx.asset == slot.asset) slot.pool.credit(outputs[0].amount, 0, u, kNoHop);
        scratch_origins_.clear();
    }

    static void advance_past(AddressId address, PoolSlot& slot, TxIndex t, const Ledger& ledger) {
        const auto history = ledger.transactions_of(address);
        while (slot.synced < history.size() && history[slot.synced] <= t) ++slot.synced;
    }

    bool holds_taint(AddressId address) const {
        const auto it = accounts_.find(address);
        if (it == accounts_.end()) return false;
        return std::any_of(it->second.begin(), it->second.end(),
                           [](const PoolSlot& s) { return s.pool.tainted() > 0; });
    }

    void follow_address(AddressId address, TxIndex t) {
        if (!holds_taint(address)) return;
        const auto history = ledger_.transactions_of(address);
        const auto next = std::upper_bound(history.begin(), history.end(), t);
        if (next != history.end() && *next < trace_.horizon_) mark(*next);
    }

    void process_account(TxIndex t, const Transaction& tx) {
        const AssetId native = ledger_.chain(tx.chain).native_asset;
        const auto inputs = ledger_.inputs(t);
        const auto outputs = ledger_.outputs(t);
        const bool has_sender = !inputs.empty();
        const bool has_recipient = !outputs.empty();
        const Units amount = has_recipient ? std::max<Units>(outputs[0].amount, 0) : 0;
        const bool segments =
            options_.method == TaintMethod::Fifo || options_.method == TaintMethod::Lifo;

        PoolDebit paid;
        Units fee_taint = 0;
        TaintTrace::PredRef preds;
        const std::size_t pred_begin = trace_.pred_arena_.size();
        if (has_sender) {
            const AddressId sender = inputs[0].address;
            // Only an address that ever held taint has a pool; any other sender is clean.
            if (PoolSlot* from = pool(sender, tx.asset, t, false)) {
                const Units fee = tx.asset == native ? tx.fee : 0;
                preds = {from->epoch, 0,
                         from->epoch ? static_cast<std::uint32_t>(
                                           trace_.pred_epochs_[from->epoch - 1].size())
                                     : 0};
                paid = from->pool.debit(amount, fee, trace_.pred_arena_);
                fee_taint += paid.fee_taint;
                settle(*from, sender, t);
            }
            if (tx.asset != native) {
                if (PoolSlot* gas = pool(sender, native, t, false)) {
                    const PoolDebit fee = gas->pool.debit(0, tx.fee, scratch_origins_);
                    scratch_origins_.clear();
                    fee_taint += fee.fee_taint;
                    if (paid.payment_taint == 0) paid.hop = fee.hop;
                    settle(*gas, sender, t);
                }
            }
        }
        Units taint = paid.payment_taint;
        bool seeded = false;
        for (const TaintSeed& s : seeds_at(t)) {
            seeded = true;
            taint = std::max(taint, std::min(s.amount, amount));
        }
        if (taint < options_.min_taint) taint = 0;
        if (segments || paid.payment_taint == 0) preds = close_flat_preds(pred_begin);
        if (!seeded && taint == 0 && fee_taint == 0) {
            trace_.pred_arena_.resize(pred_begin);
        } else {
            const std::uint32_t hops = seeded ? 0 : paid.hop == kNoHop ? kNoHop : paid.hop + 1;
            record(t, tx, taint, fee_taint, hops, seeded, preds, false);
        }
        if (has_recipient) {
            const AddressId recipient = outputs[0].address;
            if (PoolSlot* to = pool(recipient, tx.asset, t, taint > 0)) {
                to->pool.credit(amount, taint, t, hop_of_.get(t - trace_.base_tx_));
                if (taint > 0 && options_.method != TaintMethod::Fifo &&
                    options_.method != TaintMethod::Lifo) {
                    if (to->epoch == 0) {
                        trace_.pred_epochs_.emplace_back();
                        to->epoch = static_cast<std::uint32_t>(trace_.pred_epochs_.size());
                    }
                    trace_.pred_epochs_[to->epoch - 1].push_back(t);
                }
                settle(*to, recipient, t);
            }
            follow_address(recipient, t);
        }
        if (has_sender) follow_address(inputs[0].address, t);
    }

    // After transaction t touched the pool: drop dust taint, end the receipt epoch once the pool
    // is clean, and mark t as applied.
    void settle(PoolSlot& slot, AddressId address, TxIndex t) {
        if (options_.min_taint > 0) slot.pool.drop_taint_below(options_.min_taint);
        if (slot.pool.tainted() == 0) slot.epoch = 0;
        advance_past(address, slot, t, ledger_);
    }

    void collect_holdings() {
        for (const auto& [address, pools] : accounts_)
            for (const PoolSlot& s : pools)
                if (s.pool.tainted() > 0)
                    trace_.account_holdings_.push_back({address, s.asset, s.pool.tainted()});
        std::sort(trace_.account_holdings_.begin(), trace_.account_holdings_.end(),
                  [](const auto& a, const auto& b) {
                      return std::tie(a.address, a.asset) < std::tie(b.address, b.asset);
                  });
    }

    const Ledger& ledger_;
    TaintOptions options_;
    TaintTrace trace_;
    std::vector<TaintSeed> seeds_;
    std::size_t seed_cursor_ = 0;
    std::vector<std::uint64_t> pending_;
    PagedArray<std::uint32_t> hop_of_;  // hop distance of recorded transactions, from base_tx_
    std::vector<Units> in_values_, in_taint_, out_values_, out_taint_;
    std::vector<std::uint32_t> order_;
    std::vector<TxIndex> scratch_origins_;
    std::unordered_map<AddressId, AccountState> accounts_;
};

TaintTrace trace_taint(const Ledger& ledger, std::span<const TaintSeed> seeds,
                       const TaintOptions& options) {
    return TaintTracer(ledger, seeds, options).run();
}

const TaintedTransaction* TaintTrace::find(TxIndex tx) const {
    const auto it =
        std::lower_bound(txs_.begin(), txs_.end(), tx,
                         [](const TaintedTransaction& r, TxIndex t) { return r.tx < t; });
    return it != txs_.end() && it->tx == tx ? &*it : nullptr;
}

Units TaintTrace::output_taint(OutPoint out) const {
    const TaintedTransaction* record = find(out.tx);
    if (!record) return 0;
    const RecordExtra& extra = extras_[static_cast<std::size_t>(record - txs_.data())];
    if (!extra.utxo || out.vout >= extra.output_count) return 0;
    return output_taint_.get(extra.first_output + out.vout - base_output_);
}

std::span<const TxIndex> TaintTrace::predecessors(TxIndex tx) const {
    const TaintedTransaction* record = find(tx);
    if (!record) return {};
    const PredRef& ref = extras_[static_cast<std::size_t>(record - txs_.data())].preds;
    const std::vector<TxIndex>& list = ref.list == 0 ? pred_arena_ : pred_epochs_[ref.list - 1];
    return std::span<const TxIndex>(list).subspan(ref.begin, ref.count);
}

std::vector<TxIndex> TaintTrace::path_to_source(TxIndex tx) const {
    std::vector<TxIndex> path;
    const TaintedTransaction* record = find(tx);
    // Predecessors always have smaller indexes, so the walk ends; the bound guards bad data.
    while (record && path.size() <= txs_.size()) {
        path.push_back(record->tx);
        if (record->seed) break;
        const TaintedTransaction* closest = nullptr;
        for (TxIndex p : predecessors(record->tx)) {
            const TaintedTransaction* candidate = find(p);
            if (candidate && candidate->tx < record->tx &&
                (!closest || candidate->hops < closest->hops))
                closest = candidate;
        }
        record = closest;
    }
    std::reverse(path.begin(), path.end());
    return path;
}

std::vector<TaintedAddress> TaintTrace::addresses(const Ledger& ledger) const {
    std::vector<TaintedAddress> out;
    std::unordered_map<std::uint64_t, std::size_t> slot;  // (address, asset) -> index in out
    auto entry = [&](AddressId address, AssetId asset) -> TaintedAddress& {
        const std::uint64_t key = (std::uint64_t{address} << 16) | asset;
        const auto [it, inserted] = slot.try_emplace(key, out.size());
        if (inserted) {
            out.emplace_back();
            out.back().address = address;
            out.back().asset = asset;
        }
        return out[it->second];
    };
    auto note_receipt = [](TaintedAddress& e, const TaintedTransaction& r, Units taint) {
        e.tainted_received += taint;
        e.hops = std::min(e.hops, r.hops);
        e.first_tainted_tx = std::min(e.first_tainted_tx, r.tx);
    };
    for (std::size_t i = 0; i < txs_.size(); ++i) {
        const TaintedTransaction& r = txs_[i];
        const Transaction& tx = ledger.transaction(r.tx);
        const auto outputs = ledger.outputs(r.tx);
        if (!extras_[i].utxo) {
            if (r.tainted_out > 0 && !outputs.empty())
                note_receipt(entry(outputs[0].address, tx.asset), r, r.tainted_out);
            continue;
        }
        for (std::uint32_t o = 0; o < outputs.size(); ++o) {
            const Units taint = output_taint_.get(tx.first_output + o - base_output_);
            if (taint == 0) continue;
            TaintedAddress& e = entry(outputs[o].address, tx.asset);
            note_receipt(e, r, taint);
            const TxIndex spender = ledger.spender({r.tx, o});
            if (spender == kNoTx || spender >= horizon_) e.tainted_held += taint;
        }
    }
    for (const Holding& h : account_holdings_) entry(h.address, h.asset).tainted_held += h.tainted;
    for (TaintedAddress& e : out) {
        for (TxIndex t : ledger.transactions_of(e.address)) {
            if (t >= horizon_) break;
            if (ledger.transaction(t).asset != e.asset) continue;
            for (const TxOutput& o : ledger.outputs(t))
                if (o.address == e.address) e.received += o.amount;
        }
    }
    std::sort(out.begin(), out.end(), [](const TaintedAddress& a, const TaintedAddress& b) {
        if (a.tainted_received != b.tainted_received)
            return a.tainted_received > b.tainted_received;
        return std::tie(a.hops, a.address, a.asset) < std::tie(b.hops, b.address, b.asset);
    });
    return out;
}

}  // namespace mt
