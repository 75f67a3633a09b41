#pragma once
// The trainee's casefile: everything they have discovered, obtained and written, and nothing else.
// It holds copies (strings and amounts), never references into the scenario, so whatever reads it
// (the UI, a seminar client, an export) cannot reach the hidden ground truth.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "model/action.hpp"
#include "model/message.hpp"
#include "model/money.hpp"
#include "model/prices.hpp"
#include "model/score.hpp"
#include "model/text.hpp"
#include "model/time.hpp"
#include "model/vocabulary.hpp"

namespace mt {

// An instrument of the case's jurisdiction pack as the trainee reads it when drafting a request:
// copies of the pack (with the case's timings), so the interface never reads the pack itself.
struct InstrumentGuide {
    std::string id;  // "mx-aseguramiento": what a legal_request names
    Instrument kind = Instrument::Preservation;
    LocalizedText name;               // its real name: "Aseguramiento"
    LocalizedText legal_basis;        // "CNPP art. 229"
    std::string issuer;               // prosecutor judge fiu police central_authority
    std::optional<SimSeconds> judge;  // a judge authorises it first, taking this long
    bool judge_assumed = false;       // no public source gives the judge's time
    bool requires_evidence = false;   // the request must cite a record of the casefile
    std::string reach;                // domestic treaty voluntary
    SimSeconds turnaround = 0;        // the pack's; a service's own terms may say otherwise
    bool turnaround_assumed = false;  // no public source gives it
    LocalizedText note;               // what the trainee should know; may be empty
};

struct CaseBriefing;
// The pack instrument a request names: by id, or the pack's first of `kind` when the id is empty
// (as the engine resolves it). Null in a case without a pack or for an unknown id.
const InstrumentGuide* find_instrument(const CaseBriefing& briefing, std::string_view id,
                                       Instrument kind);

struct CaseBriefing {
    std::string scenario_id;
    LocalizedText title;
    LocalizedText briefing;
    std::string difficulty;
    int estimated_minutes = 0;
    std::vector<LocalizedText> learning_objectives;
    std::vector<std::string> typologies;
    std::vector<LocalizedText> objective_titles;  // what will be scored, without the conditions
    std::string home_jurisdiction;
    std::int64_t start_unix = 0;
    SimSeconds time_budget = 0;
    int hints_available = 0;
    // The home jurisdiction pack's instruments and who authorises orders; empty in a case without
    // a pack (requests then use the generic instrument kinds).
    std::vector<InstrumentGuide> instruments;
    LocalizedText court;
    // USD quotes of the assets the case prices (public market data); empty when it gives none.
    std::vector<AssetPrices> prices;
};

// A label the trainee has established for an address, and how.
struct Attribution {
    std::string entity_id;
    LocalizedText name;
    EntityKind kind = EntityKind::Unknown;
    std::string jurisdiction;
    std::string source;  // "public", "lookup", or the record id that established it
};

struct KnownBalance {
    std::string asset;  // symbol
    int decimals = 0;
    Units amount = 0;
};

struct KnownAddress {
    std::string address;
    std::string chain;
    std::optional<Attribution> attribution;
    std::vector<KnownBalance> balances;  // as shown by the explorer when last explored
    SimSeconds balance_at = 0;
    std::size_t transaction_total = 0;  // how many transactions the explorer lists in all
    bool explored_in = false;           // incoming transactions listed
    bool explored_out = false;          // outgoing transactions listed
    std::string note;
    std::vector<std::string> tags;
    SimSeconds first_seen = 0;
};

struct KnownLeg {
    std::string address;
    Units amount = 0;
};

struct KnownTransaction {
    std::string id;
    std::string chain;
    std::string asset;  // symbol
    int decimals = 0;
    SimSeconds time = 0;
    Units fee = 0;
    std::string fee_asset;
    int fee_decimals = 0;
    std::vector<KnownLeg> inputs;
    std::vector<KnownLeg> outputs;
    std::string note;
    std::vector<std::string> tags;
};

struct KnownService {
    std::string entity_id;
    LocalizedText name;
    EntityKind kind = EntityKind::Unknown;
    std::string jurisdiction;
    std::vector<Instrument> published_instruments;  // from its law-enforcement guide
};

enum class RequestStatus : std::uint8_t { Pending, Fulfilled, Declined, Frozen, NothingFound };
std::string_view name_of(RequestStatus v);

struct ObtainedRecord {
    std::string id;
    RecordKind kind = RecordKind::Kyc;
    std::string subject;  // address text
    LocalizedText content;
};

struct LegalRequestFile {
    std::string id;  // "req-1"
    Instrument instrument = Instrument::Preservation;
    // The jurisdiction pack's instrument used (empty in cases without a pack) and its real name.
    std::string legal_instrument;
    LocalizedText instrument_name;
    // Set when a timing of this request (the judge's, or the pack's turnaround) comes from no
    // public source: the trainee is told it is a training assumption ("legal.timing.assumption").
    Message timing_note;
    std::string service;  // entity id
    LocalizedText service_name;
    std::vector<std::string> identifiers;
    std::string justification;
    SimSeconds sent_at = 0;
    SimSeconds due_at = 0;
    RequestStatus status = RequestStatus::Pending;
    Message response;  // the covering letter of whoever answered
    std::vector<ObtainedRecord> records;
};

struct AnalysisRow {
    std::string subject;  // address or tx id
    std::string value;    // formatted amount or label
    // Share, hops, heuristic evidence, in words: parts shown joined by " · ".
    std::vector<Message> detail;
    bool transaction = false;  // the subject is a transaction id, not an address
    // The same facts as data, so views can draw them without reading the words.
    // Taint: the tainted share in [0, 1] of what an address received, or of a transaction's
    // outputs.
    std::optional<double> share = std::nullopt;
    // Taint: hops from the source (0 for the source transaction itself); peel chain: the hop.
    std::optional<std::uint32_t> hops = std::nullopt;
    // Cluster: what put the address in the cluster: "subject" (the address analysed),
    // "common_input", or "change:" followed by the change heuristics' names joined with '+'.
    // Flow patterns: the pattern the address is a counterparty in: "fan_in", "fan_out" or
    // "consolidation".
    std::string evidence = {};
    // Cluster: the link came from a CoinJoin, where common-input ownership does not hold.
    bool via_coinjoin = false;
};

struct AnalysisReport {
    std::string id;  // "analysis-1"
    AnalysisTool tool = AnalysisTool::Taint;
    std::string method;
    std::string subject;
    SimSeconds at = 0;
    std::vector<Message> summary;  // sentences, shown joined by spaces
    std::vector<AnalysisRow> rows;
};

enum class TimelineKind : std::uint8_t { Action, Response, Event, Message, Checkpoint };
std::string_view name_of(TimelineKind v);

struct TimelineEntry {
    SimSeconds at = 0;
    TimelineKind kind = TimelineKind::Action;
    Message text;  // worded by the interface; case text travels inside as arguments
};

struct CheckpointOptionView {
    std::string id;
    LocalizedText text;
};

struct OpenCheckpoint {
    std::string id;
    std::string kind;  // "choice", "address", "entity", "transaction"
    LocalizedText question;
    std::vector<CheckpointOptionView> options;
    std::optional<std::string> answer;
};

// One of the adversary's scheduled moves of funds, released with the debrief (after submit) so the
// trainee can set their own timing against it.
struct AdversaryMove {
    SimSeconds at = 0;        // when the adversary moves (or would move) the holding
    LocalizedText holding;    // what: "0.4 BTC at Offshorex"
    LocalizedText custodian;  // the service holding it
    bool due = false;         // the clock reached the move before the trainee submitted
    bool prevented = false;   // a freeze took hold first, so the funds stayed
    // When the trainee's first freeze or seizure of it was answered: it took hold, or came too
    // late.
    std::optional<SimSeconds> freeze_landed_at;
    // When a service served with the trainee's request told its user (a tip-off), and who: the
    // move then came early. Never in the casefile before submission.
    std::optional<SimSeconds> tip_off_at;
    LocalizedText tipped_by;
};

// How the trainee reads one step of the expert's path, released with it after submit: the names
// of what the step refers to, so the debrief never shows an id. Empty where a step has none.
struct ExpertStepText {
    LocalizedText service;     // a legal request's addressee, by its display name
    LocalizedText instrument;  // the jurisdiction pack's name of the instrument (or empty)
    LocalizedText question;    // an answered question
    LocalizedText answer;      // the chosen option's text, or the named entity
};

struct Casefile {
    CaseBriefing briefing;
    SimSeconds now = 0;
    std::map<std::string, KnownAddress> addresses;
    std::map<std::string, KnownTransaction> transactions;
    std::map<std::string, KnownService> services;
    std::vector<LegalRequestFile> requests;
    std::vector<AnalysisReport> analyses;
    std::vector<OpenCheckpoint> checkpoints;
    std::vector<LocalizedText> hints;
    std::vector<TimelineEntry> timeline;
    std::vector<LocalizedText> frozen;  // confirmations of funds held
    std::size_t actions_taken = 0;
    bool submitted = false;
    std::optional<ScoreReport> score;     // only after submit
    std::vector<Action> expert_solution;  // only after submit, for the debrief
    LocalizedText expert_summary;         // only after submit
    // Only after submit: the simulated time at which the expert took each step of
    // expert_solution, and the adversary's moves, for the debrief's time line.
    std::vector<SimSeconds> expert_times;
    std::vector<ExpertStepText> expert_texts;  // by step of expert_solution
    std::vector<AdversaryMove> adversary_moves;
};

// The whole casefile as JSON (model/json.hpp): the only thing a seminar client receives about its
// session.
nlohmann::json to_json(const Casefile& casefile);

struct CasefileParse {
    std::optional<Casefile> casefile;
    // "casefile: (/addresses/3/chain) ...": the JSON path and what was wrong (json_error.*)
    Message error;
};
// The inverse of to_json. Never throws: a malformed casefile yields an error naming the path.
CasefileParse casefile_from_json(const nlohmann::json& json);

}  // namespace mt
