// The Seminar core without HTTP: joining, the exercise clock, instructor messages and hints, and
// rebuilding every session from the SQLite record.
#include <catch2/catch.hpp>
#include <fstream>

#include "i18n/catalogue.hpp"
#include "model/action_builders.hpp"
#include "sample_case.hpp"
#include "scenario/jurisdiction_loader.hpp"
#include "seminar/credentials.hpp"
#include "seminar/seminar.hpp"
#include "seminar/variant.hpp"
#include "seminar_case.hpp"
#include "session/session.hpp"
#include "temp_dir.hpp"

using namespace mt;
using namespace mt::seminar;
using mt::testing::TempDir;

namespace {

std::unique_ptr<Seminar> open_seminar(const std::shared_ptr<const Scenario>& s,
                                      const std::filesystem::path& db,
                                      std::optional<std::uint64_t> seed = std::nullopt) {
    auto opened = Seminar::open(s, {db, seed, 200});
    INFO(render(opened.error, "en"));
    REQUIRE(opened.seminar);
    return std::move(opened.seminar);
}

std::string token_of(const Reply& r) {
    REQUIRE(r.ok());
    return r.body["token"].get<std::string>();
}

Action explore(const std::string& address) {
    Action a;
    a.type = ActionType::ExploreAddress;
    a.target = address;
    a.direction = Direction::Out;
    return a;
}

}  // namespace

TEST_CASE("trainees join with the code; the same name rejoins only with the token or code") {
    TempDir dir;
    auto seminar = open_seminar(testing::make_seminar_case(), dir.file("s.sqlite"));
    CHECK(seminar->join("WRONG1", "Ana", "FGR").failure == Failure::Forbidden);
    const std::string code = seminar->join_code();
    std::string lower = code;
    for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    const Reply first =
        seminar->join(lower.substr(0, 3) + "-" + lower.substr(3), "  Ana  López ", "FGR");
    const std::string token = token_of(first);
    const std::string rejoin_code = first.body["rejoin_code"];
    CHECK(rejoin_code.size() == kJoinCodeLength);
    CHECK(first.body["name"] == "Ana López");
    CHECK(first.body["rejoined"] == false);
    CHECK(first.body["state"] == "lobby");
    CHECK_FALSE(first.body["casefile"].contains("score"));

    REQUIRE(seminar->start().ok());
    REQUIRE(seminar->act(token, explore(testing::kRansom)).body["accepted"] == true);

    SECTION("a name alone is refused, in both languages, and changes nothing") {
        for (const char* impostor : {"ANA LÓPEZ", "ana lópez", "Ana\u00A0López", "Ana   López"}) {
            const Reply taken = seminar->join(code, impostor, "");
            CHECK(taken.failure == Failure::Conflict);
            CHECK(taken.error_key == "seminar.name_taken");
            CHECK(render(taken.error, "en").find("Someone named Ana López has already joined") !=
                  std::string::npos);
            CHECK(render(taken.error, "es").find("Alguien con el nombre Ana López ya se unió") !=
                  std::string::npos);
            CHECK(taken.body.is_null());  // no token, no casefile
        }
        const Reply guessed = seminar->join(code, "Ana López", "", {"", "AAAAAA"});
        CHECK(guessed.failure == Failure::Forbidden);
        CHECK(guessed.error_key == "seminar.wrong_rejoin_code");
        CHECK(render(guessed.error, "es").find("no corresponde a Ana López") != std::string::npos);
        CHECK(seminar->join(code, "Ana López", "", {"0123456789abcdef0123456789abcdef", ""})
                  .failure == Failure::Conflict);
        // The real trainee's token keeps working.
        CHECK(seminar->act(token, explore(testing::kRansom)).body["accepted"] == true);
        CHECK(seminar->snapshot().size() == 1);
    }
    SECTION("the kept token or the rejoin code continues the same session with the same token") {
        const Reply by_token = seminar->join(code, "ANA LÓPEZ", "", {token, ""});
        CHECK(token_of(by_token) == token);
        CHECK(by_token.body["rejoined"] == true);
        CHECK(by_token.body["agency"] == "FGR");  // the first join's agency stays
        CHECK(by_token.body["casefile"]["actions_taken"] == 1);
        const std::string typed = rejoin_code.substr(0, 3) + " " + rejoin_code.substr(3);
        std::string typed_lower = typed;
        for (char& c : typed_lower)
            c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        const Reply by_code = seminar->join(code, "ana lópez", "", {"", typed_lower});
        CHECK(token_of(by_code) == token);
        CHECK(by_code.body["rejoin_code"] == rejoin_code);
        CHECK(seminar->casefile(token).ok());
        CHECK(seminar->snapshot().size() == 1);
    }
    SECTION("the instructor can look up a trainee's rejoin code") {
        const Reply looked_up = seminar->rejoin_code("ana LÓPEZ");
        REQUIRE(looked_up.ok());
        CHECK(looked_up.body["rejoin_code"] == rejoin_code);
        CHECK(looked_up.body["name"] == "Ana López");
        const Reply nobody = seminar->rejoin_code("Nadie");
        CHECK(nobody.failure == Failure::NotFound);
        CHECK(render(nobody.error, "es").find("Nadie con el nombre Nadie") != std::string::npos);
    }
}

