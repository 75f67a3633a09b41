#pragma once
// The ground truth of a case study: who owns what, what each service holds and does, what the
// adversary will do, the answer key and the rubric. Only the engine (sim/session, sim/scenario)
// reads these types; the UI and any networked client see the trainee's Casefile instead.
#include <cstdint>
#include <limits>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "model/action.hpp"
#include "model/jurisdiction.hpp"
#include "model/justification_rule.hpp"
#include "model/ledger.hpp"
#include "model/money.hpp"
#include "model/prices.hpp"
#include "model/text.hpp"
#include "model/time.hpp"
#include "model/vocabulary.hpp"

namespace mt {

// How a trainee can learn a fact.
enum class Disclosure : std::uint8_t {
    Public,  // visible as soon as the address is explored (block-explorer labels, public tags)
    Lookup,  // revealed by the attribution lookup tool
    Legal,   // only in records returned by legal process
    Hidden,  // never shown to the trainee (it is there for scoring and the debrief)
};

struct Entity {
    std::string id;
    EntityKind kind = EntityKind::Unknown;
    LocalizedText name;
    std::string jurisdiction;  // ISO 3166 alpha-2 code, "MX", "US", "SC"; empty = unknown
    std::vector<AddressId> addresses;
    Disclosure attribution = Disclosure::Hidden;  // how "this address belongs to <name>" is learned
    bool involved = false;  // part of the crime's money trail (the answer key for proportionality)
};

// A document a service can hand over, about one subject address.
struct Record {
    std::string id;
    RecordKind kind = RecordKind::Kyc;
    AddressId subject = 0;
    LocalizedText content;
    std::string reveals_entity;  // entity whose identity this record establishes (empty: none)
    // When the service deletes it under its retention policy, unless a preservation request took
    // effect before then; empty = kept for the whole case.
    std::optional<SimSeconds> deleted_at{};
};

// What one instrument gets from one service.
struct ServiceTerms {
    // How long the service takes to answer once served; empty = the jurisdiction pack's
    // turnaround for the instrument used.
    std::optional<SimSeconds> turnaround = hours(24);
    std::vector<RecordKind>
        returns;  // record kinds handed over; empty for preservation and freezes
    // A service abroad that answers this instrument of its own accord (as large exchanges do):
    // sending it is no jurisdiction mistake.
    bool voluntary = false;
    // Records (ids) the casefile must hold before this instrument can be sent here ("no seizure
    // before the key is found"); a request without them is refused with the reason.
    std::vector<std::string> requires_records{};
};

// A service's behaviour toward the trainee's agency.
struct Service {
    std::string entity;  // the entity operating it
    std::map<Instrument, ServiceTerms> honours;
    // Terms for one instrument of the pack that is not the first of its kind (the UIF's
    // blocked-persons list beside a freeze request): they apply to that instrument only, in place
    // of the kind's terms. The first of a kind is the kind itself, so it is keyed in `honours`.
    std::map<std::string, ServiceTerms, std::less<>> instrument_terms{};
    LocalizedText decline_reason;  // said when an instrument is not honoured
    SimSeconds decline_turnaround = hours(48);
    std::vector<Record> records;
    // The terms that apply to a request of `kind`, sent as the pack instrument `instrument_id`
    // (empty without a pack): that instrument's own, else the kind's; null when not honoured.
    const ServiceTerms* terms_for(Instrument kind, std::string_view instrument_id) const;
    // Nobody there can answer anything (a CoinJoin coordinator keeps no records): every request is
    // declined with decline_reason and scored as a dead end.
    bool dead_end = false;
    // Tells its user when served with a request, unless the instrument forbids it (a tip-off the
    // adversary can react to: see ScheduledEvent::tip_off).
    bool notifies_user = false;
};

// How a custodian holds funds, which decides what a freeze or seizure catches when it takes effect.
enum class Custody : std::uint8_t {
    // An exchange account credited by deposits to the subject address when they arrive on chain.
    // Sweeps to hot wallets and trades inside the exchange do not change it; a freeze holds the
    // balance and every deposit credited while it lasts, never funds already withdrawn.
    Account,
    // The subject address's on-chain balance: a token issuer's freeze or a seizure by whoever holds
    // the key acts on what the address holds at that moment.
    Address,
};

// The USD quotes of one asset (`prices:`), sorted by time: public market data, copied into the
// trainee's casefile; they change no rule or score.
struct AssetPriceSeries {
    AssetId asset = 0;
    std::vector<PriceQuote> quotes;
};

// Funds held by a custodian (an exchange account, a token balance an issuer can freeze).
struct Holding {
    std::string id;
    std::string custodian;  // entity id of the service that can freeze it
    AddressId subject = 0;  // the address that identifies it in a request
    AssetId asset = 0;
    Units amount = 0;  // at stake: at most what the ledger puts in custody (checked on load)
    std::int64_t value_usd_cents = 0;  // of `amount`, for scoring recovery across assets
    LocalizedText description;
    Custody custody = Custody::Account;
    // Why nobody can recover it (a service abroad that never answers); empty when it can be
    // recovered. Recovery is scored against the recoverable holdings only.
    LocalizedText unrecoverable;

