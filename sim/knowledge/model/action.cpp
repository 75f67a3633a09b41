#include "model/action.hpp"

#include <array>
#include <nlohmann/json.hpp>

namespace mt {
namespace {

constexpr std::array<std::pair<ActionType, std::string_view>, 10> kActionTypes{{
    {ActionType::ExploreAddress, "explore_address"},
    {ActionType::ExploreTransaction, "explore_transaction"},
    {ActionType::Lookup, "lookup"},
    {ActionType::RunAnalysis, "run_analysis"},
    {ActionType::LegalRequest, "legal_request"},
    {ActionType::AnswerCheckpoint, "answer_checkpoint"},
    {ActionType::Annotate, "annotate"},
    {ActionType::Hint, "hint"},
    {ActionType::Wait, "wait"},
    {ActionType::Submit, "submit"},
}};

constexpr std::size_t kMaxString = 4096;
constexpr std::size_t kMaxList = 64;

}  // namespace

std::string_view name_of(ActionType v) {
    for (const auto& [value, name] : kActionTypes)
        if (value == v) return name;
    return "?";
}

std::optional<ActionType> parse_action_type(std::string_view text) {
    for (const auto& [value, name] : kActionTypes)
        if (name == text) return value;
    return std::nullopt;
}

nlohmann::json to_json(const Action& a) {
    nlohmann::json j;
    j["type"] = name_of(a.type);
    switch (a.type) {
        case ActionType::ExploreAddress:
            j["target"] = a.target;
            j["direction"] = name_of(a.direction);
            if (a.page > 0) j["page"] = a.page;  // left out for the first page, as journals had it
            break;
        case ActionType::ExploreTransaction:
        case ActionType::Lookup:
            j["target"] = a.target;
            break;
        case ActionType::RunAnalysis:
            j["tool"] = name_of(a.tool);
            j["target"] = a.target;
            if (a.tool == AnalysisTool::Taint) j["method"] = name_of(a.method);
            break;
        case ActionType::LegalRequest:
            j["instrument"] = name_of(a.instrument);
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
    return j;
}

ActionParse action_from_json(const nlohmann::json& j) {
    ActionParse out;
    auto fail = [&](std::string message) {
        out.error = std::move(message);
        out.action.reset();
        return out;
    };
    if (!j.is_object()) return fail("an action must be a JSON object");
    auto type_it = j.find("type");
    if (type_it == j.end() || !type_it->is_string()) return fail("field 'type' must be a string");
    auto type = parse_action_type(type_it->get_ref<const std::string&>());
    if (!type) return fail("field 'type': unknown action '" + type_it->get<std::string>() + "'");
    Action a;
    a.type = *type;

    auto read_string = [&](const char* field, std::string& into, bool required) -> bool {
        auto it = j.find(field);
        if (it == j.end()) {
            if (required) out.error = std::string("field '") + field + "' is required";
            return !required;
        }
        if (!it->is_string()) {
            out.error = std::string("field '") + field + "' must be a string";
            return false;
        }
        into = it->get<std::string>();
        if (into.size() > kMaxString) {
            out.error = std::string("field '") + field + "' is longer than 4096 bytes";
            return false;
        }
        return true;
    };
    auto read_list = [&](const char* field, std::vector<std::string>& into) -> bool {
        auto it = j.find(field);
        if (it == j.end()) return true;
        if (!it->is_array() || it->size() > kMaxList) {
            out.error = std::string("field '") + field + "' must be a list of at most 64 strings";
            return false;
        }
        for (const auto& item : *it) {
            if (!item.is_string() || item.get_ref<const std::string&>().size() > kMaxString) {
                out.error = std::string("field '") + field + "' must hold only strings";
                return false;
            }
            into.push_back(item.get<std::string>());
        }
        return true;
    };
    auto read_enum = [&]<typename Enum>(const char* field, Enum& into, bool required) -> bool {
        std::string text;
        if (!read_string(field, text, required)) return false;
        if (text.empty()) return true;
        auto v = parse_enum<Enum>(text);
        if (!v) {
            out.error = std::string("field '") + field + "': unknown value '" + text + "'";
            return false;
        }
        into = *v;
        return true;
    };

    bool ok = true;
    switch (a.type) {
        case ActionType::ExploreAddress:
            ok =
                read_string("target", a.target, true) && read_enum("direction", a.direction, false);
            if (auto it = j.find("page"); ok && it != j.end()) {
                if (!it->is_number_integer() || it->get<std::int64_t>() < 0 ||
                    it->get<std::int64_t>() > 1'000'000)
                    return fail("field 'page' must be an integer from 0 to 1000000");
                a.page = static_cast<std::uint32_t>(it->get<std::int64_t>());
            }
            break;
        case ActionType::ExploreTransaction:
        case ActionType::Lookup:
            ok = read_string("target", a.target, true);
            break;
        case ActionType::RunAnalysis:
            ok = read_enum("tool", a.tool, true) && read_string("target", a.target, true) &&
                 read_enum("method", a.method, false);
            break;
        case ActionType::LegalRequest:
            ok = read_enum("instrument", a.instrument, true) &&
                 read_string("target", a.target, true) && read_list("identifiers", a.identifiers) &&
                 read_string("text", a.text, false);
            break;
        case ActionType::AnswerCheckpoint:
            ok = read_string("target", a.target, true) && read_string("answer", a.answer, true);
            break;
        case ActionType::Annotate:
            ok = read_string("target", a.target, true) && read_string("text", a.text, false) &&
                 read_list("tags", a.tags);
            break;
        case ActionType::Hint:
            break;
        case ActionType::Wait: {
            auto it = j.find("duration");
            if (it == j.end() || !it->is_number_integer())
                return fail("field 'duration' must be an integer number of seconds");
            const auto seconds = it->get<std::int64_t>();
            if (seconds <= 0 || seconds > days(365))
                return fail("field 'duration' must be between 1 second and 365 days");
            a.duration = seconds;
            break;
        }
        case ActionType::Submit:
            ok = read_string("text", a.text, false);
            break;
    }
    if (!ok) return fail(out.error);
    out.action = std::move(a);
    return out;
}

}  // namespace mt
