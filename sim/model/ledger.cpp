#include "model/ledger.hpp"

#include <algorithm>
#include <array>
#include <stdexcept>

namespace mt {

ChainId Ledger::add_chain(Chain chain) {
    chains_.push_back(std::move(chain));
    return static_cast<ChainId>(chains_.size() - 1);
}

AssetId Ledger::add_asset(Asset asset) {
    assets_.push_back(std::move(asset));
    return static_cast<AssetId>(assets_.size() - 1);
}

std::optional<ChainId> Ledger::find_chain(std::string_view id) const {
    for (std::size_t i = 0; i < chains_.size(); ++i)
        if (chains_[i].id == id) return static_cast<ChainId>(i);
    return std::nullopt;
}

std::optional<AssetId> Ledger::find_asset(std::string_view id) const {
    for (std::size_t i = 0; i < assets_.size(); ++i)
        if (assets_[i].id == id) return static_cast<AssetId>(i);
    return std::nullopt;
}

AddressId Ledger::intern_address(std::string_view text, ChainId chain) {
    std::array<char, TextTable::kMaxPackedBytes> scratch;
    return intern_address(TextTable::key(text, kTextPacking, scratch.data()), chain);
}

AddressId Ledger::intern_address(const TextTable::Key& key, ChainId chain) {
    const auto [entry, added] = addresses_.intern(key);
    if (added) address_chain_.push_back(chain);
    return entry;
}

void Ledger::reserve_addresses(std::size_t addresses, std::size_t bytes) {
    addresses_.reserve(addresses, bytes);
    address_chain_.reserve(addresses);
}

std::optional<AddressId> Ledger::find_address(std::string_view text) const {
    const TextTable::Entry entry = addresses_.find(text);
    if (entry == TextTable::kAbsent) return std::nullopt;
    return entry;
}

TxIndex Ledger::add_transaction(const TransactionDraft& draft) {
    if (!transactions_.empty() && draft.time < transactions_.back().time)
        throw std::logic_error("Ledger::add_transaction: transactions must be added in time order");
    const auto [entry, added] = transaction_ids_.intern(draft.id);
    if (!added) throw std::logic_error("Ledger::add_transaction: repeated transaction id");
    TxRecord tx;
    tx.id_entry = entry;
    tx.chain = draft.chain;
    tx.asset = draft.asset;
    tx.time = draft.time;
    tx.fee = draft.fee;
    tx.first_input = static_cast<std::uint32_t>(inputs_.size());
    tx.input_count = static_cast<std::uint32_t>(draft.inputs.size());
    tx.first_output = static_cast<std::uint32_t>(outputs_.size());
    tx.output_count = static_cast<std::uint32_t>(draft.outputs.size());
    inputs_.insert(inputs_.end(), draft.inputs.begin(), draft.inputs.end());
    outputs_.insert(outputs_.end(), draft.outputs.begin(), draft.outputs.end());
    const auto index = static_cast<TxIndex>(transactions_.size());
    if (!tx_of_id_.empty()) {
        tx_of_id_.resize(transaction_ids_.size(), kNoTx);
        tx_of_id_[entry] = index;
    }
    transactions_.push_back(tx);
    return index;
}

void Ledger::adopt(TextTable ids, LargeVector<TxRecord> records, LargeVector<TxInput> inputs,
                   LargeVector<TxOutput> outputs) {
    // Checked before anything is moved, in one pass over the records.
    bool ids_in_order = ids.size() == records.size();
    for (TxIndex t = 0; t < records.size(); ++t) {
        const TxRecord& tx = records[t];
        if (t > 0 && tx.time < records[t - 1].time)
            throw std::logic_error("Ledger::adopt: transactions must be in time order");
        if (tx.id_entry >= ids.size() ||
            std::size_t{tx.first_input} + tx.input_count > inputs.size() ||
            std::size_t{tx.first_output} + tx.output_count > outputs.size())
            throw std::logic_error("Ledger::adopt: a record names a missing id or leg");
        ids_in_order = ids_in_order && tx.id_entry == t;
    }
    transaction_ids_ = std::move(ids);
    transactions_ = std::move(records);
    inputs_ = std::move(inputs);
    outputs_ = std::move(outputs);
    // Ids interned in ledger order (a file already in time order) need no map from id to index.
    tx_of_id_.clear();
    if (ids_in_order) return;
    tx_of_id_.assign(transaction_ids_.size(), kNoTx);
    for (TxIndex t = 0; t < transactions_.size(); ++t) {
        TxIndex& slot = tx_of_id_[transactions_[t].id_entry];
        if (slot != kNoTx) throw std::logic_error("Ledger::adopt: two records name one id");
        slot = t;
    }
}

Transaction Ledger::transaction(TxIndex tx) const {
    const TxRecord& r = transactions_.at(tx);
    return Transaction{transaction_ids_.at(r.id_entry),
                       r.chain,
                       r.asset,
                       r.time,
                       r.fee,
                       r.first_input,
                       r.input_count,
                       r.first_output,
                       r.output_count};
}

std::size_t Ledger::memory_bytes() const {
    std::size_t bytes = addresses_.memory_bytes() + transaction_ids_.memory_bytes() +
                        address_chain_.size() * sizeof(ChainId) +
                        transactions_.size() * sizeof(TxRecord) + inputs_.size() * sizeof(TxInput) +
                        outputs_.size() * sizeof(TxOutput) + tx_of_id_.size() * sizeof(TxIndex) +
                        address_tx_start_.size() * sizeof(std::uint32_t) +
                        address_tx_.size() * sizeof(TxIndex) + spent_by_.size() * sizeof(TxIndex);
    for (const auto& [address, running] : running_totals_)
        bytes += running.totals.size() * sizeof(Units) + sizeof(running);
    return bytes;
}

void Ledger::finalize() {
    // Counting sort into compressed rows; a transaction touching an address twice is listed once.
    LargeVector<std::uint32_t> counts(address_chain_.size() + 1, 0);
    // Calls visit(address, tx) for each address a transaction touches, and each_input(input, tx).
    auto for_each_touch = [&](auto&& visit, auto&& each_input) {
        for (TxIndex t = 0; t < transactions_.size(); ++t) {
            const TxRecord& tx = transactions_[t];
            AddressId last = std::numeric_limits<AddressId>::max();
            auto touch = [&](AddressId a) {
                if (a == last) return;
                last = a;
                visit(a, t);
            };
            for (std::uint32_t i = 0; i < tx.input_count; ++i) {
                const TxInput& input = inputs_[tx.first_input + i];
                touch(input.address);
                each_input(input, t);
            }
            for (std::uint32_t i = 0; i < tx.output_count; ++i)
                touch(outputs_[tx.first_output + i].address);
        }
    };
    // The counting pass also marks the outputs each input spends (one pass over the legs less).
    spent_by_.assign(outputs_.size(), kNoTx);
    const auto mark_spent = [&](const TxInput& input, TxIndex t) {
        const OutPoint prev = input.prev;
        if (prev.tx == kNoTx || prev.tx >= transactions_.size()) return;
        const TxRecord& source = transactions_[prev.tx];
        if (prev.vout < source.output_count) spent_by_[source.first_output + prev.vout] = t;
    };
    for_each_touch([&](AddressId a, TxIndex) { ++counts[a + 1]; }, mark_spent);
    for (std::size_t i = 1; i < counts.size(); ++i) counts[i] += counts[i - 1];
    address_tx_.assign(counts.back(), kNoTx);
    {
        LargeVector<std::uint32_t> fill(counts.begin(), counts.end() - 1);
        for_each_touch([&](AddressId a, TxIndex t) { address_tx_[fill[a]++] = t; },
                       [](const TxInput&, TxIndex) {});
    }
    // Remove repeats where an address appears non-adjacently within one transaction, in place:
    // rows only shrink, so each is written at or before where it is read.
    std::uint32_t kept = 0;
    for (std::size_t a = 0; a + 1 < counts.size(); ++a) {
        const std::uint32_t begin = counts[a];
        const std::uint32_t end = counts[a + 1];
        counts[a] = kept;
        TxIndex previous = kNoTx;
        for (std::uint32_t i = begin; i < end; ++i) {
            if (address_tx_[i] != previous) address_tx_[kept++] = address_tx_[i];
            previous = address_tx_[i];
        }
    }
    counts.back() = kept;
    address_tx_.resize(kept);
    address_tx_.shrink_to_fit();
    address_tx_start_ = std::move(counts);

    build_running_totals();
}

void Ledger::build_running_totals() {
    running_totals_.clear();
    // The busy addresses in address order, each with its assets in the order its transactions
    // name them (a transaction's asset, then its chain's native asset).
    std::vector<AddressId> busy;
    std::vector<bool> is_busy(address_chain_.size(), false);
    std::vector<RunningTotals*> hubs;
    for (AddressId a = 0; a < address_chain_.size(); ++a) {
        const std::span<const TxIndex> txs = transactions_of(a);
        if (txs.size() < kRunningTotalsFrom) continue;
        RunningTotals& running = running_totals_[a];
        for (const TxIndex t : txs) {
            const TxRecord& tx = transactions_[t];
            for (const AssetId asset : {tx.asset, chains_[tx.chain].native_asset})
                if (std::find(running.assets.begin(), running.assets.end(), asset) ==
                    running.assets.end())
                    running.assets.push_back(asset);
        }
        running.totals.resize(running.assets.size() * txs.size());
        busy.push_back(a);
        is_busy[a] = true;
        hubs.push_back(&running);
    }
    if (busy.empty()) return;
    const auto hub_of = [&](AddressId a) {
        return is_busy[a] ? static_cast<std::size_t>(std::lower_bound(busy.begin(), busy.end(), a) -
                                                     busy.begin())
                          : hubs.size();
    };
    // One pass over every transaction's legs (as balance_change reads them): what it changes of
    // each busy address it touches, in its asset and (by the fee) in the native asset, added to
    // that address's running totals at its next row.
    struct Touch {
        std::size_t hub;
        Units change = 0;  // in the transaction's asset
        Units fee = 0;     // in the native asset: the fee of an account transfer it sends
    };
    std::vector<Touch> touched;
    std::vector<std::size_t> next_row(hubs.size(), 0);
    std::vector<std::vector<Units>> balances(hubs.size());
    for (std::size_t h = 0; h < hubs.size(); ++h) balances[h].assign(hubs[h]->assets.size(), 0);
    for (TxIndex t = 0; t < transactions_.size(); ++t) {
        const TxRecord& tx = transactions_[t];
        touched.clear();
        const auto touch = [&](AddressId a) -> Touch* {
            const std::size_t h = hub_of(a);
            if (h == hubs.size()) return nullptr;
            for (Touch& seen : touched)
                if (seen.hub == h) return &seen;
            return &touched.emplace_back(Touch{h});
        };
        const bool utxo = chains_[tx.chain].model == ChainModel::Utxo;
        for (const TxOutput& o : outputs(t))
            if (Touch* hub = touch(o.address)) hub->change += o.amount;
        for (const TxInput& i : inputs(t))
            if (Touch* hub = touch(i.address); hub && (!utxo || i.prev.tx != kNoTx))
                hub->change -= i.amount;
        if (touched.empty()) continue;
        if (!utxo && tx.input_count > 0)
            if (Touch* sender = touch(inputs_[tx.first_input].address)) sender->fee -= tx.fee;
        const AssetId native = chains_[tx.chain].native_asset;
        for (const Touch& hub : touched) {
            RunningTotals& running = *hubs[hub.hub];
            std::vector<Units>& balance = balances[hub.hub];
            const std::size_t count = running.totals.size() / running.assets.size();
            const std::size_t row = next_row[hub.hub]++;
            for (std::size_t k = 0; k < running.assets.size(); ++k) {
                if (running.assets[k] == tx.asset) balance[k] += hub.change;
                if (running.assets[k] == native) balance[k] += hub.fee;
                running.totals[k * count + row] = balance[k];
            }
        }
    }
}

std::span<const TxInput> Ledger::inputs(TxIndex tx) const {
    const TxRecord& t = transactions_.at(tx);
    return {inputs_.data() + t.first_input, t.input_count};
}

std::span<const TxOutput> Ledger::outputs(TxIndex tx) const {
    const TxRecord& t = transactions_.at(tx);
    return {outputs_.data() + t.first_output, t.output_count};
}

std::optional<TxIndex> Ledger::find_transaction(std::string_view id) const {
    const TextTable::Entry entry = transaction_ids_.find(id);
    if (entry == TextTable::kAbsent) return std::nullopt;
    const TxIndex tx = tx_of_id_.empty() ? entry : tx_of_id_[entry];
    if (tx >= transactions_.size()) return std::nullopt;
    return tx;
}

std::span<const TxIndex> Ledger::transactions_of(AddressId address) const {
    if (address + 1 >= address_tx_start_.size()) return {};
    return {address_tx_.data() + address_tx_start_[address],
            address_tx_start_[address + 1] - address_tx_start_[address]};
}

TxIndex Ledger::spender(OutPoint out) const {
    if (out.tx >= transactions_.size()) return kNoTx;
    const TxRecord& t = transactions_[out.tx];
    if (out.vout >= t.output_count || spent_by_.empty()) return kNoTx;
    return spent_by_[t.first_output + out.vout];
}

Units Ledger::balance_change(AddressId address, AssetId asset, TxIndex t) const {
    const TxRecord& tx = transactions_[t];
    const bool utxo = chains_[tx.chain].model == ChainModel::Utxo;
    Units change = 0;
    if (tx.asset == asset) {
        for (const TxOutput& o : outputs(t))
            if (o.address == address) change += o.amount;
        // A UTXO input with no previous outpoint was funded outside the case: it arrived and
        // left within this transaction as far as the ledger knows, so it does not move the
        // balance.
        for (const TxInput& i : inputs(t))
            if (i.address == address && (!utxo || i.prev.tx != kNoTx)) change -= i.amount;
    }
    if (!utxo && chains_[tx.chain].native_asset == asset && tx.input_count > 0 &&
        inputs_[tx.first_input].address == address)
        change -= tx.fee;
    return change;
}

Units Ledger::balance(AddressId address, AssetId asset, SimSeconds at) const {
    const std::span<const TxIndex> txs = transactions_of(address);
    if (const auto hub = running_totals_.find(address); hub != running_totals_.end()) {
        const RunningTotals& running = hub->second;
        const auto k = std::find(running.assets.begin(), running.assets.end(), asset);
        if (k == running.assets.end()) return 0;
        // Transactions are in time order: count those at or before `at`.
        const auto seen =
            static_cast<std::size_t>(std::upper_bound(txs.begin(), txs.end(), at,
                                                      [&](SimSeconds when, TxIndex t) {
                                                          return when < transactions_[t].time;
                                                      }) -
                                     txs.begin());
        if (seen == 0) return 0;
        const auto row = static_cast<std::size_t>(k - running.assets.begin());
        return running.totals[row * txs.size() + seen - 1];
    }
    Units total = 0;
    for (const TxIndex t : txs) {
        if (transactions_[t].time > at) break;
        total += balance_change(address, asset, t);
    }
    return total;
}

}  // namespace mt
