#include "seminar/practice.hpp"

#include <system_error>

#include "i18n/catalogue.hpp"
#include "model/json.hpp"
#include "model/message.hpp"
#include "seminar/credentials.hpp"

namespace mt::seminar {
namespace {

// Practice sessions accumulate (every pick of a case starts one); a seminar's cap of a classroom
// would run out within weeks.
constexpr std::size_t kMaxPracticeSessions = 100'000;

Reply refusal(Failure failure, const Message& message) {
    return Reply::fail(failure, message.key, message);
}

// A token no case issued (the records folder was emptied, say): pick the case again.
Reply unknown_session() {
    return refusal(Failure::Unauthorized, Message("seminar.practice_session_unknown"));
}

}  // namespace

std::unique_ptr<PracticeLibrary> PracticeLibrary::open(
    const std::vector<std::shared_ptr<const Scenario>>& scenarios,
    const std::filesystem::path& folder, Message& error) {
    std::error_code ec;
    std::filesystem::create_directories(folder, ec);
    if (ec) {
        error = Message("seminar.practice.cannot_create_folder")
                    .arg("folder", folder.string())
                    .arg("reason", ec.message());
        return nullptr;
    }
    auto library = std::make_unique<PracticeLibrary>();
    for (const auto& scenario : scenarios) {
        const std::filesystem::path db = folder / (scenario->info.id + ".sqlite");
        auto opened = Seminar::open(scenario, {db, std::nullopt, kMaxPracticeSessions});
        if (!opened.seminar) {
            error = Message("seminar.practice.case_failed")
                        .arg("case", scenario->info.id)
                        .clause("why", opened.error);
            return nullptr;
        }
        // Always running: there is no instructor to start the clock.
        if (opened.seminar->state() == ExerciseState::Lobby) opened.seminar->start();
        library->cases_.push_back({{scenario->info.id, scenario->info.title, scenario->info.summary,
                                    scenario->info.difficulty, scenario->info.estimated_minutes,
                                    scenario->info.typologies},
                                   std::move(opened.seminar)});
    }
    return library;
}

nlohmann::json PracticeLibrary::status() const {
    nlohmann::json cases = nlohmann::json::array();
    for (const Case& c : cases_) cases.push_back(static_cast<const CaseCard&>(c));
    return {{"mode", "practice"}, {"cases", cases}};
}

Reply PracticeLibrary::start(std::string_view case_id) {
    for (Case& c : cases_) {
        if (c.id != case_id) continue;
        // A private session: a name nobody chose, so nobody can rejoin it by name.
        const std::string name = "practice-" + make_session_token().substr(0, 12);
        Reply reply = c.seminar->join(c.seminar->join_code(), name, "");
        if (reply.ok() && reply.body.contains("token")) {
            std::lock_guard lock(owners_mutex_);
            owners_[reply.body["token"].get<std::string>()] = c.seminar.get();
        }
        return reply;
    }
    return refusal(Failure::NotFound,
                   Message("seminar.unknown_case").arg("case", std::string(case_id)));
}

Seminar* PracticeLibrary::owner_of(std::string_view token) {
    {
        std::lock_guard lock(owners_mutex_);
        if (const auto it = owners_.find(token); it != owners_.end()) return it->second;
    }
    // A session started before a restart: ask each case once, then remember.
    for (Case& c : cases_) {
        if (c.seminar->casefile(token).failure == Failure::Unauthorized) continue;
        std::lock_guard lock(owners_mutex_);
        owners_[std::string(token)] = c.seminar.get();
        return c.seminar.get();
    }
    return nullptr;
}

Reply PracticeLibrary::act(std::string_view token, const Action& action) {
    Seminar* owner = owner_of(token);
    return owner ? owner->act(token, action) : unknown_session();
}

Reply PracticeLibrary::casefile(std::string_view token) {
    Seminar* owner = owner_of(token);
    return owner ? owner->casefile(token) : unknown_session();
}

}  // namespace mt::seminar
