#pragma once
// Building a trainee's actions, one function per kind, so that each call site (a view, a test, a
// scripted player) names what it asks for and sets only the fields that kind uses
// (model/action.hpp lists them).
#include <string>
#include <vector>

#include "model/action.hpp"

namespace mt {

Action explore_address_action(std::string address, Direction direction = Direction::Both);
Action explore_transaction_action(std::string tx);
Action lookup_action(std::string address);
Action analysis_action(AnalysisTool tool, std::string target, TaintMethod method);
// `legal_instrument`: the jurisdiction pack's instrument id, empty in a case without a pack.
Action legal_request_action(Instrument instrument, std::string legal_instrument,
                            std::string service, std::vector<std::string> identifiers,
                            std::string justification);
Action answer_action(std::string checkpoint, std::string answer);
Action annotate_action(std::string target, std::string note, std::vector<std::string> tags);
Action hint_action();
Action wait_action(SimSeconds duration);
Action submit_action(std::string findings);

}  // namespace mt
