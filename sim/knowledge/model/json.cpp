#include "model/json.hpp"

#include <algorithm>
#include <cstdint>
#include <limits>
#include <map>
#include <optional>
#include <tuple>
#include <type_traits>
#include <utility>
#include <vector>

namespace mt {
namespace {

using nlohmann::json;

constexpr std::size_t kMaxString = 4096;
constexpr std::size_t kMaxList = 64;
constexpr std::size_t kMaxActionId = 64;
constexpr std::uint32_t kMaxPage = 1'000'000;

// Strict readers for what nlohmann would convert silently: an integer must be an integer in the
// field's range (not 3.7, not 2^40 into an int), an amount a non-negative decimal string.
template <typename Int>
Int integer(const json& value) {
    if (!value.is_number_integer()) reject_json(value, Message("json_error.integer_expected"));
    if (value.is_number_unsigned()) {
        const auto v = value.get<std::uint64_t>();
        if (!std::in_range<Int>(v)) reject_json(value, Message("json_error.integer_range"));
        return static_cast<Int>(v);
    }
    const auto v = value.get<std::int64_t>();
    if (!std::in_range<Int>(v)) reject_json(value, Message("json_error.integer_range"));
    return static_cast<Int>(v);
}

// Amounts travel as decimal strings: 128-bit integers do not fit a JSON number.
Units decimal_units(const json& value) {
    // Balances, legs and fees are never negative on a ledger; parse_units alone would take "-5".
    const auto units = parse_units(value.get<std::string>());
    if (!units || *units < 0) reject_json(value, Message("json_error.units_expected"));
    return *units;
}

// How a member of a struct travels in its JSON object.
enum class Travel {
    Required,  // always written; reading fails without it
    Tolerant,  // always written; absent in files written before it existed
    WhenSet,   // written only when set (or when its condition holds); may be absent
    Decimal,   // an amount (Units) as a decimal string; required
};

// One member of a struct as its JSON object has it. Each struct lists its members once
// (members() below), and that one list is both its writer and its reader.
template <Travel travel, typename Owner, typename T>
struct Member {
    const char* name;
    T Owner::*at;
    // WhenSet: written when this holds of the owner; by default when the member itself is set.
    bool (*written)(const Owner&) = nullptr;
};

template <typename Owner, typename T>
constexpr Member<Travel::Required, Owner, T> required(const char* name, T Owner::*at) {
    return {name, at};
}
template <typename Owner, typename T>
constexpr Member<Travel::Tolerant, Owner, T> tolerant(const char* name, T Owner::*at) {
    return {name, at};
}
template <typename Owner, typename T>
constexpr Member<Travel::WhenSet, Owner, T> when_set(
    const char* name, T Owner::*at,
    std::type_identity_t<bool (*)(const Owner&)> written = nullptr) {
    return {name, at, written};
}
template <typename Owner>
constexpr Member<Travel::Decimal, Owner, Units> decimal(const char* name, Units Owner::*at) {
    return {name, at};
}

// Maps keyed by an item's own id travel as arrays of the items.
const std::string& key_of(const KnownAddress& a) {
    return a.address;
}
const std::string& key_of(const KnownTransaction& t) {
    return t.id;
}
const std::string& key_of(const KnownService& s) {
    return s.entity_id;
}

constexpr auto members(const LocalizedText*) {
    return std::tuple{required("en", &LocalizedText::en), required("es", &LocalizedText::es)};
}

constexpr auto members(const CaseCard*) {
    return std::tuple{required("id", &CaseCard::id),
                      required("title", &CaseCard::title),
                      tolerant("summary", &CaseCard::summary),
                      tolerant("difficulty", &CaseCard::difficulty),
                      tolerant("estimated_minutes", &CaseCard::estimated_minutes),
                      tolerant("typologies", &CaseCard::typologies)};
}

constexpr auto members(const ObjectiveResult*) {
    return std::tuple{
        required("id", &ObjectiveResult::id), required("title", &ObjectiveResult::title),
        required("points", &ObjectiveResult::points), required("earned", &ObjectiveResult::earned),
        required("debrief", &ObjectiveResult::debrief)};
}

constexpr auto members(const PenaltyItem*) {
    return std::tuple{required("kind", &PenaltyItem::kind),
                      required("points", &PenaltyItem::points),
                      required("detail", &PenaltyItem::detail)};
}

constexpr auto members(const CheckpointResult*) {
    return std::tuple{required("id", &CheckpointResult::id),
                      required("question", &CheckpointResult::question),
                      required("given", &CheckpointResult::given),
                      required("correct", &CheckpointResult::correct),
                      required("is_correct", &CheckpointResult::is_correct),
                      required("explanation", &CheckpointResult::explanation),
                      when_set("given_text", &CheckpointResult::given_text),
                      when_set("correct_text", &CheckpointResult::correct_text)};
}

constexpr auto members(const UnrecoveredItem*) {
    return std::tuple{required("holding", &UnrecoveredItem::holding),
                      required("description", &UnrecoveredItem::description),
                      required("value_usd_cents", &UnrecoveredItem::value_usd_cents),
                      required("reason", &UnrecoveredItem::reason)};
}

constexpr auto members(const ScoreReport*) {
    return std::tuple{required("total", &ScoreReport::total),
                      required("max", &ScoreReport::max),
                      required("percent", &ScoreReport::percent),
                      required("grade", &ScoreReport::grade),
                      tolerant("unrecovered", &ScoreReport::unrecovered),
                      required("objectives", &ScoreReport::objectives),
                      required("penalties", &ScoreReport::penalties),
                      required("checkpoints", &ScoreReport::checkpoints)};
}

// The score's "recovery" object.
constexpr auto recovery_members() {
    return std::tuple{required("points", &ScoreReport::recovery_points),
                      required("earned", &ScoreReport::recovery_earned),
                      required("frozen_usd_cents", &ScoreReport::frozen_usd_cents),
                      required("at_stake_usd_cents", &ScoreReport::at_stake_usd_cents),
                      tolerant("recoverable_usd_cents", &ScoreReport::recoverable_usd_cents)};
}

constexpr auto members(const InstrumentGuide*) {
    return std::tuple{required("id", &InstrumentGuide::id),
                      required("kind", &InstrumentGuide::kind),
                      required("name", &InstrumentGuide::name),
                      required("legal_basis", &InstrumentGuide::legal_basis),
                      required("issuer", &InstrumentGuide::issuer),
                      required("reach", &InstrumentGuide::reach),
                      required("turnaround", &InstrumentGuide::turnaround),
                      when_set("judge", &InstrumentGuide::judge),
                      when_set("judge_assumed", &InstrumentGuide::judge_assumed),
                      when_set("requires_evidence", &InstrumentGuide::requires_evidence),
                      when_set("turnaround_assumed", &InstrumentGuide::turnaround_assumed),
                      when_set("note", &InstrumentGuide::note)};
}

constexpr auto members(const PriceQuote*) {
    return std::tuple{required("at", &PriceQuote::at), decimal("usd", &PriceQuote::usd)};
}

constexpr auto members(const AssetPrices*) {
    return std::tuple{required("chain", &AssetPrices::chain),
                      required("asset", &AssetPrices::asset),
                      required("quotes", &AssetPrices::quotes)};
}

constexpr auto members(const CaseBriefing*) {
    return std::tuple{
        required("scenario_id", &CaseBriefing::scenario_id),
        required("title", &CaseBriefing::title), required("briefing", &CaseBriefing::briefing),
        required("difficulty", &CaseBriefing::difficulty),
        required("estimated_minutes", &CaseBriefing::estimated_minutes),
        required("typologies", &CaseBriefing::typologies),
        required("home_jurisdiction", &CaseBriefing::home_jurisdiction),
        required("start_unix", &CaseBriefing::start_unix),
        required("time_budget", &CaseBriefing::time_budget),
        required("hints_available", &CaseBriefing::hints_available),
        when_set("objectives", &CaseBriefing::objective_titles),
        when_set("learning_objectives", &CaseBriefing::learning_objectives),
        when_set("instruments", &CaseBriefing::instruments),
        when_set("court", &CaseBriefing::court,
                 [](const CaseBriefing& b) { return !b.instruments.empty(); }),
        // Absent in casefiles of cases without prices, and in those written before prices.
        when_set("prices", &CaseBriefing::prices)};
}

constexpr auto members(const Attribution*) {
    return std::tuple{required("entity", &Attribution::entity_id),
                      required("name", &Attribution::name), required("kind", &Attribution::kind),
                      required("jurisdiction", &Attribution::jurisdiction),
                      required("source", &Attribution::source)};
}

constexpr auto members(const KnownBalance*) {
    return std::tuple{required("asset", &KnownBalance::asset),
                      required("decimals", &KnownBalance::decimals),
                      decimal("amount", &KnownBalance::amount)};
}

constexpr auto members(const KnownAddress*) {
    return std::tuple{required("address", &KnownAddress::address),
                      required("chain", &KnownAddress::chain),
                      required("explored_in", &KnownAddress::explored_in),
                      required("explored_out", &KnownAddress::explored_out),
                      required("note", &KnownAddress::note),
                      required("tags", &KnownAddress::tags),
                      required("first_seen", &KnownAddress::first_seen),
                      tolerant("balance_at", &KnownAddress::balance_at),
                      required("transaction_total", &KnownAddress::transaction_total),
                      when_set("attribution", &KnownAddress::attribution),
                      when_set("balances", &KnownAddress::balances)};
}

constexpr auto members(const KnownLeg*) {
    return std::tuple{required("address", &KnownLeg::address),
                      decimal("amount", &KnownLeg::amount)};
}

constexpr auto members(const KnownTransaction*) {
    return std::tuple{required("id", &KnownTransaction::id),
                      required("chain", &KnownTransaction::chain),
                      required("asset", &KnownTransaction::asset),
                      required("decimals", &KnownTransaction::decimals),
                      required("time", &KnownTransaction::time),
                      decimal("fee", &KnownTransaction::fee),
                      required("fee_asset", &KnownTransaction::fee_asset),
                      tolerant("fee_decimals", &KnownTransaction::fee_decimals),
                      required("inputs", &KnownTransaction::inputs),
                      required("outputs", &KnownTransaction::outputs),
                      required("note", &KnownTransaction::note),
                      required("tags", &KnownTransaction::tags)};
}

constexpr auto members(const KnownService*) {
    return std::tuple{required("entity", &KnownService::entity_id),
                      required("name", &KnownService::name), required("kind", &KnownService::kind),
                      required("jurisdiction", &KnownService::jurisdiction),
                      required("instruments", &KnownService::published_instruments)};
}

constexpr auto members(const ObtainedRecord*) {
    return std::tuple{required("id", &ObtainedRecord::id), required("kind", &ObtainedRecord::kind),
                      required("subject", &ObtainedRecord::subject),
                      required("content", &ObtainedRecord::content)};
}

constexpr bool names_pack_instrument(const LegalRequestFile& r) {
    return !r.legal_instrument.empty();
}

constexpr auto members(const LegalRequestFile*) {
    return std::tuple{
        required("id", &LegalRequestFile::id),
        required("instrument", &LegalRequestFile::instrument),
        required("service", &LegalRequestFile::service),
        tolerant("service_name", &LegalRequestFile::service_name),
        required("identifiers", &LegalRequestFile::identifiers),
        required("justification", &LegalRequestFile::justification),
        required("sent_at", &LegalRequestFile::sent_at),
        required("due_at", &LegalRequestFile::due_at),
        required("status", &LegalRequestFile::status),
        required("response", &LegalRequestFile::response),
        required("records", &LegalRequestFile::records),
        when_set("legal_instrument", &LegalRequestFile::legal_instrument),
        when_set("instrument_name", &LegalRequestFile::instrument_name, names_pack_instrument),
        when_set("timing_note", &LegalRequestFile::timing_note, [](const LegalRequestFile& r) {
            return names_pack_instrument(r) && !r.timing_note.empty();
        })};
}

// Structured facts only where the tool produces them, so other rows stay small.
constexpr auto members(const AnalysisRow*) {
    return std::tuple{required("subject", &AnalysisRow::subject),
                      required("value", &AnalysisRow::value),
                      required("detail", &AnalysisRow::detail),
                      when_set("transaction", &AnalysisRow::transaction),
                      when_set("share", &AnalysisRow::share),
                      when_set("hops", &AnalysisRow::hops),
                      when_set("evidence", &AnalysisRow::evidence),
                      when_set("via_coinjoin", &AnalysisRow::via_coinjoin)};
}

constexpr auto members(const AnalysisReport*) {
    return std::tuple{
        required("id", &AnalysisReport::id),         required("tool", &AnalysisReport::tool),
        required("method", &AnalysisReport::method), required("subject", &AnalysisReport::subject),
        required("at", &AnalysisReport::at),         required("summary", &AnalysisReport::summary),
        required("rows", &AnalysisReport::rows)};
}

constexpr auto members(const CheckpointOptionView*) {
    return std::tuple{required("id", &CheckpointOptionView::id),
                      required("text", &CheckpointOptionView::text)};
}

constexpr auto members(const OpenCheckpoint*) {
    return std::tuple{required("id", &OpenCheckpoint::id), required("kind", &OpenCheckpoint::kind),
                      required("question", &OpenCheckpoint::question),
                      required("options", &OpenCheckpoint::options),
                      when_set("answer", &OpenCheckpoint::answer)};
}

constexpr auto members(const TimelineEntry*) {
    return std::tuple{required("at", &TimelineEntry::at), required("kind", &TimelineEntry::kind),
                      required("text", &TimelineEntry::text)};
}

constexpr auto members(const AdversaryMove*) {
    return std::tuple{required("at", &AdversaryMove::at),
                      required("holding", &AdversaryMove::holding),
                      required("custodian", &AdversaryMove::custodian),
                      required("due", &AdversaryMove::due),
                      required("prevented", &AdversaryMove::prevented),
                      when_set("freeze_landed_at", &AdversaryMove::freeze_landed_at),
                      when_set("tip_off_at", &AdversaryMove::tip_off_at),
                      when_set("tipped_by", &AdversaryMove::tipped_by,
                               [](const AdversaryMove& m) { return m.tip_off_at.has_value(); })};
}

// Only the names a step has: most steps have none.
constexpr auto members(const ExpertStepText*) {
    return std::tuple{when_set("service", &ExpertStepText::service),
                      when_set("instrument", &ExpertStepText::instrument),
                      when_set("question", &ExpertStepText::question),
                      when_set("answer", &ExpertStepText::answer)};
}

constexpr bool scored(const Casefile& c) {
    return c.score.has_value();
}

constexpr auto members(const Casefile*) {
    return std::tuple{
        required("briefing", &Casefile::briefing), required("now", &Casefile::now),
        required("addresses", &Casefile::addresses),
        required("transactions", &Casefile::transactions),
        required("services", &Casefile::services), required("requests", &Casefile::requests),
        required("analyses", &Casefile::analyses), required("checkpoints", &Casefile::checkpoints),
        required("hints", &Casefile::hints), required("timeline", &Casefile::timeline),
        required("frozen", &Casefile::frozen), required("actions_taken", &Casefile::actions_taken),
        required("submitted", &Casefile::submitted), when_set("score", &Casefile::score),
        // The debrief's, only after submit (casefiles saved before the debrief's
        // time line have no expert_times, expert_texts, adversary_moves).
        when_set("expert_solution", &Casefile::expert_solution, scored),
        when_set("expert_summary", &Casefile::expert_summary, scored),
        when_set("expert_times", &Casefile::expert_times, scored),
        when_set("expert_texts", &Casefile::expert_texts, scored),
        when_set("adversary_moves", &Casefile::adversary_moves, scored)};
}

// An action's members besides "type", "instrument" and "id", by its type; the fields a type does
// not use are left out. Calls `visit` with the type's tuple of members.
template <typename Visit>
void with_action_members(ActionType type, Visit&& visit) {
    switch (type) {
        case ActionType::ExploreAddress:
            // "page" is left out for the first page, as journals had it.
            return visit(std::tuple{required("target", &Action::target),
                                    tolerant("direction", &Action::direction),
                                    when_set("page", &Action::page)});
        case ActionType::ExploreTransaction:
        case ActionType::Lookup:
            return visit(std::tuple{required("target", &Action::target)});
        case ActionType::RunAnalysis:
            return visit(std::tuple{
                required("tool", &Action::tool), required("target", &Action::target),
                when_set("method", &Action::method,
                         [](const Action& a) { return a.tool == AnalysisTool::Taint; })});
        case ActionType::LegalRequest:
            return visit(std::tuple{required("target", &Action::target),
                                    tolerant("identifiers", &Action::identifiers),
                                    tolerant("text", &Action::text)});
        case ActionType::AnswerCheckpoint:
            return visit(std::tuple{required("target", &Action::target),
                                    required("answer", &Action::answer)});
        case ActionType::Annotate:
            return visit(std::tuple{required("target", &Action::target),
                                    tolerant("text", &Action::text),
                                    tolerant("tags", &Action::tags)});
        case ActionType::Hint:
            return visit(std::tuple{});
        case ActionType::Wait:
            return visit(std::tuple{required("duration", &Action::duration)});
        case ActionType::Submit:
            return visit(std::tuple{tolerant("text", &Action::text)});
    }
}

template <typename T>
concept Described = requires(const T* kind) {
    members(kind);
};

template <typename T>
struct IsOptional : std::false_type {};
template <typename T>
struct IsOptional<std::optional<T>> : std::true_type {};

template <typename T>
struct IsKeyedMap : std::false_type {};
template <typename Item>
requires requires(const Item& item) {
    key_of(item);
}
struct IsKeyedMap<std::map<std::string, Item>> : std::true_type {};

template <typename T>
bool is_set(const T& value) {
    if constexpr (std::is_same_v<T, bool>)
        return value;
    else if constexpr (std::is_arithmetic_v<T>)
        return value != 0;
    else if constexpr (std::is_enum_v<T>)
        return true;
    else if constexpr (IsOptional<T>::value)
        return value.has_value();
    else
        return !value.empty();
}

// What a trainee sends is bounded, so a hostile request cannot grow the journal unbounded;
// what the server writes is read as it is.
enum class Bounds { Trainee, None };

template <Bounds bounds, typename T>
void read_value(const json& value, T& into) {
    if constexpr (IsOptional<T>::value) {
        typename T::value_type inner{};
        read_value<bounds>(value, inner);
        into = std::move(inner);
    } else if constexpr (std::is_integral_v<T> && !std::is_same_v<T, bool>) {
        into = integer<T>(value);
    } else if constexpr (IsKeyedMap<T>::value) {
        std::vector<typename T::mapped_type> items;
        value.get_to(items);
        for (auto& item : items) {
            std::string key = key_of(item);
            into.insert_or_assign(std::move(key), std::move(item));
        }
    } else if constexpr (bounds == Bounds::Trainee && std::is_same_v<T, std::vector<std::string>>) {
        if (!value.is_array() || value.size() > kMaxList)
            reject_json(value, Message("json_error.list_expected").arg("limit", kMaxList));
        for (const json& item : value) read_value<bounds>(item, into.emplace_back());
    } else {
        value.get_to(into);
        if constexpr (bounds == Bounds::Trainee && std::is_same_v<T, std::string>)
            if (into.size() > kMaxString)
                reject_json(value, Message("json_error.too_long").arg("limit", kMaxString));
    }
}

template <typename T>
json value_json(const T& value) {
    if constexpr (IsOptional<T>::value) {
        return value_json(*value);
    } else if constexpr (IsKeyedMap<T>::value) {
        json out = json::array();
        for (const auto& [key, item] : value) out.push_back(item);
        return out;
    } else {
        return value;
    }
}

template <typename Owner, typename... Members>
void write_members(json& object, const Owner& owner, const std::tuple<Members...>& members) {
    // Written into a fresh object, then merged: GCC 12's release build misreads member writes into
    // a value that might hold another type (a false -Warray-bounds).
    json j(json::value_t::object);
    std::apply(
        [&](const auto&... member) {
            [[maybe_unused]] const auto write =
                [&]<Travel travel, typename T>(const Member<travel, Owner, T>& m) {
                    const T& value = owner.*(m.at);
                    if constexpr (travel == Travel::WhenSet)
                        if (m.written ? !m.written(owner) : !is_set(value)) return;
                    if constexpr (travel == Travel::Decimal)
                        j[m.name] = to_string(value);
                    else
                        j[m.name] = value_json(value);
                };
            (write(member), ...);
        },
        members);
    if (object.is_object())
        object.update(j);
    else
        object = std::move(j);
}

template <Bounds bounds, typename Owner, typename... Members>
void read_members(const json& j, Owner& owner, const std::tuple<Members...>& members) {
    std::apply(
        [&](const auto&... member) {
            [[maybe_unused]] const auto read =
                [&]<Travel travel, typename T>(const Member<travel, Owner, T>& m) {
                    T& into = owner.*(m.at);
                    if constexpr (travel == Travel::Decimal) {
                        into = decimal_units(j.at(m.name));
                    } else if constexpr (travel == Travel::Required) {
                        read_value<bounds>(j.at(m.name), into);
                    } else if (const auto it = j.find(m.name); it != j.end() && !it->is_null()) {
                        read_value<bounds>(*it, into);
                    }
                };
            (read(member), ...);
        },
        members);
}

// "instrument": a kind ("subpoena", as every journal has it) or a jurisdiction pack's instrument
// id ("mx-aseguramiento"), which the session resolves against the case's pack.
void read_instrument(const json& object, Action& a) {
    const json& value = object.at("instrument");
    if (!value.is_string()) reject_json(value, Message("json_error.instrument_expected"));
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
    if (!id_like) reject_json(value, Message("json_error.instrument_unknown"));
    a.legal_instrument = text;
}

// The parts of nlohmann's own messages that name what was wrong: "type must be string, but is
// number", "cannot use at() with string", "key 'fee' not found".
std::optional<Message> library_problem(int id, std::string_view text) {
    const auto between = [&](std::string_view before, std::string_view after) {
        const auto from = text.find(before);
        if (from == std::string_view::npos) return std::string_view{};
        const auto start = from + before.size();
        const auto end = after.empty() ? text.size() : text.find(after, start);
        return end == std::string_view::npos ? std::string_view{} : text.substr(start, end - start);
    };
    switch (id) {
        case 302: {  // type_error: a value of the wrong type
            const auto expected = between("type must be ", ", but is ");
            const auto found = between(", but is ", "");
            if (expected.empty() || found.empty()) return std::nullopt;
            return Message("json_error.type").arg("expected", expected).arg("found", found);
        }
        case 304: {  // at() on a value that is not an object
            const auto found = between("cannot use at() with ", "");
            if (found.empty()) return std::nullopt;
            return Message("json_error.not_object").arg("found", found);
        }
        case 403: {  // out_of_range: a missing member
            const auto key = between("key '", "' not found");
            if (key.empty()) return std::nullopt;
            return Message("json_error.missing_key").arg("key", key);
        }
        default:
            return std::nullopt;
    }
}

Message with_path(std::string_view diagnostics, const Message& problem) {
    // nlohmann writes the path as "(/addresses/3/chain) ", and nothing at the document's root.
    if (!diagnostics.starts_with('(') || !diagnostics.ends_with(") ")) return problem;
    return Message("json_error.at")
        .arg("json_path", diagnostics.substr(1, diagnostics.size() - 3))
        .clause("json_problem", problem);
}

}  // namespace

// The generic writer and reader of every struct that lists its members.
template <Described T>
void to_json(json& j, const T& value) {
    write_members(j, value, members(&value));
}

template <Described T>
void from_json(const json& j, T& value) {
    read_members<Bounds::None>(j, value, members(&value));
}

// Readers that check more than each member alone.
void from_json(const json& j, AssetPrices& prices);
void from_json(const json& j, AnalysisRow& row);

JsonRejection::JsonRejection(const json& at, const Message& problem)
    : nlohmann::json::exception(
          501, (name("other_error", 501) + diagnostics(&at) + problem.key).c_str()),
      problem_(with_path(diagnostics(&at), problem)) {}

void reject_json(const json& at, const Message& problem) {
    throw JsonRejection(at, problem);
}

Message json_error_message(const json::exception& error) {
    if (const auto* rejection = dynamic_cast<const JsonRejection*>(&error))
        return rejection->problem();
    // "[json.exception.type_error.302] (/tags/1) type must be string, but is number"
    std::string_view text = error.what();
    if (const auto end = text.find("] "); text.starts_with("[json.exception.") && end != text.npos)
        text.remove_prefix(end + 2);
    std::string_view path;
    if (const auto close = text.find(") "); text.starts_with("(/") && close != text.npos) {
        path = text.substr(0, close + 2);
        text.remove_prefix(close + 2);
    }
    const auto problem = library_problem(error.id, text);
    // Another of the library's errors: its own words, as it gives them.
    return with_path(path, problem ? *problem : Message("json_error.library").arg("detail", text));
}

void to_json(json& j, const LocalizedText& t) {
    write_members(j, t, members(&t));
}

void from_json(const json& j, LocalizedText& t) {
    read_members<Bounds::None>(j, t, members(&t));
}

void to_json(json& j, const CaseCard& c) {
    write_members(j, c, members(&c));
}

void from_json(const json& j, CaseCard& c) {
    read_members<Bounds::None>(j, c, members(&c));
}

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
    with_action_members(a.type, [&](const auto& members) { write_members(j, a, members); });
    if (a.type == ActionType::LegalRequest) {
        if (a.legal_instrument.empty())
            j["instrument"] = a.instrument;
        else
            j["instrument"] = a.legal_instrument;
    }
    if (!a.id.empty()) j["id"] = a.id;
}

