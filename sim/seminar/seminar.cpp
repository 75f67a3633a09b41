#include "seminar/seminar.hpp"

#include <algorithm>
#include <chrono>

#include "i18n/catalogue.hpp"
#include "model/enum_names.hpp"
#include "model/json.hpp"
#include "model/message.hpp"
#include "seminar/credentials.hpp"
#include "seminar/display_text.hpp"
#include "seminar/fingerprint.hpp"
#include "seminar/variant.hpp"
#include "session/pending_action.hpp"
#include "session/session.hpp"

namespace mt::seminar {

struct Seminar::Trainee {
    mutable std::mutex mutex;
    StoredTrainee record;
    std::shared_ptr<const Scenario> scenario;
    std::unique_ptr<Session> session;
    // Instructor messages: (engine timeline entries before it, the entry), in arrival order.
    std::vector<std::pair<std::size_t, TimelineEntry>> inbox;
    std::size_t instructor_actions = 0;
    std::int64_t last_seen_unix = 0;
    Acknowledgements acknowledged;  // a resend of an accepted action gets its first outcome
};

namespace {

// Each state's name on the wire and in the store; both directions read this table.
constexpr enum_names::Names<ExerciseState, 4> kExerciseStates{{
    {ExerciseState::Lobby, "lobby"},
    {ExerciseState::Running, "running"},
    {ExerciseState::Paused, "paused"},
    {ExerciseState::Ended, "ended"},
}};

constexpr std::size_t kMaxNameChars = 64;
constexpr std::size_t kMaxAgencyChars = 80;
constexpr std::size_t kMaxMessageChars = 1000;

// The exercise's state as a word of the catalogues ("seminar.state.paused").
std::string state_term(ExerciseState state) {
    return "seminar.state." + std::string(name_of(state));
    return "?";
}

std::int64_t now_unix() {
    return std::chrono::duration_cast<std::chrono::seconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
}

TimelineEntry instructor_entry(const LocalizedText& text, SimSeconds at) {
    return {at, TimelineKind::Message, Message("timeline.instructor").arg("text", text)};
}

// A refusal named by its message's key.
Reply refusal(Failure failure, const Message& message) {
    return Reply::fail(failure, message.key, message);
}

// A token that names no trainee: the laptop must join again.
Reply unknown_session() {
    return refusal(Failure::Unauthorized, Message("seminar.bad_token"));
}

// Why an action is refused while the exercise is not running.
Reply clock_refusal(ExerciseState state) {
    switch (state) {
        case ExerciseState::Lobby:
            return refusal(Failure::Conflict, Message("seminar.exercise_not_started"));
        case ExerciseState::Paused:
            return refusal(Failure::Conflict, Message("seminar.paused"));
        case ExerciseState::Ended:
        case ExerciseState::Running:
            break;
    }
    return refusal(Failure::Conflict, Message("seminar.ended"));
}

Reply internal(const Message& what) {
    return refusal(Failure::Internal, Message("seminar.storage_failed").clause("what", what));
}

}  // namespace

std::string_view name_of(ExerciseState state) {
    return enum_names::name(kExerciseStates, state);
}

std::optional<ExerciseState> parse_exercise_state(std::string_view text) {
    return enum_names::value(kExerciseStates, text);
}

Reply Reply::success(nlohmann::json body) {
    Reply r;
    r.body = std::move(body);
    return r;
}

Reply Reply::fail(Failure failure, std::string key, Message message) {
    Reply r;
    r.failure = failure;
    r.error_key = std::move(key);
    r.error = std::move(message);
    return r;
}

nlohmann::json Reply::error_json() const {
    return {{"error", render(error, "en")}, {"error_key", error_key}, {"message", error}};
}

Seminar::Seminar(std::shared_ptr<const Scenario> scenario, std::unique_ptr<SeminarStore> store)
    : scenario_(std::move(scenario)), store_(std::move(store)) {}

Seminar::~Seminar() = default;

Seminar::Opened Seminar::open(std::shared_ptr<const Scenario> scenario,
                              const SeminarOptions& options) {
    Opened out;
    if (!scenario) {
        out.error = Message("seminar.open.no_case");
        return out;
    }
    Message error;
    auto store = SeminarStore::open(options.database, error);
    if (!store) {
        out.error = error;
        return out;
    }
    std::unique_ptr<Seminar> seminar(new Seminar(std::move(scenario), std::move(store)));
    error = seminar->load(options);
    if (!error.empty()) {
        out.error = Message("seminar.store.in_file")
                        .arg("file", options.database.string())
                        .clause("problem", error);
        return out;
    }
    out.seminar = std::move(seminar);
    return out;
}

std::shared_ptr<const Scenario> Seminar::scenario_for(const std::string& name_key) const {
    if (!variant_seed_) return scenario_;
    return make_variant(*scenario_, *variant_seed_, name_key).scenario;
}

Message Seminar::load(const SeminarOptions& options) {
    variant_seed_ = options.variant_seed;
    max_trainees_ = options.max_trainees;
    const std::string fingerprint = scenario_fingerprint(*scenario_);
    const std::string seed_text = variant_seed_ ? std::to_string(*variant_seed_) : "";
    Message error;
    if (const auto recorded = store_->meta("scenario_fingerprint")) {
        const std::string recorded_id = store_->meta("scenario_id").value_or("?");
        if (*recorded != fingerprint)
            return Message("seminar.open.other_case")
                .arg("recorded", recorded_id)
                .arg("recorded_fingerprint", *recorded)
                .arg("given", scenario_->info.id)
                .arg("fingerprint", fingerprint);
        const std::string recorded_seed = store_->meta("variant_seed").value_or("");
        if (recorded_seed != seed_text)
            return recorded_seed.empty()
                       ? Message("seminar.open.recorded_without_variants")
                       : Message("seminar.open.recorded_with_variants").arg("seed", recorded_seed);
        join_code_ = store_->meta("join_code").value_or("");
        secret_ = store_->meta("instructor_secret").value_or("");
        if (join_code_.empty() || secret_.empty()) return Message("seminar.open.no_credentials");
    } else {
        join_code_ = make_join_code();
        secret_ = make_instructor_secret();
        const std::pair<const char*, std::string> settings[] = {
            {"scenario_id", scenario_->info.id}, {"scenario_fingerprint", fingerprint},
            {"variant_seed", seed_text},         {"join_code", join_code_},
            {"instructor_secret", secret_},      {"created_unix", std::to_string(now_unix())}};
        for (const auto& [key, value] : settings)
            if (!store_->set_meta(key, value, error)) return error;
    }
    if (const auto last = store_->last_state()) {
        const auto parsed = parse_exercise_state(*last);
        if (!parsed) return Message("seminar.open.unknown_state").arg("state", *last);
        state_ = *parsed;
    }

    // Rebuild every session by replaying what was acknowledged, in the order it was stored.
    std::map<std::int64_t, std::shared_ptr<Trainee>> by_id;
    for (StoredTrainee& record : store_->trainees()) {
        auto t = std::make_shared<Trainee>();
        t->scenario = scenario_for(record.name_key);
        t->session = std::make_unique<Session>(t->scenario);
        t->record = std::move(record);
        by_id[t->record.id] = t;
        by_key_[t->record.name_key] = t;
        by_token_[t->record.token] = t;
        trainees_.push_back(t);
    }
    const auto actions = store_->actions(error);
    if (!error.empty()) return error;
    for (const StoredAction& a : actions) {
        auto it = by_id.find(a.trainee);
        if (it == by_id.end())
            return Message("seminar.open.orphan_action").arg("seq", static_cast<long long>(a.seq));
        Trainee& t = *it->second;
        const ActionOutcome outcome = t.session->apply(a.action);
        const auto stored = [&](const char* key) {
            return Message(key)
                .arg("seq", static_cast<long long>(a.seq))
                .arg("type", name_of(a.action.type))
                .arg("trainee", t.record.name);
        };
        if (!outcome.accepted)
            return stored("seminar.open.action_refused").clause("reason", outcome.reason);
        if (t.session->casefile().now != a.now_after) return stored("seminar.open.time_differs");
        if (a.origin == "instructor") ++t.instructor_actions;
        t.acknowledged.remember(a.action, outcome);
    }
    messages_ = store_->messages();
    std::map<std::int64_t, const StoredMessage*> message_by_id;
    for (const StoredMessage& m : messages_) message_by_id[m.id] = &m;
    for (const StoredDelivery& d : store_->deliveries()) {
        auto t = by_id.find(d.trainee);
        auto m = message_by_id.find(d.message);
        if (t == by_id.end() || m == message_by_id.end())
            return Message("seminar.open.orphan_delivery");
        t->second->inbox.push_back({d.timeline_index, instructor_entry(m->second->text, d.at)});
    }
    for (auto& t :
         trainees_)  // deliveries are read per trainee in message order: keep arrival order
        std::stable_sort(t->inbox.begin(), t->inbox.end(),
                         [](const auto& a, const auto& b) { return a.first < b.first; });
    return {};
}

bool Seminar::is_instructor(std::string_view secret) const {
    return constant_time_equal(secret, secret_);
}

void Seminar::set_event_log(std::function<void(const Message&)> log) {
    log_ = std::move(log);
}

void Seminar::log(const Message& line) const {
    if (log_) log_(line);
}

std::shared_ptr<Seminar::Trainee> Seminar::find_by_token(std::string_view token) const {
    std::lock_guard lock(roster_mutex_);
    auto it = by_token_.find(std::string(token));
    return it == by_token_.end() ? nullptr : it->second;
}

nlohmann::json Seminar::render_casefile(const Trainee& t) const {
    const Casefile& engine = t.session->casefile();
    if (t.inbox.empty()) return to_json(engine);
    Casefile view = engine;
    view.timeline.clear();
    std::size_t next = 0;
    for (std::size_t i = 0; i <= engine.timeline.size(); ++i) {
        while (next < t.inbox.size() && t.inbox[next].first <= i)
            view.timeline.push_back(t.inbox[next++].second);
        if (i < engine.timeline.size()) view.timeline.push_back(engine.timeline[i]);
    }
    return to_json(view);
}

Reply Seminar::status() const {
    return Reply::success(
        {{"state", name_of(state())},
         {"scenario",
          {{"id", scenario_->info.id},
           {"title", {{"en", scenario_->info.title.en}, {"es", scenario_->info.title.es}}}}}});
}

Reply Seminar::join(std::string_view code, std::string_view name_text, std::string_view agency_text,
                    const RejoinProof& proof) {
    if (!constant_time_equal(normalize_join_code(code), join_code_))
        return refusal(Failure::Forbidden, Message("seminar.wrong_code"));
    const CleanText name = clean_display_text(name_text, "seminar.field.name", 1, kMaxNameChars);
    if (!name.error.empty())
        return Reply::fail(Failure::BadRequest, "seminar.bad_name", name.error);
    const CleanText agency =
        clean_display_text(agency_text, "seminar.field.agency", 0, kMaxAgencyChars);
    if (!agency.error.empty())
        return Reply::fail(Failure::BadRequest, "seminar.bad_agency", agency.error);
    const std::string key = name_key(name.text);

    // Building a variant can take a while on a big ledger: do it before taking the roster lock.
    bool known = false;
    {
        std::lock_guard lock(roster_mutex_);
        known = by_key_.count(key) > 0;
    }
    std::shared_ptr<const Scenario> fresh_scenario = known ? nullptr : scenario_for(key);

    Message error;
    std::string token = make_session_token();
    std::shared_ptr<Trainee> t;
    bool rejoined = false;
    {
        std::lock_guard lock(roster_mutex_);
        if (auto it = by_key_.find(key); it != by_key_.end()) {
            // The same name again: the same person only if they prove it (a laptop slept, the
            // program restarted, the browser reloaded). They keep their token.
            t = it->second;
            const bool by_token =
                !proof.token.empty() && constant_time_equal(proof.token, t->record.token);
            const bool by_code = !proof.rejoin_code.empty() &&
                                 constant_time_equal(normalize_join_code(proof.rejoin_code),
                                                     rejoin_code_of(t->record.token));
            if (!by_token && !by_code) {
                if (proof.rejoin_code.empty())
                    return refusal(Failure::Conflict,
                                   Message("seminar.name_taken").arg("name", t->record.name));
                return refusal(Failure::Forbidden,
                               Message("seminar.wrong_rejoin_code").arg("name", t->record.name));
            }
            token = t->record.token;
            rejoined = true;
        } else {
            if (state() == ExerciseState::Ended)
                return Reply::fail(Failure::Conflict, "seminar.ended",
                                   Message("seminar.ended_no_joining"));
            if (trainees_.size() >= max_trainees_)
                return refusal(Failure::Conflict,
                               Message("seminar.full").arg("count", max_trainees_));
            if (!fresh_scenario)
                fresh_scenario = scenario_for(key);  // raced with a same-name join that failed
            t = std::make_shared<Trainee>();
            t->scenario = fresh_scenario;
            t->session = std::make_unique<Session>(t->scenario);
            t->record = {0, name.text, key, agency.text, token, now_unix()};
            // Messages sent before this trainee arrived come right after the case opens.
            std::vector<StoredDelivery> deliveries;
            const std::size_t opened = t->session->casefile().timeline.size();
            for (const StoredMessage& m : messages_) {
                deliveries.push_back({0, m.id, opened, t->session->casefile().now});
                t->inbox.push_back({opened, instructor_entry(m.text, t->session->casefile().now)});
            }
            if (!store_->add_trainee(t->record, deliveries, error)) return internal(error);
            trainees_.push_back(t);
            by_key_[key] = t;
            by_token_[token] = t;
        }
    }
    std::lock_guard trainee_lock(t->mutex);
    t->last_seen_unix = now_unix();
    nlohmann::json body = {{"token", token},
                           {"rejoin_code", rejoin_code_of(token)},
                           {"name", t->record.name},
                           {"agency", t->record.agency},
                           {"rejoined", rejoined},
                           {"state", name_of(state())},
                           {"casefile", render_casefile(*t)}};
    log(Message(rejoined ? "serve.log.rejoined" : "serve.log.joined")
            .arg("name", t->record.agency.empty()
                             ? t->record.name
                             : t->record.name + " (" + t->record.agency + ")"));
    return Reply::success(std::move(body));
}

Reply Seminar::act(std::string_view token, const Action& action) {
    const std::shared_ptr<Trainee> t = find_by_token(token);
    if (!t) return unknown_session();
    std::lock_guard lock(t->mutex);
    t->last_seen_unix = now_unix();
    const ExerciseState clock = state();
    const auto reply = [&](const ActionOutcome& outcome) {
        nlohmann::json body = outcome;
        body["state"] = name_of(clock);
        body["casefile"] = render_casefile(*t);
        return Reply::success(std::move(body));
    };
    // A resend of an action stored before its answer was lost (a crash, a dropped connection):
    // answered as the first time, never applied twice.
    if (const ActionOutcome* first = t->acknowledged.find(action)) return reply(*first);
    if (clock != ExerciseState::Running) {
        return reply({false, clock_refusal(clock).error, 0});
    }
    PendingAction pending(*t->session, action);
    const ActionOutcome outcome = pending.outcome();
    if (outcome.accepted) {
        std::vector<StoredAction> record{
            {0, t->record.id, "trainee", action, pending.after().casefile().now}};
        Message error;
        if (!store_->append_actions(record, error)) {  // not stored, so not acknowledged
            log(Message("serve.log.storage_failure").clause("problem", error));
            return internal(error);
        }
        std::move(pending).commit(*t->session);
        t->acknowledged.remember(action, outcome);
    }
    return reply(outcome);
}

Reply Seminar::casefile(std::string_view token) {
    const std::shared_ptr<Trainee> t = find_by_token(token);
    if (!t) return unknown_session();
    std::lock_guard lock(t->mutex);
    t->last_seen_unix = now_unix();
    return Reply::success({{"state", name_of(state())}, {"casefile", render_casefile(*t)}});
}

Reply Seminar::change_state(std::initializer_list<ExerciseState> from, ExerciseState to,
                            const std::string& verb) {
    Message error;
    {
        std::lock_guard lock(roster_mutex_);
        const ExerciseState current = state();
        if (std::find(from.begin(), from.end(), current) == from.end())
            return refusal(Failure::Conflict, Message("seminar.bad_transition")
                                                  .term("verb", verb)
                                                  .term("state", state_term(current)));
        if (!store_->record_state(std::string(name_of(to)), now_unix(), error))
            return internal(error);
        state_ = to;
    }
    log(Message("serve.log.state").term("state", "seminar.state." + std::string(name_of(to))));
    return Reply::success({{"state", name_of(to)}});
}

Reply Seminar::start() {
    return change_state({ExerciseState::Lobby}, ExerciseState::Running, "seminar.verb.start");
}
Reply Seminar::pause() {
    return change_state({ExerciseState::Running}, ExerciseState::Paused, "seminar.verb.pause");
}
Reply Seminar::resume() {
    return change_state({ExerciseState::Paused}, ExerciseState::Running, "seminar.verb.resume");
}
Reply Seminar::end() {
    Reply changed =
        change_state({ExerciseState::Lobby, ExerciseState::Running, ExerciseState::Paused},
                     ExerciseState::Ended, "seminar.verb.end");
    if (!changed.ok()) return changed;
    // Every trainee sees a result and the debrief: a session not yet submitted is submitted as
    // it stands, journaled as the instructor's action.
    std::lock_guard lock(roster_mutex_);
    std::vector<std::unique_lock<std::mutex>> held;
    std::vector<StoredAction> records;
    std::vector<std::pair<Trainee*, PendingAction>> submitted;
    Action submit;
    submit.type = ActionType::Submit;
    for (const auto& t : trainees_) {
        held.emplace_back(t->mutex);
        if (t->session->submitted()) continue;
        PendingAction pending(*t->session, submit);
        if (!pending.accepted()) continue;
        records.push_back({0, t->record.id, "instructor", submit, pending.after().casefile().now});
        submitted.emplace_back(t.get(), std::move(pending));
    }
    Message error;
    // All stored, or none submitted.
    if (!records.empty() && !store_->append_actions(records, error)) return internal(error);
    for (auto& [t, pending] : submitted) {
        std::move(pending).commit(*t->session);
        ++t->instructor_actions;
    }
    changed.body["submitted"] = submitted.size();
    return changed;
}

Reply Seminar::inject(const LocalizedText& message) {
    const CleanText en =
        clean_display_text(message.en, "seminar.field.message_en", 0, kMaxMessageChars);
    if (!en.error.empty()) return Reply::fail(Failure::BadRequest, "seminar.bad_message", en.error);
    const CleanText es =
        clean_display_text(message.es, "seminar.field.message_es", 0, kMaxMessageChars);
    if (!es.error.empty()) return Reply::fail(Failure::BadRequest, "seminar.bad_message", es.error);
    if (en.text.empty() && es.text.empty())
        return Reply::fail(Failure::BadRequest, "seminar.bad_message",
                           Message("seminar.empty_message"));
    // One language given: every trainee still sees it.
    StoredMessage stored{
        0, {en.text.empty() ? es.text : en.text, es.text.empty() ? en.text : es.text}, now_unix()};

    std::lock_guard lock(roster_mutex_);
    std::vector<std::unique_lock<std::mutex>> held;
    held.reserve(trainees_.size());
    std::vector<StoredDelivery> deliveries;
    for (const auto& t : trainees_) {
        held.emplace_back(t->mutex);
        deliveries.push_back(
            {t->record.id, 0, t->session->casefile().timeline.size(), t->session->casefile().now});
    }
    Message error;
    if (!store_->add_message(stored, deliveries, error)) return internal(error);
    for (std::size_t i = 0; i < trainees_.size(); ++i)
        trainees_[i]->inbox.push_back(
            {deliveries[i].timeline_index, instructor_entry(stored.text, deliveries[i].at)});
    messages_.push_back(stored);
    return Reply::success({{"message", stored.id}, {"delivered", trainees_.size()}});
}

Reply Seminar::hint_all() {
    const ExerciseState clock = state();
    if (clock != ExerciseState::Running && clock != ExerciseState::Paused)
        return Reply::fail(Failure::Conflict, "seminar.bad_transition",
                           Message("seminar.hints_not_now"));
    std::lock_guard lock(roster_mutex_);
    std::vector<std::unique_lock<std::mutex>> held;
    std::vector<StoredAction> records;
    std::vector<std::pair<Trainee*, PendingAction>> given;
    nlohmann::json skipped = nlohmann::json::array();
    Action hint;
    hint.type = ActionType::Hint;
    for (const auto& t : trainees_) {
        held.emplace_back(t->mutex);
        // A trainee still in the lobby or who has not acted yet is not charged for a hint.
        if (t->session->accepted_actions().empty()) {
            skipped.push_back(
                {{"name", t->record.name}, {"reason", Message("seminar.not_started")}});
            continue;
        }
        PendingAction pending(*t->session, hint);
        if (!pending.accepted()) {
            skipped.push_back({{"name", t->record.name}, {"reason", pending.outcome().reason}});
            continue;
        }
        records.push_back({0, t->record.id, "instructor", hint, pending.after().casefile().now});
        given.emplace_back(t.get(), std::move(pending));
    }
    Message error;
    // All stored, or none given.
    if (!records.empty() && !store_->append_actions(records, error)) return internal(error);
    nlohmann::json names = nlohmann::json::array();
    for (auto& [t, pending] : given) {
        std::move(pending).commit(*t->session);
        ++t->instructor_actions;
        names.push_back(t->record.name);
    }
    return Reply::success({{"given", names}, {"skipped", skipped}});
}

Reply Seminar::rejoin_code(std::string_view name) const {
    const CleanText clean = clean_display_text(name, "seminar.field.name", 1, kMaxNameChars);
    if (!clean.error.empty())
        return Reply::fail(Failure::BadRequest, "seminar.bad_name", clean.error);
    std::string found, token;
    {
        std::lock_guard lock(roster_mutex_);
        const auto it = by_key_.find(name_key(clean.text));
        if (it == by_key_.end())
            return refusal(Failure::NotFound,
                           Message("seminar.unknown_trainee").arg("name", clean.text));
        found = it->second->record.name;
        token = it->second->record.token;
    }
    log(Message("serve.log.rejoin_code_shown").arg("name", found));
    return Reply::success({{"name", found}, {"rejoin_code", rejoin_code_of(token)}});
}

Reply Seminar::trainee_detail(std::string_view name) const {
    const CleanText clean = clean_display_text(name, "seminar.field.name", 1, kMaxNameChars);
    if (!clean.error.empty())
        return Reply::fail(Failure::BadRequest, "seminar.bad_name", clean.error);
    std::shared_ptr<Trainee> t;
    {
        std::lock_guard lock(roster_mutex_);
        const auto it = by_key_.find(name_key(clean.text));
        if (it == by_key_.end())
            return refusal(Failure::NotFound,
                           Message("seminar.unknown_trainee").arg("name", clean.text));
        t = it->second;
    }
    std::lock_guard lock(t->mutex);
    return Reply::success({{"name", t->record.name},
                           {"agency", t->record.agency},
                           {"casefile", render_casefile(*t)}});
}

std::vector<TraineeSnapshot> Seminar::snapshot() const {
    std::lock_guard lock(roster_mutex_);
    std::vector<TraineeSnapshot> out;
    out.reserve(trainees_.size());
    for (const auto& t : trainees_) {
        std::lock_guard trainee_lock(t->mutex);
        const Casefile& c = t->session->casefile();
        TraineeSnapshot s;
        s.id = t->record.id;
        s.name = t->record.name;
        s.agency = t->record.agency;
        s.joined_unix = t->record.joined_unix;
        s.last_seen_unix = t->last_seen_unix;
        s.actions = c.actions_taken;
        s.instructor_actions = t->instructor_actions;
        s.now = c.now;
        s.submitted = c.submitted;
        s.hints_used = c.hints.size();
        for (const OpenCheckpoint& cp : c.checkpoints) s.opened_checkpoints.push_back(cp.id);
        s.score = t->session->score();
        out.push_back(std::move(s));
    }
    return out;
}

std::int64_t Seminar::stored_action_count() {
    return store_->action_count();
}

}  // namespace mt::seminar
