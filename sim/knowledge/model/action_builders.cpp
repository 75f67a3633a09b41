#include "model/action_builders.hpp"

#include <utility>

namespace mt {

namespace {

Action of_type(ActionType type, std::string target = {}) {
    Action a;
    a.type = type;
    a.target = std::move(target);
    return a;
}

}  // namespace

Action explore_address_action(std::string address, Direction direction) {
    Action a = of_type(ActionType::ExploreAddress, std::move(address));
    a.direction = direction;
    return a;
}

Action explore_transaction_action(std::string tx) {
    return of_type(ActionType::ExploreTransaction, std::move(tx));
}

Action lookup_action(std::string address) {
    return of_type(ActionType::Lookup, std::move(address));
}

Action analysis_action(AnalysisTool tool, std::string target, TaintMethod method) {
    Action a = of_type(ActionType::RunAnalysis, std::move(target));
    a.tool = tool;
    a.method = method;
    return a;
}

Action legal_request_action(Instrument instrument, std::string legal_instrument,
                            std::string service, std::vector<std::string> identifiers,
                            std::string justification) {
    Action a = of_type(ActionType::LegalRequest, std::move(service));
    a.instrument = instrument;
    a.legal_instrument = std::move(legal_instrument);
    a.identifiers = std::move(identifiers);
    a.text = std::move(justification);
    return a;
}

Action answer_action(std::string checkpoint, std::string answer) {
    Action a = of_type(ActionType::AnswerCheckpoint, std::move(checkpoint));
    a.answer = std::move(answer);
    return a;
}

Action annotate_action(std::string target, std::string note, std::vector<std::string> tags) {
    Action a = of_type(ActionType::Annotate, std::move(target));
    a.text = std::move(note);
    a.tags = std::move(tags);
    return a;
}

Action hint_action() {
    return of_type(ActionType::Hint);
}

Action wait_action(SimSeconds duration) {
    Action a = of_type(ActionType::Wait);
    a.duration = duration;
    return a;
}

Action submit_action(std::string findings) {
    Action a = of_type(ActionType::Submit);
    a.text = std::move(findings);
    return a;
}

}  // namespace mt
