// The shipped case library as the case picker sees it, and what every case must have.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "case_support.hpp"
#include "scenario/case_words.hpp"
#include "scenario/loader.hpp"

using namespace mt;
using namespace mt::cases;

namespace {

const std::vector<std::string> kCaseIds{
    "bitfinex-2016-seizure", "colonial-pipeline-2021-seizure", "darknet-coinjoin",
    "exchange-hack-bridge",  "exchange-subpoena-drill",        "laundering-ring-mules",
    "pig-butchering-scam",   "ransomware-peel-chain",          "usdt-tron-otc-mexico"};

}  // namespace

TEST_CASE("list_scenarios returns the shipped cases with both-language titles",
          "[cases][catalog]") {
    const auto listed = list_scenarios(std::filesystem::path(MT_SOURCE_DIR) / "scenarios");
    std::vector<std::string> ids;
    for (const ScenarioSummary& c : listed) {
        INFO(c.path.string());
        CHECK(c.errors.empty());
        CHECK(!c.title.en.empty());
        CHECK(!c.title.es.empty());
        CHECK(c.title.en != c.title.es);
        CHECK(!c.summary.en.empty());
        CHECK(!c.summary.es.empty());
        CHECK(c.estimated_minutes >= 20);
        CHECK(c.estimated_minutes <= 60);
        CHECK(!c.typologies.empty());
        CHECK(c.path.filename().string() == c.id + ".yaml");
        ids.push_back(c.id);
    }
    std::sort(ids.begin(), ids.end());
    CHECK(ids == kCaseIds);
}

TEST_CASE("every shipped case is complete and bilingual", "[cases][catalog]") {
    std::set<std::string> difficulties;
    for (const std::string& id : kCaseIds) {
        INFO(id);
        const auto s = load_case(id + ".yaml");
        difficulties.insert(s->info.difficulty);
        // Mexico, or the United States where the public incident happened there.
        CHECK((s->info.home_jurisdiction == "MX" || s->info.home_jurisdiction == "US"));
        CHECK(!s->info.learning_objectives.empty());
        for (const LocalizedText& t : s->info.learning_objectives)
            CHECK((!t.en.empty() && !t.es.empty()));
        CHECK((!s->info.briefing.en.empty() && !s->info.briefing.es.empty()));
        CHECK((!s->expert_summary.en.empty() && !s->expert_summary.es.empty()));
        CHECK(s->hints.size() >= 2);
        for (const LocalizedText& h : s->hints) CHECK((!h.en.empty() && !h.es.empty()));
        CHECK(s->checkpoints.size() >= 2);
        for (const Checkpoint& cp : s->checkpoints) {
            CHECK((!cp.question.es.empty() && !cp.explanation.es.empty()));
            for (const CheckpointOption& o : cp.options) CHECK(!o.text.es.empty());
        }
        for (const Objective& o : s->rubric.objectives)
            CHECK((!o.title.es.empty() && !o.debrief.es.empty()));
        for (const GradeBand& g : s->rubric.grades)
            CHECK((!g.label.en.empty() && !g.label.es.empty()));
        // Every case has a race: a holding the adversary moves unless it is frozen first.
        CHECK(!s->holdings.empty());
        CHECK(std::any_of(s->events.begin(), s->events.end(),
                          [](const ScheduledEvent& e) { return e.kind == EventKind::MoveFunds; }));
        // Enough noise that the answer is not the only thing on the chain.
        CHECK(s->ledger.transaction_count() >= 9);
        CHECK(s->entities.size() >= 5);
        int points = s->rubric.recovery_points;
        for (const Objective& o : s->rubric.objectives) points += o.points;
        CHECK(points == 100);
    }
    CHECK(difficulties == std::set<std::string>{"beginner", "intermediate", "advanced"});
}

// What `moneytrail validate` checks: every catalogue word a case shows (typologies, kinds).
TEST_CASE("every shipped case's typologies are worded in both catalogues", "[cases][catalog]") {
    for (const char* lang : {"en", "es"}) {
        std::ifstream in(std::filesystem::path(MT_SOURCE_DIR) / "assets" / "i18n" /
                         (std::string(lang) + ".json"));
        const nlohmann::json catalogue = nlohmann::json::parse(in);
        for (const std::string& id : kCaseIds) {
            const auto scenario = load_case(id + ".yaml");
            const std::vector<std::string> keys = case_word_keys(*scenario);
            for (const std::string& typology : scenario->info.typologies)
                CHECK(std::count(keys.begin(), keys.end(), "typology." + typology) == 1);
            for (const std::string& key : keys) {
                INFO(lang << " " << id << " " << key);
                CHECK(catalogue.contains(key));
            }
        }
    }
}
