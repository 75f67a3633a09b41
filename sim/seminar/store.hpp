#pragma once
// The seminar's record in SQLite: who joined, every accepted action of every trainee, the
// instructor's messages and where each landed in each timeline, and the exercise clock. Every
// write is committed (and synced: WAL, synchronous=FULL) before the caller acknowledges it, so a
// crash or power cut loses nothing acknowledged; a restart rebuilds each session by replaying.
// One process owns the file at a time (exclusive locking). Thread-safe.
#include <cstdint>
#include <filesystem>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "model/action.hpp"
#include "model/message.hpp"
#include "model/text.hpp"
#include "model/time.hpp"

struct sqlite3;

namespace mt::seminar {

struct StoredTrainee {
    std::int64_t id = 0;
    std::string name;
    std::string name_key;
    std::string agency;
    std::string token;
    std::int64_t joined_unix = 0;
};

struct StoredAction {
    std::int64_t seq = 0;
    std::int64_t trainee = 0;
    std::string origin;  // "trainee" or "instructor" (hint-all)
    Action action;
    SimSeconds now_after = 0;  // the simulated time after it, checked on replay
};

struct StoredMessage {
    std::int64_t id = 0;
    LocalizedText text;
    std::int64_t sent_unix = 0;
};

// Where an instructor message sits in one trainee's timeline.
struct StoredDelivery {
    std::int64_t trainee = 0;
    std::int64_t message = 0;
    std::size_t timeline_index = 0;  // number of engine timeline entries before it
    SimSeconds at = 0;               // the trainee's simulated time when it arrived
};

class SeminarStore {
  public:
    // Opens or creates the database. On failure returns null and sets `error` ("seminar.store.*",
    // SQLite's own reason as an argument).
    static std::unique_ptr<SeminarStore> open(const std::filesystem::path& path, Message& error);
    ~SeminarStore();
    SeminarStore(const SeminarStore&) = delete;
    SeminarStore& operator=(const SeminarStore&) = delete;

    std::optional<std::string> meta(const std::string& key);
    bool set_meta(const std::string& key, const std::string& value, Message& error);

    // Each write is one transaction; on failure nothing is stored and `error` says why.
    bool add_trainee(StoredTrainee& trainee, const std::vector<StoredDelivery>& deliveries,
                     Message& error);
    bool append_actions(std::vector<StoredAction>& actions, Message& error);  // sets seq
    bool add_message(StoredMessage& message, std::vector<StoredDelivery>& deliveries,
                     Message& error);
    bool record_state(const std::string& state, std::int64_t at_unix, Message& error);

    std::vector<StoredTrainee> trainees();
    std::vector<StoredAction> actions(Message& error);  // in the order they were stored
    std::vector<StoredMessage> messages();
    std::vector<StoredDelivery> deliveries();
    std::optional<std::string> last_state();
    std::int64_t action_count();

  private:
    explicit SeminarStore(sqlite3* db);
    bool exec(const char* sql, std::string& error);  // SQLite's own reason

    std::mutex mutex_;
    sqlite3* db_ = nullptr;
};

}  // namespace mt::seminar
