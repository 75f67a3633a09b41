// Puts the transactions into the ledger in time order, checking what only the whole ledger can
// show: outputs spent before they exist, spent twice or not at all existing; UTXO transactions
// whose inputs do not equal outputs plus fee; account transfers that overdraw their sender.
#include <algorithm>
#include <numeric>
#include <unordered_map>

#include "scenario/load_state.hpp"

namespace mt::scenario_detail {
namespace {

constexpr std::uint32_t kUnspent = std::numeric_limits<std::uint32_t>::max();

std::string when(SimSeconds t) {
    return t == 0 ? "the case start" : format_offset(t);
}

class LedgerBuilder {
  public:
    explicit LedgerBuilder(LoadState& state)
        : state_(state), ledger_(state.scenario.ledger), out_(state.yaml.diagnostics()) {}

    void run() {
        const auto count = static_cast<std::uint32_t>(state_.txs.size());
        // Stable: transactions at the same time keep the order they were written in.
        std::vector<std::uint32_t> order(count);
        std::iota(order.begin(), order.end(), 0u);
        std::stable_sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) {
            return state_.txs[a].time < state_.txs[b].time;
        });
        rank_.assign(count, 0);
        for (std::uint32_t r = 0; r < count; ++r) rank_[order[r]] = r;
        ledger_index_.assign(count, kNoTx);
        ledger_.reserve(count, state_.inputs.size(), state_.outputs.size(), 0);
        spent_by_.assign(state_.outputs.size(), kUnspent);
        for (const OpeningBalance& b : state_.opening)
            balances_[key(b.address, b.asset)] += b.amount;

        for (std::uint32_t pending : order) {
            const PendingTx& tx = state_.txs[pending];
            if (!tx.valid) continue;
            const bool utxo = ledger_.chain(tx.chain).model == ChainModel::Utxo;
            const bool ok = utxo ? check_utxo(pending) : check_transfer(tx);
            if (!ok) continue;
            draft_.id = std::string(tx.id);
            draft_.chain = tx.chain;
            draft_.asset = tx.asset;
            draft_.time = tx.time;
            draft_.fee = tx.fee;
            draft_.outputs.clear();
            for (std::uint32_t o = 0; o < tx.output_count; ++o) {
                const PendingOutput& out = state_.outputs[tx.first_output + o];
                draft_.outputs.push_back({out.address, out.amount});
            }
            ledger_index_[pending] = ledger_.add_transaction(draft_);
        }
    }

  private:
    static std::uint64_t key(AddressId address, AssetId asset) {
        return (std::uint64_t{address} << 16) | asset;
    }

    std::string amount_text(Units units, AssetId asset) const {
        const Asset& a = ledger_.asset(asset);
        return format_amount(units, a.decimals) + " " + a.symbol;
    }

    // Fills draft_.inputs from the pending inputs, resolving spent outputs. False after
    // reporting a problem (or silently when the spent transaction was itself invalid).
    bool check_utxo(std::uint32_t pending) {
        const PendingTx& tx = state_.txs[pending];
        draft_.inputs.clear();
        bool ok = true;
        Units in_total = 0;
        for (std::uint32_t i = 0; i < tx.input_count; ++i) {
            const PendingInput& in = state_.inputs[tx.first_input + i];
            if (in.prev_tx.empty()) {
                draft_.inputs.push_back({in.address, in.amount, {}});
                in_total += in.amount;
                continue;
            }
            auto resolved = resolve_spend(pending, static_cast<int>(i));
            if (!resolved) {
                ok = false;
                continue;
            }
            draft_.inputs.push_back(*resolved);
            in_total += resolved->amount;
        }
        if (!ok) return false;
        Units out_total = 0;
        for (std::uint32_t o = 0; o < tx.output_count; ++o)
            out_total += state_.outputs[tx.first_output + o].amount;
        if (in_total != out_total + tx.fee) {
            const Units difference = in_total - out_total - tx.fee;
            out_.error(
                state_.tx_where(tx),
                "transaction '" + std::string(tx.id) + "' does not balance: its inputs total " +
                    amount_text(in_total, tx.asset) + " but its outputs (" +
                    amount_text(out_total, tx.asset) + ") plus its fee (" +
                    amount_text(tx.fee, tx.asset) + ") make " +
                    amount_text(out_total + tx.fee, tx.asset) + "; expected them to be equal (" +
                    (difference > 0
                         ? amount_text(difference, tx.asset) + " of the inputs unaccounted for)"
                         : "outputs and fee exceed the inputs by " +
                               amount_text(-difference, tx.asset) + ")"));
            return false;
        }
        return true;
    }

