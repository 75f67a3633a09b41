#include "seminar/store.hpp"

#include <sqlite3.h>

#include "model/nlohmann_json.hpp"

namespace mt::seminar {
namespace {

constexpr const char* kSchema = R"sql(
CREATE TABLE IF NOT EXISTS meta(
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS trainees(
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    name_key TEXT NOT NULL UNIQUE,
    agency TEXT NOT NULL,
    token TEXT NOT NULL,
    joined_unix INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS actions(
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    trainee INTEGER NOT NULL REFERENCES trainees(id),
    origin TEXT NOT NULL,
    action TEXT NOT NULL,
    now_after INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS messages(
    id INTEGER PRIMARY KEY,
    en TEXT NOT NULL,
    es TEXT NOT NULL,
    sent_unix INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS deliveries(
    trainee INTEGER NOT NULL REFERENCES trainees(id),
    message INTEGER NOT NULL REFERENCES messages(id),
    timeline_index INTEGER NOT NULL,
    sim_at INTEGER NOT NULL,
    PRIMARY KEY(trainee, message));
CREATE TABLE IF NOT EXISTS clock(
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    state TEXT NOT NULL,
    at_unix INTEGER NOT NULL);
)sql";

// One prepared statement, finalized on scope exit.
class Statement {
  public:
    Statement(sqlite3* db, const char* sql) : db_(db) {
        if (sqlite3_prepare_v2(db, sql, -1, &stmt_, nullptr) != SQLITE_OK) stmt_ = nullptr;
    }
    ~Statement() { sqlite3_finalize(stmt_); }
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;

    bool ok() const { return stmt_ != nullptr; }
    Statement& bind(int index, std::int64_t v) {
        if (stmt_) sqlite3_bind_int64(stmt_, index, v);
        return *this;
    }
    Statement& bind(int index, const std::string& v) {
        if (stmt_)
            sqlite3_bind_text(stmt_, index, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT);
        return *this;
    }
    // SQLITE_ROW, SQLITE_DONE or an error code.
    int step() { return stmt_ ? sqlite3_step(stmt_) : SQLITE_ERROR; }
    bool run() { return step() == SQLITE_DONE; }
    std::int64_t integer(int column) const { return sqlite3_column_int64(stmt_, column); }
    std::string text(int column) const {
        const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, column));
        return p ? std::string(p, static_cast<std::size_t>(sqlite3_column_bytes(stmt_, column)))
                 : std::string();
    }
    std::string error() const { return sqlite3_errmsg(db_); }

  private:
    sqlite3* db_;
    sqlite3_stmt* stmt_ = nullptr;
};

// BEGIN IMMEDIATE .. COMMIT, rolled back unless committed.
class Transaction {
  public:
    explicit Transaction(sqlite3* db) : db_(db) {
        begun_ = sqlite3_exec(db, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr) == SQLITE_OK;
    }
    ~Transaction() {
        if (begun_ && !committed_) sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
    }
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;
    bool begun() const { return begun_; }
    bool commit() {
        committed_ = sqlite3_exec(db_, "COMMIT", nullptr, nullptr, nullptr) == SQLITE_OK;
        return committed_;
    }

  private:
    sqlite3* db_;
    bool begun_ = false;
    bool committed_ = false;
};

// What could not be stored ("seminar.store.action"), with SQLite's reason.
Message db_error(sqlite3* db, const char* key) {
    return Message(key).arg("reason", sqlite3_errmsg(db));
}

// One delivery of a message to `trainee` (a new trainee's backlog, or a new message's recipients).
bool insert_delivery(sqlite3* db, std::int64_t trainee, const StoredDelivery& d) {
    Statement ins(
        db, "INSERT INTO deliveries(trainee, message, timeline_index, sim_at) VALUES(?, ?, ?, ?)");
    ins.bind(1, trainee)
        .bind(2, d.message)
        .bind(3, static_cast<std::int64_t>(d.timeline_index))
        .bind(4, d.at);
    return ins.run();
}

}  // namespace

SeminarStore::SeminarStore(sqlite3* db) : db_(db) {}

SeminarStore::~SeminarStore() {
    sqlite3_close_v2(db_);
}

bool SeminarStore::exec(const char* sql, std::string& error) {
    char* message = nullptr;
    if (sqlite3_exec(db_, sql, nullptr, nullptr, &message) == SQLITE_OK) return true;
    error = message ? message : sqlite3_errmsg(db_);
    sqlite3_free(message);
    return false;
}

std::unique_ptr<SeminarStore> SeminarStore::open(const std::filesystem::path& path,
                                                 Message& error) {
    sqlite3* db = nullptr;
    const int rc = sqlite3_open_v2(
        path.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_FULLMUTEX,
        nullptr);
    if (rc != SQLITE_OK) {
        error = Message("seminar.store.cannot_open")
                    .arg("file", path.string())
                    .arg("reason", db ? sqlite3_errmsg(db) : sqlite3_errstr(rc));
        sqlite3_close_v2(db);
        return nullptr;
    }
    std::unique_ptr<SeminarStore> store(new SeminarStore(db));
    sqlite3_busy_timeout(db, 2000);
    std::string why;
    // Exclusive locking: a second server on the same file fails here instead of interleaving.
    if (!store->exec(
            "PRAGMA locking_mode=EXCLUSIVE; PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL;"
            " PRAGMA foreign_keys=ON;",
            why) ||
        !store->exec("BEGIN IMMEDIATE; COMMIT;", why) || !store->exec(kSchema, why)) {
        error = Message("seminar.store.cannot_use").arg("file", path.string()).arg("reason", why);
        return nullptr;
    }
    const auto format = store->meta("format");
    if (!format) {
        Message not_stored;
        if (!store->set_meta("format", "1", not_stored)) {
            error = Message("seminar.store.in_file")
                        .arg("file", path.string())
                        .clause("problem", not_stored);
            return nullptr;
        }
    } else if (*format != "1") {
        error = Message("seminar.store.format").arg("file", path.string()).arg("format", *format);
        return nullptr;
    }
    return store;
}

std::optional<std::string> SeminarStore::meta(const std::string& key) {
    std::lock_guard lock(mutex_);
    Statement q(db_, "SELECT value FROM meta WHERE key = ?");
    q.bind(1, key);
    if (q.step() != SQLITE_ROW) return std::nullopt;
    return q.text(0);
}

bool SeminarStore::set_meta(const std::string& key, const std::string& value, Message& error) {
    std::lock_guard lock(mutex_);
    Statement q(db_,
                "INSERT INTO meta(key, value) VALUES(?, ?) ON CONFLICT(key) DO UPDATE SET value = "
                "excluded.value");
    q.bind(1, key).bind(2, value);
    if (q.run()) return true;
    error = db_error(db_, "seminar.store.setting").arg("setting", key);
    return false;
}

bool SeminarStore::add_trainee(StoredTrainee& t, const std::vector<StoredDelivery>& deliveries,
                               Message& error) {
    std::lock_guard lock(mutex_);
    Transaction tx(db_);
    if (!tx.begun()) {
        error = db_error(db_, "seminar.store.trainee");
        return false;
    }
    Statement q(
        db_,
        "INSERT INTO trainees(name, name_key, agency, token, joined_unix) VALUES(?, ?, ?, ?, ?)");
    q.bind(1, t.name).bind(2, t.name_key).bind(3, t.agency).bind(4, t.token).bind(5, t.joined_unix);
    if (!q.run()) {
        error = db_error(db_, "seminar.store.trainee");
        return false;
    }
    const std::int64_t id = sqlite3_last_insert_rowid(db_);
    for (const StoredDelivery& d : deliveries) {
        if (!insert_delivery(db_, id, d)) {
            error = db_error(db_, "seminar.store.deliveries");
            return false;
        }
    }
    if (!tx.commit()) {
        error = db_error(db_, "seminar.store.trainee");
        return false;
    }
    t.id = id;
    return true;
}

bool SeminarStore::append_actions(std::vector<StoredAction>& actions, Message& error) {
    std::lock_guard lock(mutex_);
    Transaction tx(db_);
    if (!tx.begun()) {
        error = db_error(db_, "seminar.store.action");
        return false;
    }
    for (StoredAction& a : actions) {
        Statement q(db_,
                    "INSERT INTO actions(trainee, origin, action, now_after) VALUES(?, ?, ?, ?)");
        q.bind(1, a.trainee)
            .bind(2, a.origin)
            .bind(3, to_json(a.action).dump())
            .bind(4, a.now_after);
        if (!q.run()) {
            error = db_error(db_, "seminar.store.action");
            return false;
        }
        a.seq = sqlite3_last_insert_rowid(db_);
    }
    if (!tx.commit()) {
        error = db_error(db_, "seminar.store.action");
        return false;
    }
    return true;
}

bool SeminarStore::add_message(StoredMessage& m, std::vector<StoredDelivery>& deliveries,
                               Message& error) {
    std::lock_guard lock(mutex_);
    Transaction tx(db_);
    if (!tx.begun()) {
        error = db_error(db_, "seminar.store.message");
        return false;
    }
    Statement q(db_, "INSERT INTO messages(en, es, sent_unix) VALUES(?, ?, ?)");
    q.bind(1, m.text.en).bind(2, m.text.es).bind(3, m.sent_unix);
    if (!q.run()) {
        error = db_error(db_, "seminar.store.message");
        return false;
    }
    m.id = sqlite3_last_insert_rowid(db_);
    for (StoredDelivery& d : deliveries) {
        d.message = m.id;
        if (!insert_delivery(db_, d.trainee, d)) {
            error = db_error(db_, "seminar.store.message");
            return false;
        }
    }
    if (!tx.commit()) {
        error = db_error(db_, "seminar.store.message");
        return false;
    }
    return true;
}

bool SeminarStore::record_state(const std::string& state, std::int64_t at_unix, Message& error) {
    std::lock_guard lock(mutex_);
    Statement q(db_, "INSERT INTO clock(state, at_unix) VALUES(?, ?)");
    q.bind(1, state).bind(2, at_unix);
    if (q.run()) return true;
    error = db_error(db_, "seminar.store.state");
    return false;
}

std::vector<StoredTrainee> SeminarStore::trainees() {
    std::lock_guard lock(mutex_);
    std::vector<StoredTrainee> out;
    Statement q(db_,
                "SELECT id, name, name_key, agency, token, joined_unix FROM trainees ORDER BY id");
    while (q.step() == SQLITE_ROW)
        out.push_back({q.integer(0), q.text(1), q.text(2), q.text(3), q.text(4), q.integer(5)});
    return out;
}

std::vector<StoredAction> SeminarStore::actions(Message& error) {
    std::lock_guard lock(mutex_);
    std::vector<StoredAction> out;
    Statement q(db_, "SELECT seq, trainee, origin, action, now_after FROM actions ORDER BY seq");
    while (q.step() == SQLITE_ROW) {
        StoredAction a;
        a.seq = q.integer(0);
        a.trainee = q.integer(1);
        a.origin = q.text(2);
        const auto json = nlohmann::json::parse(q.text(3), nullptr, false);
        auto parsed = action_from_json(json);
        if (!parsed.action) {
            error = json.is_discarded() ? Message("seminar.store.action_not_json")
                                              .arg("seq", static_cast<long long>(a.seq))
                                        : Message("seminar.store.action_unreadable")
                                              .arg("seq", static_cast<long long>(a.seq))
                                              .clause("problem", parsed.error);
            return {};
        }
        a.action = std::move(*parsed.action);
        a.now_after = q.integer(4);
        out.push_back(std::move(a));
    }
    return out;
}

std::vector<StoredMessage> SeminarStore::messages() {
    std::lock_guard lock(mutex_);
    std::vector<StoredMessage> out;
    Statement q(db_, "SELECT id, en, es, sent_unix FROM messages ORDER BY id");
    while (q.step() == SQLITE_ROW)
        out.push_back({q.integer(0), {q.text(1), q.text(2)}, q.integer(3)});
    return out;
}

std::vector<StoredDelivery> SeminarStore::deliveries() {
    std::lock_guard lock(mutex_);
    std::vector<StoredDelivery> out;
    Statement q(db_,
                "SELECT trainee, message, timeline_index, sim_at FROM deliveries ORDER BY trainee, "
                "message");
    while (q.step() == SQLITE_ROW)
        out.push_back(
            {q.integer(0), q.integer(1), static_cast<std::size_t>(q.integer(2)), q.integer(3)});
    return out;
}

std::optional<std::string> SeminarStore::last_state() {
    std::lock_guard lock(mutex_);
    Statement q(db_, "SELECT state FROM clock ORDER BY seq DESC LIMIT 1");
    if (q.step() != SQLITE_ROW) return std::nullopt;
    return q.text(0);
}

std::int64_t SeminarStore::action_count() {
    std::lock_guard lock(mutex_);
    Statement q(db_, "SELECT COUNT(*) FROM actions");
    return q.step() == SQLITE_ROW ? q.integer(0) : -1;
}

}  // namespace mt::seminar
