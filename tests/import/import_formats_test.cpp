// Importing each export format into a case that loads and whose expert path scores full marks:
// a Bitcoin peel chain rebuilt hop by hop from address pages and outspends, Etherscan's three
// CSV exports, TronGrid TRC-20 transfers, and a Bitcoin trail merged with its Ethereum
// continuation.
#include <algorithm>
#include <fstream>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "import_support.hpp"
#include "session/expert_check.hpp"
#include "session/session.hpp"
#include "temp_dir.hpp"

namespace mt {
namespace {

using import_testing::data;
using import_testing::kPeelIds;
using import_testing::kRansomAddress;
using import_testing::load_written;

void require_expert_full_marks(const std::shared_ptr<const Scenario>& scenario) {
    const ExpertReplay replay = replay_expert_solution(scenario);
    std::string problems;
    for (const Message& p : replay.problems) problems += nlohmann::json(p).dump() + "\n";
    INFO(problems);
    REQUIRE(replay.problems.empty());
    REQUIRE(replay.score.max > 0);
    REQUIRE(replay.score.total == replay.score.max);
}

import::ImportOptions options_for(std::vector<std::filesystem::path> exports,
                                  const std::filesystem::path& out){import::ImportOptions o;
o.exports = std::move(exports);
o.out_dir = out;
o.id = "imported-test";
return o;
}  // namespace

}  // namespace mt

TEST_CASE("A peel chain is followed across five hops from address pages and outspends",
          "[import][esplora]") {
    testing::TempDir dir;
    import::ImportOptions o = options_for(import_testing::peel_chain_exports(), dir.path());
    o.trail.seeds = {kRansomAddress};
    const import::ImportResult result = import::import_case(o);
    const auto scenario = load_written(result);

    // The unrelated payment on the first address page is not downstream of the seed.
    CHECK(result.transactions == 5);
    CHECK(scenario->ledger.transaction_count() == 5);
    REQUIRE(result.chains.size() == 1);
    CHECK(result.chains[0].path == kPeelIds);
    CHECK(result.chains[0].hops == 5);
    CHECK(result.chains[0].seed_address == kRansomAddress);
    // The last hop pays 0.3 BTC and passes 0.1995 BTC on: the larger output is where most rests.
    const auto last = scenario->ledger.find_transaction(kPeelIds.back());
    REQUIRE(last);
    CHECK(scenario->ledger.outputs(*last).size() == 2);
    CHECK(scenario->ledger.find_address(result.chains[0].last_address));
    // Every hop spends the change of the one before: the case links them, not outside funds.
    for (std::size_t i = 1; i < kPeelIds.size(); ++i) {
        const auto tx = scenario->ledger.find_transaction(kPeelIds[i]);
        REQUIRE(tx);
        REQUIRE(scenario->ledger.inputs(*tx).size() == 1);
    }
    CHECK(scenario->info.start_unix > 1700000000 + 4 * 600);
    require_expert_full_marks(scenario);
}

TEST_CASE("the --hops option keeps only what is within that many hops of the seed",
          "[import][esplora]") {
    testing::TempDir dir;
    import::ImportOptions o = options_for(import_testing::peel_chain_exports(), dir.path());
    o.trail.seeds = {kPeelIds[0]};
    o.trail.max_hops = 2;
    const import::ImportResult result = import::import_case(o);
    const auto scenario = load_written(result);
    CHECK(result.transactions == 3);
    CHECK_FALSE(scenario->ledger.find_transaction(kPeelIds[3]));
    CHECK(result.chains[0].path ==
          std::vector<std::string>(kPeelIds.begin(), kPeelIds.begin() + 3));
    require_expert_full_marks(scenario);
}

TEST_CASE("A single Esplora transaction imports with its prevouts as outside funds",
          "[import][esplora]") {
    testing::TempDir dir;
    const import::ImportResult result =
        import::import_case(options_for({data("esplora-tx.json")}, dir.path()));
    const auto scenario = load_written(result);
    CHECK(scenario->ledger.transaction_count() == 1);
    require_expert_full_marks(scenario);
}

TEST_CASE("Etherscan's normal, ERC-20 and internal CSV exports import by column meaning",
          "[import][etherscan]") {
    testing::TempDir dir;
    const import::ImportResult result = import::import_case(options_for(
        {data("etherscan-normal.csv"), data("etherscan-erc20.csv"), data("etherscan-internal.csv")},
        dir.path()));
    const auto scenario = load_written(result);
    // Two value transfers of the normal export (the approval moved nothing, the failed one
    // moved nothing), two USDT transfers, one internal transfer.
    CHECK(scenario->ledger.transaction_count() == 5);
    const auto usdt =
        std::find_if(scenario->ledger.assets().begin(), scenario->ledger.assets().end(),
                     [](const Asset& a) { return a.id == "usdt-eth"; });
    REQUIRE(usdt != scenario->ledger.assets().end());
    CHECK(usdt->decimals == 6);
    bool found_thousands = false;
    for (std::size_t i = 0; i < scenario->ledger.transaction_count(); ++i)
        for (const TxOutput& out : scenario->ledger.outputs(static_cast<TxIndex>(i)))
            if (out.amount == Units{10'400'500'000}) found_thousands = true;  // "10,400.5" USDT
    CHECK(found_thousands);
    require_expert_full_marks(scenario);
}

TEST_CASE("TronGrid TRC-20 transfers import as USDT on Tron", "[import][trongrid]") {
    testing::TempDir dir;
    const import::ImportResult result =
        import::import_case(options_for({data("trongrid-trc20.json")}, dir.path()));
    const auto scenario = load_written(result);
    CHECK(scenario->ledger.transaction_count() == 3);
    REQUIRE(result.chains.size() == 1);
    CHECK(result.chains[0].chain == "tron");
    CHECK(result.chains[0].hops == 2);  // victim -> collector -> a mule
    require_expert_full_marks(scenario);
}

TEST_CASE("A Bitcoin trail ending at a bridge merges with its Ethereum continuation",
          "[import][merge]") {
    testing::TempDir dir;
    std::vector<std::filesystem::path> exports = import_testing::peel_chain_exports();
    exports.push_back(data("etherscan-normal.csv"));
    exports.push_back(data("etherscan-erc20.csv"));
    import::ImportOptions o = options_for(exports, dir.path());
    o.trail.seeds = {kRansomAddress, import_testing::kBridgeRelease};
    const import::ImportResult result = import::import_case(o);
    const auto scenario = load_written(result);
    REQUIRE(result.chains.size() == 2);
    CHECK(result.chains[0].chain == "bitcoin");
    CHECK(result.chains[1].chain == "ethereum");
    CHECK(result.chains[1].seed_address == import_testing::kBridgeRelease);
    CHECK(scenario->ledger.chains().size() == 2);
    // Both last hops are in the one objective.
    REQUIRE(scenario->rubric.objectives.size() == 1);
    CHECK(scenario->rubric.objectives[0].conditions.size() == 2);
    require_expert_full_marks(scenario);

    // It also plays like any case: a trainee exploring nothing scores nothing.
    Session session(scenario);
    Action submit;
    submit.type = ActionType::Submit;
    REQUIRE(session.apply(submit).accepted);
    CHECK(session.score().total == 0);
}

TEST_CASE("A large trail goes to the CSV side file", "[import][csv]") {
    testing::TempDir dir;
    import::ImportOptions o = options_for(import_testing::peel_chain_exports(), dir.path());
    o.csv_threshold = 2;
    const import::ImportResult result = import::import_case(o);
    const auto scenario = load_written(result);
    REQUIRE_FALSE(result.ledger_file.empty());
    CHECK(std::filesystem::exists(result.ledger_file));
    CHECK(scenario->ledger.transaction_count() == 6);  // no seed: the whole export
    require_expert_full_marks(scenario);
}

}  // namespace mt

namespace mt {

TEST_CASE("the --shift-time option moves the whole case in time", "[import][time]") {
    testing::TempDir dir;
    import::ImportOptions o;
    o.exports = {import_testing::data("trongrid-trc20.json")};
    o.out_dir = dir.path() / "plain";
    o.id = "plain";
    const auto plain = import_testing::load_written(import::import_case(o));
    o.out_dir = dir.path() / "shifted";
    o.shift_seconds = -days(30);
    const auto shifted = import_testing::load_written(import::import_case(o));
    CHECK(plain->info.start_unix - shifted->info.start_unix == days(30));
    // Offsets from the start are unchanged.
    CHECK(plain->ledger.transaction(0).time == shifted->ledger.transaction(0).time);
}

}  // namespace mt

namespace mt {

TEST_CASE("Etherscan columns are found by meaning: any order, old and new names",
          "[import][etherscan]") {
    testing::TempDir dir;
    // The normal export's value columns first and the hash last, the old "DateTime" name, and a
    // column Etherscan may add later: the same two transfers.
    std::ofstream(dir.path() / "shuffled.csv")
        << "\"Value_OUT(ETH)\",\"Value_IN(ETH)\",\"From\",\"NewColumn\",\"To\",\"DateTime\","
           "\"TxnFee(USD)\",\"TxnFee(ETH)\",\"Txhash\"\n"
           "\"0\",\"5.25\",\"0xf7545f0d3c1988b7d1a90409aacd11e7a1bc0db2\",\"x\","
           "\"0x1a5a93e82fc39d926a29c38435e3b89870e13e49\",\"2023-11-14 23:20:00\",\"0.9\","
           "\"0.000441\",\"0x7744ec7fc3418c3643987aa07dc59fbb197c1b45246516dc074550444c5d434e\"\n";
    // A token page export: Quantity instead of TokenValue, no symbol.
    std::ofstream(dir.path() / "token-page.csv")
        << "\"Transaction Hash\",\"Blockno\",\"UnixTimestamp\",\"DateTime (UTC)\",\"From\",\"To\","
           "\"Quantity\",\"Method\"\n"
           "\"0x"
        << std::string(64, 'b')
        << "\",\"1\",\"1700005000\",\"2023-11-14 23:36:40\","
           "\"0x1a5a93e82fc39d926a29c38435e3b89870e13e49\","
           "\"0xc28fcda7e95d35a77983014dd9f61cb7fe5db829\",\"1,250\",\"Transfer\"\n";
    import::ImportOptions o;
    o.exports = {dir.path() / "shuffled.csv", dir.path() / "token-page.csv"};
    o.out_dir = dir.path() / "out";
    o.id = "shuffled";
    const import::ImportResult result = import::import_case(o);
    const auto scenario = import_testing::load_written(result);
    REQUIRE(scenario->ledger.transaction_count() == 2);
    const auto eth = scenario->ledger.find_transaction(
        "0x7744ec7fc3418c3643987aa07dc59fbb197c1b45246516dc074550444c5d434e");
    REQUIRE(eth);
    CHECK(scenario->ledger.outputs(*eth)[0].amount == Units{5'250'000'000'000'000'000});
    CHECK(scenario->ledger.transaction(*eth).fee == Units{441'000'000'000'000});
    const auto token = scenario->ledger.find_transaction("0x" + std::string(64, 'b'));
    REQUIRE(token);
    CHECK(scenario->ledger.outputs(*token)[0].amount ==
          Units{1250} * Units{1'000'000'000'000'000'000});
}

}  // namespace mt
