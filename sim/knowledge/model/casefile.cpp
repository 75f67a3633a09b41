#include "model/casefile.hpp"

#include <nlohmann/json.hpp>

namespace mt {
namespace {

nlohmann::json text_json(const LocalizedText& t) {
    return {{"en", t.en}, {"es", t.es}};
}

nlohmann::json legs_json(const std::vector<KnownLeg>& legs) {
    auto out = nlohmann::json::array();
    for (const KnownLeg& l : legs)
        out.push_back({{"address", l.address}, {"amount", to_string(l.amount)}});
    return out;
}

}  // namespace

std::string_view name_of(RequestStatus v) {
    switch (v) {
        case RequestStatus::Pending:
            return "pending";
        case RequestStatus::Fulfilled:
            return "fulfilled";
        case RequestStatus::Declined:
            return "declined";
        case RequestStatus::Frozen:
            return "frozen";
        case RequestStatus::NothingFound:
            return "nothing_found";
    }
    return "?";
}

std::string_view name_of(TimelineKind v) {
    switch (v) {
        case TimelineKind::Action:
            return "action";
        case TimelineKind::Response:
            return "response";
        case TimelineKind::Event:
            return "event";
        case TimelineKind::Message:
            return "message";
        case TimelineKind::Checkpoint:
            return "checkpoint";
    }
    return "?";
}

nlohmann::json to_json(const Casefile& c) {
    using nlohmann::json;
    json j;
    const CaseBriefing& b = c.briefing;
    j["briefing"] = {{"scenario_id", b.scenario_id},
                     {"title", text_json(b.title)},
                     {"briefing", text_json(b.briefing)},
                     {"difficulty", b.difficulty},
                     {"estimated_minutes", b.estimated_minutes},
                     {"typologies", b.typologies},
                     {"home_jurisdiction", b.home_jurisdiction},
                     {"start_unix", b.start_unix},
                     {"time_budget", b.time_budget},
                     {"hints_available", b.hints_available}};
    for (const auto& o : b.objective_titles) j["briefing"]["objectives"].push_back(text_json(o));
    for (const auto& o : b.learning_objectives)
        j["briefing"]["learning_objectives"].push_back(text_json(o));
    j["now"] = c.now;
    j["addresses"] = json::array();
    for (const auto& [text, a] : c.addresses) {
        json item = {{"address", a.address},
                     {"chain", a.chain},
                     {"explored_in", a.explored_in},
                     {"explored_out", a.explored_out},
                     {"note", a.note},
                     {"tags", a.tags},
                     {"first_seen", a.first_seen},
                     {"transaction_total", a.transaction_total}};
        if (a.attribution)
            item["attribution"] = {{"entity", a.attribution->entity_id},
                                   {"name", text_json(a.attribution->name)},
                                   {"kind", name_of(a.attribution->kind)},
                                   {"jurisdiction", a.attribution->jurisdiction},
                                   {"source", a.attribution->source}};
        for (const KnownBalance& bal : a.balances)
            item["balances"].push_back({{"asset", bal.asset},
                                        {"decimals", bal.decimals},
                                        {"amount", to_string(bal.amount)}});
        j["addresses"].push_back(std::move(item));
    }
    j["transactions"] = json::array();
    for (const auto& [id, t] : c.transactions)
        j["transactions"].push_back({{"id", t.id},
                                     {"chain", t.chain},
                                     {"asset", t.asset},
                                     {"decimals", t.decimals},
                                     {"time", t.time},
                                     {"fee", to_string(t.fee)},
                                     {"fee_asset", t.fee_asset},
                                     {"inputs", legs_json(t.inputs)},
                                     {"outputs", legs_json(t.outputs)},
                                     {"note", t.note},
                                     {"tags", t.tags}});
    j["services"] = json::array();
    for (const auto& [id, s] : c.services) {
        json instruments = json::array();
        for (Instrument i : s.published_instruments) instruments.push_back(name_of(i));
        j["services"].push_back({{"entity", s.entity_id},
                                 {"name", text_json(s.name)},
                                 {"kind", name_of(s.kind)},
                                 {"jurisdiction", s.jurisdiction},
                                 {"instruments", instruments}});
    }
    j["requests"] = json::array();
    for (const auto& r : c.requests) {
        json records = json::array();
        for (const auto& rec : r.records)
            records.push_back({{"id", rec.id},
                               {"kind", name_of(rec.kind)},
                               {"subject", rec.subject},
                               {"content", text_json(rec.content)}});
        j["requests"].push_back({{"id", r.id},
                                 {"instrument", name_of(r.instrument)},
                                 {"service", r.service},
                                 {"identifiers", r.identifiers},
                                 {"justification", r.justification},
                                 {"sent_at", r.sent_at},
                                 {"due_at", r.due_at},
                                 {"status", name_of(r.status)},
                                 {"response", r.response},
                                 {"records", records}});
    }
    j["analyses"] = json::array();
    for (const auto& a : c.analyses) {
        json rows = json::array();
        for (const auto& row : a.rows) {
            json item = {
                {"subject", row.subject}, {"value", row.value}, {"detail", text_json(row.detail)}};
            // Structured facts only where the tool produces them, so other rows stay small.
            if (row.transaction) item["transaction"] = true;
            if (row.share) item["share"] = *row.share;
            if (row.hops) item["hops"] = *row.hops;
            if (!row.evidence.empty()) item["evidence"] = row.evidence;
            if (row.via_coinjoin) item["via_coinjoin"] = true;
            rows.push_back(std::move(item));
        }
        j["analyses"].push_back({{"id", a.id},
                                 {"tool", name_of(a.tool)},
                                 {"method", a.method},
                                 {"subject", a.subject},
                                 {"at", a.at},
                                 {"summary", text_json(a.summary)},
                                 {"rows", rows}});
    }
    j["checkpoints"] = json::array();
    for (const auto& cp : c.checkpoints) {
        json options = json::array();
        for (const auto& o : cp.options)
            options.push_back({{"id", o.id}, {"text", text_json(o.text)}});
        json item = {{"id", cp.id},
                     {"kind", cp.kind},
                     {"question", text_json(cp.question)},
                     {"options", options}};
        if (cp.answer) item["answer"] = *cp.answer;
        j["checkpoints"].push_back(std::move(item));
    }
    j["hints"] = json::array();
    for (const auto& h : c.hints) j["hints"].push_back(text_json(h));
    j["timeline"] = json::array();
    for (const auto& e : c.timeline)
        j["timeline"].push_back(
            {{"at", e.at}, {"kind", name_of(e.kind)}, {"text", text_json(e.text)}});
    j["frozen"] = json::array();
    for (const auto& f : c.frozen) j["frozen"].push_back(text_json(f));
    j["actions_taken"] = c.actions_taken;
    j["submitted"] = c.submitted;
    if (c.score) {
        j["score"] = to_json(*c.score);
        j["expert_solution"] = json::array();
        for (const Action& a : c.expert_solution) j["expert_solution"].push_back(to_json(a));
        j["expert_summary"] = text_json(c.expert_summary);
    }
    return j;
}

}  // namespace mt
