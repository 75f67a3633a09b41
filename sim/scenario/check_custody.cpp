// Holdings against the ledger: what a case declares at stake must be what the ledger puts in the
// custodian's hands before the adversary moves it, and a move on chain must spend it.
#include <algorithm>
#include <limits>

#include "model/custody.hpp"
#include "scenario/load_state.hpp"

namespace mt::scenario_detail {
namespace {

const ScheduledEvent* move_of(const Scenario& s, const std::string& holding) {
    for (const ScheduledEvent& e : s.events)
        if (e.kind == EventKind::MoveFunds && e.holding == holding) return &e;
    return nullptr;
}

bool spends_from(const Ledger& ledger, TxIndex tx, AddressId address) {
    const auto ins = ledger.inputs(tx);
    return std::any_of(ins.begin(), ins.end(),
                       [&](const TxInput& i) { return i.address == address; });
}

bool spends_from_entity(const Ledger& ledger, TxIndex tx, const Entity& entity) {
    return std::any_of(entity.addresses.begin(), entity.addresses.end(),
                       [&](AddressId a) { return spends_from(ledger, tx, a); });
}

// The move's transaction must take this holding's funds: from the address itself, or from the
// exchange's own wallets when the holding is an account.
void check_move_transaction(LoadState& state, const Holding& h, const ScheduledEvent& move) {
    const Ledger& ledger = state.scenario.ledger;
    const auto slot = state.move_slots.find(h.id);
    if (move.transaction == kNoTx || slot == state.move_slots.end()) return;
    const std::string id = ledger.transaction_id(move.transaction).str();
    const Transaction tx = ledger.transaction(move.transaction);
    const std::string subject = ledger.address_text(h.subject).str();
    if (tx.asset != h.asset) {
        state.yaml.error(slot->second, Message("case_error.custody.move_other_asset")
                                           .arg("tx", id)
                                           .arg("moved", ledger.asset(tx.asset).symbol)
                                           .arg("symbol", ledger.asset(h.asset).symbol)
                                           .arg("holding", h.id));
        return;
    }
    if (h.custody == Custody::Address && !spends_from(ledger, move.transaction, h.subject)) {
        state.yaml.error(slot->second, Message("case_error.custody.move_not_from_address")
                                           .arg("tx", id)
                                           .arg("address", subject)
                                           .arg("holding", h.id));
        return;
    }
    const Entity* custodian = state.scenario.find_entity(h.custodian);
    if (h.custody == Custody::Account && custodian &&
        !spends_from_entity(ledger, move.transaction, *custodian))
        state.yaml.error(slot->second, Message("case_error.custody.move_not_from_custodian")
                                           .arg("tx", id)
                                           .arg("custodian", h.custodian)
                                           .arg("holding", h.id));
}

// The transaction after which the address held less than `amount` for good, to name in a message.
std::optional<TxIndex> last_spend_below(const Ledger& ledger, const Holding& h, Units amount,
                                        SimSeconds until) {
    std::optional<TxIndex> found;
    for (TxIndex t : ledger.transactions_of(h.subject)) {
        const SimSeconds at = ledger.transaction(t).time;
        if (at > until) break;
        if (spends_from(ledger, t, h.subject) && ledger.balance(h.subject, h.asset, at) < amount)
            found = t;
    }
    return found;
}

Units peak_balance(const Ledger& ledger, const Holding& h, SimSeconds until) {
    Units peak = 0;
    for (TxIndex t : ledger.transactions_of(h.subject)) {
        const SimSeconds at = ledger.transaction(t).time;
        if (at > until) break;
        peak = std::max(peak, ledger.balance(h.subject, h.asset, at));
    }
    return peak;
}

void check_amount(LoadState& state, Holding& h, const LoadState::HoldingSlots& slots,
                  const ScheduledEvent* move) {
    const Ledger& ledger = state.scenario.ledger;
    const Asset& asset = ledger.asset(h.asset);
    // What is in custody just before the adversary moves it, or at the end of the ledger.
    const SimSeconds until = move ? move->at - 1 : std::numeric_limits<SimSeconds>::max();
    const Message when =
        move
            ? Message("case_error.custody.when_before_move").arg("move_at", format_offset(move->at))
            : Message("case_error.custody.when_in_all");
    const Units custody = ledger_custody(ledger, h, until);
    const std::string subject = ledger.address_text(h.subject).str();
    auto units = [&](Units u) { return format_amount(u, asset.decimals) + " " + asset.symbol; };
    if (!slots.amount) {
        if (custody == 0)
            state.yaml.error(slots.item, Message("case_error.custody.nothing_held")
                                             .arg("holding", h.id)
                                             .arg("symbol", asset.symbol)
                                             .arg("address", subject)
                                             .clause("when", when));
        h.amount = custody;
        return;
    }
    if (h.amount <= custody) return;
    if (h.custody == Custody::Account) {
        state.yaml.error(*slots.amount, Message("case_error.custody.account_over_credited")
                                            .arg("holding", h.id)
                                            .arg("declared", units(h.amount))
                                            .arg("credited", units(custody))
                                            .arg("address", subject)
                                            .clause("when", when)
                                            .arg("most", format_amount(custody, asset.decimals)));
        return;
    }
    const Units peak = peak_balance(ledger, h, until);
    if (peak < h.amount) {
        state.yaml.error(*slots.amount, Message("case_error.custody.never_held")
                                            .arg("holding", h.id)
                                            .arg("declared", units(h.amount))
                                            .arg("address", subject)
                                            .arg("peak", units(peak))
                                            .clause("when", when)
                                            .arg("most", format_amount(peak, asset.decimals)));
        return;
    }
    const auto spend = last_spend_below(ledger, h, h.amount, until);
    Message spent(spend ? "case_error.custody.spent_by" : "case_error.custody.spent");
    spent.arg("holding", h.id)
        .arg("declared", units(h.amount))
        .arg("address", subject)
        .arg("held", units(custody))
        .clause("when", when)
        .arg("most", format_amount(custody, asset.decimals));
    if (spend)
        spent.arg("tx", ledger.transaction_id(*spend).str())
            .arg("spent_at", format_offset(ledger.transaction(*spend).time));
    state.yaml.error(*slots.amount, std::move(spent));
}

}  // namespace

void check_custody(LoadState& state) {
    Scenario& scenario = state.scenario;
    if (!state.ledger_complete || state.holding_slots.size() != scenario.holdings.size()) return;
    for (std::size_t i = 0; i < scenario.holdings.size(); ++i) {
        Holding& h = scenario.holdings[i];
        if (!state.holding_slots[i].complete) continue;  // reported when read
        const ScheduledEvent* move = move_of(scenario, h.id);
        if (move) check_move_transaction(state, h, *move);
        // A move only a tip-off sets off may never happen: custody is checked over the ledger.
        check_amount(state, h, state.holding_slots[i], move && move->at != kNever ? move : nullptr);
    }
}

}  // namespace mt::scenario_detail
