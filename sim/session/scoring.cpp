// Scoring against the rubric: objectives, recovered value, penalties and the grade band.
#include <algorithm>

#include "session/session_state.hpp"

namespace mt {
namespace {

bool matches(const Condition& c, const SentRequest& r) {
    if (!c.legal_instrument.empty()) return r.legal && r.legal->id == c.legal_instrument;
    return !c.instrument || r.instrument == *c.instrument;
}

bool holds(const Condition& c, const Casefile& casefile, const SessionState& state) {
    switch (c.kind) {
        case ConditionKind::CheckpointCorrect:
            return false;  // decided with the scenario below
        case ConditionKind::RecordObtained:
            return state.records.count(c.target) > 0;
        case ConditionKind::HoldingFrozen:
            return false;  // decided with the scenario below
        case ConditionKind::AddressDiscovered:
            return casefile.addresses.count(c.target) > 0;
        case ConditionKind::EntityIdentified:
            return state.identified.count(c.target) > 0;
        case ConditionKind::RequestSent:
            return std::any_of(state.sent.begin(), state.sent.end(), [&](const SentRequest& r) {
                return r.service == c.target && matches(c, r) &&
                       (!c.before || r.sent_at <= *c.before);
            });
        case ConditionKind::FirstRequest:
            return !state.sent.empty() && state.sent.front().service == c.target &&
                   matches(c, state.sent.front());
        case ConditionKind::EvidenceFirst: {
            // No order (of that instrument) went out before the evidence was in the casefile.
            auto obtained = state.obtained_at.find(c.target);
            if (obtained == state.obtained_at.end()) return false;
            return std::none_of(state.sent.begin(), state.sent.end(), [&](const SentRequest& r) {
                return matches(c, r) && r.sent_at < obtained->second;
            });
        }
    }
    return false;
}

// The share of a holding's value that a freeze holds by `now`.
std::int64_t held_value(const Scenario& s, const SessionState& state, const Holding& h,
                        SimSeconds now) {
    if (h.amount <= 0) return 0;
    const Units held = held_amount(s, state, h, now);
    return static_cast<std::int64_t>(Units{h.value_usd_cents} * held / h.amount);
}

bool answered_correctly(const Scenario& s, const SessionState& state,
                        const std::string& checkpoint) {
    const Checkpoint* cp = s.find_checkpoint(checkpoint);
    auto it = state.answers.find(checkpoint);
    return cp && it != state.answers.end() && it->second == cp->answer;
}

}  // namespace

ScoreReport compute_score(const Scenario& s, const Casefile& casefile, const SessionState& state) {
    ScoreReport report;
    int earned = 0;
    for (const Objective& o : s.rubric.objectives) {
        const bool met =
            std::all_of(o.conditions.begin(), o.conditions.end(), [&](const Condition& c) {
                if (c.kind == ConditionKind::CheckpointCorrect)
                    return answered_correctly(s, state, c.target);
                if (c.kind == ConditionKind::HoldingFrozen) {
                    const Holding* h = s.find_holding(c.target);
                    return h && held_amount(s, state, *h, casefile.now) > 0;
                }
                return holds(c, casefile, state);
            });
        report.objectives.push_back({o.id, o.title, o.points, met ? o.points : 0, o.debrief});
        report.max += o.points;
        earned += met ? o.points : 0;
    }

    // Recovery is scored against what somebody can recover; the rest is named in the debrief.
    for (const Holding& h : s.holdings) {
        const std::int64_t frozen = held_value(s, state, h, casefile.now);
        report.at_stake_usd_cents += h.value_usd_cents;
        report.frozen_usd_cents += frozen;
        if (h.recoverable()) report.recoverable_usd_cents += h.value_usd_cents;
        if (frozen < h.value_usd_cents)
            report.unrecovered.push_back(
                {h.id, h.description, h.value_usd_cents - frozen, h.unrecoverable});
    }
    report.recovery_points = s.rubric.recovery_points;
    if (report.recoverable_usd_cents > 0)
        report.recovery_earned =
            static_cast<int>(static_cast<std::int64_t>(s.rubric.recovery_points) *
                             std::min(report.frozen_usd_cents, report.recoverable_usd_cents) /
                             report.recoverable_usd_cents);
    report.max += report.recovery_points;
    earned += report.recovery_earned;

    report.penalties = state.penalties;
    const PenaltyRates& rates = s.rubric.penalties;
    const SimSeconds over = casefile.now - s.info.time_budget;
    if (over > 0 && rates.per_hour_over_budget > 0) {
        const auto started_hours = static_cast<int>((over + hours(1) - 1) / hours(1));
        const int points =
            std::min(rates.max_time_penalty, started_hours * rates.per_hour_over_budget);
        report.penalties.push_back(
            {PenaltyKind::TimeOverBudget, points, '+' + std::to_string(started_hours) + " h"});
    }
    int deducted = 0;
    for (const PenaltyItem& p : report.penalties) deducted += p.points;

    // An answer as the trainee reads it: the option's text or the entity's name.
    const auto answer_text = [&](const Checkpoint& cp, const std::string& answer) {
        for (const CheckpointOption& option : cp.options)
            if (option.id == answer) return option.text;
        if (cp.kind == CheckpointKind::Entity)
            if (const Entity* entity = s.find_entity(answer)) return entity->name;
        return LocalizedText{};
    };
    for (const Checkpoint& cp : s.checkpoints) {
        auto it = state.answers.find(cp.id);
        const std::string given = it == state.answers.end() ? "" : it->second;
        report.checkpoints.push_back({cp.id, cp.question, given, cp.answer, given == cp.answer,
                                      cp.explanation, answer_text(cp, given),
                                      answer_text(cp, cp.answer)});
    }

    report.total = std::max(0, earned - deducted);
    report.percent = report.max > 0 ? report.total * 100 / report.max : 0;
    int best = -1;
    for (const GradeBand& band : s.rubric.grades)
        if (report.percent >= band.min_percent && band.min_percent > best) {
            best = band.min_percent;
            report.grade = band.label;
        }
    return report;
}

}  // namespace mt