TEST_CASE("actions wait for the start, stop while paused and after the end") {
    TempDir dir;
    auto seminar = open_seminar(testing::make_seminar_case(), dir.file("s.sqlite"));
    const std::string t = token_of(seminar->join(seminar->join_code(), "Bruno", "SSPC"));

    Reply r = seminar->act(t, explore(testing::kRansom));
    REQUIRE(r.ok());
    CHECK(r.body["accepted"] == false);
    CHECK(r.body["reason_key"] == "seminar.exercise_not_started");
    CHECK(render(r.body["reason"].get<Message>(), "es") ==
          "El ejercicio aún no ha comenzado; espera al instructor.");
    CHECK_FALSE(r.body.contains("reason_es"));
    const Reply early_pause = seminar->pause();
    CHECK(early_pause.failure == Failure::Conflict);
    CHECK(render(early_pause.error, "es") == "No se puede pausar: el ejercicio está en espera.");
    CHECK(seminar->resume().failure == Failure::Conflict);

    REQUIRE(seminar->start().ok());
    CHECK(seminar->start().failure == Failure::Conflict);
    CHECK(seminar->act(t, explore(testing::kRansom)).body["accepted"] == true);

    REQUIRE(seminar->pause().ok());
    r = seminar->act(t, wait_action(hours(1)));
    CHECK(r.body["accepted"] == false);
    CHECK(r.body["reason_key"] == "seminar.paused");
    CHECK(r.body["casefile"]["actions_taken"] == 1);
    REQUIRE(seminar->resume().ok());
    CHECK(seminar->act(t, wait_action(hours(1))).body["accepted"] == true);

    CHECK(seminar->casefile(t).body["casefile"]["submitted"] == false);
    const Reply ended = seminar->end();
    REQUIRE(ended.ok());
    CHECK(seminar->end().failure == Failure::Conflict);
    // Ending submits every open session, so each trainee gets a score and the debrief.
    CHECK(ended.body["submitted"] == 1);
    const nlohmann::json after = seminar->casefile(t).body["casefile"];
    CHECK(after["submitted"] == true);
    CHECK(after.contains("score"));
    r = seminar->act(t, wait_action(hours(1)));
    CHECK(r.body["reason_key"] == "seminar.ended");
    CHECK(render(r.body["reason"].get<Message>(), "es") ==
          "El ejercicio terminó; ya no se aceptan acciones.");
    CHECK(seminar->stored_action_count() == 3);
    const Reply late = seminar->join(seminar->join_code(), "Late Comer", "");
    CHECK(late.failure == Failure::Conflict);
    CHECK(render(late.error, "es") ==
          "El ejercicio terminó; ya no pueden unirse más participantes.");
    CHECK(render(seminar->start().error, "en") == "Cannot start: the exercise is over.");
    // Every refusal above is worded by the catalogues, in both languages.
    std::string missing;
    for (const auto& key : missing_translation_keys()) missing += key + " ";
    INFO(missing);
    CHECK(missing_translation_keys().empty());
    // Results stay readable for a trainee who rejoins.
    CHECK(seminar->join(seminar->join_code(), "bruno", "", {t, ""}).ok());
}

