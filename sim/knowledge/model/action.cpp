#include "model/action.hpp"

#include <cstdio>
#include <random>

#include "model/enum_names.hpp"
#include "model/json.hpp"

namespace mt {
namespace {

constexpr enum_names::Names<ActionType, 10> kActionTypes{{
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

}  // namespace

MT_ENUM_NAMES(ActionType, kActionTypes)

std::string new_action_id() {
    std::random_device random;
    std::string id;
    for (int i = 0; i < 4; ++i) {
        char part[9];
        std::snprintf(part, sizeof part, "%08x", random());
        id += part;
    }
    return id;
}

nlohmann::json to_json(const Action& action) {
    return action;
}

ActionParse action_from_json(const nlohmann::json& json) {
    ActionParse out;
    try {
        out.action = json.get<Action>();
    } catch (const nlohmann::json::exception& e) {
        out.error = json_error_message(e);
    }
    return out;
}

}  // namespace mt
