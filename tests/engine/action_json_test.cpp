#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "i18n/catalogue.hpp"
#include "model/action.hpp"
#include "model/action_builders.hpp"

using namespace mt;

namespace {

// The reading error in English, as a person reads it.
std::string error_of(const ActionParse& parsed) {
    return render(parsed.error, "en");
}

}  // namespace

TEST_CASE("actions round-trip through JSON", "[action]") {
    Action request;
    request.type = ActionType::LegalRequest;
    request.instrument = Instrument::Subpoena;
    request.target = "bitnova";
    request.identifiers = {"bc1qdeposit"};
    request.text = "Ransom proceeds deposited on 2021-05-09";
    const auto parsed = action_from_json(to_json(request));
    REQUIRE(parsed.action);
    CHECK(*parsed.action == request);
}

TEST_CASE("an action's client id travels with it; actions without one still read", "[action]") {
    Action wait = wait_action(60);
    wait.id = new_action_id();
    CHECK(wait.id.size() == 32);
    CHECK(wait.id != new_action_id());
    const nlohmann::json json = to_json(wait);
    CHECK(json["id"] == wait.id);
    const auto parsed = action_from_json(json);
    REQUIRE(parsed.action);
    CHECK(parsed.action->id == wait.id);
    const auto old = action_from_json(nlohmann::json{{"type", "wait"}, {"duration", 60}});
    REQUIRE(old.action);
    CHECK(old.action->id.empty());
    CHECK(error_of(
              action_from_json(nlohmann::json{{"type", "hint"}, {"id", std::string(65, 'a')}})) ==
          "(/id) an action id has 1 to 64 characters");
}

TEST_CASE("hostile action JSON is rejected with the JSON path named", "[action]") {
    using nlohmann::json;
    CHECK(error_of(action_from_json(json::array())) == "an action must be a JSON object");
    CHECK(error_of(action_from_json(json{{"type", 7}})) ==
          "(/type) type must be string, but is number");
    CHECK(error_of(action_from_json(json{{"type", "teleport"}})) ==
          "(/type) unknown value 'teleport'");
    CHECK(error_of(action_from_json(json{{"type", "lookup"}})) == "key 'target' not found");
    CHECK(error_of(action_from_json(
              json{{"type", "legal_request"}, {"instrument", "bribe me!"}, {"target", "x"}})) ==
          "(/instrument) an instrument kind or a jurisdiction pack's instrument id is expected");
    // Any other id names an instrument of the case's jurisdiction pack, resolved by the session.
    const ActionParse pack_id = action_from_json(
        json{{"type", "legal_request"}, {"instrument", "mx-aseguramiento"}, {"target", "x"}});
    REQUIRE(pack_id.action);
    CHECK(pack_id.action->legal_instrument == "mx-aseguramiento");
    CHECK(to_json(*pack_id.action)["instrument"] == "mx-aseguramiento");
    CHECK(error_of(action_from_json(json{{"type", "wait"}, {"duration", -5}})) ==
          "(/duration) the duration must be between 1 second and 365 days");
    CHECK(error_of(action_from_json(json{{"type", "wait"}, {"duration", 2.5}})) ==
          "(/duration) an integer is expected");
    CHECK(error_of(
              action_from_json(json{{"type", "annotate"}, {"target", "x"}, {"tags", {"a", 3}}})) ==
          "(/tags/1) type must be string, but is number");
    json many = json{{"type", "annotate"}, {"target", "x"}, {"tags", json::array()}};
    for (int i = 0; i < 65; ++i) many["tags"].push_back("t");
    CHECK_FALSE(action_from_json(many).action);
}

TEST_CASE("a reading error is a message id that reads in Spanish", "[action]") {
    using nlohmann::json;
    const ActionParse wrong_type = action_from_json(json{{"type", 7}});
    CHECK(wrong_type.error.key == "json_error.at");
    CHECK(render(wrong_type.error, "es") == "(/type) el tipo debe ser string, pero es number");
    const ActionParse long_text =
        action_from_json(json{{"type", "submit"}, {"text", std::string(4097, 'x')}});
    REQUIRE(long_text.error.find("json_path"));
    CHECK(long_text.error.find("json_path")->value == "/text");
    CHECK(render(long_text.error, "es") == "(/text) excede 4096 bytes");
    CHECK(render(long_text.error, "en") == "(/text) longer than 4096 bytes");
    CHECK(render(action_from_json(json{{"type", "lookup"}}).error, "es") ==
          "no se encontró la clave 'target'");
}
