// Puts the transactions into the ledger in time order, checking what only the whole ledger can
// show: outputs spent before they exist, spent twice or not at all existing; UTXO transactions
// whose inputs do not equal outputs plus fee; account transfers that overdraw their sender.
#include <algorithm>
#include <limits>
#include <numeric>

#include "scenario/load_state.hpp"

namespace mt::scenario_detail {
namespace {

constexpr std::uint32_t kUnspent = std::numeric_limits<std::uint32_t>::max();
// How funds from outside the case are written, named in messages (an argument: braces in a
// catalogue are placeholders).
constexpr const char* kPairShape = "{address, amount}";

// A time in a message: its offset from the case start ("-2h"), or the words for the start itself.
Message& at_time(Message& message, std::string name, SimSeconds t) {
    return t == 0 ? message.term(std::move(name), "case_error.ledger.case_start")
                  : message.arg(std::move(name), format_offset(t));
}

// Running balances of account-chain addresses, per asset: a short list of cells per address
// (most hold one or two assets), with no allocation per address.
class AccountBalances {
  public:
    explicit AccountBalances(std::size_t addresses) : head_(addresses, kNone) {}

    // The cell of (address, asset), created at zero; cells stay put while others are added.
    std::uint32_t cell(AddressId address, AssetId asset) {
        for (std::uint32_t c = head_[address]; c != kNone; c = cells_[c].next)
            if (cells_[c].asset == asset) return c;
        cells_.push_back({0, asset, head_[address]});
        head_[address] = static_cast<std::uint32_t>(cells_.size() - 1);
        return head_[address];
    }
    Units& operator[](std::uint32_t cell) { return cells_[cell].amount; }
    // Starts loading what cell() will read for `address`: its list head, then (once that head is
    // loaded, a step later) its first cell.
    void prefetch_head(AddressId address) const { __builtin_prefetch(&head_[address]); }
    void prefetch_cell(AddressId address) const {
        if (head_[address] != kNone) __builtin_prefetch(&cells_[head_[address]]);
    }

  private:
    static constexpr std::uint32_t kNone = std::numeric_limits<std::uint32_t>::max();
    struct Cell {
        Units amount = 0;
        AssetId asset = 0;
        std::uint32_t next = kNone;
    };
    LargeVector<std::uint32_t> head_;  // by address
    LargeVector<Cell> cells_;
};

class LedgerBuilder {
  public:
    explicit LedgerBuilder(LoadState& state)
        : state_(state),
          pending_(state.pending),
          ledger_(state.scenario.ledger),
          out_(state.yaml.diagnostics()),
          balances_(ledger_.address_count()) {}

    void run() {
        const auto count = static_cast<std::uint32_t>(pending_.size());
        LargeVector<TxRecord>& txs = pending_.txs;
        // Time order, stable: transactions at the same time keep the order they were written in.
        // Files written in time order (the generator's, exports) need no sorting or copying.
        const auto by_time = [&](const TxRecord& a, const TxRecord& b) { return a.time < b.time; };
        in_time_order_ = std::is_sorted(txs.begin(), txs.end(), by_time);
        LargeVector<std::uint32_t> order;
        if (!in_time_order_) {
            order.resize(count);
            std::iota(order.begin(), order.end(), 0u);
            std::stable_sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) {
                return txs[a].time < txs[b].time;
            });
            rank_.assign(count, 0);
            for (std::uint32_t r = 0; r < count; ++r) rank_[order[r]] = r;
        }
        ledger_index_.assign(count, kNoTx);
        spent_by_.assign(pending_.outputs.size(), kUnspent);
        for (const OpeningBalance& b : state_.opening)
            balances_[balances_.cell(b.address, b.asset)] += b.amount;

        TxIndex accepted = 0;
        const auto at_rank = [&](std::uint32_t r) { return in_time_order_ ? r : order[r]; };
        for (std::uint32_t r = 0; r < count; ++r) {
            // The checks read memory all over the ledger (spent transactions, their outputs,
            // senders' balances): ask for it some transactions ahead so the misses overlap.
            if (r + kFirstStepAhead < count) prefetch(at_rank(r + kFirstStepAhead), false);
            if (r + kSecondStepAhead < count) prefetch(at_rank(r + kSecondStepAhead), true);
            const std::uint32_t tx = at_rank(r);
            if (!pending_.valid[tx]) continue;
            const bool utxo = ledger_.chain(txs[tx].chain).model == ChainModel::Utxo;
            if (utxo ? check_utxo(tx) : check_transfer(tx)) ledger_index_[tx] = accepted++;
        }
        // With a rejected transaction the load fails: its problems are reported, and the ids stay
        // with the pending transactions so later sections do not call them unknown.
        if (accepted != count) return;
        if (!in_time_order_) {
            LargeVector<TxRecord> ordered(count);
            for (std::uint32_t tx = 0; tx < count; ++tx) ordered[ledger_index_[tx]] = txs[tx];
            txs = std::move(ordered);
        }
        ledger_.adopt(std::move(pending_.tx_ids), std::move(txs), std::move(pending_.inputs),
                      std::move(pending_.outputs));
        pending_.handed_to_ledger = true;
        // What placed the pending transactions for diagnostics is done with: free it before the
        // ledger builds its indexes, so a big ledger's peak memory does not hold both.
        LargeVector<TxOrigin>().swap(pending_.origins);
        std::vector<bool>().swap(pending_.valid);
        std::vector<NamedSpend>().swap(pending_.named_spends);
    }

