// A journal recorded by the program before the JSON serialiser moved onto nlohmann-json's
// to_json/from_json (commit eea0eb6, `moneytrail run --journal` on the shipped ransomware case,
// every action type included). Journals already on trainees' disks must still replay, to the
// same end, and the serialiser must write each action back in the same shape byte for byte.
#include <catch2/catch.hpp>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>

#include "model/json.hpp"
#include "scenario/loader.hpp"
#include "session/journal.hpp"

using namespace mt;

TEST_CASE("a journal recorded before the serialiser change replays to the same end", "[journal]") {
    const std::string journal = MT_TEST_DATA_DIR "/ransomware_journal_v1.jsonl";
    const LoadResult loaded =
        load_scenario_file(MT_SOURCE_DIR "/scenarios/ransomware-peel-chain.yaml");
    REQUIRE(loaded.ok());

    const JournalContents contents = read_journal(journal);
    REQUIRE(contents.error.empty());
    CHECK(contents.warnings.empty());
    CHECK(contents.scenario_id == "ransomware-peel-chain");
    REQUIRE(contents.actions.size() == 25);

    Session session(loaded.scenario);
    for (const Action& action : contents.actions) {
        const ActionOutcome outcome = session.apply(action);
        INFO(nlohmann::json(action).dump() << ": " << nlohmann::json(outcome.reason).dump());
        CHECK(outcome.accepted);
    }
    // What `moneytrail run` reported when the journal was recorded.
    CHECK(session.casefile().now == 453600);
    REQUIRE(session.casefile().score);
    CHECK(session.casefile().score->total == 97);

    std::ifstream in(journal);
    std::string line;
    std::getline(in, line);  // the header
    for (const Action& action : contents.actions) {
        REQUIRE(std::getline(in, line));
        CHECK(nlohmann::json(action).dump() == line);
    }
}
