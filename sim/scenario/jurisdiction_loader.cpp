// A jurisdiction pack file: its header and one entry per legal instrument, every problem reported
// in one pass at its line and column, as for case files.
#include "scenario/jurisdiction_loader.hpp"

#include <algorithm>
#include <set>

#include "scenario/embedded_jurisdictions.hpp"
#include "scenario/limits.hpp"
#include "scenario/yaml_document.hpp"
#include "scenario/yaml_reader.hpp"

namespace mt {

using namespace scenario_detail;

namespace {

constexpr std::array<std::string_view, 7> kPackKeys{
    "format_version", "id", "country", "name", "court", "central_authority", "instruments"};
constexpr std::array<std::string_view, 14> kInstrumentKeys{"id",
                                                           "kind",
                                                           "name",
                                                           "legal_basis",
                                                           "issuer",
                                                           "judge",
                                                           "requires_evidence",
                                                           "compels",
                                                           "reach",
                                                           "turnaround",
                                                           "preserves_days",
                                                           "forbids_notice",
                                                           "note",
                                                           "source"};

// {hours: 72, source: "https://..."}: a duration and where it comes from (none: an assumption).
std::optional<SourcedDuration> read_sourced(YamlReader& yaml, const Slot& slot) {
    MapReader map(yaml, slot, "case_error.what.sourced_duration", {"hours", "source"});
    if (!map.is_map()) return std::nullopt;
    SourcedDuration d;
    bool ok = true;
    if (auto h = map.need("hours")) {
        auto value = yaml.duration(*h, hours(1));
        ok = ok && value.has_value();
        if (value) d.value = *value;
    } else {
        ok = false;
    }
    if (auto s = map.get("source")) {
        auto text = yaml.text_line(*s, "case_error.what.duration_source");
        ok = ok && text.has_value();
        if (text) d.source = *text;
    }
    if (!ok) return std::nullopt;
    return d;
}

void read_instrument(YamlReader& yaml, const Slot& item, JurisdictionPack& pack,
                     std::set<std::string, std::less<>>& ids) {
    MapReader map(yaml, item, "case_error.what.legal_instrument", kInstrumentKeys);
    if (!map.is_map()) return;
    LegalInstrument in;
    std::optional<std::string> id;
    if (auto v = map.need("id")) id = yaml.id(*v, "case_error.what.instrument_id");
    if (auto v = map.need("kind"))
        if (auto k = yaml.vocabulary<Instrument>(*v, "case_error.what.instrument_kind"))
            in.kind = *k;
    if (auto v = map.need("name"))
        if (auto t = yaml.localized(*v)) in.name = std::move(*t);
    if (auto v = map.need("legal_basis"))
        if (auto t = yaml.localized(*v)) in.legal_basis = std::move(*t);
    if (auto v = map.need("issuer"))
        if (auto k = yaml.vocabulary<Issuer>(*v, "case_error.what.issuer")) in.issuer = *k;
    if (auto v = map.get("judge")) in.judge = read_sourced(yaml, *v);
    if (auto v = map.get("requires_evidence"))
        if (auto b = yaml.boolean(*v)) in.requires_evidence = *b;
    if (auto v = map.need("compels")) {
        if (auto items = yaml.list(*v, "case_error.what.instrument_compels")) {
            if (items->empty()) yaml.error(*v, Message("case_error.pack.compels_nothing"));
            for (const Slot& c : *items)
                if (auto k = yaml.vocabulary<Compulsion>(c, "case_error.what.compulsion"))
                    in.compels.push_back(*k);
        }
    }
    if (auto v = map.need("reach"))
        if (auto k = yaml.vocabulary<Reach>(*v, "case_error.what.reach")) in.reach = *k;
    if (auto v = map.need("turnaround"))
        if (auto d = read_sourced(yaml, *v)) in.turnaround = *d;
    if (auto v = map.get("preserves_days"))
        if (auto d = yaml.integer(*v, 1, 3650, "case_error.what.preservation_days"))
            in.preserves_for = days(*d);
    if (in.kind == Instrument::Preservation && in.preserves_for == 0 && map.is_map() &&
        !map.has("preserves_days"))
        yaml.error(map.self(), Message("case_error.pack.preservation_days_missing"));
    if (auto v = map.get("forbids_notice"))
        if (auto b = yaml.boolean(*v)) in.forbids_notice = *b;
    if (auto v = map.get("note"))
        if (auto t = yaml.localized(*v)) in.note = std::move(*t);
    if (auto v = map.need("source"))
        if (auto t = yaml.text_line(*v, "case_error.what.legal_basis_source")) in.basis_source = *t;
    if (!id) return;
    if (!ids.insert(*id).second) {
        yaml.error(*map.get("id"), Message("case_error.pack.instrument_twice").arg("id", *id));
        return;
    }
    in.id = *id;
    pack.instruments.push_back(std::move(in));
}

void read_pack(YamlReader& yaml, MapReader& root, JurisdictionPack& pack, std::string_view id) {
    if (auto s = root.need("format_version"))
        read_format_version(yaml, *s, "case_error.pack.format_version");
    if (auto s = root.need("id")) {
        if (auto v = yaml.id(*s, "case_error.what.pack_id")) {
            if (*v != id)
                yaml.error(
                    *s,
                    Message("case_error.pack.id_differs_from_file").arg("id", *v).arg("file", id));
            pack.id = *v;
        }
    }
    if (auto s = root.need("country"))
        if (auto v = read_country(yaml, *s)) pack.country = *v;
    if (auto s = root.need("name"))
        if (auto t = yaml.localized(*s)) pack.name = std::move(*t);
    if (auto s = root.need("court"))
        if (auto t = yaml.localized(*s)) pack.court = std::move(*t);
    if (auto s = root.need("central_authority"))
        if (auto t = yaml.localized(*s)) pack.central_authority = std::move(*t);
    std::set<std::string, std::less<>> ids;
    if (auto s = root.need("instruments")) {
        if (auto items = yaml.list(*s, "case_error.what.instruments")) {
            if (items->empty()) yaml.error(*s, Message("case_error.pack.no_instruments"));
            for (const Slot& item : *items) read_instrument(yaml, item, pack, ids);
        }
    }
}

}  // namespace

PackLoad load_jurisdiction_text(std::string_view yaml, const std::string& name,
                                std::string_view id) {
    PackLoad result;
    Diagnostics diagnostics;
    read_yaml_file(yaml, name, diagnostics, "case_error.what.jurisdiction_pack", kPackKeys,
                   "case_error.out_of_memory_pack", [&](YamlReader& reader, MapReader& root) {
                       auto pack = std::make_shared<JurisdictionPack>();
                       read_pack(reader, root, *pack, id);
                       if (diagnostics.count() == 0) result.pack = std::move(pack);
                   });
    result.errors = diagnostics.take();
    if (!result.errors.empty()) result.pack.reset();
    return result;
}

std::vector<std::string> shipped_jurisdictions() {
    std::vector<std::string> ids;
    for (const EmbeddedPack& p : embedded_jurisdictions()) ids.emplace_back(p.id);
    std::sort(ids.begin(), ids.end());
    return ids;
}

PackLoad load_jurisdiction(std::string_view id) {
    for (const EmbeddedPack& p : embedded_jurisdictions())
        if (p.id == id)
            return load_jurisdiction_text(p.text,
                                          "assets/jurisdictions/" + std::string(id) + ".yaml", id);
    PackLoad result;
    std::string known;
    for (const std::string& s : shipped_jurisdictions()) known += (known.empty() ? "" : ", ") + s;
    result.errors.push_back(
        Diagnostic{"assets/jurisdictions", 0, 0,
                   Message("case_error.no_such_pack").arg("id", id).arg("known", known), ""});
    return result;
}

}  // namespace mt
