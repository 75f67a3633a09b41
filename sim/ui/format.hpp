#pragma once
// Text for the views: amounts, simulated dates, shortened identifiers, enum labels and sentences
// describing actions, all in the interface language.
#include <string>
#include <string_view>

#include "model/action.hpp"
#include "model/casefile.hpp"
#include "model/money.hpp"
#include "model/score.hpp"
#include "model/short_id.hpp"
#include "model/text.hpp"

namespace mt::ui {

Language current_language();
// The text in the interface language, or English when the case left the translation out.
const std::string& text_of(const LocalizedText& text);

// "$12,345.67"
std::string usd_text(std::int64_t cents);
// Calendar time of a simulated instant: "2021-05-08 14:30 UTC".
std::string sim_date(const CaseBriefing& briefing, SimSeconds at);
// Compact form for graph labels: "05-08 14:30".
std::string sim_date_short(const CaseBriefing& briefing, SimSeconds at);
// "3h 15m"
std::string duration_text(SimSeconds span);

// The catalogue's prefix of each closed vocabulary's keys.
template <typename Enum>
inline constexpr std::string_view kVocabulary = {};
template <>
inline constexpr std::string_view kVocabulary<EntityKind> = "entity_kind";
template <>
inline constexpr std::string_view kVocabulary<Instrument> = "instrument";
template <>
inline constexpr std::string_view kVocabulary<RecordKind> = "record_kind";
template <>
inline constexpr std::string_view kVocabulary<Direction> = "direction";
template <>
inline constexpr std::string_view kVocabulary<AnalysisTool> = "analysis_tool";
template <>
inline constexpr std::string_view kVocabulary<TaintMethod> = "taint_method";
template <>
inline constexpr std::string_view kVocabulary<RequestStatus> = "request_status";
template <>
inline constexpr std::string_view kVocabulary<TimelineKind> = "timeline_kind";
template <>
inline constexpr std::string_view kVocabulary<PenaltyKind> = "penalty_kind";
template <>
inline constexpr std::string_view kVocabulary<ActionType> = "action_type";

// Translation keys of the closed vocabularies: "entity_kind.exchange", "instrument.subpoena", ...
template <typename Enum>
requires(!kVocabulary<Enum>.empty()) std::string key_of(Enum v) {
    std::string key(kVocabulary<Enum>);
    key += '.';
    key += name_of(v);
    return key;
}

// An instrument as the trainee reads it: the jurisdiction pack's real name when the case has a
// pack ("Aseguramiento"), else the catalogue's word for the kind ("Seizure warrant").
std::string instrument_text(Instrument kind, std::string_view legal_instrument,
                            const Casefile* casefile);

// Scenario-defined words with a translation when the catalogue has one ("peel_chain").
std::string typology_text(const std::string& typology);
std::string difficulty_text(const std::string& difficulty);

// One sentence saying what an action does: "Subpoena to Binance about 2 identifiers". Services,
// instruments, questions and answers by the names the casefile gives them, or, for a step of the
// expert's path, by the names released with it (`names`).
std::string describe_action(const Action& action, const Casefile* casefile,
                            const ExpertStepText* names = nullptr);

}  // namespace mt::ui
