#include "model/world.hpp"

#include <algorithm>

namespace mt {
namespace {
template <typename T>
const T* find_by_id(const std::vector<T>& items, std::string_view id) {
    auto it =
        std::find_if(items.begin(), items.end(), [&](const T& item) { return item.id == id; });
    return it == items.end() ? nullptr : &*it;
}
}  // namespace

const Entity* Scenario::find_entity(std::string_view id) const {
    return find_by_id(entities, id);
}
const Holding* Scenario::find_holding(std::string_view id) const {
    return find_by_id(holdings, id);
}
const Checkpoint* Scenario::find_checkpoint(std::string_view id) const {
    return find_by_id(checkpoints, id);
}

void Scenario::index_owners() {
    owner_index_.assign(ledger.address_count(), -1);
    for (std::size_t e = 0; e < entities.size(); ++e)
        for (AddressId a : entities[e].addresses)
            if (a < owner_index_.size() && owner_index_[a] < 0)
                owner_index_[a] = static_cast<std::int32_t>(e);
}

const Entity* Scenario::owner_of(AddressId address) const {
    if (!owner_index_.empty()) {
        if (address >= owner_index_.size() || owner_index_[address] < 0) return nullptr;
        return &entities[static_cast<std::size_t>(owner_index_[address])];
    }
    for (const Entity& e : entities)
        if (std::find(e.addresses.begin(), e.addresses.end(), address) != e.addresses.end())
            return &e;
    return nullptr;
}

const ServiceTerms* Service::terms_for(Instrument kind, std::string_view instrument_id) const {
    if (auto it = instrument_terms.find(instrument_id); it != instrument_terms.end())
        return &it->second;
    auto it = honours.find(kind);
    return it == honours.end() ? nullptr : &it->second;
}

const Service* Scenario::find_service(std::string_view entity_id) const {
    auto it = std::find_if(services.begin(), services.end(),
                           [&](const Service& s) { return s.entity == entity_id; });
    return it == services.end() ? nullptr : &*it;
}

namespace {

// Appends fields separated by '|' and ended by '\n'; ids never contain either.
class CanonicalText {
  public:
    template <typename... Fields>
    void line(const Fields&... fields) {
        ((text_ += field(fields), text_ += '|'), ...);
        text_.back() = '\n';
    }
    const std::string& text() const { return text_; }

  private:
    static std::string field(std::string_view v) { return std::string(v); }
    static std::string field(const std::string& v) { return v; }
    static std::string field(const char* v) { return v; }
    static std::string field(bool v) { return v ? "1" : "0"; }
    template <typename Int>
    requires std::is_integral_v<Int> || std::is_enum_v<Int>
    static std::string field(Int v) { return std::to_string(static_cast<long long>(v)); }
    std::string text_;
};

}  // namespace

std::string legal_world_text(const Scenario& s) {
    CanonicalText out;
    const JurisdictionPack& pack = s.jurisdiction;
    if (!pack.empty()) {
        out.line("pack", pack.id, pack.country);
        for (const LegalInstrument& in : pack.instruments) {
            out.line("instrument", in.id, in.kind, in.issuer, in.requires_evidence, in.reach,
                     in.turnaround.value, in.turnaround.assumption(), in.preserves_for,
                     in.forbids_notice, in.judge ? in.judge->value : -1,
                     in.judge && in.judge->assumption());
            for (Compulsion c : in.compels) out.line("compels", c);
        }
    }
    for (const Service& service : s.services) {
        bool any = service.dead_end || service.notifies_user;
        for (const auto& [kind, terms] : service.honours)
            any = any || terms.voluntary || !terms.requires_records.empty() || !terms.turnaround;
        any = any || !service.instrument_terms.empty();
        for (const Record& r : service.records) any = any || r.deleted_at;
        if (!any) continue;
        out.line("service", service.entity, service.dead_end, service.notifies_user);
        for (const auto& [kind, terms] : service.honours) {
            out.line("terms", kind, terms.voluntary, terms.turnaround.value_or(-1));
            for (const std::string& r : terms.requires_records) out.line("requires", r);
        }
        for (const auto& [id, terms] : service.instrument_terms) {
            out.line("instrument_terms", id, terms.voluntary, terms.turnaround.value_or(-1));
            for (RecordKind k : terms.returns) out.line("returns", k);
            for (const std::string& r : terms.requires_records) out.line("requires", r);
        }
        for (const Record& r : service.records)
            if (r.deleted_at) out.line("deleted", r.id, *r.deleted_at);
    }
    for (const ScheduledEvent& e : s.events)
        if (!e.tip_off.empty()) out.line("tip_off", e.id, e.tip_off, e.reaction, e.scheduled);
    for (const Objective& o : s.rubric.objectives)
        for (const Condition& c : o.conditions)
            if (!c.legal_instrument.empty())
                out.line("condition", o.id, c.kind, c.legal_instrument);
    const PenaltyRates& p = s.rubric.penalties;
    const PenaltyRates defaults;
    if (p.dead_end_request != defaults.dead_end_request ||
        p.weak_justification != defaults.weak_justification ||
        p.unsupported_request != defaults.unsupported_request)
        out.line("penalties", p.dead_end_request, p.weak_justification, p.unsupported_request);
    const JustificationRule& j = s.rubric.justification;
    if (!j.cite.empty() || j.min_characters != JustificationRule{}.min_characters) {
        out.line("justification", j.min_characters, j.missing);
        for (JustificationElement e : j.cite) out.line("cite", e);
        for (const std::string& b : j.bases) out.line("basis", b);
        for (Instrument i : j.instruments) out.line("applies", i);
    }
    return out.text();
}

}  // namespace mt
