#pragma once
// What a trainee does. Every action is validated by the engine, costs simulated time and is
// appended to the journal as one JSON object per line. One flat struct keeps journals, the UI and
// the seminar API on the same shape; each type uses the fields listed beside it.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "model/message.hpp"
#include "model/time.hpp"
#include "model/vocabulary.hpp"

namespace mt {

enum class ActionType : std::uint8_t {
    ExploreAddress,      // target = address, direction, page
    ExploreTransaction,  // target = tx id
    Lookup,              // target = address: attribution lookup
    RunAnalysis,         // tool, target = address or tx id, method (taint)
    LegalRequest,      // instrument, target = service entity id, identifiers, text = justification
    AnswerCheckpoint,  // target = checkpoint id, answer
    Annotate,          // target = address or tx id, text = note, tags
    Hint,              // no fields
    Wait,              // duration
    Submit,            // text = findings summary
};

struct Action {
    ActionType type = ActionType::Wait;
    std::string target;
    Direction direction = Direction::Both;
    AnalysisTool tool = AnalysisTool::Taint;
    TaintMethod method = TaintMethod::Haircut;
    Instrument instrument = Instrument::Preservation;
    // LegalRequest: an instrument of the case's jurisdiction pack by id ("mx-aseguramiento");
    // empty when the action names only the kind (then the pack's first instrument of that kind
    // is used). In JSON both are the one field "instrument".
    std::string legal_instrument;
    std::vector<std::string> identifiers;
    std::string answer;
    std::string text;
    std::vector<std::string> tags;
    SimSeconds duration = 0;
    std::uint32_t page = 0;  // ExploreAddress: which page of the explorer's listing, newest first
    // Chosen by the client (new_action_id()) so that a resend after a lost answer is recognised
    // and answered with the first outcome instead of being applied twice. Empty in journals
    // written before ids existed and in a case's expert solution.
    std::string id;

    bool operator==(const Action&) const = default;
};

// A fresh action id: 128 random bits as 32 hex digits.
std::string new_action_id();

std::string_view name_of(ActionType v);

// JSON shape: {"type":"explore_address","target":"bc1q...","direction":"out"}; fields that a
// type does not use are omitted (model/json.hpp).
nlohmann::json to_json(const Action& action);

struct ActionParse {
    std::optional<Action> action;
    Message error;  // what was wrong (json_error.*), naming the JSON path
};
// Never throws: hostile JSON yields an error naming the JSON path.
ActionParse action_from_json(const nlohmann::json& json);

}  // namespace mt
