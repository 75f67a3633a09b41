// Money mules and an OTC desk: the expert acts at home first; the wrong paths chase the foreign
// exchange, compel it, or ask an exchange that holds nothing.
#include <catch2/catch.hpp>

#include "case_support.hpp"

using namespace mt;
using namespace mt::cases;

namespace {

constexpr const char* kFile = "laundering-ring-mules.yaml";

}  // namespace

TEST_CASE("laundering-ring-mules: loads cleanly and the expert scores the maximum",
          "[cases][mules]") {
    const auto s = load_case(kFile);
    const ScoreReport score = check_expert_scores_maximum(s);
    CHECK(score.max == 100);
    CHECK(s->info.emergency_justified == false);
    CHECK(s->info.home_jurisdiction == "MX");
    CHECK(s->find_entity("atlasbit")->jurisdiction == "PA");
}

TEST_CASE(
    "laundering-ring-mules: the ledger is a fan-out to six mules and a fan-in to one collector",
    "[cases][mules]") {
    const auto s = load_case(kFile);
    const Ledger& ledger = s->ledger;
    const std::string collector = entity_address(*s, "cambioexpress-otc", 0);
    const Checkpoint* cp = s->find_checkpoint("collector");
    REQUIRE(cp != nullptr);
    CHECK(cp->answer == collector);
    // Every mule's forwarding transaction pays the collector.
    const Entity* mules = s->find_entity("ring-mules");
    int forwarding = 0;
    for (TxIndex t = 0; t < ledger.transaction_count(); ++t) {
        bool from_mule = false;
        for (const TxInput& in : ledger.inputs(t))
            from_mule = from_mule || s->owner_of(in.address) == mules;
        if (!from_mule) continue;
        for (const TxOutput& out : ledger.outputs(t))
            if (ledger.address_text(out.address) == collector) ++forwarding;
    }
    CHECK(forwarding == 6);
    // The domestic cash-out comes after the foreign liquidation message and long before any MLAT.
    const Service* atlasbit = s->find_service("atlasbit");
    REQUIRE(atlasbit != nullptr);
    CHECK(atlasbit->honours.at(Instrument::Mlat).turnaround > s->info.time_budget);
    CHECK(atlasbit->honours.count(Instrument::FreezeRequest) == 0);
}

TEST_CASE("laundering-ring-mules: going for the foreign exchange first loses the domestic freeze",
          "[cases][mules]") {
    const auto s = load_case(kFile);
    auto path = expert_path(*s);
    // Answer "MLAT first", draft the Atlasbit requests, wait on Panama, and only then turn to
    // Monetia.
    path[find_answer(path, "act-first")].answer = "atlasbit-mlat";
    const Action preservation = path[find_request(path, Instrument::Preservation, "atlasbit")];
    path.erase(path.begin() + static_cast<std::ptrdiff_t>(
                                  find_request(path, Instrument::Preservation, "atlasbit")));
    const Action mlat = path[find_request(path, Instrument::Mlat, "atlasbit")];
    path.erase(path.begin() +
               static_cast<std::ptrdiff_t>(find_request(path, Instrument::Mlat, "atlasbit")));
    const std::size_t freeze = find_request(path, Instrument::FreezeRequest, "monetia");
    path.insert(path.begin() + static_cast<std::ptrdiff_t>(freeze),
                {preservation, mlat, wait_action(hours(12))});
    const ScoreReport r = play(s, path).score();
    CHECK(penalty_kinds(r).empty());
    CHECK(missed_objectives(r) == std::vector<std::string>{"act-first-domestic", "freeze-monetia"});
    CHECK(r.recovery_earned == 0);
    CHECK(r.total == r.max - 10 - 25 - 15);
}

TEST_CASE("laundering-ring-mules: compelling or freezing at the Panamanian exchange is penalised",
          "[cases][mules]") {
    const auto s = load_case(kFile);
    auto path = expert_path(*s);
    const std::string atlas_deposit = entity_address(*s, "atlasbit", 0);
    // A Mexican subpoena instead of the MLAT, and a freeze request Atlasbit does not act on.
    path[find_request(path, Instrument::Mlat, "atlasbit")].instrument = Instrument::Subpoena;
    path.push_back(request(Instrument::FreezeRequest, "atlasbit", {atlas_deposit}));
    const Session played = play(s, path);
    const ScoreReport r = played.score();
    CHECK(penalty_kinds(r) ==
          std::vector<PenaltyKind>{PenaltyKind::WrongJurisdiction, PenaltyKind::WrongInstrument});
    CHECK(missed_objectives(r) == std::vector<std::string>{"foreign-records"});
    CHECK(r.total == r.max - 5 - 8 - 5);
}

TEST_CASE("laundering-ring-mules: asking the decoy exchange about the collector is uninvolved",
          "[cases][mules]") {
    const auto s = load_case(kFile);
    auto path = expert_path(*s);
    // Criptomex received an OTC client's coins before the ring's money arrived.
    const std::string criptomex_deposit = entity_address(*s, "criptomex", 0);
    const std::string collector = entity_address(*s, "cambioexpress-otc", 0);
    const std::size_t freeze = find_request(path, Instrument::FreezeRequest, "monetia");
    path.insert(path.begin() + static_cast<std::ptrdiff_t>(freeze),
                {lookup_action(criptomex_deposit),
                 request(Instrument::FreezeRequest, "criptomex", {collector})});
    const ScoreReport r = play(s, path).score();
    CHECK(penalty_kinds(r) == std::vector<PenaltyKind>{PenaltyKind::UninvolvedRequest});
    CHECK(missed_objectives(r).empty());
    CHECK(r.total == r.max - 10);
}
