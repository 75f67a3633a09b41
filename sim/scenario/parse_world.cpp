// Who is who: entities and their addresses, the services they run (what each honours and the
// records it holds) and the funds custodians hold.
#include <array>
#include <map>

#include "scenario/load_state.hpp"

namespace mt::scenario_detail {
namespace {

constexpr std::array<std::string_view, 4> kDisclosures{"public", "lookup", "legal", "hidden"};
constexpr std::array<std::string_view, 2> kCustodies{"account", "address"};  // Custody order
// How an instrument's terms are written, named in messages (an argument: braces in a catalogue
// are placeholders).
constexpr const char* kTermsShape = "{turnaround_hours, returns}";

// An entity address: "bc1q..." (its chain is where it appears in a transaction) or
// {address, chain} for one that appears in none.
std::optional<AddressId> read_entity_address(LoadState& state, const Slot& item) {
    YamlReader& yaml = state.yaml;
    if (item.node.IsMap()) {
        MapReader map(yaml, item, "case_error.what.entity_address", {"address", "chain"});
        auto address_slot = map.need("address");
        auto chain_slot = map.need("chain");
        std::optional<std::string> text;
        std::optional<ChainId> chain;
        if (address_slot) text = yaml.address(*address_slot);
        if (chain_slot) chain = resolve_chain(state, *chain_slot);
        if (!text || !chain) return std::nullopt;
        return state.intern(*text, *chain, [&] { return yaml.where(*address_slot); });
    }
    auto text = yaml.address(item);
    if (!text) return std::nullopt;
    if (auto id = state.scenario.ledger.find_address(*text)) return id;
    state.missing_from_ledger(
        item, Message("case_error.world.address_without_chain").arg("address", *text));
    return std::nullopt;
}

}  // namespace

void read_entities(LoadState& state, MapReader& root) {
    YamlReader& yaml = state.yaml;
    Scenario& scenario = state.scenario;
    std::map<AddressId, std::string> owner;  // address -> entity id, to report shared addresses
    if (auto s = root.need("entities")) {
        if (auto items = yaml.list(*s, "case_error.what.entities")) {
            for (const Slot& item : *items) {
                MapReader map(
                    yaml, item, "case_error.what.entity",
                    {"id", "kind", "name", "jurisdiction", "attribution", "involved", "addresses"});
                if (!map.is_map()) continue;
                Entity entity;
                bool ok = true;
                std::optional<std::string> id;
                if (auto v = map.need("id")) id = yaml.id(*v, "case_error.what.entity_id");
                if (auto v = map.need("kind")) {
                    auto kind = yaml.vocabulary<EntityKind>(*v, "case_error.what.entity_kind");
                    if (kind) entity.kind = *kind;
                    ok = ok && kind.has_value();
                }
                if (auto v = map.need("name")) {
                    auto name = yaml.localized(*v);
                    if (name) entity.name = std::move(*name);
                    ok = ok && name.has_value();
                }
                if (auto v = map.get("jurisdiction")) {
                    auto code = read_country(yaml, *v);
                    if (code) entity.jurisdiction = *code;
                    ok = ok && code.has_value();
                }
                if (auto v = map.need("attribution")) {
                    auto d = yaml.choice(*v, kDisclosures, "case_error.what.attribution");
                    if (d) entity.attribution = static_cast<Disclosure>(*d);
                    ok = ok && d.has_value();
                }
                if (auto v = map.need("involved")) {
                    auto involved = yaml.boolean(*v);
                    if (involved) entity.involved = *involved;
                    ok = ok && involved.has_value();
                }
                if (auto v = map.get("addresses")) {
                    if (auto addresses = yaml.list(*v, "case_error.what.addresses")) {
                        for (const Slot& a : *addresses) {
                            auto address = read_entity_address(state, a);
                            if (!address) continue;
                            auto [it, inserted] = owner.try_emplace(*address, id.value_or("?"));
                            if (!inserted) {
                                yaml.error(a, Message("case_error.world.address_owned")
                                                  .arg("address",
                                                       scenario.ledger.address_text(*address).str())
                                                  .arg("entity", it->second));
                                continue;
                            }
                            entity.addresses.push_back(*address);
                        }
                    }
                }
                if (!id) continue;
                if (scenario.find_entity(*id) != nullptr) {
                    yaml.error(*map.get("id"),
                               Message("case_error.world.entity_twice").arg("id", *id));
                    continue;
                }
                entity.id = *id;
                (void)ok;  // a partly wrong entity is kept so references to it do not cascade
                scenario.entities.push_back(std::move(entity));
            }
        }
    }
    for (const auto& [asset, slot] : state.issuer_refs) {
        const std::string& issuer = scenario.ledger.asset(asset).issuer;
        if (scenario.find_entity(issuer) == nullptr)
            yaml.error(slot, Message("case_error.world.unknown_issuer").arg("id", issuer));
    }
}

void read_services(LoadState& state, MapReader& root) {
    YamlReader& yaml = state.yaml;
    Scenario& scenario = state.scenario;
    auto items = section_items(state, root, "services", "case_error.what.services");
    if (!items) return;
    for (const Slot& item : *items) {
        MapReader map(yaml, item, "case_error.what.service",
                      {"entity", "honours", "decline_reason", "decline_turnaround_hours", "records",
                       "dead_end", "notifies_user"});
        if (!map.is_map()) continue;
        Service service;
        if (auto v = map.need("entity")) {
            if (auto id = yaml.id(*v, "case_error.what.entity_id")) {
                if (scenario.find_entity(*id) == nullptr)
                    yaml.error(*v, Message("case_error.world.unknown_entity").arg("id", *id));
                else if (scenario.find_service(*id) != nullptr)
                    yaml.error(*v, Message("case_error.world.service_twice").arg("id", *id));
                else
                    service.entity = *id;
            }
        }
        if (auto v = map.need("honours")) {
            std::vector<std::string_view> names;
            for (Instrument i : all_values<Instrument>()) names.push_back(name_of(i));
            if (v->node.IsMap()) {
                for (const auto& kv : v->node) {
                    const YAML::Mark key_mark = kv.first.Mark();
                    const std::string key =
                        kv.first.IsScalar() ? kv.first.Scalar() : std::string("?");
                    Slot key_slot{kv.first, child_path(v->path, key), key_mark};
                    auto instrument = read_instrument_key(state, key_slot);
                    Slot terms_slot{kv.second, key_slot.path,
                                    kv.second.IsNull() ? key_mark : kv.second.Mark()};
                    MapReader terms_map(yaml, terms_slot, "case_error.what.instrument_terms",
                                        {"turnaround_hours", "returns", "voluntary", "requires"});
                    if (!instrument || !terms_map.is_map()) continue;
                    // A pack instrument other than its kind's first has terms of its own.
                    const LegalInstrument* legal = scenario.jurisdiction.find(key);
                    const bool own = legal && scenario.jurisdiction.first_of(*instrument) != legal;
                    if (own ? service.instrument_terms.count(key) != 0
                            : service.honours.count(*instrument) != 0) {
                        yaml.error(
                            key_slot,
                            Message("case_error.world.instrument_twice").arg("instrument", key));
                        continue;
                    }
                    ServiceTerms terms;
                    // With a pack, the turnaround may come from the pack's instrument.
                    terms.turnaround.reset();
                    const bool pack_has = scenario.jurisdiction.first_of(*instrument) != nullptr;
                    if (auto t = pack_has ? terms_map.get("turnaround_hours")
                                          : terms_map.need("turnaround_hours"))
                        if (auto d = yaml.duration(*t, hours(1))) terms.turnaround = *d;
                    if (auto r = terms_map.get("requires")) {
                        if (auto ids = yaml.list(*r, "case_error.what.record_ids")) {
                            for (const Slot& k : *ids)
                                if (auto id = yaml.id(k, "case_error.what.record_id")) {
                                    terms.requires_records.push_back(*id);
                                    state.required_record_refs.emplace_back(*id, k);
                                }
                        }
                    }
                    if (auto r = terms_map.get("returns")) {
                        if (auto kinds = yaml.list(*r, "case_error.what.record_kinds")) {
                            for (const Slot& k : *kinds)
                                if (auto kind = yaml.vocabulary<RecordKind>(
                                        k, "case_error.what.record_kind"))
                                    terms.returns.push_back(*kind);
                        }
                    }
                    if (auto f = terms_map.get("voluntary"))
                        if (auto b = yaml.boolean(*f)) terms.voluntary = *b;
                    if (own)
                        service.instrument_terms.emplace(key, std::move(terms));
                    else
                        service.honours.emplace(*instrument, std::move(terms));
                }
            } else {
                yaml.error(*v, Message("case_error.world.honours_not_map")
                                   .arg("instruments", join_names(names))
                                   .arg("terms", kTermsShape));
            }
        }
        if (auto v = map.need("decline_reason"))
            if (auto text = yaml.localized(*v)) service.decline_reason = std::move(*text);
        if (auto v = map.get("dead_end"))
            if (auto b = yaml.boolean(*v)) service.dead_end = *b;
        if (auto v = map.get("notifies_user"))
            if (auto b = yaml.boolean(*v)) service.notifies_user = *b;
        if (auto v = map.get("decline_turnaround_hours"))
            if (auto d = yaml.duration(*v, hours(1))) service.decline_turnaround = *d;
        if (auto v = map.get("records")) {
            if (auto records = yaml.list(*v, "case_error.what.records")) {
                for (const Slot& r : *records) {
                    MapReader rm(
                        yaml, r, "case_error.what.record",
                        {"id", "kind", "subject", "content", "reveals_entity", "deleted_at"});
                    if (!rm.is_map()) continue;
                    Record record;
                    std::optional<std::string> id;
                    if (auto f = rm.need("id")) id = yaml.id(*f, "case_error.what.record_id");
                    if (auto f = rm.need("kind"))
                        if (auto kind =
                                yaml.vocabulary<RecordKind>(*f, "case_error.what.record_kind"))
                            record.kind = *kind;
                    if (auto f = rm.need("subject"))
                        if (auto address = state.known_address(*f)) record.subject = *address;
                    if (auto f = rm.need("content"))
                        if (auto text = yaml.localized(*f)) record.content = std::move(*text);
                    if (auto f = rm.get("reveals_entity")) {
                        if (auto entity = yaml.id(*f, "case_error.what.entity_id")) {
                            if (scenario.find_entity(*entity) == nullptr)
                                yaml.error(
                                    *f,
                                    Message("case_error.world.unknown_entity").arg("id", *entity));
                            else
                                record.reveals_entity = *entity;
                        }
                    }
                    if (auto f = rm.get("deleted_at"))
                        if (auto t = yaml.time(*f, state.start_unix)) record.deleted_at = *t;
                    if (!id) continue;
                    if (!state.record_ids.insert(*id).second) {
                        yaml.error(*rm.get("id"),
                                   Message("case_error.world.record_twice").arg("id", *id));
                        continue;
                    }
                    record.id = *id;
                    service.records.push_back(std::move(record));
                }
            }
        }
        if (!service.entity.empty()) scenario.services.push_back(std::move(service));
    }
    for (const auto& [id, slot] : state.required_record_refs)
        if (!state.record_ids.count(id))
            yaml.error(slot, Message("case_error.world.unknown_record").arg("id", id));
}

void read_holdings(LoadState& state, MapReader& root) {
    YamlReader& yaml = state.yaml;
    Scenario& scenario = state.scenario;
    auto items = section_items(state, root, "holdings", "case_error.what.holdings");
    if (!items) return;
    const Ledger& ledger = scenario.ledger;
    for (const Slot& item : *items) {
        MapReader map(yaml, item, "case_error.what.holding",
                      {"id", "custodian", "custody", "subject", "asset", "amount", "value_usd",
                       "description", "unrecoverable"});
        if (!map.is_map()) continue;
        Holding holding;
        std::optional<std::string> id;
        if (auto v = map.need("id")) id = yaml.id(*v, "case_error.what.holding_id");
        if (auto v = map.need("custodian")) {
            if (auto entity = yaml.id(*v, "case_error.what.entity_id")) {
                if (scenario.find_entity(*entity) == nullptr)
                    yaml.error(*v,
                               Message("case_error.world.unknown_custodian").arg("id", *entity));
                else if (scenario.find_service(*entity) == nullptr)
                    yaml.error(
                        *v,
                        Message("case_error.world.custodian_without_service").arg("id", *entity));
                else
                    holding.custodian = *entity;
            }
        }
        // A token issuer freezes an address's balance; everyone else named here keeps accounts.
        const Entity* custodian = scenario.find_entity(holding.custodian);
        if (custodian && custodian->kind == EntityKind::StablecoinIssuer)
            holding.custody = Custody::Address;
        if (auto v = map.get("custody"))
            if (auto c = yaml.choice(*v, kCustodies, "case_error.what.custody"))
                holding.custody = static_cast<Custody>(*c);
        bool subject_known = false;
        if (auto v = map.need("subject")) {
            if (auto address = state.known_address(*v)) {
                holding.subject = *address;
                subject_known = true;
            }
        }
        std::optional<AssetId> asset;
        if (auto v = map.need("asset")) asset = resolve_asset(state, *v);
        if (asset) holding.asset = *asset;
        std::optional<Slot> amount_slot = map.get("amount");
        if (amount_slot && asset) {
            const Asset& a = ledger.asset(*asset);
            if (auto amount = yaml.amount(*amount_slot, a.decimals, a.symbol))
                holding.amount = *amount;
        }
        if (auto v = map.need("value_usd")) {
            if (auto cents = yaml.amount(*v, 2, "USD")) {
                if (*cents > Units{1'000'000'000'000'000})
                    yaml.error(*v, Message("case_error.world.value_out_of_range")
                                       .arg("max", "10,000,000,000,000"));
                else
                    holding.value_usd_cents = static_cast<std::int64_t>(*cents);
            }
        }
        if (auto v = map.need("description"))
            if (auto text = yaml.localized(*v)) holding.description = std::move(*text);
        if (auto v = map.get("unrecoverable")) {
            if (auto text = yaml.localized(*v)) {
                if (text->empty()) yaml.error(*v, Message("case_error.world.unrecoverable_empty"));
                holding.unrecoverable = std::move(*text);
            }
        }
        if (!id) continue;
        if (scenario.find_holding(*id) != nullptr) {
            yaml.error(*map.get("id"), Message("case_error.world.holding_twice").arg("id", *id));
            continue;
        }
        holding.id = *id;
        state.holding_slots.push_back(
            {item, amount_slot, subject_known && asset && !holding.custodian.empty()});
        scenario.holdings.push_back(std::move(holding));
    }
}

}  // namespace mt::scenario_detail
