// The diagnostics of the world, plot, rubric and expert-solution sections in the author's
// language: each is a catalogue message whose Spanish text carries the values found in the case.
#include <catch2/catch.hpp>

#include "test_support.hpp"

using namespace mt;
using namespace mt::test;

namespace {

// The compiler-style line of the diagnostic whose English contains `english_part`, in Spanish.
std::string spanish_line(const std::string& text, std::string_view english_part,
                         std::string_view key) {
    const LoadResult result = load(text);
    INFO(describe(result));
    const Diagnostic* d = find_error(result, english_part);
    REQUIRE(d);
    CHECK(d->message.key == key);
    return render(*d, "es");
}

std::string where(const std::string& text, std::string_view needle) {
    const TextPos at = position_of(text, needle);
    return "case.yaml:" + std::to_string(at.line) + ":" + std::to_string(at.column);
}

}  // namespace

TEST_CASE("a wrong entity or holding is told in Spanish", "[scenario][i18n]") {
    const std::string text =
        replace_once(tiny_case(), "    custodian: ex\n", "    custodian: bank\n");
    CHECK(spanish_line(text, "unknown custodian entity 'bank'",
                       "case_error.world.unknown_custodian") ==
          where(text, "bank") +
              ": error: entidad custodia desconocida 'bank'; se esperaba un id declarado en "
              "entities (en holdings[0].custodian)");
}

TEST_CASE("a wrong event or checkpoint is told in Spanish", "[scenario][i18n]") {
    SECTION("an answer that is not an option names the options") {
        const std::string text =
            replace_once(tiny_case(), "    answer: ex\n", "    answer: exchange\n");
        CHECK(
            spanish_line(text, "is not one of the options", "case_error.plot.answer_not_option") ==
            where(text, "exchange\n    explanation") +
                ": error: la respuesta 'exchange' no es una de las opciones; se esperaba una de "
                "ex, none (en checkpoints[0].answer)");
    }
    SECTION("an event before the start names the event in Spanish too") {
        const std::string text = replace_once(tiny_case(), "at: +36h", "at: -3h");
        CHECK(spanish_line(text, "the event is before the case start",
                           "case_error.plot.before_start") ==
              where(text, "-3h") +
                  ": error: el evento es anterior al inicio del caso; se esperaba un momento igual "
                  "o posterior a él (en events[0].at)");
    }
}

TEST_CASE("a wrong rubric condition is told in Spanish", "[scenario][i18n]") {
    const std::string text =
        replace_once(tiny_case(), "        - holding_frozen: h1\n",
                     "        - {holding_frozen: h1, entity_identified: ex}\n");
    CHECK(spanish_line(text, "a condition has exactly one of",
                       "case_error.rubric.condition_several") ==
          where(text, "{holding_frozen") +
              ": error: una condición tiene exactamente una de checkpoint_correct, "
              "record_obtained, holding_frozen, address_discovered, entity_identified, "
              "request_sent, first_request, evidence_first; se encontraron holding_frozen, "
              "entity_identified (en rubric.objectives[0].conditions[0])");
}

TEST_CASE("a wrong expert action is told in Spanish", "[scenario][i18n]") {
    const std::string text = replace_once(tiny_case(), "{type: lookup, target: addr-b}",
                                          "{type: lookup, taget: addr-b}");
    CHECK(spanish_line(text, "unknown key 'taget'", "case_error.expert.unknown_key_near") ==
          where(text, "taget") +
              ": error: clave desconocida 'taget' (¿quiso decir 'target'?); una acción de tipo "
              "lookup "
              "tiene las claves type, target (en expert_solution[1].taget)");
}

TEST_CASE("an expert action the journal would refuse is told in Spanish with its JSON problem",
          "[scenario][i18n]") {
    const std::string text =
        replace_once(tiny_case(), "{type: wait, duration: 6h}", "{type: wait, duration: 400d}");
    CHECK(spanish_line(text, "invalid wait action", "case_error.expert.invalid_action") ==
          where(text, "400d") +
              ": error: acción wait no válida: (/duration) la duración debe estar entre 1 segundo "
              "y 365 días (en expert_solution[4].duration)");
}
