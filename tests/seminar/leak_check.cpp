#include "leak_check.hpp"

#include <algorithm>
#include <set>

#include "seminar_case.hpp"

namespace mt::testing {
namespace {

struct Visit {
    const nlohmann::json* node;
    std::string path;
};

bool contains(const std::string& haystack, const std::string& needle) {
    return !needle.empty() && haystack.find(needle) != std::string::npos;
}

bool is_entity_name(const Scenario& s, const std::string& text) {
    return std::any_of(s.entities.begin(), s.entities.end(),
                       [&](const Entity& e) { return e.name.en == text || e.name.es == text; });
}

}  // namespace

std::vector<std::string> find_leaks(const nlohmann::json& reply, const LeakRules& rules) {
    std::vector<std::string> leaks;
    const Scenario& s = *rules.scenario;
    const nlohmann::json* casefile = reply.contains("casefile") ? &reply["casefile"] : nullptr;
    const bool submitted = casefile && casefile->value("submitted", false);
    const SimSeconds now = casefile ? casefile->value("now", SimSeconds{0}) : 0;

    // What the casefile has legitimately learned.
    std::set<std::string> known_entities;
    std::set<std::string> obtained_records;
    if (casefile) {
        for (const auto& a : casefile->value("addresses", nlohmann::json::array()))
            if (a.contains("attribution"))
                known_entities.insert(a["attribution"].value("entity", ""));
        for (const auto& sv : casefile->value("services", nlohmann::json::array()))
            known_entities.insert(sv.value("entity", ""));
        for (const auto& r : casefile->value("requests", nlohmann::json::array()))
            for (const auto& rec : r.value("records", nlohmann::json::array()))
                obtained_records.insert(rec.value("id", ""));
        const std::size_t hints_shown = casefile->value("hints", nlohmann::json::array()).size();
        if (hints_shown > rules.hints_earned)
            leaks.push_back("casefile shows " + std::to_string(hints_shown) + " hints, but only " +
                            std::to_string(rules.hints_earned) + " were given");
        for (const auto& t : casefile->value("transactions", nlohmann::json::array())) {
            const auto tx = s.ledger.find_transaction(t.value("id", ""));
            if (!tx)
                leaks.push_back("casefile lists an unknown transaction " + t.value("id", ""));
            else if (s.ledger.transaction(*tx).time > now)
                leaks.push_back("casefile lists transaction " + t.value("id", "") +
                                " before it happened");
        }
        for (const auto& c : casefile->value("checkpoints", nlohmann::json::array()))
            if (c.contains("answer") &&
                std::find(rules.answers_given.begin(), rules.answers_given.end(),
                          c["answer"].get<std::string>()) == rules.answers_given.end())
                leaks.push_back("checkpoint " + c.value("id", "") +
                                " shows an answer the trainee did not give");
    }

    std::vector<std::string> forbidden_text = {kSecretMove};
    if (!submitted) {
        forbidden_text.push_back(kSecretExplanation);
        forbidden_text.push_back(kSecretDebrief);
    }
    for (std::size_t i = rules.hints_earned; i < s.hints.size(); ++i) {
        forbidden_text.push_back(s.hints[i].en);
        forbidden_text.push_back(s.hints[i].es);
    }
    for (const Service& sv : s.services)
        for (const Record& r : sv.records)
            if (!obtained_records.count(r.id)) {
                forbidden_text.push_back(r.content.en);
                forbidden_text.push_back(r.content.es);
            }
    for (const std::string& name : rules.other_names) forbidden_text.push_back(name);
    std::vector<std::string> unknown_entity_ids;
    if (!submitted)  // the debrief's expert path names services; before submit nothing may
        for (const Entity& e : s.entities)
            if (!known_entities.count(e.id)) {
                unknown_entity_ids.push_back(e.id);
                forbidden_text.push_back(e.name.en);
                forbidden_text.push_back(e.name.es);
            }

    // What the case author chose to tell the trainee when a visible event happens. Only the exact
    // text, only in a timeline entry, and only once its time has come.
    std::set<std::string> announced;
    for (const ScheduledEvent& e : s.events)
        if (e.visible && e.at <= now) {
            announced.insert(e.message.en);
            announced.insert(e.message.es);
        }
    const auto is_announcement = [&](const std::string& path, const std::string& text) {
        return path.rfind(".casefile.timeline[", 0) == 0 && announced.count(text) > 0;
    };

    const std::set<std::string> secret_keys_always = {
        "involved",          "reveals_entity", "holdings",  "events",    "rubric",
        "instructor_secret", "secret",         "join_code", "answer_key"};
    const std::set<std::string> secret_keys_before_submit = {
        "score",   "expert_solution", "expert_summary", "explanation",     "is_correct",
        "correct", "debrief",         "expert_times",   "adversary_moves", "expert_texts"};

    std::vector<Visit> stack{{&reply, ""}};
    while (!stack.empty()) {
        const Visit v = stack.back();
        stack.pop_back();
        if (v.node->is_object()) {
            for (const auto& [key, value] : v.node->items()) {
                if (secret_keys_always.count(key))
                    leaks.push_back(v.path + "." + key + ": hidden field");
                if (!submitted && secret_keys_before_submit.count(key))
                    leaks.push_back(v.path + "." + key + ": field only allowed after submit");
                stack.push_back({&value, v.path + "." + key});
            }
        } else if (v.node->is_array()) {
            for (std::size_t i = 0; i < v.node->size(); ++i)
                stack.push_back({&(*v.node)[i], v.path + "[" + std::to_string(i) + "]"});
        } else if (v.node->is_string()) {
            const std::string& text = v.node->get_ref<const std::string&>();
            const bool announcement = is_announcement(v.path, text);
            for (const std::string& f : forbidden_text)
                if (contains(text, f) && !(announcement && is_entity_name(s, f)))
                    leaks.push_back(v.path + ": contains '" + f + "'");
            for (const std::string& id : unknown_entity_ids)
                if (text == id)
                    leaks.push_back(v.path + ": names unidentified entity '" + id + "'");
        }
    }
    return leaks;
}

}  // namespace mt::testing
