// Keyed anonymisation: the same key gives the same bytes, another key other bytes; every address
// is replaced by a valid one of the same kind, no real identifier survives, and the case still
// balances, loads and plays.
#include <algorithm>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "import/address_codec.hpp"
#include "import/anonymiser.hpp"
#include "import_support.hpp"
#include "session/expert_check.hpp"
#include "temp_dir.hpp"

namespace mt {
namespace {

using import_testing::data;

struct Anonymised {
    std::string case_bytes;
    std::string mapping_bytes;
    std::shared_ptr<const Scenario> scenario;
};

Anonymised anonymise(const std::string& key) {
    testing::TempDir dir;
    import::ImportOptions o;
    o.exports = import_testing::peel_chain_exports();
    o.exports.push_back(data("etherscan-normal.csv"));
    o.exports.push_back(data("trongrid-trc20.json"));
    o.trail.seeds = {import_testing::kRansomAddress, import_testing::kBridgeRelease};
    o.out_dir = dir.path() / "case";
    o.id = "anonymised";
    o.anonymise_key = key;
    o.mapping_file = dir.path() / "private" / "mapping.json";
    const import::ImportResult result = import::import_case(o);
    Anonymised out;
    out.scenario = import_testing::load_written(result);
    out.case_bytes = testing::file_bytes(result.case_file);
    out.mapping_bytes = testing::file_bytes(o.mapping_file);
    CHECK_FALSE(std::filesystem::exists(o.out_dir / "mapping.json"));
    return out;
}

}  // namespace

TEST_CASE("Anonymising twice with one key gives the same bytes, another key other bytes",
          "[import][anonymise]") {
    const Anonymised a = anonymise("course key 2024");
    const Anonymised b = anonymise("course key 2024");
    const Anonymised c = anonymise("another key");
    CHECK(a.case_bytes == b.case_bytes);
    CHECK(a.mapping_bytes == b.mapping_bytes);
    CHECK(a.case_bytes != c.case_bytes);
    CHECK(a.mapping_bytes != c.mapping_bytes);
}

TEST_CASE("An anonymised case has valid identifiers of the same kinds and none of the real ones",
          "[import][anonymise]") {
    const Anonymised a = anonymise("course key 2024");
    // No real address or transaction id survives anywhere in the case.
    const nlohmann::json mapping = nlohmann::json::parse(a.mapping_bytes);
    REQUIRE(mapping["addresses"].size() > 10);
    for (const auto& [fresh, original] : mapping["addresses"].items()) {
        CHECK(a.case_bytes.find(original.get<std::string>()) == std::string::npos);
        CHECK(fresh != original.get<std::string>());
    }
    for (const auto& [fresh, original] : mapping["transactions"].items())
        CHECK(a.case_bytes.find(original.get<std::string>()) == std::string::npos);

    // Each address is a valid one of its kind.
    int segwit = 0, tron = 0, evm = 0;
    const Ledger& ledger = a.scenario->ledger;
    for (std::size_t i = 0; i < ledger.address_count(); ++i) {
        const std::string text = ledger.address_text(static_cast<AddressId>(i)).str();
        if (text.rfind("bc1", 0) == 0) {
            const auto decoded = import::segwit_decode(text);
            REQUIRE(decoded);
            CHECK(decoded->hrp == "bc");
            ++segwit;
        } else if (text.rfind("T", 0) == 0) {
            const auto decoded = import::base58check_decode(text);
            REQUIRE(decoded);
            CHECK(decoded->version == 0x41);
            CHECK(decoded->payload.size() == 20);
            ++tron;
        } else {
            CHECK(text.size() == 42);
            CHECK(text.rfind("0x", 0) == 0);
            CHECK(std::all_of(text.begin() + 2, text.end(), [](char ch) {
                return (ch >= '0' && ch <= '9') || (ch >= 'a' && ch <= 'f');
            }));
            ++evm;
        }
    }
    CHECK(segwit > 0);
    CHECK(tron > 0);
    CHECK(evm > 0);
    // The taproot bridge deposit stays a version-1 (bech32m) address.
    CHECK(a.case_bytes.find("\"bc1p") != std::string::npos);
    // Transactions balance (the loader checks it) and the expert path still reaches full marks.
    CHECK(replay_expert_solution(a.scenario).problems.empty());
}

TEST_CASE("Address codecs round-trip and reject bad checksums", "[import][anonymise]") {
    const std::string taproot = "bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqzk5jj0";
    const auto decoded = import::segwit_decode(taproot);
    REQUIRE(decoded);
    CHECK(decoded->version == 1);
    CHECK(import::segwit_encode(*decoded) == taproot);
    CHECK_FALSE(
        import::segwit_decode("bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqzk5jj1"));
    const std::string usdt_contract = "TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t";
    const auto tron = import::base58check_decode(usdt_contract);
    REQUIRE(tron);
    CHECK(import::base58check_encode(tron->version, tron->payload) == usdt_contract);
    CHECK_FALSE(import::base58check_decode("TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6u"));
    // Hand-written addresses with wrong checksums still become valid ones of their kind.
    import::Anonymiser anonymiser("k");
    const auto segwit =
        import::segwit_decode(anonymiser.address("bc1qexternalwalletxxxxxxxxxxxxxxxxxxxxxxxxx"));
    REQUIRE(segwit);
    CHECK(segwit->version == 0);
    CHECK(segwit->program.size() == 20);
    const auto tron_like =
        import::base58check_decode(anonymiser.address("TQn9Y2khEsLJW1ChVWFMSMeRDow5KcbLSE"));
    REQUIRE(tron_like);
    CHECK(tron_like->version == 0x41);
    // The genesis block's coinbase address.
    const auto genesis = import::base58check_decode("1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa");
    REQUIRE(genesis);
    CHECK(genesis->version == 0);
}

}  // namespace mt
