// Generated cases are valid, playable to full marks, reproducible byte for byte, and contain the
// typologies they claim.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>

#include "forensics/coinjoin.hpp"
#include "generate/generator.hpp"
#include "i18n/diagnostic_text.hpp"
#include "scenario/loader.hpp"
#include "session/expert_check.hpp"
#include "temp_dir.hpp"

using namespace mt;
using namespace mt::generate;
using mt::testing::file_bytes;
using mt::testing::TempDir;

namespace {

GenerateResult make(const std::filesystem::path& dir, std::uint64_t seed,
                    std::uint64_t transactions,
                    std::vector<Typology> typologies = {all_typologies().begin(),
                                                        all_typologies().end()},
                    std::string id = "") {
    GenerateOptions o;
    o.seed = seed;
    o.transactions = transactions;
    o.typologies = std::move(typologies);
    o.out_dir = dir;
    o.id = std::move(id);
    return generate_case(o);
}

std::string describe(const LoadResult& loaded) {
    std::string out;
    for (std::size_t i = 0; i < loaded.errors.size() && i < 10; ++i)
        out += render(loaded.errors[i]) + "\n";
    return out;
}

std::string describe(const ExpertReplay& replay) {
    std::string out;
    for (const Message& p : replay.problems) out += nlohmann::json(p).dump() + "\n";
    return out;
}

const Checkpoint& checkpoint(const Scenario& s, const std::string& id) {
    const Checkpoint* c = s.find_checkpoint(id);
    REQUIRE(c != nullptr);
    return *c;
}

// The transaction that pays `address` (its first appearance as an output).
TxIndex paying(const Ledger& ledger, const std::string& address) {
    const auto a = ledger.find_address(address);
    REQUIRE(a);
    for (TxIndex t : ledger.transactions_of(*a))
        for (const TxOutput& o : ledger.outputs(t))
            if (o.address == *a) return t;
    FAIL("no transaction pays " + address);
    return kNoTx;
}

}  // namespace

