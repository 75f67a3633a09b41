#include "forensics/peel_chain.hpp"

#include <algorithm>
#include <unordered_set>

namespace mt {
namespace {

TxIndex visible_spender(const Ledger& ledger, OutPoint out, TxIndex horizon) {
    const TxIndex s = ledger.spender(out);
    return s != kNoTx && s < horizon && s > out.tx ? s : kNoTx;
}

// The two outputs carrying value, if there are exactly two (zero-value data outputs are ignored).
bool two_value_outputs(const Ledger& ledger, TxIndex tx, std::uint32_t& a, std::uint32_t& b) {
    const auto outputs = ledger.outputs(tx);
    std::uint32_t found = 0;
    for (std::uint32_t o = 0; o < outputs.size(); ++o) {
        if (outputs[o].amount <= 0) continue;
        if (found == 0) a = o;
        if (found == 1) b = o;
        ++found;
    }
    return found == 2;
}

bool is_hop(const Ledger& ledger, TxIndex tx, bool first) {
    std::uint32_t a = 0, b = 0;
    const Transaction& t = ledger.transaction(tx);
    return ledger.chain(t.chain).model == ChainModel::Utxo && t.input_count >= 1 &&
           (first || t.input_count == 1) && two_value_outputs(ledger, tx, a, b);
}

PeelChain follow_utxo(const Ledger& ledger, TxIndex start, TxIndex horizon) {
    PeelChain chain;
    chain.asset = ledger.transaction(start).asset;
    TxIndex current = start;
    for (bool first = true;; first = false) {
        if (!is_hop(ledger, current, first)) {
            chain.end = first ? PeelChainEnd::NotStarted : PeelChainEnd::ShapeChanged;
            chain.stopped_at = first ? kNoTx : current;
            return chain;
        }
        std::uint32_t a = 0, b = 0;
        two_value_outputs(ledger, current, a, b);
        const auto outputs = ledger.outputs(current);
        const TxIndex next_a = visible_spender(ledger, {current, a}, horizon);
        const TxIndex next_b = visible_spender(ledger, {current, b}, horizon);
        const bool continues_a = next_a != kNoTx && is_hop(ledger, next_a, false);
        const bool continues_b = next_b != kNoTx && is_hop(ledger, next_b, false);
        // The change is the output the chain continues through; failing that, the larger one.
        std::uint32_t change = 0;
        if (continues_a != continues_b) {
            change = continues_a ? a : b;
        } else if (outputs[a].amount != outputs[b].amount) {
            change = outputs[a].amount > outputs[b].amount ? a : b;
        } else {
            chain.end = first ? PeelChainEnd::NotStarted : PeelChainEnd::ShapeChanged;
            chain.stopped_at = first ? kNoTx : current;
            return chain;
        }
        const std::uint32_t peel = change == a ? b : a;
        if (first) {
            for (const TxInput& in : ledger.inputs(current)) chain.start_value += in.amount;
        }
        PeelHop hop;
        hop.tx = current;
        hop.holder = ledger.inputs(current)[0].address;
        hop.peels.push_back(
            {current, outputs[peel].address, outputs[peel].amount, peel == a ? next_a : next_b});
        hop.change_address = outputs[change].address;
        hop.change = outputs[change].amount;
        chain.total_peeled += outputs[peel].amount;
        chain.hops.push_back(std::move(hop));
        const TxIndex next = change == a ? next_a : next_b;
        if (next == kNoTx) {
            chain.end = PeelChainEnd::Unspent;
            return chain;
        }
        current = next;
    }
}

PeelChain follow_account(const Ledger& ledger, AddressId holder, AssetId asset, TxIndex horizon) {
    PeelChain chain;
    chain.asset = asset;
    std::unordered_set<AddressId> visited;
    for (;;) {
        if (!visited.insert(holder).second) {
            chain.end = PeelChainEnd::Cycle;
            return chain;
        }
        Units received = 0;
        std::vector<Peel> outgoing;
        for (TxIndex t : ledger.transactions_of(holder)) {
            if (t >= horizon) break;
            const Transaction& tx = ledger.transaction(t);
            if (tx.asset != asset || tx.input_count == 0 || tx.output_count == 0) continue;
            const TxOutput& out = ledger.outputs(t)[0];
            if (out.address == holder) received += out.amount;
            if (ledger.inputs(t)[0].address == holder && out.address != holder)
                outgoing.push_back({t, out.address, out.amount, kNoTx});
        }
        // The forward: the largest transfer to an address first used by that very transfer.
        const Peel* forward = nullptr;
        for (const Peel& p : outgoing)
            if (ledger.transactions_of(p.to).front() == p.tx &&
                (!forward || p.amount > forward->amount))
                forward = &p;
        if (outgoing.empty()) {
            chain.end = chain.hops.empty() ? PeelChainEnd::NotStarted : PeelChainEnd::Unspent;
            return chain;
        }
        if (!forward || outgoing.size() < 2) {
            chain.end = chain.hops.empty() ? PeelChainEnd::NotStarted : PeelChainEnd::ShapeChanged;
            chain.stopped_at = chain.hops.empty() ? kNoTx : outgoing.front().tx;
            return chain;
        }
        if (chain.hops.empty()) chain.start_value = received;
        PeelHop hop;
        hop.tx = forward->tx;
        hop.holder = holder;
        hop.change_address = forward->to;
        hop.change = forward->amount;
        for (const Peel& p : outgoing) {
            if (&p == forward) continue;
            hop.peels.push_back(p);
            chain.total_peeled += p.amount;
        }
        holder = forward->to;
        chain.hops.push_back(std::move(hop));
    }
}

}  // namespace

std::string_view name_of(PeelChainEnd end) {
    switch (end) {
        case PeelChainEnd::Unspent:
            return "unspent";
        case PeelChainEnd::ShapeChanged:
            return "shape_changed";
        case PeelChainEnd::Cycle:
            return "cycle";
        case PeelChainEnd::NotStarted:
            return "not_started";
    }
    return "?";
}

PeelChain follow_peel_chain(const Ledger& ledger, TxIndex start, TxIndex horizon) {
    const Transaction& tx = ledger.transaction(start);
    if (ledger.chain(tx.chain).model == ChainModel::Utxo)
        return follow_utxo(ledger, start, horizon);
    if (tx.output_count == 0) return PeelChain{};
    return follow_account(ledger, ledger.outputs(start)[0].address, tx.asset, horizon);
}

PeelChain follow_peel_chain_from_address(const Ledger& ledger, AddressId address, TxIndex horizon) {
    const auto history = ledger.transactions_of(address);
    if (history.empty()) return PeelChain{};
    const Transaction& first = ledger.transaction(history.front());
    if (ledger.chain(first.chain).model == ChainModel::Account)
        return follow_account(ledger, address, first.asset, horizon);
    for (TxIndex t : history) {
        if (t >= horizon) break;
        const auto inputs = ledger.inputs(t);
        const bool spends = std::any_of(inputs.begin(), inputs.end(),
                                        [&](const TxInput& i) { return i.address == address; });
        if (spends && is_hop(ledger, t, true)) return follow_utxo(ledger, t, horizon);
    }
    PeelChain none;
    none.asset = first.asset;
    return none;
}

}  // namespace mt
