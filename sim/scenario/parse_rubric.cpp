// The rubric: scored objectives with their conditions, penalty rates, recovery points and grade
// bands.
#include <algorithm>
#include <array>
#include <set>

#include "scenario/load_state.hpp"

namespace mt::scenario_detail {
namespace {

// In ConditionKind order.
constexpr std::array<std::string_view, 8> kConditionKeys{
    "checkpoint_correct", "record_obtained", "holding_frozen", "address_discovered",
    "entity_identified",  "request_sent",    "first_request",  "evidence_first"};

std::optional<Condition> read_condition(LoadState& state, const Slot& slot) {
    YamlReader& yaml = state.yaml;
    const Scenario& scenario = state.scenario;
    MapReader map(yaml, slot, "case_error.what.condition",
                  {"checkpoint_correct", "record_obtained", "holding_frozen", "address_discovered",
                   "entity_identified", "request_sent", "first_request", "evidence_first",
                   "instrument", "before_hours"});
    if (!map.is_map()) return std::nullopt;
    std::vector<std::string_view> present;
    for (std::string_view key : kConditionKeys)
        if (map.has(key)) present.push_back(key);
    if (present.size() != 1) {
        if (present.empty())
            yaml.error(slot, Message("case_error.rubric.condition_missing")
                                 .arg("keys", join_names(kConditionKeys)));
        else
            yaml.error(slot, Message("case_error.rubric.condition_several")
                                 .arg("keys", join_names(kConditionKeys))
                                 .arg("found", join_names(present)));
        return std::nullopt;
    }
    const auto kind = static_cast<ConditionKind>(
        std::find(kConditionKeys.begin(), kConditionKeys.end(), present[0]) -
        kConditionKeys.begin());
    const Slot target = *map.get(present[0]);
    Condition c;
    c.kind = kind;
    if (kind != ConditionKind::RequestSent) {
        if (auto v = map.get("before_hours"))
            yaml.error(*v, Message("case_error.rubric.before_hours_misplaced"));
        if (auto v = map.get("instrument");
            v && kind != ConditionKind::FirstRequest && kind != ConditionKind::EvidenceFirst)
            yaml.error(*v, Message("case_error.rubric.instrument_misplaced"));
    }
    // `problem` is the catalogue key of the unknown reference, one of case_error.world.unknown_*.
    auto unknown = [&](const char* problem, const std::string& id) {
        yaml.error(target, Message(problem).arg("id", id));
    };
    switch (kind) {
        case ConditionKind::AddressDiscovered: {
            auto a = state.known_address(target);
            if (!a) return std::nullopt;
            c.target = scenario.ledger.address_text(*a).str();
            return c;
        }
        case ConditionKind::CheckpointCorrect:
        case ConditionKind::RecordObtained:
        case ConditionKind::HoldingFrozen:
        case ConditionKind::EntityIdentified:
        case ConditionKind::RequestSent:
        case ConditionKind::FirstRequest:
        case ConditionKind::EvidenceFirst:
            break;
    }
    // A kind matches every instrument of that kind; a pack instrument id matches that one only.
    auto read_instrument = [&](const Slot& v) {
        c.instrument = read_instrument_key(state, v);
        if (c.instrument && v.node.IsScalar() && !parse_enum<Instrument>(v.node.Scalar()))
            c.legal_instrument = v.node.Scalar();
    };
    auto id = yaml.id(target, "case_error.what.id");
    if (!id) return std::nullopt;
    c.target = *id;
    switch (kind) {
        case ConditionKind::CheckpointCorrect:
            if (scenario.find_checkpoint(*id) == nullptr)
                unknown("case_error.world.unknown_checkpoint", *id);
            break;
        case ConditionKind::RecordObtained:
            if (state.record_ids.count(*id) == 0) unknown("case_error.world.unknown_record", *id);
            break;
        case ConditionKind::HoldingFrozen:
            if (scenario.find_holding(*id) == nullptr)
                unknown("case_error.world.unknown_holding", *id);
            break;
        case ConditionKind::EntityIdentified:
            if (scenario.find_entity(*id) == nullptr)
                unknown("case_error.world.unknown_entity", *id);
            break;
        case ConditionKind::RequestSent:
            if (scenario.find_service(*id) == nullptr)
                unknown("case_error.world.unknown_service", *id);
            if (auto v = map.get("instrument")) read_instrument(*v);
            if (auto v = map.get("before_hours")) {
                if (auto h = yaml.integer(*v, 0, 24 * 3650, "case_error.what.hours_from_start"))
                    c.before = hours(*h);
            }
            break;
        case ConditionKind::FirstRequest:
            if (scenario.find_service(*id) == nullptr)
                unknown("case_error.world.unknown_service", *id);
            if (auto v = map.get("instrument")) read_instrument(*v);
            break;
        case ConditionKind::EvidenceFirst:
            if (state.record_ids.count(*id) == 0) unknown("case_error.world.unknown_record", *id);
            // The request that obtains the evidence goes out before it: name what must wait.
            if (auto v = map.get("instrument"))
                read_instrument(*v);
            else
                yaml.error(target, Message("case_error.rubric.evidence_first_instrument"));
            break;
        case ConditionKind::AddressDiscovered:
            break;
    }
    return c;
}

void read_penalties(LoadState& state, const Slot& slot) {
    YamlReader& yaml = state.yaml;
    MapReader map(yaml, slot, "case_error.what.penalty_rates",
                  {"uninvolved_request", "overbroad_request", "wrong_instrument",
                   "wrong_jurisdiction", "dead_end_request", "weak_justification",
                   "unsupported_request", "hint", "per_hour_over_budget", "max_time_penalty"});
    if (!map.is_map()) return;
    PenaltyRates& rates = state.scenario.rubric.penalties;
    auto read = [&](std::string_view key, int& into) {
        if (auto v = map.get(key))
            if (auto n = yaml.integer(*v, 0, 1000, "case_error.what.penalty_points"))
                into = static_cast<int>(*n);
    };
    read("uninvolved_request", rates.uninvolved_request);
    read("overbroad_request", rates.overbroad_request);
    read("wrong_instrument", rates.wrong_instrument);
    read("wrong_jurisdiction", rates.wrong_jurisdiction);
    read("dead_end_request", rates.dead_end_request);
    read("weak_justification", rates.weak_justification);
    read("unsupported_request", rates.unsupported_request);
    read("hint", rates.hint);
    read("per_hour_over_budget", rates.per_hour_over_budget);
    read("max_time_penalty", rates.max_time_penalty);
}

// In JustificationElement order.
constexpr std::array<std::string_view, 3> kJustificationElements{"identifier", "basis", "evidence"};
constexpr std::array<std::string_view, 2> kJustificationMissing{"penalise", "refuse"};

// rubric.justification: what every legal request's justification must cite.
void read_justification(LoadState& state, const Slot& slot) {
    YamlReader& yaml = state.yaml;
    MapReader map(yaml, slot, "case_error.what.justification_rule",
                  {"min_characters", "cite", "bases", "instruments", "missing"});
    if (!map.is_map()) return;
    JustificationRule& rule = state.scenario.rubric.justification;
    if (auto v = map.get("min_characters"))
        if (auto n = yaml.integer(*v, 10, 2000, "case_error.what.justification_min_characters"))
            rule.min_characters = static_cast<int>(*n);
    if (auto v = map.get("cite"))
        if (auto items = yaml.list(*v, "case_error.what.elements_to_cite"))
            for (const Slot& item : *items)
                if (auto e = yaml.choice(item, kJustificationElements,
                                         "case_error.what.element_to_cite")) {
                    const auto element = static_cast<JustificationElement>(*e);
                    if (std::find(rule.cite.begin(), rule.cite.end(), element) != rule.cite.end())
                        yaml.error(item, Message("case_error.rubric.element_twice")
                                             .arg("element", kJustificationElements[*e]));
                    else
                        rule.cite.push_back(element);
                }
    const bool cites_basis = std::find(rule.cite.begin(), rule.cite.end(),
                                       JustificationElement::Basis) != rule.cite.end();
    if (auto v = map.get("bases")) {
        if (auto items = yaml.list(*v, "case_error.what.legal_bases"))
            for (const Slot& item : *items)
                if (auto phrase = yaml.text_line(item, "case_error.what.legal_basis_phrase")) {
                    if (phrase->size() < 3)
                        yaml.error(item,
                                   Message("case_error.rubric.basis_too_short").arg("min", 3));
                    else
                        rule.bases.push_back(std::move(*phrase));
                }
        if (!cites_basis) yaml.error(*v, Message("case_error.rubric.bases_without_basis"));
    } else if (cites_basis) {
        yaml.error(*map.get("cite"), Message("case_error.rubric.basis_without_bases"));
    }
    if (auto v = map.get("instruments"))
        if (auto items = yaml.list(*v, "case_error.what.instruments"))
            for (const Slot& item : *items)
                if (auto i = yaml.vocabulary<Instrument>(item, "case_error.what.instrument"))
                    rule.instruments.push_back(*i);
    if (auto v = map.get("missing"))
        if (auto m = yaml.choice(*v, kJustificationMissing,
                                 "case_error.what.weak_justification_outcome"))
            rule.missing = static_cast<JustificationMissing>(*m);
}

}  // namespace

void read_rubric(LoadState& state, MapReader& root) {
    YamlReader& yaml = state.yaml;
    auto s = root.need("rubric");
    if (!s) return;
    MapReader map(yaml, *s, "case_error.what.rubric",
                  {"objectives", "penalties", "justification", "recovery_points", "grades"});
    if (!map.is_map()) return;
    Rubric& rubric = state.scenario.rubric;

    if (auto v = map.need("objectives")) {
        if (auto items = yaml.list(*v, "case_error.what.objectives")) {
            if (items->empty()) yaml.error(*v, Message("case_error.rubric.no_objectives"));
            for (const Slot& item : *items) {
                MapReader om(yaml, item, "case_error.what.objective",
                             {"id", "title", "points", "conditions", "debrief"});
                if (!om.is_map()) continue;
                Objective objective;
                std::optional<std::string> id;
                if (auto f = om.need("id")) id = yaml.id(*f, "case_error.what.objective_id");
                if (auto f = om.need("title"))
                    if (auto text = yaml.localized(*f)) objective.title = std::move(*text);
                if (auto f = om.need("points"))
                    if (auto n = yaml.integer(*f, 1, 1000, "case_error.what.objective_points"))
                        objective.points = static_cast<int>(*n);
                if (auto f = om.need("conditions")) {
                    if (auto conditions = yaml.list(*f, "case_error.what.conditions")) {
                        if (conditions->empty())
                            yaml.error(*f, Message("case_error.rubric.no_conditions"));
                        for (const Slot& c : *conditions)
                            if (auto condition = read_condition(state, c))
                                objective.conditions.push_back(std::move(*condition));
                    }
                }
                if (auto f = om.need("debrief"))
                    if (auto text = yaml.localized(*f)) objective.debrief = std::move(*text);
                if (!id) continue;
                if (!state.objective_ids.insert(*id).second) {
                    yaml.error(*om.get("id"),
                               Message("case_error.rubric.objective_twice").arg("id", *id));
                    continue;
                }
                objective.id = *id;
                rubric.objectives.push_back(std::move(objective));
            }
        }
    }
    if (auto v = map.get("penalties")) read_penalties(state, *v);
    if (auto v = map.get("justification")) read_justification(state, *v);
    if (auto v = map.get("recovery_points")) {
        if (auto n = yaml.integer(*v, 0, 1000, "case_error.what.recovery_points")) {
            rubric.recovery_points = static_cast<int>(*n);
            const auto& holdings = state.scenario.holdings;
            if (*n > 0 && std::none_of(holdings.begin(), holdings.end(),
                                       [](const Holding& h) { return h.recoverable(); }))
                yaml.error(*v, Message("case_error.rubric.recovery_without_holding"));
        }
    }
    if (auto v = map.need("grades")) {
        if (auto items = yaml.list(*v, "case_error.what.grade_bands")) {
            std::set<int> seen;
            for (const Slot& item : *items) {
                MapReader gm(yaml, item, "case_error.what.grade_band", {"min_percent", "label"});
                if (!gm.is_map()) continue;
                GradeBand band;
                std::optional<std::int64_t> min;
                if (auto f = gm.need("min_percent"))
                    min = yaml.integer(*f, 0, 100, "case_error.what.percentage");
                if (auto f = gm.need("label"))
                    if (auto text = yaml.localized(*f)) band.label = std::move(*text);
                if (!min) continue;
                band.min_percent = static_cast<int>(*min);
                if (!seen.insert(band.min_percent).second) {
                    yaml.error(
                        *gm.get("min_percent"),
                        Message("case_error.rubric.grade_twice").arg("percent", band.min_percent));
                    continue;
                }
                rubric.grades.push_back(std::move(band));
            }
            if (!items->empty() && !seen.empty() && seen.count(0) == 0)
                yaml.error(*v, Message("case_error.rubric.no_zero_grade"));
            if (items->empty()) yaml.error(*v, Message("case_error.rubric.no_grades"));
            std::stable_sort(rubric.grades.begin(), rubric.grades.end(),
                             [](const GradeBand& a, const GradeBand& b) {
                                 return a.min_percent > b.min_percent;
                             });
        }
    }
}

}  // namespace mt::scenario_detail
