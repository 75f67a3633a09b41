#pragma once
// Self-paced practice over a case library (`moneytrail serve --practice FOLDER`): an agency hosts
// practice for its analysts on one machine, and each opens the browser page, picks a case, plays
// it and reads the debrief, with no join code and no instructor. Every case of the library is a
// Seminar of its own, always running, recorded in its own SQLite file (so a restart keeps every
// session, as in a seminar); picking a case starts a private session in it under a generated name
// that nobody else sees. The trainee's token then works as in a seminar (actions, casefile).
#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "model/nlohmann_json.hpp"

#include "model/case_card.hpp"
#include "model/text.hpp"
#include "seminar/seminar.hpp"

namespace mt::seminar {

class PracticeLibrary {
  public:
    struct Case : CaseCard {
        std::unique_ptr<Seminar> seminar;
    };

    // Opens (or resumes) one running seminar per case, recorded in `folder`/<case id>.sqlite.
    // Empty `error` on success; a case whose record cannot be opened fails the whole library.
    static std::unique_ptr<PracticeLibrary> open(
        const std::vector<std::shared_ptr<const Scenario>>& scenarios,
        const std::filesystem::path& folder, Message& error);

    // {"mode": "practice", "cases": [{"id", "title", "summary", "difficulty",
    // "estimated_minutes", "typologies"}]}: public, like a seminar's status.
    nlohmann::json status() const;
    // A new private session in the case `case_id`: the join reply (token, casefile, state).
    Reply start(std::string_view case_id);
    // As Seminar::act and Seminar::casefile, in the case that issued `token`.
    Reply act(std::string_view token, const Action& action);
    Reply casefile(std::string_view token);

    const std::vector<Case>& cases() const { return cases_; }

  private:
    // The seminar that issued `token`, or null (401 for the caller).
    Seminar* owner_of(std::string_view token);

    std::vector<Case> cases_;
    std::mutex owners_mutex_;
    std::map<std::string, Seminar*, std::less<>> owners_;  // token -> its case's seminar
};

}  // namespace mt::seminar
