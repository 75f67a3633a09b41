// The simulated clock: everything scheduled between now and `until` happens in time order.
#include <algorithm>

#include "session/session_state.hpp"

namespace mt {
namespace {

std::string kind_name(CheckpointKind k) {
    switch (k) {
        case CheckpointKind::Choice:
            return "choice";
        case CheckpointKind::Address:
            return "address";
        case CheckpointKind::Entity:
            return "entity";
        case CheckpointKind::Transaction:
            return "transaction";
    }
    return "choice";
}

// Whether a tip-off move is set off: its service told the user at least `reaction` before `at`.
bool tipped_in_time(const SessionContext& ctx, const ScheduledEvent& event, SimSeconds at) {
    auto notice = ctx.state.tipped.find(event.tip_off);
    return notice != ctx.state.tipped.end() && notice->second + event.reaction <= at;
}

// The next off-chain move a tip-off sets off before its schedule would: its time and index into
// the events, or time -1.
std::pair<SimSeconds, std::size_t> next_tip_off(const SessionContext& ctx) {
    std::pair<SimSeconds, std::size_t> next{-1, 0};
    const auto& events = ctx.scenario.events;
    for (std::size_t i = 0; i < events.size(); ++i) {
        const ScheduledEvent& e = events[i];
        if (e.tip_off.empty() || e.transaction != kNoTx || ctx.state.fired.count(i)) continue;
        auto notice = ctx.state.tipped.find(e.tip_off);
        if (notice == ctx.state.tipped.end()) continue;
        const SimSeconds at = std::max(notice->second + e.reaction, ctx.casefile.now);
        if (e.scheduled && at >= e.at) continue;  // the schedule comes first
        if (next.first < 0 || at < next.first) next = {at, i};
    }
    return next;
}

void fire_event(SessionContext& ctx, const ScheduledEvent& event) {
    if (event.kind == EventKind::MoveFunds) {
        // A move on chain that only a tip-off sets off never happens without one in time.
        if (!event.scheduled && event.transaction != kNoTx &&
            !tipped_in_time(ctx, event, event.at)) {
            prevent(ctx, event.transaction);
            return;
        }
        // The adversary's move happens unless the holding was frozen first; a move on chain then
        // never happens.
        if (ctx.state.frozen.count(event.holding)) {
            if (event.transaction != kNoTx) prevent(ctx, event.transaction);
            return;
        }
        ctx.state.moved.insert(event.holding);
        if (event.visible)
            add_timeline(ctx, TimelineKind::Event,
                         Message("timeline.case_text").arg("text", event.message));
        return;
    }
    add_timeline(ctx, TimelineKind::Message,
                 Message("timeline.case_text").arg("text", event.message));
}

}  // namespace

void open_due_checkpoints(SessionContext& ctx) {
    auto& order = ctx.state.checkpoint_order;
    while (ctx.state.next_checkpoint < order.size()) {
        const Checkpoint& cp = ctx.scenario.checkpoints[order[ctx.state.next_checkpoint]];
        if (cp.opens_at > ctx.casefile.now) break;
        OpenCheckpoint open;
        open.id = cp.id;
        open.kind = kind_name(cp.kind);
        open.question = cp.question;
        for (const CheckpointOption& o : cp.options) open.options.push_back({o.id, o.text});
        ctx.casefile.checkpoints.push_back(std::move(open));
        add_timeline(ctx, TimelineKind::Checkpoint,
                     Message("timeline.decision_needed").arg("question", cp.question));
        ++ctx.state.next_checkpoint;
    }
}

void advance_clock(SessionContext& ctx, SimSeconds until) {
    const auto& events = ctx.scenario.events;
    for (;;) {
        // The next thing to happen, in a fixed order at equal times: deliveries, events,
        // checkpoints.
        const SimSeconds delivery = next_delivery_time(ctx);
        const SimSeconds event =
            ctx.state.next_event < events.size() ? events[ctx.state.next_event].at : -1;
        const auto [tip_off, tip_event] = next_tip_off(ctx);
        SimSeconds next = until + 1;
        if (delivery >= 0) next = std::min(next, delivery);
        if (event >= 0) next = std::min(next, event);
        if (tip_off >= 0) next = std::min(next, tip_off);
        if (next > until) break;
        ctx.casefile.now = std::max(ctx.casefile.now, next);
        if (delivery == next) {
            for (SentRequest& r : ctx.state.sent)
                if (ctx.casefile.requests[r.file_index].status == RequestStatus::Pending &&
                    ctx.casefile.requests[r.file_index].due_at == next)
                    deliver_request(ctx, r);
        } else if (tip_off == next) {
            ctx.state.fired.insert(tip_event);
            fire_event(ctx, events[tip_event]);
        } else {
            // An event a tip-off already set off does not happen again on its schedule.
            if (ctx.state.fired.insert(ctx.state.next_event).second)
                fire_event(ctx, events[ctx.state.next_event]);
            ++ctx.state.next_event;
        }
        open_due_checkpoints(ctx);
    }
    ctx.casefile.now = std::max(ctx.casefile.now, until);
    open_due_checkpoints(ctx);
}

}  // namespace mt
