// Every class of malformed or inconsistent export is refused with a message naming the file and
// the JSON path or line and what was expected, and nothing is left in the output folder.
#include <fstream>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "import_support.hpp"
#include "temp_dir.hpp"

namespace mt {
namespace {

using import_testing::data;
using import_testing::error_text;
using import_testing::kPeelIds;

nlohmann::json read_json(const std::string& name) {
    return nlohmann::json::parse(testing::file_bytes(data(name)));
}

std::filesystem::path write(const std::filesystem::path& dir, const std::string& name,
                            const std::string& text) {
    std::ofstream(dir / name, std::ios::binary) << text;
    return dir / name;
}

// Imports `exports` into dir/out and checks the refusal left nothing behind.
std::string refused(const testing::TempDir& dir, std::vector<std::filesystem::path> exports) {
    import::ImportOptions o;
    o.exports = std::move(exports);
    o.out_dir = dir.path() / "out";
    o.id = "broken";
    const import::ImportResult result = import::import_case(o);
    REQUIRE_FALSE(result.ok());
    if (std::filesystem::exists(o.out_dir)) CHECK(std::filesystem::is_empty(o.out_dir));
    return error_text(result);
}

// The peel chain's first two hops as one address page.
nlohmann::json first_hops() {
    const nlohmann::json page = read_json("esplora-address-txs.json");
    return nlohmann::json::array({page[3], page[2]});  // t0, t1 (the page lists newest first)
}

}  // namespace

TEST_CASE("An output spent twice is refused at the second spend", "[import][errors]") {
    testing::TempDir dir;
    nlohmann::json txs = first_hops();
    nlohmann::json twin = txs[1];
    twin["txid"] = std::string(64, 'a');
    txs.push_back(twin);
    const auto file = write(dir.path(), "twice.json", txs.dump());
    CHECK(refused(dir, {file}) == file.string() + ":$[2].vin[0]: output 1 of " + kPeelIds[0] +
                                      " is spent twice, by " + kPeelIds[1] + " and by " +
                                      std::string(64, 'a') + "; an output can be spent only once");
}

TEST_CASE("A transaction whose amounts do not balance is refused", "[import][errors]") {
    testing::TempDir dir;
    nlohmann::json txs = first_hops();
    txs[0]["fee"] = 20000;
    const auto file = write(dir.path(), "unbalanced.json", txs.dump());
    CHECK(refused(dir, {file}) ==
          file.string() + ":$[0]: transaction " + kPeelIds[0] +
              " does not balance: inputs 100000000 sat, outputs 99990000 sat and fee 20000 sat; "
              "the inputs must equal the outputs plus the fee");
}

TEST_CASE("An input without prevout whose parent is in no export is refused", "[import][errors]") {
    testing::TempDir dir;
    nlohmann::json txs = nlohmann::json::array({first_hops()[1]});
    txs[0]["vin"][0]["prevout"] = nullptr;
    const auto file = write(dir.path(), "orphan.json", txs.dump());
    CHECK(refused(dir, {file}) ==
          file.string() + ":$[0].vin[0]: the input spends output 1 of transaction " + kPeelIds[0] +
              ", which is in no export, and the input has no prevout; add the parent "
              "transaction's JSON");
}

TEST_CASE("Outspends that disagree with the spends are refused", "[import][errors]") {
    testing::TempDir dir;
    const auto txs = write(dir.path(), "txs.json", first_hops().dump());
    nlohmann::json spends = read_json(kPeelIds[0] + "-outspends.json");
    spends[1]["vin"] = 1;
    const auto file = write(dir.path(), kPeelIds[0] + "-outspends.json", spends.dump());
    CHECK(refused(dir, {txs, file}) == file.string() + ":$[1]: the outspends say output 1 of " +
                                           kPeelIds[0] + " is spent by input 1 of " + kPeelIds[1] +
                                           ", but that input spends something else");

    spends[1] = {{"spent", false}};
    write(dir.path(), kPeelIds[0] + "-outspends.json", spends.dump());
    CHECK(refused(dir, {txs, file}) == file.string() + ":$[1]: the outspends say output 1 of " +
                                           kPeelIds[0] + " is unspent, but " + kPeelIds[1] +
                                           " spends it");
}

TEST_CASE("Broken JSON and wrong field types name the place", "[import][errors]") {
    testing::TempDir dir;
    const auto cut = write(dir.path(), "cut.json", "[{\"txid\": \"ab\",\n  \"vin\": [");
    CHECK(refused(dir, {cut}) == cut.string() + ":2:11: not valid JSON");

    nlohmann::json txs = first_hops();
    txs[1]["vout"][0]["value"] = "10000000";
    const auto typed = write(dir.path(), "typed.json", txs.dump());
    CHECK(refused(dir, {typed}) ==
          typed.string() + ":$[1].vout[0].value: expected a JSON whole number here");

    txs = first_hops();
    txs[0]["status"].erase("block_time");
    const auto unconfirmed = write(dir.path(), "unconfirmed.json", txs.dump());
    CHECK(refused(dir, {unconfirmed}) ==
          unconfirmed.string() + ":$[0].status: transaction " + kPeelIds[0] +
              " is unconfirmed (no block_time); export confirmed transactions only");
}

TEST_CASE("An Etherscan export with a bad header or row is refused", "[import][errors]") {
    testing::TempDir dir;
    const auto no_from =
        write(dir.path(), "no-from.csv", "\"Txhash\",\"UnixTimestamp\",\"To\",\"Value_IN(ETH)\"\n");
    CHECK(refused(dir, {no_from}) ==
          no_from.string() +
              ":1: bad header: no column for From (columns are matched by name, in any order); "
              "the header is: Txhash,UnixTimestamp,To,Value_IN(ETH)");

    std::string csv = testing::file_bytes(data("etherscan-normal.csv"));
    const auto at = csv.find("\"5.25\"");
    csv.replace(at, 6, "\"5.2.5\"");
    const auto bad_amount = write(dir.path(), "bad-amount.csv", csv);
    CHECK(refused(dir, {bad_amount}) ==
          bad_amount.string() +
              ":2: column Value_IN(ETH): '5.2.5' is not a decimal amount the asset can hold");
}

TEST_CASE("A TronGrid export with a bad address is refused", "[import][errors]") {
    testing::TempDir dir;
    nlohmann::json tron = read_json("trongrid-trc20.json");
    tron["data"][1]["to"] = "TXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX";
    const auto file = write(dir.path(), "tron.json", tron.dump());
    CHECK(refused(dir, {file}) ==
          file.string() +
              ":$.data[1].to: 'TXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX' is not a "
              "Tron address (Base58Check starting with T)");
}

TEST_CASE("Two exports that disagree on a token's decimals are refused", "[import][errors]") {
    testing::TempDir dir;
    nlohmann::json tron = read_json("trongrid-trc20.json");
    for (auto& row : tron["data"]) row["token_info"]["decimals"] = 18;
    const auto file = write(dir.path(), "tron-18.json", tron.dump());
    CHECK(refused(dir, {data("trongrid-trc20.json"), file}) ==
          file.string() +
              ":$.data[0].token_info.decimals: USDT has 18 decimals here but 6 in an earlier "
              "export; the exports disagree");
}

TEST_CASE("A file that is no known export, and a seed in no export, are refused",
          "[import][errors]") {
    testing::TempDir dir;
    const auto notes = write(dir.path(), "notes.txt", "just some notes\n");
    CHECK(refused(dir, {notes}) ==
          notes.string() +
              ": not an export moneytrail reads; expected Esplora or mempool.space transaction "
              "JSON or outspends, an Etherscan CSV export, TronGrid TRC-20 transfers or a "
              "GraphSense TagPack");

    import::ImportOptions o;
    o.exports = {data("esplora-tx.json")};
    o.out_dir = dir.path() / "out";
    o.trail.seeds = {"bc1qnothere"};
    CHECK(error_text(import::import_case(o)) ==
          "the seed bc1qnothere is in none of the exports (expected a transaction id or an "
          "address that appears in them)");
}

}  // namespace mt
