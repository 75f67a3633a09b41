// The expert solution: the actions an expert takes, in the shape of the action journal
// (model/action.hpp to_json) written as YAML maps, parsed with action_from_json so journals and
// cases can never disagree on what an action is.
#include <algorithm>
#include <map>

#include "model/nlohmann_json.hpp"

#include "scenario/load_state.hpp"
#include "scenario/source_text.hpp"

namespace mt::scenario_detail {
namespace {

// The fields each action type uses, besides `type`.
const std::map<std::string_view, std::vector<std::string_view>>& fields_by_type() {
    static const std::map<std::string_view, std::vector<std::string_view>> fields{
        {"explore_address", {"type", "target", "direction", "page"}},
        {"explore_transaction", {"type", "target"}},
        {"lookup", {"type", "target"}},
        {"run_analysis", {"type", "tool", "target", "method"}},
        {"legal_request", {"type", "instrument", "target", "identifiers", "text"}},
        {"answer_checkpoint", {"type", "target", "answer"}},
        {"annotate", {"type", "target", "text", "tags"}},
        {"hint", {"type"}},
        {"wait", {"type", "duration"}},
        {"submit", {"type", "text"}},
    };
    return fields;
}

// How an action is written, named in messages (an argument: braces in a catalogue are
// placeholders).
constexpr const char* kActionShape = "{type: explore_address, target: ...}";

class ExpertReader {
  public:
    explicit ExpertReader(LoadState& state) : state_(state), yaml_(state.yaml) {}

    std::optional<Action> read(const Slot& item) {
        if (!item.node.IsMap()) {
            yaml_.error(item, Message("case_error.expert.not_a_map").arg("example", kActionShape));
            return std::nullopt;
        }
        // The type decides which keys are allowed, so read it before checking the keys.
        std::vector<std::string_view> types;
        for (const auto& [type, unused] : fields_by_type()) types.push_back(type);
        std::optional<std::string_view> type;
        std::optional<Slot> type_slot;
        for (const auto& kv : item.node) {
            if (kv.first.IsScalar() && kv.first.Scalar() == "type") {
                type_slot = Slot{kv.second, child_path(item.path, "type"),
                                 kv.second.IsNull() ? kv.first.Mark() : kv.second.Mark()};
                if (auto index = yaml_.choice(*type_slot, types, "case_error.what.action_type"))
                    type = types[*index];
                break;
            }
        }
        if (!type_slot) {
            yaml_.error(item,
                        Message("case_error.expert.missing_type").arg("types", join_names(types)));
            return std::nullopt;
        }
        if (!type) return std::nullopt;
        const auto& allowed = fields_by_type().at(*type);
        return read_fields(item, *type, allowed);
    }

  private:
    std::optional<Action> read_fields(const Slot& item, std::string_view type,
                                      const std::vector<std::string_view>& allowed) {
        nlohmann::json json = nlohmann::json::object();
        std::map<std::string, Slot> slots;
        bool ok = true;
        for (const auto& kv : item.node) {
            if (!kv.first.IsScalar()) {
                yaml_.error(Slot{kv.first, item.path, kv.first.Mark()},
                            Message("case_error.expert.key_not_plain"));
                ok = false;
                continue;
            }
            const std::string key = kv.first.Scalar();
            Slot slot{kv.second, child_path(item.path, key),
                      kv.second.IsNull() ? kv.first.Mark() : kv.second.Mark()};
            if (std::find(allowed.begin(), allowed.end(), key) == allowed.end()) {
                const std::string_view near = closest_name(key, allowed);
                Message message(near.empty() ? "case_error.expert.unknown_key"
                                             : "case_error.expert.unknown_key_near");
                message.arg("key", excerpt(key, 60))
                    .arg("type", type)
                    .arg("keys", join_names(allowed));
                if (!near.empty()) message.arg("near", near);
                yaml_.error(Slot{kv.first, slot.path, kv.first.Mark()}, std::move(message));
                ok = false;
                continue;
            }
            if (!slots.emplace(key, slot).second) {
                yaml_.error(Slot{kv.first, slot.path, kv.first.Mark()},
                            Message("case_error.expert.key_twice").arg("key", key));
                ok = false;
                continue;
            }
            if (key == "duration") {
                if (auto d = yaml_.duration(slot, 1))
                    json[key] = *d;
                else
                    ok = false;
            } else if (key == "identifiers" || key == "tags") {
                auto items = yaml_.list(slot, key == "tags" ? What("case_error.what.tags")
                                                            : What("case_error.what.identifiers"));
                if (!items) {
                    ok = false;
                    continue;
                }
                nlohmann::json array = nlohmann::json::array();
                for (const Slot& s : *items) {
                    if (auto text = yaml_.scalar(s, "case_error.what.text"))
                        array.push_back(*text);
                    else
                        ok = false;
                }
                json[key] = std::move(array);
            } else if (auto text = yaml_.scalar(slot, "case_error.what.text")) {
                json[key] = *text;
            } else {
                ok = false;
            }
        }
        if (!ok) return std::nullopt;
        ActionParse parsed = action_from_json(json);
        if (!parsed.action) {
            // action_from_json names the field by its JSON path ("json_path": "/instrument"): point
            // at that field when the action has it.
            const Slot* at = &item;
            if (const MessageArg* path = parsed.error.find("json_path")) {
                const std::string_view field = std::string_view(path->value).substr(1);
                auto it = slots.find(std::string(field.substr(0, field.find('/'))));
                if (it != slots.end()) at = &it->second;
            }
            yaml_.error(*at, Message("case_error.expert.invalid_action")
                                 .arg("type", type)
                                 .clause("error", parsed.error));
            return std::nullopt;
        }
        if (!check_references(*parsed.action, item, slots)) return std::nullopt;
        // A pack instrument is read as its kind; naming the pack's first of a kind is the same
        // action as naming the kind, so both spellings replay alike.
        Action& action = *parsed.action;
        if (const LegalInstrument* in =
                state_.scenario.jurisdiction.find(action.legal_instrument)) {
            action.instrument = in->kind;
            if (state_.scenario.jurisdiction.first_of(in->kind) == in)
                action.legal_instrument.clear();
        }
        return parsed.action;
    }

