// What happens during play: scheduled events, checkpoints, hints, what the trainee knows at the
// start, and what each tool costs in simulated time.
#include <algorithm>
#include <array>
#include <map>
#include <set>

#include "scenario/load_state.hpp"

namespace mt::scenario_detail {
namespace {

constexpr std::array<std::string_view, 2> kEventKinds{"move_funds", "message"};
constexpr std::array<std::string_view, 4> kCheckpointKinds{"choice", "address", "entity",
                                                           "transaction"};

// `what` is the catalogue key of what has the time ("the event").
std::optional<SimSeconds> read_play_time(LoadState& state, const Slot& slot, std::string what) {
    auto t = state.yaml.time(slot, state.start_unix);
    if (t && *t < 0) {
        state.yaml.error(slot,
                         Message("case_error.plot.before_start").term("what", std::move(what)));
        return std::nullopt;
    }
    return t;
}

}  // namespace

void read_events(LoadState& state, MapReader& root) {
    YamlReader& yaml = state.yaml;
    Scenario& scenario = state.scenario;
    auto items = section_items(state, root, "events", "case_error.what.events");
    if (!items) return;
    std::map<std::string, std::string> moved_by;  // holding -> event that moves it
    for (const Slot& item : *items) {
        MapReader map(
            yaml, item, "case_error.what.event",
            {"id", "kind", "at", "transaction", "holding", "visible", "message", "tip_off"});
        if (!map.is_map()) continue;
        ScheduledEvent event;
        std::optional<std::string> id;
        if (auto v = map.need("id")) id = yaml.id(*v, "case_error.what.event_id");
        std::optional<std::size_t> kind;
        if (auto v = map.need("kind"))
            kind = yaml.choice(*v, kEventKinds, "case_error.what.event_kind");
        if (kind) event.kind = *kind == 0 ? EventKind::MoveFunds : EventKind::Message;
        // A move on chain happens when its transaction does: `at` may be left out.
        auto tx_slot = map.get("transaction");
        if (tx_slot && kind && event.kind != EventKind::MoveFunds) {
            yaml.error(*tx_slot, Message("case_error.plot.transaction_not_move"));
            tx_slot.reset();
        }
        if (tx_slot) {
            if (auto tx_id = yaml.id(*tx_slot, "case_error.what.transaction_id")) {
                if (auto tx = scenario.ledger.find_transaction(*tx_id)) {
                    event.transaction = *tx;
                    event.at = scenario.ledger.transaction(*tx).time;
                    if (event.at < 0)
                        yaml.error(*tx_slot, Message("case_error.plot.move_before_start")
                                                 .arg("id", *tx_id)
                                                 .arg("at", format_offset(event.at)));
                } else if (!state.is_known_tx(*tx_id)) {
                    yaml.error(*tx_slot,
                               Message("case_error.world.unknown_transaction").arg("id", *tx_id));
                }
            }
        }
        // A tip-off move: the adversary reacts to a service's notice to its user.
        auto tip_slot = map.get("tip_off");
        if (tip_slot && kind && event.kind != EventKind::MoveFunds) {
            yaml.error(*tip_slot, Message("case_error.plot.tip_off_not_move"));
            tip_slot.reset();
        }
        if (tip_slot) {
            MapReader tip(yaml, *tip_slot, "case_error.what.tip_off",
                          {"service", "reaction_hours"});
            if (auto v = tip.need("service")) {
                if (auto sv = yaml.id(*v, "case_error.what.service_entity_id")) {
                    if (scenario.find_service(*sv) == nullptr)
                        yaml.error(*v, Message("case_error.world.unknown_service").arg("id", *sv));
                    else if (!scenario.find_service(*sv)->notifies_user)
                        yaml.error(
                            *v,
                            Message("case_error.plot.tip_off_silent_service").arg("service", *sv));
                    else
                        event.tip_off = *sv;
                }
            }
            if (auto v = tip.need("reaction_hours"))
                if (auto d = yaml.duration(*v, hours(1))) event.reaction = *d;
            // On chain the ledger says when the move happens; it then happens only when the
            // notice came `reaction` before. Off chain, without `at`, only a notice sets it off.
            event.scheduled = false;
            if (!tx_slot && !map.has("at")) event.at = kNever;
            if (!tx_slot && map.has("at")) event.scheduled = true;
        }
        if (auto v = tx_slot || tip_slot ? map.get("at") : map.need("at")) {
            if (auto t = read_play_time(state, *v, "case_error.plot.the_event")) {
                if (event.transaction != kNoTx && *t != event.at)
                    yaml.error(*v, Message("case_error.plot.event_time_differs")
                                       .arg("at", format_offset(*t))
                                       .arg("transaction_at", format_offset(event.at)));
                else
                    event.at = *t;
            }
        }
        if (auto v = map.get("visible"))
            if (auto b = yaml.boolean(*v)) event.visible = *b;
        auto holding_slot = map.get("holding");
        if (kind && event.kind == EventKind::MoveFunds) {
            if (!holding_slot) {
                map.need("holding");
            } else if (auto h = yaml.id(*holding_slot, "case_error.what.holding_id")) {
                if (scenario.find_holding(*h) == nullptr) {
                    yaml.error(*holding_slot,
                               Message("case_error.world.unknown_holding").arg("id", *h));
                } else if (auto [it, inserted] = moved_by.try_emplace(*h, id.value_or("?"));
                           !inserted) {
                    yaml.error(*holding_slot, Message("case_error.plot.holding_moved_twice")
                                                  .arg("holding", *h)
                                                  .arg("event", it->second));
                } else {
                    event.holding = *h;
                    state.move_slots.emplace(*h, tx_slot ? *tx_slot : *holding_slot);
                }
            }
        } else if (kind && holding_slot) {
            yaml.error(*holding_slot, Message("case_error.plot.holding_not_move"));
        }
        if (auto v = map.get("message")) {
            if (auto text = yaml.localized(*v)) event.message = std::move(*text);
        } else if (event.visible && kind) {
            map.need("message");  // a visible event tells the trainee something
        }
        if (!id) continue;
        if (!state.event_ids.insert(*id).second) {
            yaml.error(*map.get("id"), Message("case_error.plot.event_twice").arg("id", *id));
            continue;
        }
        event.id = *id;
        scenario.events.push_back(std::move(event));
    }
    std::stable_sort(scenario.events.begin(), scenario.events.end(),
                     [](const ScheduledEvent& a, const ScheduledEvent& b) { return a.at < b.at; });
}

void read_checkpoints(LoadState& state, MapReader& root) {
    YamlReader& yaml = state.yaml;
    Scenario& scenario = state.scenario;
    auto items = section_items(state, root, "checkpoints", "case_error.what.checkpoints");
    if (!items) return;
    for (const Slot& item : *items) {
        MapReader map(yaml, item, "case_error.what.checkpoint",
                      {"id", "kind", "opens_at", "question", "options", "answer", "explanation"});
        if (!map.is_map()) continue;
        Checkpoint cp;
        std::optional<std::string> id;
        if (auto v = map.need("id")) id = yaml.id(*v, "case_error.what.checkpoint_id");
        std::optional<std::size_t> kind;
        if (auto v = map.need("kind"))
            kind = yaml.choice(*v, kCheckpointKinds, "case_error.what.checkpoint_kind");
        if (kind) cp.kind = static_cast<CheckpointKind>(*kind);
        if (auto v = map.get("opens_at"))
            if (auto t = read_play_time(state, *v, "case_error.plot.the_checkpoint"))
                cp.opens_at = *t;
        if (auto v = map.need("question"))
            if (auto text = yaml.localized(*v)) cp.question = std::move(*text);
        if (auto v = map.need("explanation"))
            if (auto text = yaml.localized(*v)) cp.explanation = std::move(*text);
        auto options_slot = map.get("options");
        if (kind && cp.kind == CheckpointKind::Choice) {
            if (!options_slot) {
                map.need("options");
            } else if (auto options = yaml.list(*options_slot, "case_error.what.options")) {
                if (options->size() < 2)
                    yaml.error(*options_slot, Message("case_error.plot.too_few_options"));
                for (const Slot& o : *options) {
                    MapReader om(yaml, o, "case_error.what.option", {"id", "text"});
                    if (!om.is_map()) continue;
                    CheckpointOption option;
                    std::optional<std::string> oid;
                    if (auto f = om.need("id")) oid = yaml.id(*f, "case_error.what.option_id");
                    if (auto f = om.need("text"))
                        if (auto text = yaml.localized(*f)) option.text = std::move(*text);
                    if (!oid) continue;
                    const bool repeated =
                        std::any_of(cp.options.begin(), cp.options.end(),
                                    [&](const CheckpointOption& x) { return x.id == *oid; });
                    if (repeated) {
                        yaml.error(*om.get("id"),
                                   Message("case_error.plot.option_twice").arg("id", *oid));
                        continue;
                    }
                    option.id = *oid;
                    cp.options.push_back(std::move(option));
                }
            }
        } else if (kind && options_slot) {
            yaml.error(
                *options_slot,
                Message("case_error.plot.options_not_choice").arg("kind", kCheckpointKinds[*kind]));
        }
        if (auto v = map.need("answer"); v && kind) {
            switch (cp.kind) {
                case CheckpointKind::Choice:
                    if (auto a = yaml.id(*v, "case_error.what.option_id")) {
                        const bool found =
                            std::any_of(cp.options.begin(), cp.options.end(),
                                        [&](const CheckpointOption& o) { return o.id == *a; });
                        if (!found && options_slot && !cp.options.empty()) {
                            std::vector<std::string_view> ids;
                            for (const auto& o : cp.options) ids.push_back(o.id);
                            yaml.error(*v, Message("case_error.plot.answer_not_option")
                                               .arg("answer", *a)
                                               .arg("options", join_names(ids)));
                        }
                        cp.answer = *a;
                    }
                    break;
                case CheckpointKind::Address:
                    if (auto a = state.known_address(*v))
                        cp.answer = scenario.ledger.address_text(*a).str();
                    break;
                case CheckpointKind::Entity:
                    if (auto a = yaml.id(*v, "case_error.what.entity_id")) {
                        if (scenario.find_entity(*a) == nullptr)
                            yaml.error(*v,
                                       Message("case_error.world.unknown_entity").arg("id", *a));
                        cp.answer = *a;
                    }
                    break;
                case CheckpointKind::Transaction:
                    if (auto a = yaml.id(*v, "case_error.what.transaction_id")) {
                        if (!state.is_known_tx(*a))
                            state.missing_from_ledger(
                                *v, Message("case_error.world.unknown_transaction").arg("id", *a));
                        cp.answer = *a;
                    }
                    break;
            }
        }
        if (!id) continue;
        if (scenario.find_checkpoint(*id) != nullptr) {
            yaml.error(*map.get("id"), Message("case_error.plot.checkpoint_twice").arg("id", *id));
            continue;
        }
        cp.id = *id;
        scenario.checkpoints.push_back(std::move(cp));
    }
}

void read_start_knowledge(LoadState& state, MapReader& root) {
    YamlReader& yaml = state.yaml;
    Scenario& scenario = state.scenario;
    auto s = root.need("start_knowledge");
    if (!s) return;
    MapReader map(yaml, *s, "case_error.what.start_knowledge", {"addresses", "transactions"});
    if (!map.is_map()) return;
    if (auto v = map.get("addresses")) {
        if (auto items = yaml.list(*v, "case_error.what.addresses")) {
            for (const Slot& item : *items)
                if (auto a = state.known_address(item)) scenario.start_addresses.push_back(*a);
        }
    }
    if (auto v = map.get("transactions")) {
        if (auto items = yaml.list(*v, "case_error.what.transaction_ids")) {
            for (const Slot& item : *items) {
                auto id = yaml.id(item, "case_error.what.transaction_id");
                if (!id) continue;
                if (auto tx = scenario.ledger.find_transaction(*id))
                    scenario.start_transactions.push_back(*tx);
                else if (!state.is_known_tx(*id))
                    state.missing_from_ledger(
                        item, Message("case_error.world.unknown_transaction").arg("id", *id));
            }
        }
    }
    if (scenario.start_addresses.empty() && scenario.start_transactions.empty() &&
        map.keys().empty())
        yaml.error(*s, Message("case_error.plot.no_start_knowledge"));
}

void read_hints(LoadState& state, MapReader& root) {
    auto items = section_items(state, root, "hints", "case_error.what.hints");
    if (!items) return;
    for (const Slot& item : *items)
        if (auto text = state.yaml.localized(item))
            state.scenario.hints.push_back(std::move(*text));
}

void read_tool_costs(LoadState& state, MapReader& root) {
    auto s = root.get("tool_costs");
    if (!s) return;
    MapReader map(state.yaml, *s, "case_error.what.tool_costs",
                  {"explore", "lookup", "analysis", "draft_request"});
    if (!map.is_map()) return;
    ToolCosts& costs = state.scenario.costs;
    auto read = [&](std::string_view key, SimSeconds& into) {
        if (auto v = map.get(key))
            if (auto d = state.yaml.duration(*v, minutes(1))) into = *d;
    };
    read("explore", costs.explore);
    read("lookup", costs.lookup);
    read("analysis", costs.analysis);
    read("draft_request", costs.draft_request);
}

}  // namespace mt::scenario_detail
