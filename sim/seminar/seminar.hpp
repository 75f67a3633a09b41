#pragma once
// The authoritative state of a live seminar: the case, one engine Session per trainee (each on its
// own variant of the case when variants are on), the exercise clock, and the instructor's
// messages. Every method returns the JSON body of the HTTP reply or a failure; server.cpp only
// routes. A trainee's replies carry only that trainee's casefile (mt::to_json), so neither the
// answer key nor another trainee's work ever leaves through them.
//
// Every accepted action is committed to SQLite before it is acknowledged; opening an existing
// database rebuilds every session by replaying its actions and checks each lands where it did.
// Thread-safe: one lock for the roster, one per trainee, so trainees act in parallel.
#include <atomic>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <initializer_list>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "model/nlohmann_json.hpp"

#include "model/action.hpp"
#include "model/message.hpp"
#include "model/score.hpp"
#include "model/text.hpp"
#include "model/world.hpp"
#include "seminar/store.hpp"

namespace mt::seminar {

enum class ExerciseState : std::uint8_t { Lobby, Running, Paused, Ended };
std::string_view name_of(ExerciseState state);
std::optional<ExerciseState> parse_exercise_state(std::string_view text);

enum class Failure : std::uint8_t {
    None,
    BadRequest,
    Unauthorized,
    Forbidden,
    NotFound,
    Conflict,
    Internal
};

struct Reply {
    Failure failure = Failure::None;
    std::string error_key;  // "seminar.wrong_code": what went wrong, for clients and tests
    Message error;          // the words for the trainee or instructor, from the catalogues
    nlohmann::json body;    // the reply when failure is None

    bool ok() const { return failure == Failure::None; }
    static Reply success(nlohmann::json body);
    // `key` names the failure; `message` words it (its own key when the failure has several
    // wordings, as a bad name does).
    static Reply fail(Failure failure, std::string key, Message message);
    // {"error": English text for old clients and logs, "error_key": ..., "message": {"key",
    // "args"}}: each client renders "message" in its own language.
    nlohmann::json error_json() const;
};

// What a join under a name already taken must bring to continue that trainee's session: the
// session token the trainee's program kept, or the rejoin code it showed them. Without either
// the join is refused: a name alone proves nothing, names are on the leaderboard.
struct RejoinProof {
    std::string token;
    std::string rejoin_code;
};

struct SeminarOptions {
    std::filesystem::path database;
    std::optional<std::uint64_t> variant_seed;  // each trainee gets a renamed variant of the case
    std::size_t max_trainees = 200;
};

// One trainee's progress as the instructor sees it (the score as it stands, even before submit).
struct TraineeSnapshot {
    std::int64_t id = 0;
    std::string name;
    std::string agency;
    std::int64_t joined_unix = 0;
    std::int64_t last_seen_unix = 0;  // 0 when not seen since the server started
    std::size_t actions = 0;          // accepted actions, instructor hints included
    std::size_t instructor_actions = 0;
    SimSeconds now = 0;
    bool submitted = false;
    std::size_t hints_used = 0;
    std::vector<std::string> opened_checkpoints;
    ScoreReport score;
};

class Seminar {
  public:
    struct Opened {
        std::unique_ptr<Seminar> seminar;
        Message error;  // why it could not be opened, naming the database file
    };
    // Creates the database or resumes it (rebuilding every session); refuses a database recorded
    // for a different case or variant seed.
    static Opened open(std::shared_ptr<const Scenario> scenario, const SeminarOptions& options);
    ~Seminar();
    Seminar(const Seminar&) = delete;
    Seminar& operator=(const Seminar&) = delete;

    const std::string& join_code() const { return join_code_; }
    const std::string& instructor_secret() const { return secret_; }
    bool is_instructor(std::string_view secret) const;
    ExerciseState state() const { return state_.load(); }
    const Scenario& scenario() const { return *scenario_; }
    bool has_variants() const { return variant_seed_.has_value(); }

    // Trainees. The token is the only key to a session. A join under a taken name is a rejoin
    // only with `proof`; it then answers with the same token (the first one keeps working).
    Reply join(std::string_view code, std::string_view name, std::string_view agency,
               const RejoinProof& proof = {});
    Reply act(std::string_view token, const Action& action);
    Reply casefile(std::string_view token);
    Reply status() const;  // public: case title and exercise state, nothing else

    // Instructor.
    Reply start();
    Reply pause();
    Reply resume();
    Reply end();
    Reply inject(const LocalizedText& message);
    Reply hint_all();
    // The rejoin code of the trainee called `name`, for the instructor to read out to a trainee
    // whose program lost it (the instructor's approval of a rejoin).
    Reply rejoin_code(std::string_view name) const;
    // One trainee as the instructor drills into them: name, agency and their whole casefile (the
    // addresses traced, requests and answers, notes, timeline), for the instructor only.
    Reply trainee_detail(std::string_view name) const;
    std::vector<TraineeSnapshot> snapshot() const;
    std::int64_t stored_action_count();

    // Called (outside any lock) with one line per join, state change and failure, for the console.
    void set_event_log(std::function<void(const Message&)> log);

  private:
    struct Trainee;
    Seminar(std::shared_ptr<const Scenario> scenario, std::unique_ptr<SeminarStore> store);

    Message load(const SeminarOptions& options);
    std::shared_ptr<const Scenario> scenario_for(const std::string& name_key) const;
    std::shared_ptr<Trainee> find_by_token(std::string_view token) const;
    nlohmann::json render_casefile(const Trainee& trainee) const;  // trainee lock held
    // `verb` is the catalogue key of what was asked ("seminar.verb.pause"), for the refusal.
    Reply change_state(std::initializer_list<ExerciseState> from, ExerciseState to,
                       const std::string& verb);
    void log(const Message& line) const;

    std::shared_ptr<const Scenario> scenario_;
    std::unique_ptr<SeminarStore> store_;
    std::optional<std::uint64_t> variant_seed_;
    std::size_t max_trainees_ = 200;
    std::string join_code_;
    std::string secret_;
    std::atomic<ExerciseState> state_{ExerciseState::Lobby};

    mutable std::mutex roster_mutex_;  // guards everything below; taken before any trainee's lock
    std::vector<std::shared_ptr<Trainee>> trainees_;  // in join order
    std::map<std::string, std::shared_ptr<Trainee>> by_key_;
    std::unordered_map<std::string, std::shared_ptr<Trainee>> by_token_;
    std::vector<StoredMessage> messages_;
    std::function<void(const Message&)> log_;
};

}  // namespace mt::seminar
