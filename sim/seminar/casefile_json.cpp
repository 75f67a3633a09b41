#include "seminar/casefile_json.hpp"

#include <array>
#include <cstdint>

namespace mt::seminar {
namespace {

using nlohmann::json;

struct Malformed {
    std::string message;
};

[[noreturn]] void fail(const std::string& path, const std::string& expected) {
    throw Malformed{path.empty() ? "expected " + expected : path + ": expected " + expected};
}

std::string at(const std::string& path, const char* key) {
    return path.empty() ? key : path + "." + key;
}
std::string at(const std::string& path, std::size_t index) {
    return path + "[" + std::to_string(index) + "]";
}

const json& member(const json& object, const char* key, const std::string& path) {
    if (!object.is_object()) fail(path, "an object");
    auto it = object.find(key);
    if (it == object.end()) fail(at(path, key), "a value (the field is missing)");
    return *it;
}

std::string get_string(const json& object, const char* key, const std::string& path) {
    const json& v = member(object, key, path);
    if (!v.is_string()) fail(at(path, key), "a string");
    return v.get<std::string>();
}

std::int64_t get_int(const json& object, const char* key, const std::string& path) {
    const json& v = member(object, key, path);
    if (!v.is_number_integer()) fail(at(path, key), "an integer");
    if (v.is_number_unsigned() && v.get<std::uint64_t>() > static_cast<std::uint64_t>(INT64_MAX))
        fail(at(path, key), "an integer in range");
    return v.get<std::int64_t>();
}

int get_small_int(const json& object, const char* key, const std::string& path) {
    const std::int64_t v = get_int(object, key, path);
    if (v < INT32_MIN || v > INT32_MAX) fail(at(path, key), "an integer in range");
    return static_cast<int>(v);
}

std::size_t get_count(const json& object, const char* key, const std::string& path) {
    const std::int64_t v = get_int(object, key, path);
    if (v < 0) fail(at(path, key), "a non-negative integer");
    return static_cast<std::size_t>(v);
}

bool get_bool(const json& object, const char* key, const std::string& path) {
    const json& v = member(object, key, path);
    if (!v.is_boolean()) fail(at(path, key), "true or false");
    return v.get<bool>();
}

Units get_units(const json& object, const char* key, const std::string& path) {
    const std::string digits = get_string(object, key, path);
    // Balances, legs and fees are never negative on a ledger; parse_units alone would take "-5".
    const auto units = parse_units(digits);
    if (!units || *units < 0) fail(at(path, key), "a decimal count of base units");
    return *units;
}

LocalizedText text_of(const json& v, const std::string& path) {
    if (!v.is_object()) fail(path, "an object {\"en\", \"es\"}");
    return {get_string(v, "en", path), get_string(v, "es", path)};
}

LocalizedText get_text(const json& object, const char* key, const std::string& path) {
    return text_of(member(object, key, path), at(path, key));
}

Message get_message(const json& object, const char* key, const std::string& path) {
    const json& v = member(object, key, path);
    Message out;
    try {
        v.get_to(out);
    } catch (const json::exception&) {
        fail(at(path, key), "a message {\"key\", \"args\"}");
    }
    return out;
}

const json& get_array(const json& object, const char* key, const std::string& path) {
    const json& v = member(object, key, path);
    if (!v.is_array()) fail(at(path, key), "an array");
    return v;
}

// An array that to_json omits when it would be empty.
const json* optional_array(const json& object, const char* key, const std::string& path) {
    auto it = object.find(key);
    if (it == object.end() || it->is_null()) return nullptr;
    if (!it->is_array()) fail(at(path, key), "an array");
    return &*it;
}

std::vector<std::string> get_strings(const json& object, const char* key, const std::string& path) {
    std::vector<std::string> out;
    const json& list = get_array(object, key, path);
    for (std::size_t i = 0; i < list.size(); ++i) {
        if (!list[i].is_string()) fail(at(at(path, key), i), "a string");
        out.push_back(list[i].get<std::string>());
    }
    return out;
}

template <typename Enum, std::size_t N>
Enum get_named(const json& object, const char* key, const std::string& path,
               const std::array<Enum, N>& values) {
    const std::string text = get_string(object, key, path);
    for (Enum v : values)
        if (name_of(v) == text) return v;
    fail(at(path, key), "a known value, not '" + text.substr(0, 40) + "'");
}

template <typename Enum>
Enum get_enum(const json& object, const char* key, const std::string& path) {
    const std::string text = get_string(object, key, path);
    const auto v = parse_enum<Enum>(text);
    if (!v) fail(at(path, key), "a known value, not '" + text.substr(0, 40) + "'");
    return *v;
}

constexpr std::array<RequestStatus, 5> kStatuses{RequestStatus::Pending, RequestStatus::Fulfilled,
                                                 RequestStatus::Declined, RequestStatus::Frozen,
                                                 RequestStatus::NothingFound};
constexpr std::array<TimelineKind, 5> kTimelineKinds{TimelineKind::Action, TimelineKind::Response,
                                                     TimelineKind::Event, TimelineKind::Message,
                                                     TimelineKind::Checkpoint};
constexpr std::array<PenaltyKind, 6> kPenaltyKinds{PenaltyKind::UninvolvedRequest,
                                                   PenaltyKind::OverbroadRequest,
                                                   PenaltyKind::WrongInstrument,
                                                   PenaltyKind::WrongJurisdiction,
                                                   PenaltyKind::Hint,
                                                   PenaltyKind::TimeOverBudget};

CaseBriefing read_briefing(const json& b, const std::string& p) {
    CaseBriefing out;
    out.scenario_id = get_string(b, "scenario_id", p);
    out.title = get_text(b, "title", p);
    out.briefing = get_text(b, "briefing", p);
    out.difficulty = get_string(b, "difficulty", p);
    out.estimated_minutes = get_small_int(b, "estimated_minutes", p);
    out.typologies = get_strings(b, "typologies", p);
    out.home_jurisdiction = get_string(b, "home_jurisdiction", p);
    out.start_unix = get_int(b, "start_unix", p);
    out.time_budget = get_int(b, "time_budget", p);
    out.hints_available = get_small_int(b, "hints_available", p);
    if (const json* list = optional_array(b, "objectives", p))
        for (std::size_t i = 0; i < list->size(); ++i)
            out.objective_titles.push_back(text_of((*list)[i], at(at(p, "objectives"), i)));
    if (const json* list = optional_array(b, "learning_objectives", p))
        for (std::size_t i = 0; i < list->size(); ++i)
            out.learning_objectives.push_back(
                text_of((*list)[i], at(at(p, "learning_objectives"), i)));
    return out;
}

std::vector<KnownLeg> read_legs(const json& t, const char* key, const std::string& p) {
    std::vector<KnownLeg> out;
    const json& list = get_array(t, key, p);
    for (std::size_t i = 0; i < list.size(); ++i) {
        const std::string lp = at(at(p, key), i);
        out.push_back({get_string(list[i], "address", lp), get_units(list[i], "amount", lp)});
    }
    return out;
}

KnownAddress read_address(const json& a, const std::string& p) {
    KnownAddress out;
    out.address = get_string(a, "address", p);
    out.chain = get_string(a, "chain", p);
    out.explored_in = get_bool(a, "explored_in", p);
    out.explored_out = get_bool(a, "explored_out", p);
    out.note = get_string(a, "note", p);
    out.tags = get_strings(a, "tags", p);
    out.first_seen = get_int(a, "first_seen", p);
    out.transaction_total = get_count(a, "transaction_total", p);
    if (auto it = a.find("attribution"); it != a.end()) {
        const std::string ap = at(p, "attribution");
        out.attribution =
            Attribution{get_string(*it, "entity", ap), get_text(*it, "name", ap),
                        get_enum<EntityKind>(*it, "kind", ap), get_string(*it, "jurisdiction", ap),
                        get_string(*it, "source", ap)};
    }
    if (const json* list = optional_array(a, "balances", p))
        for (std::size_t i = 0; i < list->size(); ++i) {
            const std::string bp = at(at(p, "balances"), i);
            out.balances.push_back({get_string((*list)[i], "asset", bp),
                                    get_small_int((*list)[i], "decimals", bp),
                                    get_units((*list)[i], "amount", bp)});
        }
    return out;
}

KnownTransaction read_transaction(const json& t, const std::string& p) {
    KnownTransaction out;
    out.id = get_string(t, "id", p);
    out.chain = get_string(t, "chain", p);
    out.asset = get_string(t, "asset", p);
    out.decimals = get_small_int(t, "decimals", p);
    out.time = get_int(t, "time", p);
    out.fee = get_units(t, "fee", p);
    out.fee_asset = get_string(t, "fee_asset", p);
    out.inputs = read_legs(t, "inputs", p);
    out.outputs = read_legs(t, "outputs", p);
    out.note = get_string(t, "note", p);
    out.tags = get_strings(t, "tags", p);
    return out;
}

LegalRequestFile read_request(const json& r, const std::string& p) {
    LegalRequestFile out;
    out.id = get_string(r, "id", p);
    out.instrument = get_enum<Instrument>(r, "instrument", p);
    out.service = get_string(r, "service", p);
    out.identifiers = get_strings(r, "identifiers", p);
    out.justification = get_string(r, "justification", p);
    out.sent_at = get_int(r, "sent_at", p);
    out.due_at = get_int(r, "due_at", p);
    out.status = get_named(r, "status", p, kStatuses);
    out.response = get_message(r, "response", p);
    const json& records = get_array(r, "records", p);
    for (std::size_t i = 0; i < records.size(); ++i) {
        const std::string rp = at(at(p, "records"), i);
        out.records.push_back(
            {get_string(records[i], "id", rp), get_enum<RecordKind>(records[i], "kind", rp),
             get_string(records[i], "subject", rp), get_text(records[i], "content", rp)});
    }
    return out;
}

AnalysisReport read_analysis(const json& a, const std::string& p) {
    AnalysisReport out;
    out.id = get_string(a, "id", p);
    out.tool = get_enum<AnalysisTool>(a, "tool", p);
    out.method = get_string(a, "method", p);
    out.subject = get_string(a, "subject", p);
    out.at = get_int(a, "at", p);
    out.summary = get_text(a, "summary", p);
    const json& rows = get_array(a, "rows", p);
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const std::string rp = at(at(p, "rows"), i);
        const json& r = rows[i];
        AnalysisRow row{get_string(r, "subject", rp), get_string(r, "value", rp),
                        get_text(r, "detail", rp)};
        // The structured facts are sent only where a tool produces them.
        if (r.contains("transaction")) row.transaction = get_bool(r, "transaction", rp);
        if (r.contains("share")) {
            const json& share = r.at("share");
            if (!share.is_number() || share.get<double>() < 0.0 || share.get<double>() > 1.0)
                fail(at(rp, "share"), "a number from 0 to 1");
            row.share = share.get<double>();
        }
        if (r.contains("hops")) {
            const std::size_t hops = get_count(r, "hops", rp);
            if (hops > UINT32_MAX) fail(at(rp, "hops"), "an integer in range");
            row.hops = static_cast<std::uint32_t>(hops);
        }
        if (r.contains("evidence")) row.evidence = get_string(r, "evidence", rp);
        if (r.contains("via_coinjoin")) row.via_coinjoin = get_bool(r, "via_coinjoin", rp);
        out.rows.push_back(std::move(row));
    }
    return out;
}

OpenCheckpoint read_checkpoint(const json& c, const std::string& p) {
    OpenCheckpoint out;
    out.id = get_string(c, "id", p);
    out.kind = get_string(c, "kind", p);
    out.question = get_text(c, "question", p);
    const json& options = get_array(c, "options", p);
    for (std::size_t i = 0; i < options.size(); ++i) {
        const std::string op = at(at(p, "options"), i);
        out.options.push_back({get_string(options[i], "id", op), get_text(options[i], "text", op)});
    }
    if (c.contains("answer")) out.answer = get_string(c, "answer", p);
    return out;
}

ScoreReport read_score(const json& s, const std::string& p) {
    ScoreReport out;
    out.total = get_small_int(s, "total", p);
    out.max = get_small_int(s, "max", p);
    out.percent = get_small_int(s, "percent", p);
    out.grade = get_text(s, "grade", p);
    const json& recovery = member(s, "recovery", p);
    const std::string rp = at(p, "recovery");
    out.recovery_points = get_small_int(recovery, "points", rp);
    out.recovery_earned = get_small_int(recovery, "earned", rp);
    out.frozen_usd_cents = get_int(recovery, "frozen_usd_cents", rp);
    out.at_stake_usd_cents = get_int(recovery, "at_stake_usd_cents", rp);
    // Absent in scores written before recovery counted only what can be recovered.
    out.recoverable_usd_cents = recovery.contains("recoverable_usd_cents")
                                    ? get_int(recovery, "recoverable_usd_cents", rp)
                                    : out.at_stake_usd_cents;
    const json empty = json::array();
    const json& unrecovered = s.contains("unrecovered") ? get_array(s, "unrecovered", p) : empty;
    for (std::size_t i = 0; i < unrecovered.size(); ++i) {
        const std::string up = at(at(p, "unrecovered"), i);
        const json& u = unrecovered[i];
        out.unrecovered.push_back({get_string(u, "holding", up), get_text(u, "description", up),
                                   get_int(u, "value_usd_cents", up), get_text(u, "reason", up)});
    }
    const json& objectives = get_array(s, "objectives", p);
    for (std::size_t i = 0; i < objectives.size(); ++i) {
        const std::string op = at(at(p, "objectives"), i);
        const json& o = objectives[i];
        out.objectives.push_back({get_string(o, "id", op), get_text(o, "title", op),
                                  get_small_int(o, "points", op), get_small_int(o, "earned", op),
                                  get_text(o, "debrief", op)});
    }
    const json& penalties = get_array(s, "penalties", p);
    for (std::size_t i = 0; i < penalties.size(); ++i) {
        const std::string pp = at(at(p, "penalties"), i);
        out.penalties.push_back({get_named(penalties[i], "kind", pp, kPenaltyKinds),
                                 get_small_int(penalties[i], "points", pp),
                                 get_string(penalties[i], "detail", pp)});
    }
    const json& checkpoints = get_array(s, "checkpoints", p);
    for (std::size_t i = 0; i < checkpoints.size(); ++i) {
        const std::string cp = at(at(p, "checkpoints"), i);
        const json& c = checkpoints[i];
        out.checkpoints.push_back({get_string(c, "id", cp), get_text(c, "question", cp),
                                   get_string(c, "given", cp), get_string(c, "correct", cp),
                                   get_bool(c, "is_correct", cp), get_text(c, "explanation", cp)});
    }
    return out;
}

template <typename Item, typename Read>
void read_list(const json& j, const char* key, Read read, std::vector<Item>& out) {
    const json& list = get_array(j, key, "");
    for (std::size_t i = 0; i < list.size(); ++i)
        out.push_back(read(list[i], at(std::string(key), i)));
}

Casefile read_casefile(const json& j) {
    if (!j.is_object()) fail("", "an object");
    Casefile c;
    c.briefing = read_briefing(member(j, "briefing", ""), "briefing");
    c.now = get_int(j, "now", "");
    std::vector<KnownAddress> addresses;
    read_list(j, "addresses", read_address, addresses);
    for (KnownAddress& a : addresses) c.addresses[a.address] = std::move(a);
    std::vector<KnownTransaction> transactions;
    read_list(j, "transactions", read_transaction, transactions);
    for (KnownTransaction& t : transactions) c.transactions[t.id] = std::move(t);
    const json& services = get_array(j, "services", "");
    for (std::size_t i = 0; i < services.size(); ++i) {
        const std::string sp = at(std::string("services"), i);
        KnownService s;
        s.entity_id = get_string(services[i], "entity", sp);
        s.name = get_text(services[i], "name", sp);
        s.kind = get_enum<EntityKind>(services[i], "kind", sp);
        s.jurisdiction = get_string(services[i], "jurisdiction", sp);
        const json& instruments = get_array(services[i], "instruments", sp);
        for (std::size_t k = 0; k < instruments.size(); ++k) {
            const std::string text =
                instruments[k].is_string() ? instruments[k].get<std::string>() : "";
            const auto v = parse_enum<Instrument>(text);
            if (!v) fail(at(at(sp, "instruments"), k), "an instrument name");
            s.published_instruments.push_back(*v);
        }
        c.services[s.entity_id] = std::move(s);
    }
    read_list(j, "requests", read_request, c.requests);
    read_list(j, "analyses", read_analysis, c.analyses);
    read_list(j, "checkpoints", read_checkpoint, c.checkpoints);
    const json& hints = get_array(j, "hints", "");
    for (std::size_t i = 0; i < hints.size(); ++i)
        c.hints.push_back(text_of(hints[i], at(std::string("hints"), i)));
    const json& timeline = get_array(j, "timeline", "");
    for (std::size_t i = 0; i < timeline.size(); ++i) {
        const std::string tp = at(std::string("timeline"), i);
        c.timeline.push_back({get_int(timeline[i], "at", tp),
                              get_named(timeline[i], "kind", tp, kTimelineKinds),
                              get_text(timeline[i], "text", tp)});
    }
    const json& frozen = get_array(j, "frozen", "");
    for (std::size_t i = 0; i < frozen.size(); ++i)
        c.frozen.push_back(text_of(frozen[i], at(std::string("frozen"), i)));
    c.actions_taken = get_count(j, "actions_taken", "");
    c.submitted = get_bool(j, "submitted", "");
    if (j.contains("score")) {
        c.score = read_score(j.at("score"), "score");
        const json& expert = get_array(j, "expert_solution", "");
        for (std::size_t i = 0; i < expert.size(); ++i) {
            ActionParse parsed = action_from_json(expert[i]);
            if (!parsed.action)
                fail(at(std::string("expert_solution"), i), "an action (" + parsed.error + ")");
            c.expert_solution.push_back(std::move(*parsed.action));
        }
        c.expert_summary = get_text(j, "expert_summary", "");
    }
    return c;
}

}  // namespace

CasefileParse casefile_from_json(const json& j) {
    CasefileParse out;
    try {
        out.casefile = read_casefile(j);
    } catch (const Malformed& m) {
        out.error = "casefile: " + m.message;
    }
    return out;
}

}  // namespace mt::seminar
