#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "model/action_builders.hpp"
#include "sample_case.hpp"
#include "session/expert_check.hpp"
#include "session/session.hpp"

using namespace mt;
using namespace mt::testing;

namespace {

// The session after tracing to the deposit address and learning who runs it (20 minutes in).
Session traced_session() {
    Session s(make_sample_case());
    Action explore = explore_address_action(kRansom, Direction::Out);
    REQUIRE(s.apply(explore).accepted);
    REQUIRE(s.apply(lookup_action(kDeposit)).accepted);
    return s;
}

int penalty_points(const ScoreReport& r, PenaltyKind kind) {
    int total = 0;
    for (const auto& p : r.penalties)
        if (p.kind == kind) total += p.points;
    return total;
}

}  // namespace

TEST_CASE("a new session knows only the briefing", "[session]") {
    Session s(make_sample_case());
    const Casefile& c = s.casefile();
    CHECK(c.now == 0);
    CHECK(c.transactions.count("tx-ransom") == 1);
    CHECK(c.addresses.count(kRansom) == 1);
    CHECK(c.addresses.count(kDeposit) == 0);
    CHECK(c.services.count("offshorex") == 1);  // publishes a law-enforcement guide
    CHECK(c.services.count("bitnova") == 0);    // only known once attributed
    REQUIRE(c.checkpoints.size() == 1);
    CHECK(c.checkpoints[0].id == "cp-change");
    CHECK_FALSE(c.score);
}

TEST_CASE("exploring follows funds and costs simulated time", "[session]") {
    Session s = traced_session();
    const Casefile& c = s.casefile();
    CHECK(c.now == minutes(20));
    CHECK(c.transactions.count("tx-peel") == 1);
    CHECK(c.addresses.count(kDeposit) == 1);
    CHECK(c.transactions.count("tx-later") == 0);  // still in the future
    REQUIRE(c.addresses.at(kDeposit).attribution);
    CHECK(c.addresses.at(kDeposit).attribution->entity_id == "bitnova");
    CHECK(c.addresses.at(kDeposit).attribution->source == "lookup");
    CHECK(c.services.count("bitnova") == 1);
    CHECK(c.addresses.at(kRansom).explored_out);
    CHECK_FALSE(c.addresses.at(kRansom).explored_in);
}

TEST_CASE("the future stays hidden until the clock reaches it", "[session]") {
    Session s(make_sample_case());
    CHECK_FALSE(s.apply(explore_transaction_action("tx-later")).accepted);
    REQUIRE(s.apply(wait_action(hours(51))).accepted);
    CHECK(s.apply(explore_transaction_action("tx-later")).accepted);
}

