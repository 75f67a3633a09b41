#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <random>
#include <set>

#include "model/action_builders.hpp"
#include "sample_case.hpp"
#include "seminar/variant.hpp"
#include "seminar_case.hpp"
#include "session/expert_check.hpp"
#include "session/session.hpp"

using namespace mt;
using namespace mt::seminar;
using mt::testing::make_seminar_case;

namespace {

std::vector<const LocalizedText*> all_texts(const Scenario& s) {
    std::vector<const LocalizedText*> out{&s.info.title, &s.info.summary, &s.info.briefing,
                                          &s.expert_summary};
    for (const auto& e : s.entities) out.push_back(&e.name);
    for (const auto& sv : s.services) {
        out.push_back(&sv.decline_reason);
        for (const auto& r : sv.records) out.push_back(&r.content);
    }
    for (const auto& h : s.holdings) out.push_back(&h.description);
    for (const auto& e : s.events) out.push_back(&e.message);
    for (const auto& c : s.checkpoints) {
        out.push_back(&c.question);
        out.push_back(&c.explanation);
    }
    for (const auto& h : s.hints) out.push_back(&h);
    return out;
}

// A random but valid-looking sequence of actions drawn from what the base case contains.
std::vector<Action> random_actions(const Scenario& s, std::uint64_t seed) {
    std::mt19937_64 rng(seed);
    std::vector<Action> out;
    for (int i = 0; i < 30; ++i) {
        Action a;
        const std::string address =
            s.ledger.address_text(static_cast<AddressId>(rng() % s.ledger.address_count())).str();
        const std::string tx =
            s.ledger.transaction_id(static_cast<TxIndex>(rng() % s.ledger.transaction_count()))
                .str();
        switch (rng() % 7) {
            case 0:
                a.type = ActionType::ExploreAddress, a.target = address,
                a.direction = static_cast<Direction>(rng() % 3);
                break;
            case 1:
                a.type = ActionType::ExploreTransaction, a.target = tx;
                break;
            case 2:
                a.type = ActionType::Lookup, a.target = address;
                break;
            case 3:
                a.type = ActionType::LegalRequest,
                a.target = s.entities[rng() % s.entities.size()].id;
                a.instrument = static_cast<Instrument>(rng() % 8), a.identifiers = {address};
                a.text = "Funds traced to " + address;
                break;
            case 4:
                a.type = ActionType::AnswerCheckpoint,
                a.target = s.checkpoints[rng() % s.checkpoints.size()].id;
                a.answer = rng() % 2 ? address : "freeze";
                break;
            case 5:
                a.type = ActionType::RunAnalysis, a.tool = static_cast<AnalysisTool>(rng() % 4),
                a.target = tx;
                break;
            default:
                a = wait_action(hours(1 + static_cast<std::int64_t>(rng() % 30)));
                break;
        }
        out.push_back(a);
    }
    Action submit;
    submit.type = ActionType::Submit;
    out.push_back(submit);
    return out;
}

Action renamed_action(Action a, const std::map<std::string, std::string>& renamed) {
    a.target = rename_in_text(a.target, renamed);
    for (auto& id : a.identifiers) id = rename_in_text(id, renamed);
    a.answer = rename_in_text(a.answer, renamed);
    a.text = rename_in_text(a.text, renamed);
    return a;
}

}  // namespace

TEST_CASE("identifiers are renamed only where they stand whole") {
    const std::map<std::string, std::string> renamed{{"tx-peel", "tx-qwmk"},
                                                     {"bc1qabc", "bc1qxyz"}};
    CHECK(rename_in_text("Which output of tx-peel is change?", renamed) ==
          "Which output of tx-qwmk is change?");
    CHECK(rename_in_text("tx-peel.", renamed) == "tx-qwmk.");
    CHECK(rename_in_text("tx-peeled", renamed) == "tx-peeled");
    CHECK(rename_in_text("xbc1qabc", renamed) == "xbc1qabc");
    CHECK(rename_in_text("(bc1qabc)", renamed) == "(bc1qxyz)");
    CHECK(rename_in_text("", renamed).empty());
}

