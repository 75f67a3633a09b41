// The case's home jurisdiction pack: `jurisdiction: mx`, or {pack: mx, timings: {...}} to override
// the pack's timings for this case (a timing with no source stays a training assumption).
#include "scenario/jurisdiction_loader.hpp"
#include "scenario/load_state.hpp"

namespace mt::scenario_detail {
namespace {

void read_timings(LoadState& state, const Slot& slot, JurisdictionPack& pack) {
    YamlReader& yaml = state.yaml;
    if (!slot.node.IsMap()) {
        yaml.error(slot, Message("case_error.pack.timings_not_map"));
        return;
    }
    for (const auto& kv : slot.node) {
        const std::string key = kv.first.IsScalar() ? kv.first.Scalar() : std::string("?");
        Slot key_slot{kv.first, child_path(slot.path, key), kv.first.Mark()};
        Slot value{kv.second, key_slot.path,
                   kv.second.IsNull() ? kv.first.Mark() : kv.second.Mark()};
        MapReader map(yaml, value, "case_error.what.instrument_timings",
                      {"turnaround_hours", "judge_hours", "source"});
        LegalInstrument* in = nullptr;
        for (LegalInstrument& i : pack.instruments)
            if (i.id == key) in = &i;
        if (!in) {
            std::vector<std::string_view> ids;
            for (const LegalInstrument& i : pack.instruments) ids.push_back(i.id);
            yaml.error(key_slot, Message("case_error.pack.no_such_instrument")
                                     .arg("pack", pack.id)
                                     .arg("instrument", excerpt(key, 60))
                                     .arg("names", join_names(ids)));
            continue;
        }
        if (!map.is_map()) continue;
        std::string source;
        if (auto s = map.get("source"))
            if (auto t = yaml.text_line(*s, "case_error.what.timing_source")) source = *t;
        if (auto t = map.get("turnaround_hours"))
            if (auto d = yaml.duration(*t, hours(1))) in->turnaround = {*d, source};
        if (auto t = map.get("judge_hours")) {
            if (!in->judge)
                yaml.error(*t, Message("case_error.pack.needs_no_judge")
                                   .arg("instrument", key)
                                   .arg("pack", pack.id));
            else if (auto d = yaml.duration(*t, hours(1)))
                in->judge = SourcedDuration{*d, source};
        }
    }
}

}  // namespace

void read_jurisdiction(LoadState& state, MapReader& root) {
    YamlReader& yaml = state.yaml;
    Scenario& scenario = state.scenario;
    auto s = root.get("jurisdiction");
    if (!s) return;
    std::optional<Slot> pack_slot = s;
    std::optional<Slot> timings;
    std::optional<MapReader> map;
    if (s->node.IsMap()) {
        map.emplace(yaml, *s, What("case_error.what.case_jurisdiction"),
                    std::initializer_list<std::string_view>{"pack", "timings"});
        pack_slot = map->need("pack");
        timings = map->get("timings");
    }
    if (!pack_slot) return;
    auto id = yaml.id(*pack_slot, "case_error.what.jurisdiction_pack_id");
    if (!id) return;
    PackLoad loaded = load_jurisdiction(*id);
    if (!loaded.pack) {
        // A pack that does not exist is a problem of the case; a broken pack's problems are
        // listed at their own lines in the pack file, and the case points at them.
        std::size_t in_pack_file = 0;
        for (const Diagnostic& d : loaded.errors) {
            if (d.line > 0) {
                ++in_pack_file;
                yaml.diagnostics().error(Where{d.file, d.line, d.column, d.yaml_path}, d.message);
            } else {
                yaml.error(*pack_slot, d.message);
            }
        }
        if (in_pack_file > 0)
            yaml.error(
                *pack_slot,
                Message("case_error.pack_broken").arg("pack", *id).arg("count", in_pack_file));
        return;
    }
    scenario.jurisdiction = *loaded.pack;
    if (timings) read_timings(state, *timings, scenario.jurisdiction);
    std::string& home = scenario.info.home_jurisdiction;
    if (home.empty())
        home = scenario.jurisdiction.country;
    else if (home != scenario.jurisdiction.country)
        yaml.error(*pack_slot, Message("case_error.pack.home_differs")
                                   .arg("home", home)
                                   .arg("pack", *id)
                                   .arg("country", scenario.jurisdiction.country));
}

std::optional<Instrument> read_instrument_key(LoadState& state, const Slot& slot) {
    YamlReader& yaml = state.yaml;
    const JurisdictionPack& pack = state.scenario.jurisdiction;
    if (slot.node.IsScalar()) {
        if (auto kind = parse_enum<Instrument>(slot.node.Scalar())) return kind;
        if (const LegalInstrument* in = pack.find(slot.node.Scalar())) return in->kind;
    }
    if (pack.empty()) return yaml.vocabulary<Instrument>(slot, "case_error.what.instrument");
    std::vector<std::string_view> names;
    for (Instrument i : all_values<Instrument>()) names.push_back(name_of(i));
    for (const LegalInstrument& i : pack.instruments) names.push_back(i.id);
    yaml.error(slot, Message("case_error.pack.unknown_instrument")
                         .arg("found", slot.node.IsScalar() ? excerpt(slot.node.Scalar(), 60)
                                                            : std::string("?"))
                         .arg("pack", pack.id)
                         .arg("names", join_names(names)));
    return std::nullopt;
}

}  // namespace mt::scenario_detail