TEST_CASE("a freeze sent before the adversary's move saves the funds", "[session][freeze]") {
    Session s = traced_session();
    REQUIRE(s.apply(request(Instrument::FreezeRequest, "bitnova", {kDeposit})).accepted);
    REQUIRE(s.apply(wait_action(days(2))).accepted);
    const Casefile& c = s.casefile();
    CHECK(c.requests.at(0).status == RequestStatus::Frozen);
    CHECK(c.frozen.size() == 1);
    const ScoreReport r = s.score();
    CHECK(r.frozen_usd_cents == 3'000'000'00);
    CHECK(r.recovery_earned == 30);
}

TEST_CASE("a freeze that lands after the adversary's move saves nothing", "[session][freeze]") {
    Session s = traced_session();
    REQUIRE(s.apply(wait_action(hours(30)))
                .accepted);  // 30h20m: the freeze is drafted by 31h20m, lands at 37h20m
    REQUIRE(s.apply(request(Instrument::FreezeRequest, "bitnova", {kDeposit})).accepted);
    REQUIRE(s.apply(wait_action(hours(12))).accepted);
    const Casefile& c = s.casefile();
    CHECK(c.requests.at(0).status == RequestStatus::NothingFound);
    CHECK(c.frozen.empty());
    CHECK(s.score().recovery_earned == 0);
    bool told = false;
    for (const auto& e : c.timeline)
        told |= e.kind == TimelineKind::Event && e.text.key == "timeline.case_text" &&
                e.text.find("text")->value == "Bitnova balance withdrawn";
    CHECK(told);
}

TEST_CASE("a freeze landing at the very minute of the move still holds the funds",
          "[session][freeze]") {
    Session s = traced_session();
    // Traced at 20m; waiting brings the clock to 29h; drafting takes 1h and the freeze 6h to land:
    // 36h.
    REQUIRE(s.apply(wait_action(hours(28) + minutes(40))).accepted);
    REQUIRE(s.apply(request(Instrument::FreezeRequest, "bitnova", {kDeposit})).accepted);
    REQUIRE(s.casefile().requests.at(0).due_at == hours(36));
    REQUIRE(s.apply(wait_action(hours(7))).accepted);
    CHECK(s.casefile().requests.at(0).status == RequestStatus::Frozen);
}

TEST_CASE("each penalty is charged for the mistake it names", "[session][penalty]") {
    SECTION("uninvolved party") {
        Session s = traced_session();
        REQUIRE(s.apply(request(Instrument::Preservation, "offshorex", {kDeposit})).accepted);
        CHECK(penalty_points(s.score(), PenaltyKind::UninvolvedRequest) == 10);
        CHECK(penalty_points(s.score(), PenaltyKind::WrongInstrument) == 0);
    }
    SECTION("over-broad request") {
        Session s = traced_session();
        REQUIRE(s.apply(request(Instrument::Subpoena, "bitnova", {kDeposit, kVictim, kChange}))
                    .accepted);
        CHECK(penalty_points(s.score(), PenaltyKind::OverbroadRequest) == 5);
        CHECK(penalty_points(s.score(), PenaltyKind::UninvolvedRequest) == 0);
    }
    SECTION("wrong instrument") {
        Session s = traced_session();
        REQUIRE(s.apply(request(Instrument::SearchWarrant, "bitnova", {kDeposit})).accepted);
        REQUIRE(s.apply(wait_action(days(3))).accepted);
        CHECK(s.casefile().requests.at(0).status == RequestStatus::Declined);
        CHECK(penalty_points(s.score(), PenaltyKind::WrongInstrument) == 5);
    }
    SECTION("emergency disclosure without a life at risk") {
        Session s = traced_session();
        REQUIRE(s.apply(request(Instrument::EmergencyDisclosure, "bitnova", {kDeposit})).accepted);
        CHECK(penalty_points(s.score(), PenaltyKind::WrongInstrument) == 5);
    }
    SECTION("wrong jurisdiction") {
        Session s(make_sample_case());
        Action explore = explore_address_action(kChange);
        REQUIRE(s.apply(wait_action(hours(3))).accepted);
        REQUIRE(s.apply(explore).accepted);
        REQUIRE(s.apply(request(Instrument::Subpoena, "offshorex", {kOffshore})).accepted);
        const ScoreReport r = s.score();
        CHECK(penalty_points(r, PenaltyKind::WrongJurisdiction) == 8);
        CHECK(penalty_points(r, PenaltyKind::WrongInstrument) == 0);  // one mistake, one penalty
        CHECK(penalty_points(r, PenaltyKind::UninvolvedRequest) == 0);
    }
    SECTION("hints") {
        Session s(make_sample_case());
        REQUIRE(s.apply(hint_action()).accepted);
        CHECK(s.casefile().hints.size() == 1);
        CHECK(penalty_points(s.score(), PenaltyKind::Hint) == 3);
        CHECK_FALSE(s.apply(hint_action()).accepted);  // none left
    }
    SECTION("time over budget") {
        Session s(make_sample_case());
        REQUIRE(s.apply(wait_action(days(7) + hours(4) + 1)).accepted);
        CHECK(penalty_points(s.score(), PenaltyKind::TimeOverBudget) == 5);
    }
}

TEST_CASE("invalid actions are rejected with a reason and change nothing", "[session]") {
    Session s = traced_session();
    const auto before = to_json(s.casefile());
    const std::vector<Action> invalid = {
        explore_address_action("bc1qdoesnotexist"),
        lookup_action(kOffshore),                               // not discovered yet
        request(Instrument::Subpoena, "crew", {kDeposit}),      // not a service
        request(Instrument::Subpoena, "bitnova", {}),           // no identifiers
        request(Instrument::Subpoena, "bitnova", {kStranger}),  // not in the casefile
        [] {
            Action a = request(Instrument::Subpoena, "bitnova", {kDeposit});
            a.text = "x";
            return a;
        }(),
        [] {
            Action a = answer_action("cp-first", "freeze");
            return a;
        }(),  // not open yet
        [] {
            Action a = answer_action("cp-change", kStranger);
            return a;
        }(),
        annotate_action("nothing", "", {}),
        analysis_action(AnalysisTool::Taint, "bc1qnowhere", TaintMethod::Haircut),
    };
    for (const Action& a : invalid) {
        const ActionOutcome outcome = s.apply(a);
        INFO(to_json(a).dump());
        CHECK_FALSE(outcome.accepted);
        CHECK_FALSE(outcome.reason.empty());
        CHECK(outcome.reason.key.rfind("reject.", 0) == 0);
    }
    CHECK(to_json(s.casefile()) == before);
    CHECK(s.accepted_actions().size() == 2);
}

TEST_CASE("checkpoints open on time and take one answer", "[session][checkpoint]") {
    Session s = traced_session();
    Action change = answer_action("cp-change", kChange);
    REQUIRE(s.apply(change).accepted);
    CHECK_FALSE(s.apply(change).accepted);
    REQUIRE(s.apply(wait_action(hours(1))).accepted);
    REQUIRE(s.casefile().checkpoints.size() == 2);
    Action wrong = answer_action("cp-first", "dance");
    CHECK_FALSE(s.apply(wrong).accepted);
    wrong.answer = "mlat";
    REQUIRE(s.apply(wrong).accepted);
    const ScoreReport r = s.score();
    CHECK(r.checkpoints.at(0).is_correct);
    CHECK_FALSE(r.checkpoints.at(1).is_correct);
}

TEST_CASE("the expert solution scores the maximum", "[session][expert]") {
    const ExpertReplay replay = replay_expert_solution(make_sample_case());
    INFO(
        (replay.problems.empty() ? std::string() : nlohmann::json(replay.problems.front()).dump()));
    CHECK(replay.problems.empty());
    CHECK(replay.score.total == replay.score.max);
    CHECK(replay.score.max == 100);
    CHECK(replay.score.grade.en == "Excellent");
}

TEST_CASE("a broken expert solution is reported", "[session][expert]") {
    auto scenario = make_sample_case();
    scenario->expert_solution.erase(scenario->expert_solution.begin() + 3);  // drop the freeze
    const ExpertReplay replay = replay_expert_solution(scenario);
    CHECK_FALSE(replay.problems.empty());
    CHECK(replay.score.total < replay.score.max);
}

TEST_CASE("the score and the expert path are revealed only on submit", "[session]") {
    Session s = traced_session();
    CHECK_FALSE(s.casefile().score);
    CHECK(s.casefile().expert_solution.empty());
    REQUIRE(s.apply(submit_action("")).accepted);
    REQUIRE(s.casefile().score);
    CHECK(s.casefile().score->objectives.at(0).earned == 20);  // traced
    CHECK(s.casefile().expert_solution.size() == 8);
    CHECK_FALSE(s.apply(wait_action(60)).accepted);
}

TEST_CASE("the adversary's moves and the expert's times are released only on submit",
          "[session][debrief]") {
    // A freeze that lands after the withdrawal: the debrief can say "your freeze landed at +37 h;
    // the withdrawal was at +36 h".
    Session s = traced_session();
    REQUIRE(s.apply(wait_action(hours(30))).accepted);
    REQUIRE(s.apply(request(Instrument::FreezeRequest, "bitnova", {kDeposit})).accepted);
    REQUIRE(s.apply(wait_action(hours(12))).accepted);
    CHECK(s.casefile().adversary_moves.empty());
    CHECK(s.casefile().expert_times.empty());
    CHECK(s.casefile().expert_texts.empty());
    REQUIRE(s.apply(submit_action("")).accepted);
    const Casefile& c = s.casefile();
    REQUIRE(c.expert_texts.size() == c.expert_solution.size());
    REQUIRE(c.adversary_moves.size() == 1);  // the message event is no move of funds
    const AdversaryMove& move = c.adversary_moves.front();
    CHECK(move.at == hours(36));
    CHECK(move.holding.en == "0.6 BTC at Bitnova");
    CHECK(move.custodian.en == "Bitnova");
    CHECK(move.due);
    CHECK_FALSE(move.prevented);
    REQUIRE(move.freeze_landed_at);
    CHECK(*move.freeze_landed_at == c.requests.at(0).due_at);
    CHECK(*move.freeze_landed_at > move.at);
    // One time per expert step, never going back, the last no later than the expert's submission.
    REQUIRE(c.expert_times.size() == c.expert_solution.size());
    for (std::size_t i = 1; i < c.expert_times.size(); ++i)
        CHECK(c.expert_times[i] >= c.expert_times[i - 1]);
    CHECK(c.expert_times.back() > 0);
}

TEST_CASE("a freeze in time shows the adversary's move as prevented", "[session][debrief]") {
    Session s = traced_session();
    REQUIRE(s.apply(request(Instrument::FreezeRequest, "bitnova", {kDeposit})).accepted);
    REQUIRE(s.apply(submit_action("")).accepted);  // before the freeze is answered
    REQUIRE(s.casefile().adversary_moves.size() == 1);
    const AdversaryMove& unanswered = s.casefile().adversary_moves.front();
    CHECK_FALSE(unanswered.due);
    CHECK_FALSE(unanswered.freeze_landed_at);

    Session in_time = traced_session();
    REQUIRE(in_time.apply(request(Instrument::FreezeRequest, "bitnova", {kDeposit})).accepted);
    REQUIRE(in_time.apply(wait_action(days(2))).accepted);
    REQUIRE(in_time.apply(submit_action("")).accepted);
    const AdversaryMove& move = in_time.casefile().adversary_moves.at(0);
    CHECK(move.due);
    CHECK(move.prevented);
    REQUIRE(move.freeze_landed_at);
    CHECK(*move.freeze_landed_at < move.at);
}

TEST_CASE("replaying the same actions gives the same casefile and score", "[session][replay]") {
    auto scenario = make_sample_case();
    Session first(scenario);
    for (const Action& a : scenario->expert_solution) first.apply(a);
    Session second(scenario);
    for (const Action& a : first.accepted_actions()) REQUIRE(second.apply(a).accepted);
    CHECK(to_json(first.casefile()).dump() == to_json(second.casefile()).dump());
    CHECK(to_json(first.score()).dump() == to_json(second.score()).dump());
}