    bool recoverable() const { return unrecoverable.empty(); }
};

enum class EventKind : std::uint8_t { MoveFunds, Message };

// The time of an event that only a tip-off can set off.
inline constexpr SimSeconds kNever = std::numeric_limits<SimSeconds>::max();

// Something that happens at a simulated time whether or not the trainee is watching.
struct ScheduledEvent {
    std::string id;
    EventKind kind = EventKind::Message;
    SimSeconds at = 0;
    std::string holding;  // MoveFunds: the holding that leaves unless frozen first
    bool visible = true;  // whether the trainee is told when it happens
    LocalizedText message;
    // MoveFunds: the ledger transaction that is the move (at `at`); it never happens on chain when
    // the holding was frozen first. kNoTx: an off-chain withdrawal from an exchange account.
    TxIndex transaction = kNoTx;
    // MoveFunds: set when the adversary moves because this service told its user of a request;
    // the move happens `reaction` after the notice (or at `at`, whichever comes first). An event
    // with a tip-off and no `at` happens only after a notice.
    std::string tip_off{};
    SimSeconds reaction = 0;
    bool scheduled = true;  // false when only a tip-off can set it off
};

enum class CheckpointKind : std::uint8_t { Choice, Address, Entity, Transaction };

struct CheckpointOption {
    std::string id;
    LocalizedText text;
};

struct Checkpoint {
    std::string id;
    CheckpointKind kind = CheckpointKind::Choice;
    SimSeconds opens_at = 0;  // asked from this simulated time on
    LocalizedText question;
    std::vector<CheckpointOption> options;  // Choice only
    std::string answer;                     // option id, address text, entity id or tx id
    LocalizedText explanation;              // shown in the debrief
};

enum class ConditionKind : std::uint8_t {
    CheckpointCorrect,  // target: checkpoint id
    RecordObtained,     // target: record id
    HoldingFrozen,      // target: holding id
    AddressDiscovered,  // target: address text
    EntityIdentified,   // target: entity id
    RequestSent,        // target: service entity id; instrument; before (optional)
    FirstRequest,       // target: service entity id the first request goes to; instrument
    EvidenceFirst,      // target: record id obtained before any request (of instrument) was sent
};

struct Condition {
    ConditionKind kind = ConditionKind::CheckpointCorrect;
    std::string target;
    std::optional<Instrument> instrument;
    std::optional<SimSeconds> before;
    std::string legal_instrument{};  // a pack instrument id: only that instrument matches
};

struct Objective {
    std::string id;
    LocalizedText title;
    int points = 0;
    std::vector<Condition> conditions;  // all must hold
    LocalizedText debrief;
};

struct PenaltyRates {
    int uninvolved_request = 10;  // a request to a service with nothing on any identifier given
    int overbroad_request = 5;    // a request naming identifiers the service holds nothing on
    int wrong_instrument = 5;     // an instrument the service does not honour
    int wrong_jurisdiction = 8;   // a domestic compulsory instrument sent to a foreign service
    int dead_end_request = 5;     // a request to a service nobody at which can answer
    int weak_justification = 5;   // a justification lacking what rubric.justification requires
    int unsupported_request = 5;  // an order sent without the evidence it needs (refused)
    int hint = 3;
    int per_hour_over_budget = 1;
    int max_time_penalty = 20;
};

struct GradeBand {
    int min_percent = 0;
    LocalizedText label;
};

struct Rubric {
    std::vector<Objective> objectives;
    PenaltyRates penalties;
    JustificationRule justification;
    int recovery_points = 0;        // scaled by frozen value / value of all holdings at stake
    std::vector<GradeBand> grades;  // highest min_percent first
};

struct ToolCosts {
    SimSeconds explore = minutes(5);
    SimSeconds lookup = minutes(15);
    SimSeconds analysis = minutes(45);
    SimSeconds draft_request = hours(1);
};

struct ScenarioInfo {
    std::string id;
    int format_version = 1;
    LocalizedText title;
    LocalizedText summary;
    LocalizedText briefing;
    std::string difficulty;  // "beginner", "intermediate", "advanced"
    int estimated_minutes = 30;
    std::vector<LocalizedText> learning_objectives;
    std::vector<std::string> typologies;
    std::string home_jurisdiction;  // where the trainee's agency sits
    std::int64_t start_unix = 0;    // the calendar instant of simulated time 0
    SimSeconds time_budget = hours(72);
    bool emergency_justified = false;  // whether a life is at risk (emergency disclosure allowed)
};

struct Scenario {
    ScenarioInfo info;
    // The home jurisdiction's instruments (empty for a case that names none: requests then use the
    // generic instruments and each service's own terms).
    JurisdictionPack jurisdiction;
    Ledger ledger;
    std::vector<Entity> entities;
    std::vector<Service> services;
    std::vector<Holding> holdings;
    std::vector<AssetPriceSeries> prices;
    std::vector<ScheduledEvent> events;  // sorted by time
    std::vector<Checkpoint> checkpoints;
    std::vector<LocalizedText> hints;
    std::vector<AddressId> start_addresses;  // known from the briefing
    std::vector<TxIndex> start_transactions;
    Rubric rubric;
    ToolCosts costs;
    std::vector<Action> expert_solution;
    LocalizedText expert_summary;

    const Entity* find_entity(std::string_view id) const;
    // The entity owning an address, or null. Constant time once index_owners() has run.
    const Entity* owner_of(AddressId address) const;
    // Builds the address -> owner index; call after entities and the ledger are complete.
    void index_owners();
    const Service* find_service(std::string_view entity_id) const;
    const Holding* find_holding(std::string_view id) const;
    const Checkpoint* find_checkpoint(std::string_view id) const;

  private:
    std::vector<std::int32_t> owner_index_;  // entity index per AddressId, -1 for none
};

// The legal world a session plays by, as canonical text for a fingerprint: the jurisdiction pack
// with the case's timings, the services' terms (voluntary answers, required records, dead ends,
// tip-offs), records' retention, tip-off reactions, the penalties and justification rule of legal
// requests and the rubric's pack instruments. Empty when the case uses none of them, so cases
// written before these rules keep their fingerprints.
std::string legal_world_text(const Scenario& s);

}  // namespace mt
