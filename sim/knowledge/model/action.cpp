#include "model/action.hpp"

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

nlohmann::json to_json(const Action& action) {
    return action;
}

ActionParse action_from_json(const nlohmann::json& json) {
    ActionParse out;
    try {
        out.action = json.get<Action>();
    } catch (const nlohmann::json::exception& e) {
        out.error = json_error_text(e);
    }
    return out;
}

}  // namespace mt
