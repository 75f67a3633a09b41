#include "session/local_session.hpp"

#include <utility>

namespace mt {

void ImmediateSession::submit(const Action& action) {
    Action sent = action;
    if (sent.id.empty()) sent.id = new_action_id();
    ActionOutcome outcome = settle(sent);
    settled_.push_back({std::move(sent), std::move(outcome)});
}

SessionArrivals ImmediateSession::poll() {
    SessionArrivals arrivals;
    arrivals.settled.swap(settled_);
    arrivals.changed = !arrivals.settled.empty();
    return arrivals;
}

LocalSession::LocalSession(std::shared_ptr<const Scenario> scenario)
    : session_(std::move(scenario)) {}

ActionOutcome LocalSession::settle(const Action& action) {
    if (const ActionOutcome* first = acknowledged_.find(action)) return *first;
    const ActionOutcome outcome = session_.apply(action);
    if (outcome.accepted) acknowledged_.remember(action, outcome);
    return outcome;
}

}  // namespace mt