    std::optional<TxInput> resolve_spend(std::uint32_t pending, int input) {
        const PendingTx& tx = state_.txs[pending];
        const PendingInput& in = state_.inputs[tx.first_input + static_cast<std::uint32_t>(input)];
        // Built only for a diagnostic: millions of CSV inputs pass through here.
        auto where = [&] { return state_.tx_where(tx, input); };
        auto it = state_.tx_by_id.find(in.prev_tx);
        if (it == state_.tx_by_id.end()) {
            out_.error(where(),
                       "input spends an output of '" + std::string(in.prev_tx) +
                           "', which is not a transaction of this case; expected the id of "
                           "an earlier transaction, or {address, amount} for funds from "
                           "outside the case");
            return std::nullopt;
        }
        const std::uint32_t source = it->second;
        const PendingTx& prev = state_.txs[source];
        if (!prev.valid) return std::nullopt;  // its own problems were reported
        if (source == pending) {
            out_.error(where(), "transaction '" + std::string(tx.id) + "' spends its own output");
            return std::nullopt;
        }
        if (prev.chain != tx.chain) {
            out_.error(where(), "input spends an output of '" + std::string(prev.id) +
                                    "' on chain '" + ledger_.chain(prev.chain).id + "', not on '" +
                                    ledger_.chain(tx.chain).id + "'");
            return std::nullopt;
        }
        if (rank_[source] > rank_[pending]) {
            out_.error(where(), "input spends an output of '" + std::string(prev.id) +
                                    "', which happens at " + when(prev.time) +
                                    ", after this transaction at " + when(tx.time) +
                                    "; expected an output created earlier");
            return std::nullopt;
        }
        if (in.vout >= prev.output_count) {
            out_.error(where(), "transaction '" + std::string(prev.id) + "' has " +
                                    std::to_string(prev.output_count) + " output" +
                                    (prev.output_count == 1 ? "" : "s") + " (vout 0 to " +
                                    std::to_string(prev.output_count - 1) + "); vout " +
                                    std::to_string(in.vout) + " does not exist");
            return std::nullopt;
        }
        if (ledger_index_[source] == kNoTx) return std::nullopt;  // rejected itself, reported
        const std::uint32_t output = prev.first_output + in.vout;
        if (spent_by_[output] != kUnspent) {
            out_.error(where(), "output " + std::string(prev.id) + ":" + std::to_string(in.vout) +
                                    " is already spent by '" +
                                    std::string(state_.txs[spent_by_[output]].id) +
                                    "'; an output can be spent only once");
            return std::nullopt;
        }
        spent_by_[output] = pending;
        const PendingOutput& o = state_.outputs[output];
        return TxInput{o.address, o.amount, OutPoint{ledger_index_[source], in.vout}};
    }

    bool check_transfer(const PendingTx& tx) {
        const PendingInput& in = state_.inputs[tx.first_input];
        const PendingOutput& out = state_.outputs[tx.first_output];
        const AssetId native = ledger_.chain(tx.chain).native_asset;
        Units& sent = balances_[key(in.address, tx.asset)];
        Units& fee_source = balances_[key(in.address, native)];
        const Units had_asset = sent;
        const Units had_native = fee_source;
        sent -= in.amount;
        fee_source -= tx.fee;  // the same counter when the asset is native
        if (sent < 0 || fee_source < 0) {
            std::string message = "transfer '" + std::string(tx.id) + "' at " + when(tx.time) +
                                  " overdraws its sender '" + ledger_.address_text(in.address) +
                                  "': ";
            if (tx.asset == native)
                message += "it needs " + amount_text(in.amount + tx.fee, native) +
                           " (amount plus fee) but holds " + amount_text(had_asset, native);
            else if (sent < 0)
                message += "it sends " + amount_text(in.amount, tx.asset) + " but holds " +
                           amount_text(had_asset, tx.asset);
            else
                message += "its fee is " + amount_text(tx.fee, native) + " but it holds " +
                           amount_text(had_native, native);
            out_.error(state_.tx_where(tx),
                       message +
                           " then; expected earlier incoming transfers or an entry under "
                           "opening_balances to cover it");
            // Undo, so one overdraw does not cascade into every later transfer of this sender.
            sent = had_asset;
            fee_source = had_native;
            return false;
        }
        balances_[key(out.address, tx.asset)] += out.amount;
        draft_.inputs.assign(1, TxInput{in.address, in.amount, {}});
        return true;
    }

    LoadState& state_;
    Ledger& ledger_;
    Diagnostics& out_;
    std::vector<std::uint32_t> rank_;
    std::vector<TxIndex> ledger_index_;
    std::vector<std::uint32_t> spent_by_;  // pending index of the spender, per pending output
    std::unordered_map<std::uint64_t, Units> balances_;
    TransactionDraft draft_;
};

}  // namespace

void build_ledger(LoadState& state) {
    LedgerBuilder(state).run();
    // The legs now live in the ledger: free the pending copies before its indexes are built, so a
    // big ledger's peak memory does not hold both.
    std::vector<PendingInput>().swap(state.inputs);
    std::vector<PendingOutput>().swap(state.outputs);
    state.scenario.ledger.finalize();
}

}  // namespace mt::scenario_detail
