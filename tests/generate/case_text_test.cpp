// Case text goes into the YAML through yaml-cpp's emitter and comes back out of the loader byte
// for byte: quotes, colons, '#', leading spaces, Spanish and line breaks included (string
// concatenation with "..." quoting turned a line break into a space and broke on others).
#include <catch2/catch.hpp>

#include <yaml-cpp/yaml.h>

#include "generate/generator.hpp"
#include "generate/random.hpp"
#include "generate/yaml_text.hpp"
#include "i18n/diagnostic_text.hpp"
#include "scenario/loader.hpp"
#include "session/expert_check.hpp"
#include "temp_dir.hpp"

using namespace mt;
using namespace mt::generate;
using mt::testing::TempDir;

namespace {

// What a text reads back as after emit_case_text, as the value of a block or a flow map.
std::string read_back(const std::string& text, bool flow) {
    YAML::Emitter out;
    out << YAML::BeginMap << YAML::Key << "before" << YAML::Value << "x" << YAML::Key << "text"
        << YAML::Value;
    emit_localized(out, {text, text}, flow);
    out << YAML::Key << "after" << YAML::Value << "y" << YAML::EndMap;
    REQUIRE(out.good());
    const YAML::Node root = YAML::Load(out.c_str());
    CHECK(root["before"].as<std::string>() == "x");
    CHECK(root["after"].as<std::string>() == "y");
    CHECK(root["text"]["es"].as<std::string>() == root["text"]["en"].as<std::string>());
    return root["text"]["en"].as<std::string>();
}

// Pieces that YAML gives a meaning to, in any order and number.
constexpr const char* kPieces[] = {"\"",      "'",
                                   ": ",      ":",
                                   " #",      "#",
                                   "  ",      "\t",
                                   "\n",      "\n\n",
                                   "- ",      "? ",
                                   "{",       "}",
                                   "[",       "]",
                                   ",",       "&a",
                                   "*a",      "!tag",
                                   "%",       "@",
                                   "`",       "|",
                                   ">",       "\\",
                                   "~",       "null",
                                   "true",    "0x1F",
                                   "1e3",     "---",
                                   "...",     "ñ",
                                   "¿Cuál?",  "«San José»",
                                   "—",       "\xE2\x80\xA8",
                                   "Zapopan", "plain words"};

}  // namespace

TEST_CASE("Case text reads back from the emitted YAML exactly as written", "[generate][yaml]") {
    const std::vector<std::string> fixed = {
        "Clínica \"San José\": ala #2",
        "  two leading spaces",
        "line one\nline two\n",
        "line one\nline two",
        "\nstarts with a line break\n",
        "ends with two line breaks\n\n",
        "  indented first line\nsecond line\n",
        "tab\tinside\nand a 'quote'\n",
        "# looks like a comment",
        "key: value",
        "- looks like a list",
        "¿Dónde se juntan los fondos? Señálalo.",
        "trailing space ",
        "carriage\r\nreturn",
    };
    for (const std::string& text : fixed)
        for (const bool flow : {false, true}) {
            INFO("text: " << text << (flow ? " (flow)" : " (block)"));
            CHECK(read_back(text, flow) == text);
        }
    for (std::uint64_t seed = 1; seed <= 5; ++seed) {
        Random random(seed);
        for (int i = 0; i < 200; ++i) {
            std::string text;
            const std::int64_t pieces = random.between(1, 8);
            for (std::int64_t p = 0; p < pieces; ++p)
                text += kPieces[random.below(std::size(kPieces))];
            INFO("seed " << seed << ", text: " << text);
            CHECK(read_back(text, i % 2 == 1) == text);
        }
    }
}

TEST_CASE(
    "A generated case keeps names with quotes, colons, '#', leading spaces, Spanish and "
    "line breaks through the loader",
    "[generate][yaml]") {
    Random naming(3);
    CaseNames cast = pick_names(naming);
    cast.victim = {"Clinic \"San José\": ward #2\nsecond line\n",
                   "  Clínica «San José» # 2: ¿sí?\n\tcon tabulador"};
    cast.city = "Ciudad de México # centro";
    cast.ransomware = "Zorro: \"#1\" 'viejo'";
    cast.affiliate.full_name = "María José O'Neil: \"La Jefa\" #1";
    Organisation& exchange = cast.exchanges[kCashOutExchange];
    exchange.brand = "Cripto: \"Norte\" #1";
    exchange.name = {"  Cripto Norte\n(exchange)\n", "Cripto Norte — «casa de cambio»: sí"};

    TempDir dir;
    GenerateOptions o;
    o.seed = 5;
    o.transactions = 800;
    o.out_dir = dir.path();
    o.cast = cast;
    const GenerateResult generated = generate_case(o);
    REQUIRE(generated.ok());
    const LoadResult loaded = load_scenario_file(generated.case_file);
    std::string problems;
    for (const Diagnostic& d : loaded.errors) problems += render(d) + "\n";
    INFO(problems);
    REQUIRE(loaded.errors.empty());
    const Scenario& s = *loaded.scenario;

    CHECK(s.info.title.en == "Ransom in a haystack: " + cast.victim.en);
    CHECK(s.info.title.es == "Rescate en un pajar: " + cast.victim.es);
    CHECK(s.info.briefing.en.find(" in " + cast.city + " paid a ransom") != std::string::npos);
    CHECK(s.info.summary.es.find("al ransomware " + cast.ransomware + ".") != std::string::npos);
    REQUIRE(s.find_entity("victim"));
    CHECK(s.find_entity("victim")->name.en == cast.victim.en);
    CHECK(s.find_entity("victim")->name.es == cast.victim.es);
    REQUIRE(s.find_entity(exchange.id));
    CHECK(s.find_entity(exchange.id)->name.en == exchange.name.en);
    CHECK(s.find_entity(exchange.id)->name.es == exchange.name.es);
    CHECK(s.find_entity("affiliate")->name.en == cast.ransomware + " affiliate");
    bool kyc_names_holder = false;
    for (const Service& service : s.services)
        for (const Record& r : service.records)
            kyc_names_holder =
                kyc_names_holder || r.content.en.find("Holder: " + cast.affiliate.full_name +
                                                      ", born") != std::string::npos;
    CHECK(kyc_names_holder);

    const ExpertReplay replay = replay_expert_solution(loaded.scenario);
    CHECK(replay.problems.empty());
    CHECK(replay.score.total == replay.score.max);
}