TEST_CASE(
    "instructor messages reach every timeline where each trainee was, late joiners included") {
    TempDir dir;
    auto seminar = open_seminar(testing::make_seminar_case(), dir.file("s.sqlite"));
    REQUIRE(seminar->start().ok());
    const std::string a = token_of(seminar->join(seminar->join_code(), "Ana", ""));
    const std::string b = token_of(seminar->join(seminar->join_code(), "Bea", ""));
    REQUIRE(seminar->act(a, wait_action(hours(5))).body["accepted"] == true);
    CHECK(seminar->inject({"", ""}).failure == Failure::BadRequest);
    CHECK(seminar->inject({"Bad\x01", "x"}).failure == Failure::BadRequest);
    const Reply sent = seminar->inject({"Check the exchange deposits", "Revisen los depósitos"});
    REQUIRE(sent.ok());
    CHECK(sent.body["delivered"] == 2);
    REQUIRE(seminar->inject({"Only English", ""}).ok());
    REQUIRE(seminar->act(a, wait_action(hours(1))).body["accepted"] == true);
    const std::string c = token_of(seminar->join(seminar->join_code(), "Caro", ""));

    auto messages = [&](const std::string& token) {
        std::vector<std::pair<SimSeconds, std::string>> out;
        const Reply reply = seminar->casefile(token);
        for (const auto& e : reply.body["casefile"]["timeline"]) {
            const Message text = e["text"].get<Message>();
            const std::string en = render(text, "en");
            if (en.rfind("Instructor: Check", 0) == 0 || en.rfind("Instructor: Only", 0) == 0)
                out.push_back({e["at"].get<SimSeconds>(), render(text, "es")});
        }
        return out;
    };
    const auto at_a = messages(a);
    REQUIRE(at_a.size() == 2);
    CHECK(at_a[0] == std::make_pair(hours(5), std::string("Instructor: Revisen los depósitos")));
    CHECK(at_a[1] ==
          std::make_pair(hours(5),
                         std::string("Instructor: Only English")));  // one language serves both
    CHECK(messages(b).size() == 2);
    CHECK(messages(b)[0].first == 0);
    CHECK(messages(c).size() == 2);
    // The message sits between what happened before and after it.
    const nlohmann::json timeline = seminar->casefile(a).body["casefile"]["timeline"];
    CHECK(render(timeline.back()["text"].get<Message>(), "en").rfind("Waited 1h", 0) == 0);
}

TEST_CASE("hint-all gives each trainee the next hint as a journaled action") {
    TempDir dir;
    const std::shared_ptr<const Scenario> scenario = testing::make_seminar_case();
    auto seminar = open_seminar(scenario, dir.file("s.sqlite"));
    const std::string a = token_of(seminar->join(seminar->join_code(), "Ana", ""));
    const std::string b = token_of(seminar->join(seminar->join_code(), "Bea", ""));
    CHECK(seminar->hint_all().failure == Failure::Conflict);  // not started
    REQUIRE(seminar->start().ok());
    // Only trainees who have started are given (and charged for) a hint.
    const std::string c = token_of(seminar->join(seminar->join_code(), "Caro", ""));
    REQUIRE(seminar->act(a, wait_action(hours(1))).body["accepted"] == true);
    REQUIRE(seminar->act(b, wait_action(hours(1))).body["accepted"] == true);
    REQUIRE(seminar->pause().ok());
    const Reply given = seminar->hint_all();
    REQUIRE(given.ok());
    CHECK(given.body["given"].size() == 2);
    REQUIRE(given.body["skipped"].size() == 1);
    CHECK(given.body["skipped"][0]["name"] == "Caro");
    CHECK(seminar->casefile(c).body["casefile"]["hints"].empty());
    CHECK(seminar->casefile(a).body["casefile"]["hints"].size() == 1);
    // The sample case has one hint: the second round has nothing left to give.
    const Reply second = seminar->hint_all();
    CHECK(second.body["given"].empty());
    CHECK(second.body["skipped"].size() == 3);
    CHECK(seminar->stored_action_count() == 4);
    for (const TraineeSnapshot& t : seminar->snapshot()) {
        if (t.name == "Caro") continue;
        CHECK(t.instructor_actions == 1);
        CHECK(t.hints_used == 1);
        CHECK(t.score.penalties.size() == 1);  // the rubric's hint penalty, as if asked
    }
    (void)b;
}

TEST_CASE("a restart rebuilds every session, message and the clock from the database") {
    TempDir dir;
    const std::shared_ptr<const Scenario> scenario = testing::make_seminar_case();
    std::string code, secret, a, b;
    nlohmann::json before_a, before_b;
    {
        auto seminar = open_seminar(scenario, dir.file("s.sqlite"), 99);
        code = seminar->join_code();
        secret = seminar->instructor_secret();
        a = token_of(seminar->join(code, "Ana", "FGR"));
        b = token_of(seminar->join(code, "Bea", "UIF"));
        REQUIRE(seminar->start().ok());
        const auto variant_a = make_variant(*scenario, 99, "ana").scenario;
        for (const Action& x : variant_a->expert_solution) {
            if (x.type == ActionType::Submit) break;
            REQUIRE(seminar->act(a, x).body["accepted"] == true);
        }
        REQUIRE(seminar->inject({"Half time", "Medio tiempo"}).ok());
        REQUIRE(seminar->act(b, wait_action(hours(40))).body["accepted"] == true);
        REQUIRE(seminar->pause().ok());
        before_a = seminar->casefile(a).body;
        before_b = seminar->casefile(b).body;
    }
    auto seminar = open_seminar(scenario, dir.file("s.sqlite"), 99);
    CHECK(seminar->join_code() == code);
    CHECK(seminar->instructor_secret() == secret);
    CHECK(seminar->state() == ExerciseState::Paused);
    CHECK(seminar->casefile(a).body == before_a);
    CHECK(seminar->casefile(b).body == before_b);
    // Distinct variants: the two trainees' address books do not overlap.
    for (const auto& x : before_a["casefile"]["addresses"])
        for (const auto& y : before_b["casefile"]["addresses"]) CHECK(x["address"] != y["address"]);
}