TEST_CASE(
    "A generated case with every typology loads cleanly and its expert path scores the maximum") {
    TempDir dir;
    const GenerateResult generated = make(dir.path(), 7, 5'000);
    REQUIRE(generated.error.empty());
    CHECK(generated.transactions == 5'000);
    CHECK(generated.case_file.filename() == "haystack-7-5000.yaml");
    CHECK(generated.ledger_file.filename() == "haystack-7-5000-ledger.csv");

    const LoadResult loaded = load_scenario_file(generated.case_file);
    INFO(describe(loaded));
    REQUIRE(loaded.errors.empty());
    REQUIRE(loaded.scenario);
    const Scenario& s = *loaded.scenario;
    CHECK(s.ledger.transaction_count() == 5'000);
    CHECK(s.ledger.chains().size() == 2);

    const ExpertReplay replay = replay_expert_solution(loaded.scenario);
    INFO(describe(replay));
    CHECK(replay.problems.empty());
    CHECK(replay.score.total == replay.score.max);
    CHECK(replay.score.recovery_earned == replay.score.recovery_points);

    // Every chosen typology has its checkpoint, and the answer key says what the ledger shows.
    for (Typology t : all_typologies())
        CHECK(std::find(s.info.typologies.begin(), s.info.typologies.end(),
                        std::string(slug_of(t))) != s.info.typologies.end());
    CHECK(s.checkpoints.size() == all_typologies().size() + 1);

    SECTION(
        "the CoinJoin passes the engine's own CoinJoin test, and the answer is its affiliate "
        "change") {
        const TxIndex mix = paying(s.ledger, checkpoint(s, "coinjoin-change").answer);
        const CoinJoinCheck check = check_coinjoin(s.ledger, mix);
        CHECK(check.is_coinjoin);
        CHECK(check.participants >= 5);
    }
    SECTION("the peel chain's first change is spent by the next hop, which peels again") {
        const TxIndex hop1 = paying(s.ledger, checkpoint(s, "peel-change").answer);
        const auto change = *s.ledger.find_address(checkpoint(s, "peel-change").answer);
        std::uint32_t vout = 0;
        for (; vout < s.ledger.outputs(hop1).size(); ++vout)
            if (s.ledger.outputs(hop1)[vout].address == change) break;
        const TxIndex hop2 = s.ledger.spender({hop1, vout});
        REQUIRE(hop2 != kNoTx);
        CHECK(s.ledger.inputs(hop2).size() == 1);
        CHECK(s.ledger.outputs(hop2).size() == 2);
    }
    SECTION("the cycle's answer is both left and re-entered") {
        const auto origin = *s.ledger.find_address(checkpoint(s, "cycle-origin").answer);
        int received = 0;
        for (TxIndex t : s.ledger.transactions_of(origin))
            for (const TxOutput& o : s.ledger.outputs(t)) received += o.address == origin ? 1 : 0;
        CHECK(received >= 2);
    }
    SECTION("the bridge payout is a USDT transfer on Tron") {
        const auto payout = s.ledger.find_transaction(checkpoint(s, "bridge-payout").answer);
        REQUIRE(payout);
        const Transaction& tx = s.ledger.transaction(*payout);
        CHECK(s.ledger.chain(tx.chain).id == "tron");
        CHECK(s.ledger.asset(tx.asset).symbol == "USDT");
    }
    SECTION("the affiliate's deposit is swept into the domestic exchange's hot wallet") {
        REQUIRE(s.holdings.size() == 1);
        const AddressId deposit = s.holdings[0].subject;
        CHECK(s.ledger.transactions_of(deposit).size() == 2);  // deposited, then swept
        const Entity* owner = s.owner_of(deposit);
        REQUIRE(owner);
        CHECK(owner->kind == EntityKind::Exchange);
        CHECK(owner->jurisdiction == s.info.home_jurisdiction);
    }
    SECTION("the busiest address of the haystack is an exchange hot wallet") {
        AddressId busiest = 0;
        for (AddressId a = 0; a < s.ledger.address_count(); ++a)
            if (s.ledger.transactions_of(a).size() > s.ledger.transactions_of(busiest).size())
                busiest = a;
        CHECK(s.ledger.transactions_of(busiest).size() > 100);
        const Entity* owner = s.owner_of(busiest);
        REQUIRE(owner);
        CHECK(owner->kind == EntityKind::Exchange);
    }
}

TEST_CASE("The same seed and size give byte-identical files; another seed gives another case") {
    TempDir a, b, c;
    const GenerateResult first =
        make(a.path(), 11, 3'000, {all_typologies().begin(), all_typologies().end()}, "same");
    const GenerateResult second =
        make(b.path(), 11, 3'000, {all_typologies().begin(), all_typologies().end()}, "same");
    const GenerateResult other =
        make(c.path(), 12, 3'000, {all_typologies().begin(), all_typologies().end()}, "same");
    REQUIRE(first.ok());
    REQUIRE(second.ok());
    REQUIRE(other.ok());
    const std::string yaml = file_bytes(first.case_file);
    const std::string csv = file_bytes(first.ledger_file);
    CHECK(yaml.size() > 10'000);
    CHECK(csv.size() > 100'000);
    CHECK(yaml == file_bytes(second.case_file));
    CHECK(csv == file_bytes(second.ledger_file));
    CHECK(yaml != file_bytes(other.case_file));
    CHECK(csv != file_bytes(other.ledger_file));
}

TEST_CASE("Each typology on its own, and none, makes a valid case the expert solves") {
    std::vector<std::vector<Typology>> choices{{}};
    for (Typology t : all_typologies()) choices.push_back({t});
    choices.push_back({Typology::FanIn, Typology::Cycle});  // fan-in from the crew's wallets
    choices.push_back(
        {Typology::FanOut, Typology::ExchangeConsolidation});  // mules straight to the exchange
    choices.push_back({Typology::BridgeHop, Typology::ExchangeConsolidation});  // cash-out on Tron
    std::uint64_t seed = 100;
    for (const auto& typologies : choices) {
        std::string names;
        for (Typology t : typologies) names += std::string(slug_of(t)) + " ";
        INFO("typologies: " << names);
        TempDir dir;
        const GenerateResult generated = make(dir.path(), seed++, 800, typologies);
        REQUIRE(generated.error.empty());
        const LoadResult loaded = load_scenario_file(generated.case_file);
        INFO(describe(loaded));
        REQUIRE(loaded.ok());
        const ExpertReplay replay = replay_expert_solution(loaded.scenario);
        INFO(describe(replay));
        CHECK(replay.problems.empty());
        CHECK(loaded.scenario->checkpoints.size() == typologies.size() + 1);
    }
}

TEST_CASE("Bad options are refused with a message naming the problem") {
    TempDir dir;
    const Message few = make(dir.path(), 1, 50).error;
    CHECK(few.key == "generate.error.transactions");
    REQUIRE(few.find("value"));
    CHECK(few.find("value")->value == "50");
    const Message bad_id = make(dir.path(), 1, 1'000, {}, "Bad Id!").error;
    CHECK(bad_id.key == "generate.error.bad_id");
    REQUIRE(bad_id.find("id"));
    CHECK(bad_id.find("id")->value == "Bad Id!");
    GenerateOptions o;
    o.out_dir = dir.path();
    o.transactions = 1'000;
    o.days = 2;
    CHECK(generate_case(o).error.key == "generate.error.days");
    CHECK(std::filesystem::is_empty(dir.path()));
}
