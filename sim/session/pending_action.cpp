#include "session/pending_action.hpp"

#include <utility>

namespace mt {

PendingAction::PendingAction(const Session& live, const Action& action)
    : trial_(live.clone()), outcome_(trial_.apply(action)) {}

void PendingAction::commit(Session& live) && {
    live = std::move(trial_);
}

const ActionOutcome* Acknowledgements::find(const Action& action) const {
    if (action.id.empty()) return nullptr;
    const auto it = by_id_.find(action.id);
    return it == by_id_.end() ? nullptr : &it->second;
}

void Acknowledgements::remember(const Action& action, const ActionOutcome& outcome) {
    if (!action.id.empty()) by_id_.emplace(action.id, outcome);
}

}  // namespace mt