    bool is_address(const std::string& text) const {
        return state_.scenario.ledger.find_address(text).has_value();
    }
    bool is_tx(const std::string& text) const { return state_.is_known_tx(text); }
    bool is_record(const std::string& text) const { return state_.record_ids.count(text) > 0; }
    static std::string kinds() {
        std::vector<std::string_view> names;
        for (Instrument i : all_values<Instrument>()) names.push_back(name_of(i));
        return join_names(names);
    }

    bool check_references(const Action& a, const Slot& item,
                          const std::map<std::string, Slot>& slots) {
        auto at = [&](const std::string& key) -> const Slot& {
            auto it = slots.find(key);
            return it == slots.end() ? item : it->second;
        };
        auto fail = [&](const std::string& key, Message message) {
            yaml_.error(at(key), std::move(message));
            return false;
        };
        auto missing = [&](const std::string& key, Message message) {
            state_.missing_from_ledger(at(key), std::move(message));
            return false;
        };
        const Scenario& scenario = state_.scenario;
        switch (a.type) {
            case ActionType::ExploreAddress:
            case ActionType::Lookup:
                if (!is_address(a.target))
                    return missing("target", Message("case_error.expert.unknown_address")
                                                 .arg("address", excerpt(a.target, 80)));
                return true;
            case ActionType::ExploreTransaction:
                if (!is_tx(a.target))
                    return missing("target", Message("case_error.world.unknown_transaction")
                                                 .arg("id", excerpt(a.target, 80)));
                return true;
            case ActionType::RunAnalysis:
            case ActionType::Annotate:
                if (!is_address(a.target) && !is_tx(a.target))
                    return missing("target", Message("case_error.expert.unknown_target")
                                                 .arg("target", excerpt(a.target, 80)));
                return true;
            case ActionType::LegalRequest: {
                if (scenario.find_service(a.target) == nullptr)
                    return fail("target", Message("case_error.world.unknown_service")
                                              .arg("id", excerpt(a.target, 80)));
                if (!a.legal_instrument.empty() &&
                    scenario.jurisdiction.find(a.legal_instrument) == nullptr)
                    return fail("instrument",
                                (scenario.jurisdiction.empty()
                                     ? Message("case_error.expert.unknown_instrument")
                                     : Message("case_error.expert.unknown_instrument_in_pack")
                                           .arg("pack", scenario.jurisdiction.id))
                                    .arg("instrument", excerpt(a.legal_instrument, 80))
                                    .arg("kinds", kinds()));
                // Identifiers are addresses; records of the case may be cited as evidence.
                for (const std::string& id : a.identifiers)
                    if (!is_address(id) && !is_record(id))
                        return missing("identifiers",
                                       Message("case_error.expert.unknown_identifier")
                                           .arg("identifier", excerpt(id, 80)));
                return true;
            }
            case ActionType::AnswerCheckpoint: {
                const Checkpoint* cp = scenario.find_checkpoint(a.target);
                if (cp == nullptr)
                    return fail("target", Message("case_error.world.unknown_checkpoint")
                                              .arg("id", excerpt(a.target, 80)));
                if (cp->kind == CheckpointKind::Choice &&
                    std::none_of(cp->options.begin(), cp->options.end(),
                                 [&](const CheckpointOption& o) { return o.id == a.answer; }))
                    return fail("answer", Message("case_error.expert.answer_not_option")
                                              .arg("answer", excerpt(a.answer, 80))
                                              .arg("checkpoint", cp->id));
                return true;
            }
            case ActionType::Hint:
            case ActionType::Wait:
            case ActionType::Submit:
                return true;
        }
        return true;
    }

    LoadState& state_;
    YamlReader& yaml_;
};

}  // namespace

void read_expert_solution(LoadState& state, MapReader& root) {
    auto s = root.need("expert_solution");
    if (!s) return;
    auto items = state.yaml.list(*s, "case_error.what.actions");
    if (!items) return;
    if (items->empty()) state.yaml.error(*s, Message("case_error.expert.no_actions"));
    ExpertReader reader(state);
    for (const Slot& item : *items)
        if (auto action = reader.read(item))
            state.scenario.expert_solution.push_back(std::move(*action));
}

}  // namespace mt::scenario_detail
