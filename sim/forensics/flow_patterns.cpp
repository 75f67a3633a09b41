#include "forensics/flow_patterns.hpp"

#include <algorithm>
#include <map>
#include <optional>

namespace mt {
namespace {

class Tally {
  public:
    void add(AddressId address, Units amount, TxIndex tx) {
        Counterparty& c = by_address_[address];
        c.address = address;
        c.amount += amount;
        ++c.transfers;
        c.first_tx = std::min(c.first_tx, tx);
    }
    FanPattern finish(AddressId hub, AssetId asset, std::size_t min_counterparties) {
        FanPattern p;
        p.hub = hub;
        p.asset = asset;
        for (auto& [address, c] : by_address_) {
            p.counterparties.push_back(c);
            p.total += c.amount;
        }
        std::stable_sort(
            p.counterparties.begin(), p.counterparties.end(),
            [](const Counterparty& a, const Counterparty& b) { return a.amount > b.amount; });
        p.detected = p.counterparties.size() >= min_counterparties;
        return p;
    }

  private:
    std::map<AddressId, Counterparty> by_address_;
};

bool account_model(const Ledger& ledger, TxIndex t) {
    return ledger.chain(ledger.transaction(t).chain).model == ChainModel::Account;
}

// The hub's transactions inside the window, with the asset of the first one seen.
template <typename Visit>
AssetId for_each_in_window(const Ledger& ledger, AddressId hub, const FlowWindow& window,
                           Visit visit) {
    std::optional<AssetId> asset;
    for (TxIndex t : ledger.transactions_of(hub)) {
        if (t >= window.horizon) break;
        const Transaction& tx = ledger.transaction(t);
        if (tx.time < window.from) continue;
        if (!asset) asset = tx.asset;
        if (tx.asset == *asset) visit(t, tx);
    }
    return asset.value_or(0);
}

Units received_by(const Ledger& ledger, TxIndex t, AddressId hub) {
    Units total = 0;
    for (const TxOutput& o : ledger.outputs(t))
        if (o.address == hub) total += o.amount;
    return total;
}

}  // namespace

FanPattern fan_in(const Ledger& ledger, AddressId hub, const FlowWindow& window) {
    Tally tally;
    const AssetId asset =
        for_each_in_window(ledger, hub, window, [&](TxIndex t, const Transaction&) {
            const Units amount = received_by(ledger, t, hub);
            if (amount <= 0) return;
            for (const TxInput& in : ledger.inputs(t)) {
                if (in.address == hub) return;  // the hub spending its own coins is not a fan-in
            }
            const auto inputs = ledger.inputs(t);
            if (inputs.empty()) return;
            // UTXO inputs of one transaction share the amount; credit it to the first sender.
            tally.add(inputs[0].address, amount, t);
            for (std::size_t i = 1; i < inputs.size(); ++i)
                if (inputs[i].address != inputs[0].address) tally.add(inputs[i].address, 0, t);
        });
    return tally.finish(hub, asset, window.min_counterparties);
}

FanPattern fan_out(const Ledger& ledger, AddressId hub, const FlowWindow& window) {
    Tally tally;
    const AssetId asset =
        for_each_in_window(ledger, hub, window, [&](TxIndex t, const Transaction&) {
            const auto inputs = ledger.inputs(t);
            if (std::none_of(inputs.begin(), inputs.end(),
                             [&](const TxInput& i) { return i.address == hub; }))
                return;
            for (const TxOutput& o : ledger.outputs(t))
                if (o.address != hub && o.amount > 0) tally.add(o.address, o.amount, t);
        });
    return tally.finish(hub, asset, window.min_counterparties);
}

FanPattern consolidation(const Ledger& ledger, AddressId hub, const FlowWindow& window) {
    Tally tally;
    const AssetId asset =
        for_each_in_window(ledger, hub, window, [&](TxIndex t, const Transaction& tx) {
            const auto inputs = ledger.inputs(t);
            const auto outputs = ledger.outputs(t);
            if (inputs.empty() || outputs.empty()) return;
            if (account_model(ledger, t)) {
                const AddressId source = inputs[0].address;
                if (outputs[0].address != hub || source == hub) return;
                if (ledger.balance(source, tx.asset, tx.time) > 0)
                    return;  // something stayed behind
                tally.add(source, outputs[0].amount, t);
                return;
            }
            if (std::any_of(outputs.begin(), outputs.end(),
                            [&](const TxOutput& o) { return o.address != hub; }))
                return;
            for (const TxInput& in : inputs)
                if (in.address != hub) tally.add(in.address, in.amount, t);
        });
    return tally.finish(hub, asset, window.min_counterparties);
}

}  // namespace mt
