#include "players.hpp"

#include <algorithm>
#include <chrono>
#include <memory>
#include <random>
#include <thread>

#include "i18n/catalogue.hpp"
#include "leak_check.hpp"
#include "model/action_builders.hpp"
#include "seminar/client.hpp"

namespace mt::testing {
namespace {

std::string upper(std::string s) {
    for (char& c : s)
        if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    return s;
}

class Player {
  public:
    Player(const PlayerSetup& setup, PlayerResult& result)
        : setup_(setup), result_(result), rng_(setup.seed), client_(connect()) {
        rules_.scenario = setup.scenario;
        rules_.other_names = setup.other_names;
    }

    bool join(const std::string& name, bool expect_rejoin, const std::string& rejoin_code = {}) {
        const seminar::ClientReply reply =
            client_->join(setup_.code, name, setup_.agency, rejoin_code);
        if (!check(reply, "join")) return false;
        if (reply.body.value("rejoined", !expect_rejoin) != expect_rejoin)
            problem("join: 'rejoined' should be " + std::string(expect_rejoin ? "true" : "false"));
        result_.token = client_->token();
        return update(reply);
    }

    // Sends one action; true when accepted. Retries while the instructor has paused.
    bool send(const Action& a) {
        // An answer is the trainee's own from the moment it is sent: the reply may show it.
        if (a.type == ActionType::AnswerCheckpoint) result_.answers_given.push_back(a.answer);
        for (;;) {
            const seminar::ClientReply reply = client_->act(a);
            if (!check(reply, "action " + std::string(name_of(a.type)), &a)) return false;
            update(reply);
            if (reply.body.value("accepted", false)) {
                result_.accepted.push_back(a);
                maybe_drop();
                return true;
            }
            const std::string key = reply.body.value("reason_key", "");
            if (key == "seminar.paused" || key == "seminar.exercise_not_started") {
                ++result_.paused_retries;
                std::this_thread::sleep_for(std::chrono::milliseconds(2));
                continue;
            }
            if (key.rfind("seminar.", 0) == 0) problem("unexpected refusal " + key);
            ++result_.engine_rejections;
            return false;
        }
    }

    void play_expert() {
        for (const Action& a : setup_.scenario->expert_solution)
            if (!send(a))
                problem("expert action " + std::string(name_of(a.type)) + " " + a.target +
                        " was refused");
    }

    void play_naive() {
        std::vector<std::string> addresses;
        for (const auto& [text, a] : casefile_.addresses) addresses.push_back(text);
        for (const std::string& a : addresses) {
            Action explore;
            explore.type = ActionType::ExploreAddress;
            explore.target = a;
            explore.direction = Direction::Out;
            send(explore);
        }
        addresses.clear();
        for (const auto& [text, a] : casefile_.addresses) addresses.push_back(text);
        for (const std::string& a : addresses) {
            Action lookup;
            lookup.type = ActionType::Lookup;
            lookup.target = a;
            send(lookup);
        }
        std::vector<std::string> services;
        for (const auto& [id, s] : casefile_.services) services.push_back(id);
        for (const std::string& service : services) {
            Action request;
            request.type = ActionType::LegalRequest;
            request.instrument = Instrument::Subpoena;
            request.target = service;
            request.identifiers = addresses;
            request.text = "All addresses seen in the ransom case";
            send(request);
        }
        answer_open_checkpoints(false);
        send(wait_action(days(2)));
        answer_open_checkpoints(false);
        Action submit;
        submit.type = ActionType::Submit;
        send(submit);
    }

    void play_random() {
        const int steps = 6 + static_cast<int>(rng_() % 18);
        for (int i = 0; i < steps && !casefile_.submitted; ++i) send(random_action());
        if (rng_() % 2 == 0) {
            Action submit;
            submit.type = ActionType::Submit;
            send(submit);
        }
    }

  private:
    std::unique_ptr<seminar::SeminarClient> connect() {
        return std::make_unique<seminar::SeminarClient>("127.0.0.1", setup_.port);
    }

    void problem(const std::string& what) { result_.problems.push_back(setup_.name + ": " + what); }

    bool check(const seminar::ClientReply& reply, const std::string& what,
               const Action* sent = nullptr) {
        ++result_.replies;
        if (!reply.ok()) {
            problem(what + ": HTTP " + std::to_string(reply.status) + " " + reply.error);
            return false;
        }
        rules_.answers_given = result_.answers_given;
        rules_.hints_earned = hints_earned(reply, sent);
        for (const std::string& leak : find_leaks(reply.body, rules_))
            problem(what + ": leak: " + leak);
        return true;
    }

    // Hints acknowledged before, this one if the reply accepts it, and the instructor's.
    std::size_t hints_earned(const seminar::ClientReply& reply, const Action* sent) const {
        std::size_t n = static_cast<std::size_t>(
            std::count_if(result_.accepted.begin(), result_.accepted.end(),
                          [](const Action& a) { return a.type == ActionType::Hint; }));
        if (sent && sent->type == ActionType::Hint && reply.body.value("accepted", false)) ++n;
        if (setup_.instructor_hints) n += setup_.instructor_hints->load();
        return n;
    }

