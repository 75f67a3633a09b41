#pragma once
// A jurisdiction pack: the legal instruments of one country as data (assets/jurisdictions/*.yaml),
// each with its real name, legal basis, issuer, judicial control, required evidence, reach and
// turnaround. A case names its home pack; the session reads the instrument a request uses from it.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "model/text.hpp"
#include "model/time.hpp"
#include "model/vocabulary.hpp"

namespace mt {

// Who signs the instrument.
enum class Issuer : std::uint8_t { Prosecutor, Judge, Fiu, Police, CentralAuthority };

// Whom it binds: services at home only (compulsory process), services abroad through a treaty's
// central authorities, or nobody (a request the recipient may answer of its own accord).
enum class Reach : std::uint8_t { Domestic, Treaty, Voluntary };

// What it compels the recipient to do.
enum class Compulsion : std::uint8_t {
    Records,
    Preservation,
    Freeze,
    Seizure,
    EmergencyDisclosure
};

// A duration with where it comes from: a public source, or nothing, in which case it is a
// training assumption and the trainee is told so.
struct SourcedDuration {
    SimSeconds value = 0;
    std::string source;  // URL or citation; empty = training assumption
    bool assumption() const { return source.empty(); }
};

struct LegalInstrument {
    std::string id;  // stable, used in actions and journals: "mx-aseguramiento"
    // What the engine does with it (which terms of a service apply, freeze or records): the
    // vocabulary every case and journal already uses, so old journals map onto the pack.
    Instrument kind = Instrument::Preservation;
    LocalizedText name;         // its real name, in English and Spanish
    LocalizedText legal_basis;  // "CNPP art. 229"
    std::string basis_source;   // where the legal basis is published (URL)
    Issuer issuer = Issuer::Prosecutor;
    // A judge must authorise it first; the authorisation takes this long.
    std::optional<SourcedDuration> judge;
    // The request must cite evidence (a record in the casefile, named among its identifiers)
    // before it is sent or granted; a court refuses it otherwise.
    bool requires_evidence = false;
    std::vector<Compulsion> compels;
    Reach reach = Reach::Domestic;
    SourcedDuration turnaround;  // the recipient's answer once served, unless the case overrides
    // Preservation: how long the records are kept.
    SimSeconds preserves_for = 0;
    // The order can forbid the recipient to tell its user (a non-disclosure clause).
    bool forbids_notice = false;
    LocalizedText note;  // what the trainee should know about it (shown with the name)
};

struct JurisdictionPack {
    std::string id;       // file name: "mx"
    std::string country;  // ISO 3166 alpha-2: "MX"
    LocalizedText name;
    LocalizedText court;              // who authorises orders: "juez de control"
    LocalizedText central_authority;  // who sends and receives MLAT requests
    std::vector<LegalInstrument> instruments;

    const LegalInstrument* find(std::string_view instrument_id) const;
    // The pack's instrument for a generic kind (the first listed), for actions and journals that
    // name the kind only.
    const LegalInstrument* first_of(Instrument kind) const;
    bool empty() const { return instruments.empty(); }
};

std::string_view name_of(Issuer v);
std::string_view name_of(Reach v);
std::string_view name_of(Compulsion v);

}  // namespace mt