  private:
    std::uint32_t rank(std::uint32_t tx) const { return in_time_order_ ? tx : rank_[tx]; }

    // What the checks of pending transaction `tx` will read, in two steps: first the records
    // its inputs spend (or its account cells' heads), then, with those loaded, the spent outputs
    // and their spender slots (or the first cells). Only a hint: nothing is checked here.
    static constexpr std::uint32_t kFirstStepAhead = 16;
    static constexpr std::uint32_t kSecondStepAhead = 8;
    void prefetch(std::uint32_t tx, bool second) const {
        const TxRecord& record = pending_.txs[tx];
        if (ledger_.chain(record.chain).model == ChainModel::Account) {
            if (record.input_count == 0 || record.output_count == 0) return;
            const AddressId from = pending_.inputs[record.first_input].address;
            const AddressId to = pending_.outputs[record.first_output].address;
            if (second) {
                balances_.prefetch_cell(from);
                balances_.prefetch_cell(to);
            } else {
                balances_.prefetch_head(from);
                balances_.prefetch_head(to);
            }
            return;
        }
        for (std::uint32_t i = 0; i < record.input_count; ++i) {
            const OutPoint prev = pending_.inputs[record.first_input + i].prev;
            if (prev.tx >= pending_.txs.size()) continue;  // from outside, or spent by name
            if (!second) {
                __builtin_prefetch(&pending_.txs[prev.tx]);
                __builtin_prefetch(&ledger_index_[prev.tx]);
                continue;
            }
            const std::size_t output = pending_.txs[prev.tx].first_output + prev.vout;
            if (output >= pending_.outputs.size()) continue;
            __builtin_prefetch(&pending_.outputs[output]);
            __builtin_prefetch(&spent_by_[output]);
        }
    }

    std::string amount_text(Units units, AssetId asset) const {
        const Asset& a = ledger_.asset(asset);
        return format_amount(units, a.decimals) + " " + a.symbol;
    }

    // Resolves the outputs the inputs spend (filling in their address and amount) and checks the
    // sums. False after reporting a problem (or silently when a spent transaction was invalid).
    bool check_utxo(std::uint32_t pending) {
        const TxRecord& tx = pending_.txs[pending];
        bool ok = true;
        Units in_total = 0;
        for (std::uint32_t i = 0; i < tx.input_count; ++i) {
            const TxInput& in = pending_.inputs[tx.first_input + i];
            if (in.prev.tx == kNoTx) {
                in_total += in.amount;
                continue;
            }
            if (resolve_spend(pending, i))
                in_total += in.amount;
            else
                ok = false;
        }
        if (!ok) return false;
        Units out_total = 0;
        for (std::uint32_t o = 0; o < tx.output_count; ++o)
            out_total += pending_.outputs[tx.first_output + o].amount;
        if (in_total != out_total + tx.fee) {
            const Units difference = in_total - out_total - tx.fee;
            out_.error(state_.tx_where(pending),
                       Message(difference > 0 ? "case_error.ledger.inputs_unaccounted"
                                              : "case_error.ledger.inputs_exceeded")
                           .arg("id", pending_.id(pending).str())
                           .arg("inputs", amount_text(in_total, tx.asset))
                           .arg("outputs", amount_text(out_total, tx.asset))
                           .arg("fee", amount_text(tx.fee, tx.asset))
                           .arg("total", amount_text(out_total + tx.fee, tx.asset))
                           .arg("difference",
                                amount_text(difference > 0 ? difference : -difference, tx.asset)));
            return false;
        }
        return true;
    }

