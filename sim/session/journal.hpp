#pragma once
// The session journal: one JSON object per line, the first naming the scenario, then one line per
// accepted action. Each line is flushed and fsync'ed before the action is acknowledged, so a
// process killed at any moment loses no acknowledged action. A line counts when it is a complete
// JSON object, whether or not its newline was written; an incomplete last line (torn by a crash)
// is ignored. Reading, resuming and replaying all go through read_journal(), so they agree.
#include <cstdio>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "model/action.hpp"
#include "model/message.hpp"
#include "session/local_session.hpp"
#include "session/pending_action.hpp"
#include "session/session.hpp"

namespace mt {

struct JournalContents {
    std::string scenario_id;
    std::vector<Action> actions;
    std::vector<Message> warnings;       // e.g. journal.warning.torn_line: line 12 was cut short
    Message error;                       // non-empty when the journal cannot be used
    std::uintmax_t valid_bytes = 0;      // the file's length without a torn last line
    bool missing_final_newline = false;  // the last line counted is complete but unterminated
};

JournalContents read_journal(const std::filesystem::path& path);

// A session whose accepted actions are written to a journal before they are acknowledged: the
// desktop's session behind the trainee-session interface (submit() journals, then poll() reports).
class JournaledSession final : public ImmediateSession {
  public:
    // Opens (resuming) or creates the journal at `path`. On failure session() is null and error()
    // says why.
    JournaledSession(std::shared_ptr<const Scenario> scenario, std::filesystem::path path);
    ~JournaledSession() override;
    JournaledSession(const JournaledSession&) = delete;
    JournaledSession& operator=(const JournaledSession&) = delete;

    // Applies, journals and acknowledges `action`: submit() without the wait for poll(), for
    // callers in this process that need the outcome at once (replay, import, tests). An action
    // whose id was accepted before (a resend whose first answer was lost) is not applied again:
    // its first outcome is returned.
    ActionOutcome apply(const Action& action);
    const Casefile* casefile() const override { return session_ ? &session_->casefile() : nullptr; }
    SimSeconds cost_of(const Action& action) const override {
        return session_ ? session_->cost_of(action) : 0;
    }
    // Read-only: every change goes through apply(), so nothing is acknowledged unjournaled.
    const Session* session() const { return session_.get(); }
    const Message& error() const { return error_; }
    const std::filesystem::path& path() const { return path_; }

  private:
    ActionOutcome settle(const Action& action) override { return apply(action); }

    std::unique_ptr<Session> session_;
    std::filesystem::path path_;
    std::FILE* file_ = nullptr;
    Message error_;
    Acknowledgements acknowledged_;
};

}  // namespace mt
