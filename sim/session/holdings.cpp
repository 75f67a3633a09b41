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

}  // namespace mt