TEST_CASE(
    "a variant renames every address and transaction id, consistently and deterministically") {
    const auto base = make_seminar_case();
    const ScenarioVariant v = make_variant(*base, 42, "ana lópez");
    const Ledger& a = base->ledger;
    const Ledger& b = v.scenario->ledger;
    REQUIRE(a.address_count() == b.address_count());
    REQUIRE(a.transaction_count() == b.transaction_count());
    std::set<std::string> originals;
    for (std::size_t i = 0; i < a.address_count(); ++i)
        originals.emplace(a.address_text(static_cast<AddressId>(i)).str());
    for (std::size_t t = 0; t < a.transaction_count(); ++t)
        originals.emplace(a.transaction_id(static_cast<TxIndex>(t)).str());
    std::set<std::string> fresh;
    for (std::size_t i = 0; i < a.address_count(); ++i) {
        const auto id = static_cast<AddressId>(i);
        const std::string old_text = a.address_text(id).str();
        const std::string new_text = b.address_text(id).str();
        CHECK(new_text != old_text);
        CHECK(new_text.size() == old_text.size());
        CHECK(new_text.substr(0, 4) == "bc1q");  // the format's prefix stays
        CHECK_FALSE(originals.count(new_text));
        CHECK(v.renamed.at(old_text) == new_text);
        CHECK(b.address_chain(id) == a.address_chain(id));
        for (AssetId asset = 0; asset < a.assets().size(); ++asset)
            CHECK(b.balance(id, asset, days(30)) == a.balance(id, asset, days(30)));
        fresh.insert(new_text);
    }
    for (std::size_t t = 0; t < a.transaction_count(); ++t) {
        const auto ix = static_cast<TxIndex>(t);
        CHECK(b.transaction(ix).id != a.transaction(ix).id);
        CHECK(b.transaction(ix).id.view().substr(0, 3) == "tx-");
        CHECK(b.transaction(ix).time == a.transaction(ix).time);
        CHECK(b.transaction(ix).fee == a.transaction(ix).fee);
        REQUIRE(b.outputs(ix).size() == a.outputs(ix).size());
        for (std::size_t o = 0; o < a.outputs(ix).size(); ++o)
            CHECK(b.outputs(ix)[o].amount == a.outputs(ix)[o].amount);
        fresh.emplace(b.transaction_id(ix).str());
    }
    CHECK(fresh.size() == originals.size());

    // Answers, conditions and prose follow the renaming; no original identifier survives anywhere.
    CHECK(v.scenario->find_checkpoint("cp-change")->answer == v.renamed.at(testing::kChange));
    CHECK(v.scenario->rubric.objectives[0].conditions[0].target == v.renamed.at(testing::kDeposit));
    CHECK(v.scenario->info.briefing.en.find(v.renamed.at(testing::kRansom)) != std::string::npos);
    CHECK(v.scenario->info.briefing.en.find(v.renamed.at("tx-ransom")) != std::string::npos);
    for (const LocalizedText* t : all_texts(*v.scenario))
        for (const std::string& o : originals) {
            CHECK(t->en.find(o) == std::string::npos);
            CHECK(t->es.find(o) == std::string::npos);
        }
    for (const Action& x : v.scenario->expert_solution) {
        CHECK_FALSE(originals.count(x.target));
        for (const auto& id : x.identifiers) CHECK_FALSE(originals.count(id));
    }

    // Same inputs, same bits; another trainee gets another spelling.
    const ScenarioVariant again = make_variant(*base, 42, "ana lópez");
    CHECK(again.renamed == v.renamed);
    CHECK(make_variant(*base, 42, "bruno").renamed != v.renamed);
    CHECK(make_variant(*base, 43, "ana lópez").renamed != v.renamed);
}

TEST_CASE("a variant plays and scores exactly like the case it came from") {
    const std::shared_ptr<const Scenario> base = testing::make_sample_case();
    const ScenarioVariant v = make_variant(*base, 7, "carla");
    const ExpertReplay base_expert = replay_expert_solution(base);
    const ExpertReplay variant_expert = replay_expert_solution(v.scenario);
    CHECK(variant_expert.problems.empty());
    CHECK(variant_expert.score.total == base_expert.score.total);
    CHECK(variant_expert.score.total == variant_expert.score.max);

    for (std::uint64_t seed = 1; seed <= 25; ++seed) {
        Session on_base(base);
        Session on_variant(v.scenario);
        for (const Action& a : random_actions(*base, seed)) {
            const ActionOutcome x = on_base.apply(a);
            const ActionOutcome y = on_variant.apply(renamed_action(a, v.renamed));
            REQUIRE(x.accepted == y.accepted);
            CHECK(x.reason.key == y.reason.key);
        }
        const ScoreReport r1 = on_base.score();
        const ScoreReport r2 = on_variant.score();
        CHECK(r1.total == r2.total);
        CHECK(r1.percent == r2.percent);
        REQUIRE(r1.objectives.size() == r2.objectives.size());
        for (std::size_t i = 0; i < r1.objectives.size(); ++i)
            CHECK(r1.objectives[i].earned == r2.objectives[i].earned);
        REQUIRE(r1.penalties.size() == r2.penalties.size());
        for (std::size_t i = 0; i < r1.penalties.size(); ++i)
            CHECK(r1.penalties[i].points == r2.penalties[i].points);
        const Casefile& c1 = on_base.casefile();
        const Casefile& c2 = on_variant.casefile();
        CHECK(c1.now == c2.now);
        CHECK(c1.addresses.size() == c2.addresses.size());
        CHECK(c1.transactions.size() == c2.transactions.size());
        CHECK(c1.timeline.size() == c2.timeline.size());
        CHECK(c1.requests.size() == c2.requests.size());
        for (const auto& [text, known] : c1.addresses)
            CHECK(c2.addresses.count(v.renamed.at(text)));
    }
}
