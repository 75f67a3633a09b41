#include "model/json.hpp"

#include <cstdint>
#include <limits>
#include <utility>

namespace mt {
namespace {

using nlohmann::json;

constexpr std::size_t kMaxString = 4096;
constexpr std::size_t kMaxList = 64;
constexpr std::size_t kMaxActionId = 64;

// Strict readers for what nlohmann would convert silently: an integer must be an integer in the
// field's range (not 3.7, not 2^40 into an int), an amount a non-negative decimal string.
template <typename Int>
Int integer(const json& value) {
    if (!value.is_number_integer()) reject_json(value, "an integer is expected");
    if (value.is_number_unsigned()) {
        const auto v = value.get<std::uint64_t>();
        if (!std::in_range<Int>(v)) reject_json(value, "the integer is out of range");
        return static_cast<Int>(v);
    }
    const auto v = value.get<std::int64_t>();
    if (!std::in_range<Int>(v)) reject_json(value, "the integer is out of range");
    return static_cast<Int>(v);
}

// Reads the member `key` of `object` into `into`; a missing member names its path.
template <typename T>
void field(const json& object, const char* key, T& into) {
    const json& value = object.at(key);
    if constexpr (std::is_integral_v<T> && !std::is_same_v<T, bool>)
        into = integer<T>(value);
    else
        value.get_to(into);
}

// A member the writer leaves out when it is empty or false.
template <typename T>
void optional_field(const json& object, const char* key, T& into) {
    if (const auto it = object.find(key); it != object.end() && !it->is_null())
        field(object, key, into);
}

// Amounts travel as decimal strings: 128-bit integers do not fit a JSON number.
json units_json(Units amount) {
    return to_string(amount);
}

Units units_field(const json& object, const char* key) {
    const json& value = object.at(key);
    // Balances, legs and fees are never negative on a ledger; parse_units alone would take "-5".
    const auto units = parse_units(value.get<std::string>());
    if (!units || *units < 0) reject_json(value, "a decimal count of base units is expected");
    return *units;
}

// A trainee's text in an action: bounded, so a hostile request cannot grow the journal unbounded.
void action_text(const json& object, const char* key, std::string& into, bool required) {
    if (!required && !object.contains(key)) return;
    field(object, key, into);
    if (into.size() > kMaxString) reject_json(object.at(key), "longer than 4096 bytes");
}

void action_list(const json& object, const char* key, std::vector<std::string>& into) {
    const auto it = object.find(key);
    if (it == object.end()) return;
    if (!it->is_array() || it->size() > kMaxList)
        reject_json(*it, "a list of at most 64 strings is expected");
    for (const json& item : *it) {
        into.push_back(item.get<std::string>());
        if (into.back().size() > kMaxString) reject_json(item, "longer than 4096 bytes");
    }
}

template <typename Enum>
void action_enum(const json& object, const char* key, Enum& into, bool required) {
    if (required || object.contains(key)) field(object, key, into);
}

// "instrument": a kind ("subpoena", as every journal has it) or a jurisdiction pack's instrument
// id ("mx-aseguramiento"), which the session resolves against the case's pack.
void action_instrument(const json& object, Action& a) {
    const json& value = object.at("instrument");
    if (!value.is_string()) reject_json(value, "an instrument name is expected");
    const std::string text = value.get<std::string>();
    if (auto kind = parse_enum<Instrument>(text)) {
        a.instrument = *kind;
        return;
    }
    const bool id_like =
        !text.empty() && text.size() <= 128 && std::all_of(text.begin(), text.end(), [](char c) {
            return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                   c == '-' || c == '_' || c == '.';
        });
    if (!id_like)
        reject_json(value, "an instrument kind or a jurisdiction pack's instrument id is expected");
    a.legal_instrument = text;
}

}  // namespace

void reject_json(const json& at, const std::string& what) {
    throw json::other_error::create(501, what, &at);
}

std::string json_error_text(const json::exception& error) {
    const std::string_view what = error.what();
    const auto end = what.find("] ");
    return std::string(what.starts_with("[json.exception.") && end != std::string_view::npos
                           ? what.substr(end + 2)
                           : what);
}

void to_json(json& j, const LocalizedText& t) {
    j = {{"en", t.en}, {"es", t.es}};
}

void from_json(const json& j, LocalizedText& t) {
    field(j, "en", t.en);
    field(j, "es", t.es);
}

void to_json(json& j, const CaseCard& c) {
    j = {{"id", c.id},
         {"title", c.title},
         {"summary", c.summary},
         {"difficulty", c.difficulty},
         {"estimated_minutes", c.estimated_minutes},
         {"typologies", c.typologies}};
}

void from_json(const json& j, CaseCard& c) {
    field(j, "id", c.id);
    field(j, "title", c.title);
    optional_field(j, "summary", c.summary);
    optional_field(j, "difficulty", c.difficulty);
    optional_field(j, "estimated_minutes", c.estimated_minutes);
    optional_field(j, "typologies", c.typologies);
}

// JSON shape: {"type":"explore_address","target":"bc1q...","direction":"out"}; the fields a type
// does not use are left out.
void to_json(json& j, const ActionOutcome& outcome) {
    j = {
        {"accepted", outcome.accepted}, {"reason_key", outcome.reason.key}, {"cost", outcome.cost}};
    if (!outcome.reason.empty()) j["reason"] = outcome.reason;
}

ActionOutcome outcome_from_reply(const json& body) {
    ActionOutcome outcome;
    if (!body.is_object()) return outcome;
    if (const auto accepted = body.find("accepted");
        accepted != body.end() && accepted->is_boolean())
        outcome.accepted = accepted->get<bool>();
    if (const auto cost = body.find("cost"); cost != body.end() && cost->is_number_integer())
        outcome.cost = cost->get<SimSeconds>();
    if (const auto reason = body.find("reason"); reason != body.end() && reason->is_object()) {
        try {
            outcome.reason = reason->get<Message>();
        } catch (const json::exception&) {
            outcome.reason = {};
        }
    }
    if (const auto key = body.find("reason_key");
        outcome.reason.empty() && key != body.end() && key->is_string())
        outcome.reason = Message(key->get<std::string>());
    return outcome;
}

void to_json(json& j, const Action& a) {
    j = {{"type", a.type}};
    switch (a.type) {
        case ActionType::ExploreAddress:
            j["target"] = a.target;
            j["direction"] = a.direction;
            if (a.page > 0) j["page"] = a.page;  // left out for the first page, as journals had it
            break;
        case ActionType::ExploreTransaction:
        case ActionType::Lookup:
            j["target"] = a.target;
            break;
        case ActionType::RunAnalysis:
            j["tool"] = a.tool;
            j["target"] = a.target;
            if (a.tool == AnalysisTool::Taint) j["method"] = a.method;
            break;
        case ActionType::LegalRequest:
            if (a.legal_instrument.empty())
                j["instrument"] = a.instrument;
            else
                j["instrument"] = a.legal_instrument;
            j["target"] = a.target;
            j["identifiers"] = a.identifiers;
            j["text"] = a.text;
            break;
        case ActionType::AnswerCheckpoint:
            j["target"] = a.target;
            j["answer"] = a.answer;
            break;
        case ActionType::Annotate:
            j["target"] = a.target;
            j["text"] = a.text;
            j["tags"] = a.tags;
            break;
        case ActionType::Hint:
            break;
        case ActionType::Wait:
            j["duration"] = a.duration;
            break;
        case ActionType::Submit:
            j["text"] = a.text;
            break;
    }
    if (!a.id.empty()) j["id"] = a.id;
}

void from_json(const json& j, Action& out) {
    if (!j.is_object()) reject_json(j, "an action must be a JSON object");
    Action a;
    field(j, "type", a.type);
    switch (a.type) {
        case ActionType::ExploreAddress:
            action_text(j, "target", a.target, true);
            action_enum(j, "direction", a.direction, false);
            if (j.contains("page")) {
                field(j, "page", a.page);
                if (a.page > 1'000'000) reject_json(j.at("page"), "the page is at most 1000000");
            }
            break;
        case ActionType::ExploreTransaction:
        case ActionType::Lookup:
            action_text(j, "target", a.target, true);
            break;
        case ActionType::RunAnalysis:
            action_enum(j, "tool", a.tool, true);
            action_text(j, "target", a.target, true);
            action_enum(j, "method", a.method, false);
            break;
        case ActionType::LegalRequest:
            action_instrument(j, a);
            action_text(j, "target", a.target, true);
            action_list(j, "identifiers", a.identifiers);
            action_text(j, "text", a.text, false);
            break;
        case ActionType::AnswerCheckpoint:
            action_text(j, "target", a.target, true);
            action_text(j, "answer", a.answer, true);
            break;
        case ActionType::Annotate:
            action_text(j, "target", a.target, true);
            action_text(j, "text", a.text, false);
            action_list(j, "tags", a.tags);
            break;
        case ActionType::Hint:
            break;
        case ActionType::Wait:
            field(j, "duration", a.duration);
            if (a.duration <= 0 || a.duration > days(365))
                reject_json(j.at("duration"), "the duration must be between 1 second and 365 days");
            break;
        case ActionType::Submit:
            action_text(j, "text", a.text, false);
            break;
    }
    if (j.contains("id")) {
        field(j, "id", a.id);
        if (a.id.empty() || a.id.size() > kMaxActionId)
            reject_json(j.at("id"), "an action id has 1 to 64 characters");
    }
    out = std::move(a);
}

void to_json(json& j, const ObjectiveResult& o) {
    j = {{"id", o.id},
         {"title", o.title},
         {"points", o.points},
         {"earned", o.earned},
         {"debrief", o.debrief}};
}

void from_json(const json& j, ObjectiveResult& o) {
    field(j, "id", o.id);
    field(j, "title", o.title);
    field(j, "points", o.points);
    field(j, "earned", o.earned);
    field(j, "debrief", o.debrief);
}

void to_json(json& j, const PenaltyItem& p) {
    j = {{"kind", p.kind}, {"points", p.points}, {"detail", p.detail}};
}

void from_json(const json& j, PenaltyItem& p) {
    field(j, "kind", p.kind);
    field(j, "points", p.points);
    field(j, "detail", p.detail);
}

void to_json(json& j, const CheckpointResult& c) {
    j = {{"id", c.id},           {"question", c.question},     {"given", c.given},
         {"correct", c.correct}, {"is_correct", c.is_correct}, {"explanation", c.explanation}};
    if (!c.given_text.empty()) j["given_text"] = c.given_text;
    if (!c.correct_text.empty()) j["correct_text"] = c.correct_text;
}

void from_json(const json& j, CheckpointResult& c) {
    field(j, "id", c.id);
    field(j, "question", c.question);
    field(j, "given", c.given);
    field(j, "correct", c.correct);
    field(j, "is_correct", c.is_correct);
    field(j, "explanation", c.explanation);
    optional_field(j, "given_text", c.given_text);
    optional_field(j, "correct_text", c.correct_text);
}

void to_json(json& j, const UnrecoveredItem& u) {
    j = {{"holding", u.holding},
         {"description", u.description},
         {"value_usd_cents", u.value_usd_cents},
         {"reason", u.reason}};
}

void from_json(const json& j, UnrecoveredItem& u) {
    field(j, "holding", u.holding);
    field(j, "description", u.description);
    field(j, "value_usd_cents", u.value_usd_cents);
    field(j, "reason", u.reason);
}

void to_json(json& j, const ScoreReport& r) {
    j = {{"total", r.total},
         {"max", r.max},
         {"percent", r.percent},
         {"grade", r.grade},
         {"recovery",
          {{"points", r.recovery_points},
           {"earned", r.recovery_earned},
           {"frozen_usd_cents", r.frozen_usd_cents},
           {"at_stake_usd_cents", r.at_stake_usd_cents},
           {"recoverable_usd_cents", r.recoverable_usd_cents}}},
         {"unrecovered", r.unrecovered},
         {"objectives", r.objectives},
         {"penalties", r.penalties},
         {"checkpoints", r.checkpoints}};
}

void from_json(const json& j, ScoreReport& r) {
    field(j, "total", r.total);
    field(j, "max", r.max);
    field(j, "percent", r.percent);
    field(j, "grade", r.grade);
    const json& recovery = j.at("recovery");
    field(recovery, "points", r.recovery_points);
    field(recovery, "earned", r.recovery_earned);
    field(recovery, "frozen_usd_cents", r.frozen_usd_cents);
    field(recovery, "at_stake_usd_cents", r.at_stake_usd_cents);
    // Absent in scores written before recovery counted only what can be recovered.
    r.recoverable_usd_cents = r.at_stake_usd_cents;
    optional_field(recovery, "recoverable_usd_cents", r.recoverable_usd_cents);
    optional_field(j, "unrecovered", r.unrecovered);
    field(j, "objectives", r.objectives);
    field(j, "penalties", r.penalties);
    field(j, "checkpoints", r.checkpoints);
}

void to_json(json& j, const InstrumentGuide& g) {
    j = {{"id", g.id},
         {"kind", g.kind},
         {"name", g.name},
         {"legal_basis", g.legal_basis},
         {"issuer", g.issuer},
         {"reach", g.reach},
         {"turnaround", g.turnaround}};
    if (g.judge) j["judge"] = *g.judge;
    if (g.judge_assumed) j["judge_assumed"] = true;
    if (g.requires_evidence) j["requires_evidence"] = true;
    if (g.turnaround_assumed) j["turnaround_assumed"] = true;
    if (!g.note.empty()) j["note"] = g.note;
}

void from_json(const json& j, InstrumentGuide& g) {
    field(j, "id", g.id);
    field(j, "kind", g.kind);
    field(j, "name", g.name);
    field(j, "legal_basis", g.legal_basis);
    field(j, "issuer", g.issuer);
    field(j, "reach", g.reach);
    field(j, "turnaround", g.turnaround);
    if (j.contains("judge")) {
        SimSeconds judge = 0;
        field(j, "judge", judge);
        g.judge = judge;
    }
    optional_field(j, "judge_assumed", g.judge_assumed);
    optional_field(j, "requires_evidence", g.requires_evidence);
    optional_field(j, "turnaround_assumed", g.turnaround_assumed);
    optional_field(j, "note", g.note);
}

void to_json(json& j, const PriceQuote& q) {
    j = {{"at", q.at}, {"usd", units_json(q.usd)}};
}

void from_json(const json& j, PriceQuote& q) {
    field(j, "at", q.at);
    q.usd = units_field(j, "usd");
}

void to_json(json& j, const AssetPrices& p) {
    j = {{"chain", p.chain}, {"asset", p.asset}, {"quotes", p.quotes}};
}

void from_json(const json& j, AssetPrices& p) {
    field(j, "chain", p.chain);
    field(j, "asset", p.asset);
    field(j, "quotes", p.quotes);
    // price_at searches them by time.
    for (std::size_t i = 1; i < p.quotes.size(); ++i)
        if (p.quotes[i].at <= p.quotes[i - 1].at)
            reject_json(j.at("quotes"), "quotes in increasing time order are expected");
}

void to_json(json& j, const CaseBriefing& b) {
    j = {{"scenario_id", b.scenario_id},
         {"title", b.title},
         {"briefing", b.briefing},
         {"difficulty", b.difficulty},
         {"estimated_minutes", b.estimated_minutes},
         {"typologies", b.typologies},
         {"home_jurisdiction", b.home_jurisdiction},
         {"start_unix", b.start_unix},
         {"time_budget", b.time_budget},
         {"hints_available", b.hints_available}};
    if (!b.objective_titles.empty()) j["objectives"] = b.objective_titles;
    if (!b.learning_objectives.empty()) j["learning_objectives"] = b.learning_objectives;
    if (!b.instruments.empty()) {
        j["instruments"] = b.instruments;
        j["court"] = b.court;
    }
    if (!b.prices.empty()) j["prices"] = b.prices;
}

void from_json(const json& j, CaseBriefing& b) {
    field(j, "scenario_id", b.scenario_id);
    field(j, "title", b.title);
    field(j, "briefing", b.briefing);
    field(j, "difficulty", b.difficulty);
    field(j, "estimated_minutes", b.estimated_minutes);
    field(j, "typologies", b.typologies);
    field(j, "home_jurisdiction", b.home_jurisdiction);
    field(j, "start_unix", b.start_unix);
    field(j, "time_budget", b.time_budget);
    field(j, "hints_available", b.hints_available);
    optional_field(j, "objectives", b.objective_titles);
    optional_field(j, "learning_objectives", b.learning_objectives);
    optional_field(j, "instruments", b.instruments);
    optional_field(j, "court", b.court);
    // Absent in casefiles of cases without prices, and in those written before prices.
    optional_field(j, "prices", b.prices);
}

void to_json(json& j, const Attribution& a) {
    j = {{"entity", a.entity_id},
         {"name", a.name},
         {"kind", a.kind},
         {"jurisdiction", a.jurisdiction},
         {"source", a.source}};
}

void from_json(const json& j, Attribution& a) {
    field(j, "entity", a.entity_id);
    field(j, "name", a.name);
    field(j, "kind", a.kind);
    field(j, "jurisdiction", a.jurisdiction);
    field(j, "source", a.source);
}

void to_json(json& j, const KnownBalance& b) {
    j = {{"asset", b.asset}, {"decimals", b.decimals}, {"amount", units_json(b.amount)}};
}

void from_json(const json& j, KnownBalance& b) {
    field(j, "asset", b.asset);
    field(j, "decimals", b.decimals);
    b.amount = units_field(j, "amount");
}

void to_json(json& j, const KnownAddress& a) {
    j = {{"address", a.address},
         {"chain", a.chain},
         {"explored_in", a.explored_in},
         {"explored_out", a.explored_out},
         {"note", a.note},
         {"tags", a.tags},
         {"first_seen", a.first_seen},
         {"balance_at", a.balance_at},
         {"transaction_total", a.transaction_total}};
    if (a.attribution) j["attribution"] = *a.attribution;
    if (!a.balances.empty()) j["balances"] = a.balances;
}

void from_json(const json& j, KnownAddress& a) {
    field(j, "address", a.address);
    field(j, "chain", a.chain);
    field(j, "explored_in", a.explored_in);
    field(j, "explored_out", a.explored_out);
    field(j, "note", a.note);
    field(j, "tags", a.tags);
    field(j, "first_seen", a.first_seen);
    optional_field(j, "balance_at", a.balance_at);
    field(j, "transaction_total", a.transaction_total);
    if (j.contains("attribution")) a.attribution = j.at("attribution").get<Attribution>();
    optional_field(j, "balances", a.balances);
}

void to_json(json& j, const KnownLeg& l) {
    j = {{"address", l.address}, {"amount", units_json(l.amount)}};
}

void from_json(const json& j, KnownLeg& l) {
    field(j, "address", l.address);
    l.amount = units_field(j, "amount");
}

void to_json(json& j, const KnownTransaction& t) {
    j = {{"id", t.id},
         {"chain", t.chain},
         {"asset", t.asset},
         {"decimals", t.decimals},
         {"time", t.time},
         {"fee", units_json(t.fee)},
         {"fee_asset", t.fee_asset},
         {"fee_decimals", t.fee_decimals},
         {"inputs", t.inputs},
         {"outputs", t.outputs},
         {"note", t.note},
         {"tags", t.tags}};
}

void from_json(const json& j, KnownTransaction& t) {
    field(j, "id", t.id);
    field(j, "chain", t.chain);
    field(j, "asset", t.asset);
    field(j, "decimals", t.decimals);
    field(j, "time", t.time);
    t.fee = units_field(j, "fee");
    field(j, "fee_asset", t.fee_asset);
    optional_field(j, "fee_decimals", t.fee_decimals);
    field(j, "inputs", t.inputs);
    field(j, "outputs", t.outputs);
    field(j, "note", t.note);
    field(j, "tags", t.tags);
}

void to_json(json& j, const KnownService& s) {
    j = {{"entity", s.entity_id},
         {"name", s.name},
         {"kind", s.kind},
         {"jurisdiction", s.jurisdiction},
         {"instruments", s.published_instruments}};
}

void from_json(const json& j, KnownService& s) {
    field(j, "entity", s.entity_id);
    field(j, "name", s.name);
    field(j, "kind", s.kind);
    field(j, "jurisdiction", s.jurisdiction);
    field(j, "instruments", s.published_instruments);
}

void to_json(json& j, const ObtainedRecord& r) {
    j = {{"id", r.id}, {"kind", r.kind}, {"subject", r.subject}, {"content", r.content}};
}

void from_json(const json& j, ObtainedRecord& r) {
    field(j, "id", r.id);
    field(j, "kind", r.kind);
    field(j, "subject", r.subject);
    field(j, "content", r.content);
}

void to_json(json& j, const LegalRequestFile& r) {
    j = {{"id", r.id},
         {"instrument", r.instrument},
         {"service", r.service},
         {"service_name", r.service_name},
         {"identifiers", r.identifiers},
         {"justification", r.justification},
         {"sent_at", r.sent_at},
         {"due_at", r.due_at},
         {"status", r.status},
         {"response", r.response},
         {"records", r.records}};
    if (!r.legal_instrument.empty()) {
        j["legal_instrument"] = r.legal_instrument;
        j["instrument_name"] = r.instrument_name;
        if (!r.timing_note.key.empty()) j["timing_note"] = r.timing_note;
    }
}

void from_json(const json& j, LegalRequestFile& r) {
    field(j, "id", r.id);
    field(j, "instrument", r.instrument);
    field(j, "service", r.service);
    optional_field(j, "service_name", r.service_name);
    field(j, "identifiers", r.identifiers);
    field(j, "justification", r.justification);
    field(j, "sent_at", r.sent_at);
    field(j, "due_at", r.due_at);
    field(j, "status", r.status);
    field(j, "response", r.response);
    field(j, "records", r.records);
    optional_field(j, "legal_instrument", r.legal_instrument);
    optional_field(j, "instrument_name", r.instrument_name);
    optional_field(j, "timing_note", r.timing_note);
}

void to_json(json& j, const AnalysisRow& row) {
    j = {{"subject", row.subject}, {"value", row.value}, {"detail", row.detail}};
    // Structured facts only where the tool produces them, so other rows stay small.
    if (row.transaction) j["transaction"] = true;
    if (row.share) j["share"] = *row.share;
    if (row.hops) j["hops"] = *row.hops;
    if (!row.evidence.empty()) j["evidence"] = row.evidence;
    if (row.via_coinjoin) j["via_coinjoin"] = true;
}

void from_json(const json& j, AnalysisRow& row) {
    field(j, "subject", row.subject);
    field(j, "value", row.value);
    field(j, "detail", row.detail);
    optional_field(j, "transaction", row.transaction);
    if (const auto share = j.find("share"); share != j.end()) {
        const double value = share->get<double>();
        if (!(value >= 0.0 && value <= 1.0))
            reject_json(*share, "a number from 0 to 1 is expected");
        row.share = value;
    }
    if (j.contains("hops")) row.hops = integer<std::uint32_t>(j.at("hops"));
    optional_field(j, "evidence", row.evidence);
    optional_field(j, "via_coinjoin", row.via_coinjoin);
}

void to_json(json& j, const AnalysisReport& a) {
    j = {{"id", a.id}, {"tool", a.tool},       {"method", a.method}, {"subject", a.subject},
         {"at", a.at}, {"summary", a.summary}, {"rows", a.rows}};
}

void from_json(const json& j, AnalysisReport& a) {
    field(j, "id", a.id);
    field(j, "tool", a.tool);
    field(j, "method", a.method);
    field(j, "subject", a.subject);
    field(j, "at", a.at);
    field(j, "summary", a.summary);
    field(j, "rows", a.rows);
}

void to_json(json& j, const CheckpointOptionView& o) {
    j = {{"id", o.id}, {"text", o.text}};
}

void from_json(const json& j, CheckpointOptionView& o) {
    field(j, "id", o.id);
    field(j, "text", o.text);
}

void to_json(json& j, const OpenCheckpoint& c) {
    j = {{"id", c.id}, {"kind", c.kind}, {"question", c.question}, {"options", c.options}};
    if (c.answer) j["answer"] = *c.answer;
}

void from_json(const json& j, OpenCheckpoint& c) {
    field(j, "id", c.id);
    field(j, "kind", c.kind);
    field(j, "question", c.question);
    field(j, "options", c.options);
    if (j.contains("answer")) c.answer = j.at("answer").get<std::string>();
}

void to_json(json& j, const TimelineEntry& e) {
    j = {{"at", e.at}, {"kind", e.kind}, {"text", e.text}};
}

void from_json(const json& j, TimelineEntry& e) {
    field(j, "at", e.at);
    field(j, "kind", e.kind);
    field(j, "text", e.text);
}

void to_json(json& j, const AdversaryMove& m) {
    j = {{"at", m.at},
         {"holding", m.holding},
         {"custodian", m.custodian},
         {"due", m.due},
         {"prevented", m.prevented}};
    if (m.freeze_landed_at) j["freeze_landed_at"] = *m.freeze_landed_at;
    if (m.tip_off_at) {
        j["tip_off_at"] = *m.tip_off_at;
        j["tipped_by"] = m.tipped_by;
    }
}

void from_json(const json& j, AdversaryMove& m) {
    field(j, "at", m.at);
    field(j, "holding", m.holding);
    field(j, "custodian", m.custodian);
    field(j, "due", m.due);
    field(j, "prevented", m.prevented);
    if (j.contains("freeze_landed_at")) {
        SimSeconds at = 0;
        field(j, "freeze_landed_at", at);
        m.freeze_landed_at = at;
    }
    if (j.contains("tip_off_at")) {
        SimSeconds at = 0;
        field(j, "tip_off_at", at);
        m.tip_off_at = at;
        field(j, "tipped_by", m.tipped_by);
    }
}

// Only the names a step has: most steps have none.
void to_json(json& j, const ExpertStepText& t) {
    j = json::object();
    if (!t.service.empty()) j["service"] = t.service;
    if (!t.instrument.empty()) j["instrument"] = t.instrument;
    if (!t.question.empty()) j["question"] = t.question;
    if (!t.answer.empty()) j["answer"] = t.answer;
}

void from_json(const json& j, ExpertStepText& t) {
    optional_field(j, "service", t.service);
    optional_field(j, "instrument", t.instrument);
    optional_field(j, "question", t.question);
    optional_field(j, "answer", t.answer);
}

// Maps keyed by an item's own id travel as arrays of the items.
template <typename Item>
json items_json(const std::map<std::string, Item>& items) {
    json out = json::array();
    for (const auto& [key, item] : items) out.push_back(item);
    return out;
}

template <typename Item, typename Key>
void read_items(const json& j, const char* key, Key Item::*id, std::map<std::string, Item>& into) {
    std::vector<Item> items;
    field(j, key, items);
    for (Item& item : items) {
        std::string item_key = item.*id;
        into.insert_or_assign(std::move(item_key), std::move(item));
    }
}

void to_json(json& j, const Casefile& c) {
    j = {{"briefing", c.briefing},
         {"now", c.now},
         {"addresses", items_json(c.addresses)},
         {"transactions", items_json(c.transactions)},
         {"services", items_json(c.services)},
         {"requests", c.requests},
         {"analyses", c.analyses},
         {"checkpoints", c.checkpoints},
         {"hints", c.hints},
         {"timeline", c.timeline},
         {"frozen", c.frozen},
         {"actions_taken", c.actions_taken},
         {"submitted", c.submitted}};
    if (c.score) {
        j["score"] = *c.score;
        j["expert_solution"] = c.expert_solution;
        j["expert_summary"] = c.expert_summary;
        j["expert_times"] = c.expert_times;
        j["expert_texts"] = c.expert_texts;
        j["adversary_moves"] = c.adversary_moves;
    }
}

void from_json(const json& j, Casefile& out) {
    if (!j.is_object()) reject_json(j, "a casefile must be a JSON object");
    Casefile c;
    field(j, "briefing", c.briefing);
    field(j, "now", c.now);
    read_items(j, "addresses", &KnownAddress::address, c.addresses);
    read_items(j, "transactions", &KnownTransaction::id, c.transactions);
    read_items(j, "services", &KnownService::entity_id, c.services);
    field(j, "requests", c.requests);
    field(j, "analyses", c.analyses);
    field(j, "checkpoints", c.checkpoints);
    field(j, "hints", c.hints);
    field(j, "timeline", c.timeline);
    field(j, "frozen", c.frozen);
    field(j, "actions_taken", c.actions_taken);
    field(j, "submitted", c.submitted);
    if (j.contains("score")) {
        c.score = j.at("score").get<ScoreReport>();
        field(j, "expert_solution", c.expert_solution);
        field(j, "expert_summary", c.expert_summary);
        // Casefiles saved before the debrief's time line have neither.
        optional_field(j, "expert_times", c.expert_times);
        optional_field(j, "expert_texts", c.expert_texts);
        optional_field(j, "adversary_moves", c.adversary_moves);
    }
    out = std::move(c);
}

}  // namespace mt