    // Points input `input` of `pending` at the ledger index of the output it spends and takes
    // that output's address and amount. False after reporting a problem.
    bool resolve_spend(std::uint32_t pending, std::uint32_t input) {
        const TxRecord& tx = pending_.txs[pending];
        const std::uint32_t position = tx.first_input + input;
        TxInput& in = pending_.inputs[position];
        // Built only for a diagnostic: millions of CSV inputs pass through here.
        auto where = [&] { return state_.tx_where(pending, static_cast<int>(input)); };
        std::uint32_t source = in.prev.tx;
        if (source == kSpendByName) {
            const std::string_view name = pending_.spend_name(position);
            source = pending_.tx_ids.find(name);
            if (source == TextTable::kAbsent) {
                out_.error(where(), Message("case_error.ledger.spends_unknown")
                                        .arg("id", name)
                                        .arg("pair", kPairShape));
                return false;
            }
        }
        const std::uint32_t vout = in.prev.vout;
        const TxRecord& prev = pending_.txs[source];
        const TextTable::Text prev_id = pending_.id(source);
        if (!pending_.valid[source]) return false;  // its own problems were reported
        if (source == pending) {
            out_.error(where(),
                       Message("case_error.ledger.spends_itself").arg("id", prev_id.str()));
            return false;
        }
        if (prev.chain != tx.chain) {
            out_.error(where(), Message("case_error.ledger.spends_other_chain")
                                    .arg("id", prev_id.str())
                                    .arg("chain", ledger_.chain(prev.chain).id)
                                    .arg("expected", ledger_.chain(tx.chain).id));
            return false;
        }
        if (rank(source) > rank(pending)) {
            Message message("case_error.ledger.spends_later");
            message.arg("id", prev_id.str());
            at_time(message, "spent_at", prev.time);
            out_.error(where(), std::move(at_time(message, "at", tx.time)));
            return false;
        }
        if (vout >= prev.output_count) {
            out_.error(where(), Message("case_error.ledger.no_such_vout")
                                    .arg("id", prev_id.str())
                                    .arg("count", std::size_t{prev.output_count})
                                    .arg("last", std::size_t{prev.output_count - 1})
                                    .arg("vout", std::size_t{vout}));
            return false;
        }
        if (ledger_index_[source] == kNoTx) return false;  // rejected itself, reported
        const std::uint32_t output = prev.first_output + vout;
        if (spent_by_[output] != kUnspent) {
            out_.error(where(), Message("case_error.ledger.spent_twice")
                                    .arg("id", prev_id.str())
                                    .arg("vout", std::size_t{vout})
                                    .arg("spender", pending_.id(spent_by_[output]).str()));
            return false;
        }
        spent_by_[output] = pending;
        const TxOutput& o = pending_.outputs[output];
        in = TxInput{o.address, o.amount, OutPoint{ledger_index_[source], vout}};
        return true;
    }

    bool check_transfer(std::uint32_t pending) {
        const TxRecord& tx = pending_.txs[pending];
        const TxInput& in = pending_.inputs[tx.first_input];
        const TxOutput& out = pending_.outputs[tx.first_output];
        const AssetId native = ledger_.chain(tx.chain).native_asset;
        const std::uint32_t sent_cell = balances_.cell(in.address, tx.asset);
        const std::uint32_t fee_cell = balances_.cell(in.address, native);
        Units& sent = balances_[sent_cell];
        Units& fee_source = balances_[fee_cell];
        const Units had_asset = sent;
        const Units had_native = fee_source;
        const Units amount = in.amount;
        const Units fee = tx.fee;
        sent -= amount;
        fee_source -= fee;  // the same cell when the asset is native
        if (sent < 0 || fee_source < 0) {
            Message message;
            if (tx.asset == native)
                message = Message("case_error.ledger.overdraw_with_fee")
                              .arg("needs", amount_text(amount + fee, native))
                              .arg("holds", amount_text(had_asset, native));
            else if (sent < 0)
                message = Message("case_error.ledger.overdraw_asset")
                              .arg("needs", amount_text(amount, tx.asset))
                              .arg("holds", amount_text(had_asset, tx.asset));
            else
                message = Message("case_error.ledger.overdraw_fee")
                              .arg("needs", amount_text(fee, native))
                              .arg("holds", amount_text(had_native, native));
            message.arg("id", pending_.id(pending).str())
                .arg("sender", ledger_.address_text(in.address).str());
            out_.error(state_.tx_where(pending), std::move(at_time(message, "at", tx.time)));
            // Undo, so one overdraw does not cascade into every later transfer of this sender.
            sent = had_asset;
            fee_source = had_native;
            return false;
        }
        balances_[balances_.cell(out.address, tx.asset)] += out.amount;
        return true;
    }

    LoadState& state_;
    PendingTransactions& pending_;
    Ledger& ledger_;
    Diagnostics& out_;
    bool in_time_order_ = true;
    LargeVector<std::uint32_t> rank_;      // by pending position, when not in time order
    LargeVector<TxIndex> ledger_index_;    // by pending position; kNoTx while not accepted
    LargeVector<std::uint32_t> spent_by_;  // pending position of the spender, per output
    AccountBalances balances_;
};

}  // namespace

void build_ledger(LoadState& state) {
    LedgerBuilder(state).run();
    state.scenario.ledger.finalize();
}

}  // namespace mt::scenario_detail