TEST_CASE("an action stored before the server died unanswered is applied once when resent") {
    TempDir dir;
    const std::shared_ptr<const Scenario> scenario = testing::make_seminar_case();
    std::string token;
    Action wait = wait_action(hours(2));
    wait.id = new_action_id();
    nlohmann::json first;
    {
        auto seminar = open_seminar(scenario, dir.file("s.sqlite"));
        token = token_of(seminar->join(seminar->join_code(), "Ana", "FGR"));
        REQUIRE(seminar->start().ok());
        first = seminar->act(token, wait).body;  // stored; the server is killed before replying
        REQUIRE(first["accepted"] == true);
    }
    auto seminar = open_seminar(scenario, dir.file("s.sqlite"));
    const std::int64_t stored = seminar->stored_action_count();
    const Reply again = seminar->act(token, wait);  // the laptop resends the same action
    REQUIRE(again.ok());
    CHECK(again.body["accepted"] == true);
    CHECK(again.body["cost"] == first["cost"]);
    CHECK(again.body["casefile"]["now"] == first["casefile"]["now"]);
    CHECK(seminar->stored_action_count() == stored);
    wait.id = new_action_id();  // a second wait is a new action
    CHECK(seminar->act(token, wait).body["casefile"]["now"] ==
          first["casefile"]["now"].get<SimSeconds>() + hours(2));
    CHECK(seminar->stored_action_count() == stored + 1);
}

TEST_CASE("a database recorded for another case or variant seed is refused, naming why") {
    TempDir dir;
    { auto seminar = open_seminar(testing::make_seminar_case(), dir.file("s.sqlite"), 5); }
    auto other = testing::make_seminar_case();
    other->rubric.objectives[0].points = 25;
    auto opened = Seminar::open(other, {dir.file("s.sqlite"), 5, 200});
    CHECK_FALSE(opened.seminar);
    CHECK(render(opened.error, "en").find("serve the same case file") != std::string::npos);
    opened = Seminar::open(testing::make_seminar_case(), {dir.file("s.sqlite"), std::nullopt, 200});
    CHECK_FALSE(opened.seminar);
    CHECK(render(opened.error, "en").find("--variants 5") != std::string::npos);
    CHECK(render(opened.error, "es").find("--variants 5") != std::string::npos);
    CHECK(render(opened.error, "es").find("s.sqlite") != std::string::npos);
    // Resumed with another jurisdiction pack, or the same pack with another timing: refused.
    auto with_pack = testing::make_seminar_case();
    with_pack->jurisdiction = *load_jurisdiction("us").pack;
    opened = Seminar::open(with_pack, {dir.file("s.sqlite"), 5, 200});
    CHECK(render(opened.error, "en").find("serve the same case file") != std::string::npos);
    {
        TempDir packed;
        { auto seminar = open_seminar(with_pack, packed.file("s.sqlite"), 5); }
        auto retimed = testing::make_seminar_case();
        retimed->jurisdiction = *load_jurisdiction("us").pack;
        retimed->jurisdiction.instruments[0].turnaround.value += hours(1);
        CHECK(render(Seminar::open(retimed, {packed.file("s.sqlite"), 5, 200}).error, "es")
                  .find("sirve el mismo archivo de caso") != std::string::npos);
        CHECK(Seminar::open(with_pack, {packed.file("s.sqlite"), 5, 200}).seminar);
    }
    opened = Seminar::open(testing::make_seminar_case(), {dir.file("s.sqlite"), 5, 200});
    CHECK(opened.seminar);
}

TEST_CASE("a second server on the same database is refused while the first runs") {
    TempDir dir;
    auto first = open_seminar(testing::make_seminar_case(), dir.file("s.sqlite"));
    auto second =
        Seminar::open(testing::make_seminar_case(), {dir.file("s.sqlite"), std::nullopt, 200});
    CHECK_FALSE(second.seminar);
    CHECK(render(second.error, "en").find("another 'moneytrail serve'") != std::string::npos);
}

TEST_CASE("a file that is not a seminar database is refused") {
    TempDir dir;
    {
        std::ofstream junk(dir.file("junk.sqlite"));
        junk << "this is not SQLite";
    }
    auto opened =
        Seminar::open(testing::make_seminar_case(), {dir.file("junk.sqlite"), std::nullopt, 200});
    CHECK_FALSE(opened.seminar);
    CHECK(render(opened.error, "en").find("junk.sqlite") != std::string::npos);
}
