// Frozen holdings on the simulated clock: what they hold as the ledger moves on.
#include "model/custody.hpp"
#include "session/session_state.hpp"

namespace mt {

Units held_amount(const Scenario& scenario, const SessionState& state, const Holding& holding,
                  SimSeconds now) {
    auto it = state.frozen.find(holding.id);
    if (it == state.frozen.end()) return 0;
    // A frozen account keeps taking deposits and holds them; an address holds what it had.
    if (holding.custody == Custody::Account) return holdable(scenario.ledger, holding, now);
    return it->second.held;
}

Units held_amount(const SessionContext& ctx, const Holding& holding) {
    return held_amount(ctx.scenario, ctx.state, holding, ctx.casefile.now);
}

bool happened(const SessionState& state, TxIndex tx) {
    return state.prevented.count(tx) == 0;
}

void prevent(SessionContext& ctx, TxIndex tx) {
    const Ledger& ledger = ctx.scenario.ledger;
    std::vector<TxIndex> pending{tx};
    while (!pending.empty()) {
        const TxIndex t = pending.back();
        pending.pop_back();
        if (!ctx.state.prevented.insert(t).second) continue;
        // Account chains have no outputs to spend: only the transfer itself is undone.
        if (ledger.chain(ledger.transaction(t).chain).model != ChainModel::Utxo) continue;
        for (std::uint32_t vout = 0; vout < ledger.outputs(t).size(); ++vout)
            if (const TxIndex next = ledger.spender({t, vout}); next != kNoTx)
                pending.push_back(next);
    }
}

namespace {

// The ledger without the transactions in `removed`: the same chains, assets and address ids, the
// other transactions in the same order, their inputs pointing at the kept transactions' new
// indexes.
std::shared_ptr<const Ledger> ledger_without(const Ledger& full, const std::set<TxIndex>& removed) {
    auto out = std::make_shared<Ledger>();
    for (const Chain& c : full.chains()) out->add_chain(c);
    for (const Asset& a : full.assets()) out->add_asset(a);
    for (std::size_t a = 0; a < full.address_count(); ++a) {
        const auto id = static_cast<AddressId>(a);
        out->intern_address(full.address_text(id).str(), full.address_chain(id));
    }
    std::vector<TxIndex> renumbered(full.transaction_count(), kNoTx);
    for (std::size_t t = 0; t < full.transaction_count(); ++t) {
        const auto index = static_cast<TxIndex>(t);
        if (removed.count(index)) continue;
        const Transaction tx = full.transaction(index);
        TransactionDraft draft;
        draft.id = tx.id.str();
        draft.chain = tx.chain;
        draft.asset = tx.asset;
        draft.time = tx.time;
        draft.fee = tx.fee;
        for (TxInput in : full.inputs(index)) {
            if (in.prev.tx != kNoTx) in.prev.tx = renumbered[in.prev.tx];
            draft.inputs.push_back(in);
        }
        for (const TxOutput& o : full.outputs(index)) draft.outputs.push_back(o);
        renumbered[t] = out->add_transaction(draft);
    }
    out->finalize();
    return out;
}

}  // namespace

const Ledger& analysis_ledger(SessionContext& ctx) {
    SessionState& state = ctx.state;
    if (state.prevented.empty()) return ctx.scenario.ledger;
    if (!state.analysis_chain || state.analysis_prevented != state.prevented.size()) {
        state.analysis_chain = ledger_without(ctx.scenario.ledger, state.prevented);
        state.analysis_prevented = state.prevented.size();
    }
    return *state.analysis_chain;
}

}  // namespace mt
