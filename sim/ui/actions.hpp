#pragma once
// Building the actions the views emit, one small function per kind, so each call site names
// what it asks for.
#include <string>
#include <vector>

#include "model/action.hpp"

namespace mt::ui {

inline Action explore_address_action(const std::string& address, Direction direction) {
    Action a;
    a.type = ActionType::ExploreAddress;
    a.target = address;
    a.direction = direction;
    return a;
}

inline Action explore_transaction_action(const std::string& tx) {
    Action a;
    a.type = ActionType::ExploreTransaction;
    a.target = tx;
    return a;
}

inline Action lookup_action(const std::string& address) {
    Action a;
    a.type = ActionType::Lookup;
    a.target = address;
    return a;
}

inline Action analysis_action(AnalysisTool tool, const std::string& target, TaintMethod method) {
    Action a;
    a.type = ActionType::RunAnalysis;
    a.tool = tool;
    a.target = target;
    a.method = method;
    return a;
}

// `legal_instrument`: the jurisdiction pack's instrument id, empty in a case without a pack.
inline Action legal_request_action(Instrument instrument, const std::string& legal_instrument,
                                   const std::string& service, std::vector<std::string> identifiers,
                                   const std::string& justification) {
    Action a;
    a.type = ActionType::LegalRequest;
    a.instrument = instrument;
    a.legal_instrument = legal_instrument;
    a.target = service;
    a.identifiers = std::move(identifiers);
    a.text = justification;
    return a;
}

inline Action answer_action(const std::string& checkpoint, const std::string& answer) {
    Action a;
    a.type = ActionType::AnswerCheckpoint;
    a.target = checkpoint;
    a.answer = answer;
    return a;
}

inline Action annotate_action(const std::string& target, const std::string& note,
                              std::vector<std::string> tags) {
    Action a;
    a.type = ActionType::Annotate;
    a.target = target;
    a.text = note;
    a.tags = std::move(tags);
    return a;
}

inline Action hint_action() {
    Action a;
    a.type = ActionType::Hint;
    return a;
}

inline Action wait_action(SimSeconds duration) {
    Action a;
    a.type = ActionType::Wait;
    a.duration = duration;
    return a;
}

inline Action submit_action(const std::string& findings) {
    Action a;
    a.type = ActionType::Submit;
    a.text = findings;
    return a;
}

}  // namespace mt::ui
