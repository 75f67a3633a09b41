// The default case: the expert's full marks and the ways a trainee loses them.
#include <catch2/catch.hpp>

#include "case_support.hpp"

using namespace mt;
using namespace mt::cases;

namespace {

constexpr const char* kFile = "ransomware-peel-chain.yaml";

}  // namespace

TEST_CASE("ransomware-peel-chain: loads cleanly and the expert scores the maximum",
          "[cases][ransomware]") {
    const auto s = load_case(kFile);
    const ScoreReport score = check_expert_scores_maximum(s);
    CHECK(score.max == 100);
    CHECK(score.grade.en == "Excellent");
}

TEST_CASE("ransomware-peel-chain: a subpoena to the foreign exchange is the wrong jurisdiction",
          "[cases][ransomware]") {
    const auto s = load_case(kFile);
    auto path = expert_path(*s);
    // The trainee compels KoraEx (Seychelles) instead of asking it to preserve.
    path[find_request(path, Instrument::Preservation, "koraex")].instrument = Instrument::Subpoena;
    const ScoreReport r = play(s, path).score();
    CHECK(penalty_kinds(r) == std::vector<PenaltyKind>{PenaltyKind::WrongJurisdiction});
    CHECK(missed_objectives(r).empty());
    CHECK(r.total == r.max - 8);
}

TEST_CASE("ransomware-peel-chain: a freeze sent after the withdrawal recovers nothing",
          "[cases][ransomware]") {
    const auto s = load_case(kFile);
    auto path = expert_path(*s);
    const std::size_t freeze = find_request(path, Instrument::FreezeRequest, "bitnova");
    path.insert(path.begin() + static_cast<std::ptrdiff_t>(freeze), wait_action(hours(36)));
    const Session played = play(s, path);
    const ScoreReport r = played.score();
    CHECK(penalty_kinds(r).empty());
    CHECK(missed_objectives(r) == std::vector<std::string>{"freeze-in-time"});
    CHECK(r.recovery_earned == 0);
    CHECK(r.total == r.max - 30 - 15);
    CHECK(played.casefile().requests.at(0).status == RequestStatus::NothingFound);
}

TEST_CASE("ransomware-peel-chain: naming the victim's address in the freeze is over-broad",
          "[cases][ransomware]") {
    const auto s = load_case(kFile);
    auto path = expert_path(*s);
    path[find_request(path, Instrument::FreezeRequest, "bitnova")].identifiers.push_back(
        entity_address(*s, "hospital-san-rafael", 0));
    const ScoreReport r = play(s, path).score();
    CHECK(penalty_kinds(r) == std::vector<PenaltyKind>{PenaltyKind::OverbroadRequest});
    CHECK(missed_objectives(r).empty());
    CHECK(r.total == r.max - 5);
}

TEST_CASE("ransomware-peel-chain: choosing KoraEx first misses the checkpoint",
          "[cases][ransomware]") {
    const auto s = load_case(kFile);
    auto path = expert_path(*s);
    path[find_answer(path, "first-service")].answer = "koraex";
    const ScoreReport r = play(s, path).score();
    CHECK(penalty_kinds(r).empty());
    CHECK(missed_objectives(r) == std::vector<std::string>{"right-service-first"});
    CHECK(r.total == r.max - 10);
}
