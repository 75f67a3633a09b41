// Darknet vendor, mixer and CoinJoin: the expert stops where tracing breaks and uses the vendor's
// pre-mix deposits; the wrong paths ask the mixer or follow a naive cluster to an uninvolved
// person.
#include <catch2/catch.hpp>

#include "case_support.hpp"
#include "forensics/coinjoin.hpp"

using namespace mt;
using namespace mt::cases;

namespace {

constexpr const char* kFile = "darknet-coinjoin.yaml";

TxIndex coinjoin_tx(const Scenario& s) {
    const auto tx = s.ledger.find_transaction(s.find_checkpoint("which-coinjoin")->answer);
    REQUIRE(tx.has_value());
    return *tx;
}

// The CoinJoin input of the participant who withdrew his coins from Criptalia: what a naive
// common-input cluster would wrongly attach to the vendor.
std::string criptalia_funded_input(const Scenario& s) {
    const Ledger& ledger = s.ledger;
    for (const TxInput& in : ledger.inputs(coinjoin_tx(s))) {
        for (TxIndex t : ledger.transactions_of(in.address))
            for (const TxInput& funding : ledger.inputs(t)) {
                const Entity* owner = s.owner_of(funding.address);
                if (owner && owner->id == "criptalia") return ledger.address_text(in.address).str();
            }
    }
    FAIL("no CoinJoin input was funded by Criptalia");
    return {};
}

}  // namespace

TEST_CASE("darknet-coinjoin: loads cleanly and the expert scores the maximum",
          "[cases][coinjoin]") {
    const auto s = load_case(kFile);
    const ScoreReport score = check_expert_scores_maximum(s);
    CHECK(score.max == 100);
}

TEST_CASE("darknet-coinjoin: the CoinJoin passes the equal-output rule and mixes strangers' inputs",
          "[cases][coinjoin]") {
    const auto s = load_case(kFile);
    const CoinJoinCheck check = check_coinjoin(s->ledger, coinjoin_tx(*s));
    CHECK(check.is_coinjoin);
    CHECK(check.participants == 6);
    CHECK(check.denomination == Units{50'000'000});
    CHECK(check.denomination_count == 6);
    CHECK(check.distinct_input_addresses == 7);
    // Only one input is the vendor's; the Criptalia-funded one belongs to an uninvolved customer.
    int vendor_inputs = 0;
    for (const TxInput& in : s->ledger.inputs(coinjoin_tx(*s))) {
        const Entity* owner = s->owner_of(in.address);
        vendor_inputs += owner && owner->id == "farmanorte" ? 1 : 0;
    }
    CHECK(vendor_inputs == 1);
    CHECK(s->owner_of(*s->ledger.find_address(criptalia_funded_input(*s))) == nullptr);
    // The linked output is the vendor's change: his input less 0.5 BTC and 0.00019 BTC of fees.
    CHECK(s->find_checkpoint("linked-output")->answer == entity_address(*s, "farmanorte", 2));
}

TEST_CASE("darknet-coinjoin: subpoenas to the mixer are declined and penalised",
          "[cases][coinjoin]") {
    const auto s = load_case(kFile);
    auto path = expert_path(*s);
    const std::string mixer_deposit = entity_address(*s, "niebla-mixer", 0);
    const std::string vendor_address = entity_address(*s, "farmanorte", 1);
    const std::size_t freeze = find_request(path, Instrument::FreezeRequest, "cambix");
    path.insert(path.begin() + static_cast<std::ptrdiff_t>(freeze),
                {request(Instrument::Subpoena, "niebla-mixer", {mixer_deposit}),
                 request(Instrument::Subpoena, "niebla-mixer", {vendor_address})});
    path[find_answer(path, "legal-route")].answer = "mixer";
    const Session played = play(s, path);
    const ScoreReport r = played.score();
    // One mistake, one penalty per request: each subpoena is one the mixer does not act on.
    CHECK(penalty_kinds(r) ==
          std::vector<PenaltyKind>{PenaltyKind::WrongInstrument, PenaltyKind::WrongInstrument});
    CHECK(missed_objectives(r) == std::vector<std::string>{"remaining-route"});
    CHECK(r.total == r.max - 10 - 5 - 5);
    CHECK(played.casefile().requests.at(0).status == RequestStatus::Declined);
}

TEST_CASE(
    "darknet-coinjoin: following the naive cluster to Criptalia targets an uninvolved customer",
    "[cases][coinjoin]") {
    const auto s = load_case(kFile);
    auto path = expert_path(*s);
    const std::string stranger = criptalia_funded_input(*s);
    path[find_answer(path, "multi-input")].answer = "heuristic-holds";
    path.push_back(explore_address_action(stranger, Direction::In));
    path.push_back(lookup_action(entity_address(*s, "criptalia", 0)));
    path.push_back(request(Instrument::Subpoena, "criptalia", {stranger}));
    const ScoreReport r = play(s, path).score();
    CHECK(penalty_kinds(r) == std::vector<PenaltyKind>{PenaltyKind::UninvolvedRequest});
    CHECK(missed_objectives(r) == std::vector<std::string>{"heuristic-limits"});
    CHECK(r.total == r.max - 15 - 10);
}

TEST_CASE("darknet-coinjoin: a subpoena without the freeze lets the vendor withdraw",
          "[cases][coinjoin]") {
    const auto s = load_case(kFile);
    auto path = expert_path(*s);
    path.erase(path.begin() + static_cast<std::ptrdiff_t>(
                                  find_request(path, Instrument::FreezeRequest, "cambix")));
    const ScoreReport r = play(s, path).score();
    CHECK(penalty_kinds(r).empty());
    CHECK(missed_objectives(r) == std::vector<std::string>{"freeze-cambix"});
    CHECK(r.recovery_earned == 0);
    CHECK(r.total == r.max - 15 - 15);
}