    bool update(const seminar::ClientReply& reply) {
        auto parsed = seminar::casefile_of(reply);
        if (!parsed.casefile) {
            problem("casefile does not parse: " + render(parsed.error, "en"));
            return false;
        }
        casefile_ = std::move(*parsed.casefile);
        return true;
    }

    // The laptop sleeps and the program restarts: the connection and the kept token are gone.
    // The trainee joins again (typing the name in capitals) with the rejoin code the program
    // showed, and must find the same session under the same token.
    void maybe_drop() {
        if (setup_.drop_after < 0 || result_.rejoined ||
            static_cast<int>(result_.accepted.size()) != setup_.drop_after)
            return;
        const std::string old_token = client_->token();
        const std::string rejoin_code = client_->rejoin_code();
        client_.reset();
        client_ = connect();
        if (!join(upper(setup_.name), true, rejoin_code)) return;
        result_.rejoined = true;
        if (casefile_.actions_taken != result_.accepted.size())
            problem("rejoined session has " + std::to_string(casefile_.actions_taken) +
                    " actions, expected " + std::to_string(result_.accepted.size()));
        if (client_->token() != old_token) problem("rejoining changed the session token");
    }

    template <typename T>
    const T& pick(const std::vector<T>& items) {
        return items[rng_() % items.size()];
    }

    void answer_open_checkpoints(bool randomly) {
        const std::vector<OpenCheckpoint> open = casefile_.checkpoints;
        for (const OpenCheckpoint& c : open) {
            if (c.answer) continue;
            Action a;
            a.type = ActionType::AnswerCheckpoint;
            a.target = c.id;
            if (!c.options.empty()) {
                a.answer = randomly ? pick(c.options).id : c.options.front().id;
            } else if (c.kind == "transaction" && !casefile_.transactions.empty()) {
                a.answer = casefile_.transactions.begin()->first;
            } else if (!casefile_.addresses.empty()) {
                std::vector<std::string> addresses;
                for (const auto& [text, known] : casefile_.addresses) addresses.push_back(text);
                a.answer = randomly ? pick(addresses) : addresses.front();
            }
            send(a);
        }
    }

    Action random_action() {
        std::vector<std::string> addresses;
        std::vector<std::string> targets;
        for (const auto& [text, a] : casefile_.addresses) addresses.push_back(text);
        targets = addresses;
        for (const auto& [id, t] : casefile_.transactions) targets.push_back(id);
        if (addresses.empty()) addresses.push_back("nowhere");
        if (targets.empty()) targets.push_back("nothing");
        std::vector<std::string> services;
        for (const auto& [id, s] : casefile_.services) services.push_back(id);
        Action a;
        switch (rng_() % 10) {
            case 0:
            case 1:
                a.type = ActionType::ExploreAddress;
                a.target = pick(addresses);
                a.direction = static_cast<Direction>(rng_() % 3);
                break;
            case 2:
                a.type = ActionType::ExploreTransaction;
                a.target = rng_() % 4 == 0 ? "tx-does-not-exist" : pick(targets);
                break;
            case 3:
                a.type = ActionType::Lookup;
                a.target = pick(addresses);
                break;
            case 4:
                a.type = ActionType::RunAnalysis;
                a.tool = static_cast<AnalysisTool>(rng_() % 4);
                a.method = static_cast<TaintMethod>(rng_() % 5);
                a.target = pick(targets);
                break;
            case 5:
                a.type = ActionType::LegalRequest;
                a.instrument = static_cast<Instrument>(rng_() % 8);
                a.target = services.empty() ? "nobody" : pick(services);
                a.identifiers = {pick(addresses)};
                if (rng_() % 2) a.identifiers.push_back(pick(addresses));
                a.text =
                    rng_() % 5 == 0 ? "short" : "Proceeds of the ransom traced to this address";
                break;
            case 6: {
                answer_open_checkpoints(true);
                a.type = ActionType::Annotate;
                a.target = pick(targets);
                a.text = "looked at this";
                a.tags = {"suspect"};
                break;
            }
            case 7:
                a.type = ActionType::Hint;
                break;
            default:
                a = wait_action(hours(1 + static_cast<std::int64_t>(rng_() % 48)));
                break;
        }
        return a;
    }

    const PlayerSetup& setup_;
    PlayerResult& result_;
    std::mt19937_64 rng_;
    std::unique_ptr<seminar::SeminarClient> client_;
    LeakRules rules_;
    Casefile casefile_;
};

}  // namespace

PlayerResult play(const PlayerSetup& setup) {
    PlayerResult result;
    result.name = setup.name;
    Player player(setup, result);
    const bool joined = player.join(setup.name, false);
    if (setup.joined) setup.joined();
    if (!joined) return result;
    if (setup.wait_for_start) setup.wait_for_start();
    switch (setup.style) {
        case PlayStyle::Expert:
            player.play_expert();
            break;
        case PlayStyle::Naive:
            player.play_naive();
            break;
        case PlayStyle::Random:
            player.play_random();
            break;
    }
    return result;
}

}  // namespace mt::testing
