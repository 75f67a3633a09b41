#include "model/score.hpp"

#include "model/enum_names.hpp"
#include "model/json.hpp"

namespace mt {
namespace {

constexpr enum_names::Names<PenaltyKind, 12> kPenaltyKinds{{
    {PenaltyKind::UninvolvedRequest, "uninvolved_request"},
    {PenaltyKind::OverbroadRequest, "overbroad_request"},
    {PenaltyKind::WrongInstrument, "wrong_instrument"},
    {PenaltyKind::WrongJurisdiction, "wrong_jurisdiction"},
    {PenaltyKind::Hint, "hint"},
    {PenaltyKind::TimeOverBudget, "time_over_budget"},
    {PenaltyKind::DeadEndRequest, "dead_end_request"},
    {PenaltyKind::JustificationTooShort, "justification_too_short"},
    {PenaltyKind::JustificationNoIdentifier, "justification_no_identifier"},
    {PenaltyKind::JustificationNoBasis, "justification_no_basis"},
    {PenaltyKind::JustificationNoEvidence, "justification_no_evidence"},
    {PenaltyKind::UnsupportedRequest, "unsupported_request"},
}};

}  // namespace

MT_ENUM_NAMES(PenaltyKind, kPenaltyKinds)

nlohmann::json to_json(const ScoreReport& report) {
    return report;
}

}  // namespace mt