void from_json(const json& j, Action& out) {
    if (!j.is_object()) reject_json(j, Message("json_error.action_object"));
    Action a;
    read_value<Bounds::Trainee>(j.at("type"), a.type);
    if (a.type == ActionType::LegalRequest) read_instrument(j, a);
    with_action_members(a.type,
                        [&](const auto& members) { read_members<Bounds::Trainee>(j, a, members); });
    if (a.page > kMaxPage)
        reject_json(
            j.at("page"),
            Message("json_error.page_range").arg("limit", static_cast<long long>(kMaxPage)));
    if (a.type == ActionType::Wait && (a.duration <= 0 || a.duration > days(365)))
        reject_json(j.at("duration"), Message("json_error.duration_range"));
    if (j.contains("id")) {
        read_value<Bounds::None>(j.at("id"), a.id);
        if (a.id.empty() || a.id.size() > kMaxActionId)
            reject_json(j.at("id"), Message("json_error.action_id").arg("limit", kMaxActionId));
    }
    out = std::move(a);
}

void to_json(json& j, const ScoreReport& r) {
    write_members(j, r, members(&r));
    write_members(j["recovery"], r, recovery_members());
}

void from_json(const json& j, ScoreReport& r) {
    read_members<Bounds::None>(j, r, members(&r));
    const json& recovery = j.at("recovery");
    read_members<Bounds::None>(recovery, r, recovery_members());
    // Absent in scores written before recovery counted only what can be recovered.
    if (!recovery.contains("recoverable_usd_cents")) r.recoverable_usd_cents = r.at_stake_usd_cents;
}

// price_at searches the quotes by time.
void from_json(const json& j, AssetPrices& p) {
    read_members<Bounds::None>(j, p, members(&p));
    for (std::size_t i = 1; i < p.quotes.size(); ++i)
        if (p.quotes[i].at <= p.quotes[i - 1].at)
            reject_json(j.at("quotes"), Message("json_error.quotes_order"));
}

void from_json(const json& j, AnalysisRow& row) {
    read_members<Bounds::None>(j, row, members(&row));
    if (row.share && !(*row.share >= 0.0 && *row.share <= 1.0))
        reject_json(j.at("share"), Message("json_error.share_range"));
}

void to_json(json& j, const Casefile& c) {
    write_members(j, c, members(&c));
}

void from_json(const json& j, Casefile& out) {
    if (!j.is_object()) reject_json(j, Message("json_error.casefile_object"));
    Casefile c;
    read_members<Bounds::None>(j, c, members(&c));
    out = std::move(c);
}

}  // namespace mt
