#pragma once
// The score breakdown shown in the debrief, printed by `moneytrail run` and sent to instructors.
#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "model/text.hpp"
#include "model/vocabulary.hpp"

namespace mt {

struct ObjectiveResult {
    std::string id;
    LocalizedText title;
    int points = 0;
    int earned = 0;
    LocalizedText debrief;
};

enum class PenaltyKind : std::uint8_t {
    UninvolvedRequest,
    OverbroadRequest,
    WrongInstrument,
    WrongJurisdiction,
    Hint,
    TimeOverBudget,
    DeadEndRequest,
    // A justification lacking what the case's rubric requires (rubric.justification).
    JustificationTooShort,
    JustificationNoIdentifier,
    JustificationNoBasis,
    JustificationNoEvidence,
    UnsupportedRequest,
};
std::string_view name_of(PenaltyKind v);

struct PenaltyItem {
    PenaltyKind kind = PenaltyKind::Hint;
    int points = 0;  // deducted (positive number)
    // What triggered it, in identifiers only: "req-3 subpoena coinmix". The rule is `kind`; the
    // interface words it from the catalogue (penalty_kind.*, penalty_rule.*).
    std::string detail;
};

struct CheckpointResult {
    std::string id;
    LocalizedText question;
    std::string given;  // empty when unanswered
    std::string correct;
    bool is_correct = false;
    LocalizedText explanation;
    // The answers as the trainee reads them (an option's text, an entity's name); empty for an
    // address or transaction, which is shown as itself, and for no answer.
    LocalizedText given_text = {};
    LocalizedText correct_text = {};
};

// Value at stake that the trainee did not recover: the holding, what it was worth, and, when
// nobody could have recovered it, the case's reason.
struct UnrecoveredItem {
    std::string holding;
    LocalizedText description;
    std::int64_t value_usd_cents = 0;
    LocalizedText reason;  // empty when it could have been recovered
};

struct ScoreReport {
    std::vector<ObjectiveResult> objectives;
    std::vector<PenaltyItem> penalties;
    std::vector<CheckpointResult> checkpoints;
    int recovery_points = 0;  // available
    int recovery_earned = 0;
    std::int64_t frozen_usd_cents = 0;
    std::int64_t at_stake_usd_cents = 0;     // every holding
    std::int64_t recoverable_usd_cents = 0;  // the holdings somebody can recover
    std::vector<UnrecoveredItem> unrecovered;
    int total = 0;  // earned - penalties, never below zero
    int max = 0;
    int percent = 0;
    LocalizedText grade;
};

nlohmann::json to_json(const ScoreReport& report);

}  // namespace mt
