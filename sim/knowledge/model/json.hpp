#pragma once
// The one JSON form of what a trainee knows and does, used by the journal, the seminar's wire and
// `moneytrail run`. Built on nlohmann-json's to_json/from_json (found by argument-dependent
// lookup), with JSON_DIAGNOSTICS on so a reading error names the JSON path ("(/addresses/3/chain)
// type must be string"). Enums are written as their stable names (vocabulary.hpp); an unknown
// name is an error, never a silent default.
#include <concepts>
#include <string>
#include <string_view>
#include <type_traits>

#include "model/nlohmann_json.hpp"

#include "model/action.hpp"
#include "model/action_outcome.hpp"
#include "model/case_card.hpp"
#include "model/casefile.hpp"
#include "model/message.hpp"
#include "model/score.hpp"
#include "model/text.hpp"
#include "model/vocabulary.hpp"

namespace mt {

// A value of the right JSON type but a wrong content. It is a nlohmann exception (so every reader
// that catches those catches it) carrying what was wrong as a message id (json_error.*), with the
// JSON path of the value as the argument "json_path" when it is not the document's root.
class JsonRejection : public nlohmann::json::exception {
  public:
    JsonRejection(const nlohmann::json& at, const Message& problem);
    const Message& problem() const { return problem_; }

  private:
    Message problem_;
};

// Throws a JsonRejection for `at`.
[[noreturn]] void reject_json(const nlohmann::json& at, const Message& problem);

// What a reading error says, as a message id: a JsonRejection's own, or nlohmann's error (a type
// mismatch, a missing member) with the path it names.
Message json_error_message(const nlohmann::json::exception& error);

template <typename Enum>
concept NamedEnum = std::is_enum_v<Enum> && requires(Enum e) {
    { name_of(e) } -> std::convertible_to<std::string_view>;
};

template <NamedEnum Enum>
void to_json(nlohmann::json& json, Enum value) {
    json = name_of(value);
}

template <NamedEnum Enum>
void from_json(const nlohmann::json& json, Enum& value) {
    const auto parsed = parse_enum<Enum>(json.get<std::string>());
    if (!parsed)
        reject_json(json, Message("json_error.unknown_value")
                              .arg("value", json.get<std::string>().substr(0, 40)));
    value = *parsed;
}

void to_json(nlohmann::json& json, const LocalizedText& text);
void from_json(const nlohmann::json& json, LocalizedText& text);

// {"id", "title": {"en", "es"}, "summary", "difficulty", "estimated_minutes", "typologies"}: the
// practice library's list as the server sends it and the browser's picker reads it.
void to_json(nlohmann::json& json, const CaseCard& card);
void from_json(const nlohmann::json& json, CaseCard& card);

void to_json(nlohmann::json& json, const Action& action);
void from_json(const nlohmann::json& json, Action& action);

// {"accepted", "reason_key", "reason": {"key", "args"}, "cost"}: an action's outcome as the seminar
// answers it and `moneytrail run --json` prints it; "reason_key" repeats the reason's key for
// readers that only compare keys, "reason" is left out when the action was accepted.
void to_json(nlohmann::json& json, const ActionOutcome& outcome);
// The outcome in a reply of that form. Never throws: a field missing or of the wrong type reads as
// refused without a reason, cost 0.
ActionOutcome outcome_from_reply(const nlohmann::json& body);

void to_json(nlohmann::json& json, const ScoreReport& report);
void from_json(const nlohmann::json& json, ScoreReport& report);

void to_json(nlohmann::json& json, const Casefile& casefile);
void from_json(const nlohmann::json& json, Casefile& casefile);

}  // namespace mt
