#include "session/journal.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <optional>
#include "model/nlohmann_json.hpp"

#include "model/regular_file.hpp"

namespace mt {
namespace {

constexpr const char* kMagic = "moneytrail-journal";
constexpr int kVersion = 1;

// Appends `text` and waits until it is on disk.
bool write_synced(std::FILE* file, const std::string& text) {
    return std::fwrite(text.data(), 1, text.size(), file) == text.size() &&
           std::fflush(file) == 0 && ::fsync(::fileno(file)) == 0;
}

// The system's reason (strerror) is the one part in the system's own words.
Message cannot_write(const std::filesystem::path& path) {
    return Message("journal.error.cannot_write")
        .arg("file", path.string())
        .arg("reason", std::strerror(errno));
}

}  // namespace

JournalContents read_journal(const std::filesystem::path& path) {
    JournalContents out;
    // A regular file only: a named pipe put in its place would block the read forever.
    RegularFile file = RegularFile::open_for_reading(path);
    const std::optional<std::string> read = file.is_open() ? file.read_all() : std::nullopt;
    if (!read) {
        out.error = Message("journal.error.cannot_open").arg("file", path.string());
        return out;
    }
    const std::string& text = *read;
    std::size_t number = 0;
    for (std::size_t begin = 0; begin < text.size();) {
        ++number;
        const std::size_t newline = text.find('\n', begin);
        const bool terminated = newline != std::string::npos;
        const std::size_t end = terminated ? newline : text.size();
        const std::size_t next = terminated ? newline + 1 : text.size();
        auto json =
            nlohmann::json::parse(text.begin() + static_cast<std::ptrdiff_t>(begin),
                                  text.begin() + static_cast<std::ptrdiff_t>(end), nullptr, false);
        // A valid line is a complete JSON object; only the last line may be torn by a crash.
        if (json.is_discarded() || !json.is_object()) {
            if (next == text.size()) {
                out.warnings.push_back(Message("journal.warning.torn_line")
                                           .arg("file", path.string())
                                           .arg("line", number));
                break;
            }
            out.error =
                Message("journal.error.not_json").arg("file", path.string()).arg("line", number);
            return out;
        }
        if (number == 1) {
            const auto magic = json.find("journal");
            const auto scenario = json.find("scenario");
            if (magic == json.end() || *magic != kMagic || scenario == json.end() ||
                !scenario->is_string()) {
                out.error = Message("journal.error.not_journal").arg("file", path.string());
                return out;
            }
            out.scenario_id = scenario->get<std::string>();
        } else {
            auto parsed = action_from_json(json);
            if (!parsed.action) {
                out.error = Message("journal.error.bad_action")
                                .arg("file", path.string())
                                .arg("line", number)
                                .clause("detail", parsed.error);
                return out;
            }
            out.actions.push_back(std::move(*parsed.action));
        }
        out.valid_bytes = next;
        out.missing_final_newline = !terminated;
        begin = next;
    }
    if (out.scenario_id.empty())
        out.error = Message("journal.error.empty").arg("file", path.string());
    return out;
}

JournaledSession::JournaledSession(std::shared_ptr<const Scenario> scenario,
                                   std::filesystem::path path)
    : path_(std::move(path)) {
    auto session = std::make_unique<Session>(scenario);
    std::error_code ec;
    const bool resuming =
        std::filesystem::exists(path_, ec) && std::filesystem::file_size(path_, ec) > 0;
    bool complete_last_line = false;
    if (resuming) {
        JournalContents contents = read_journal(path_);
        if (!contents.error.empty()) {
            error_ = contents.error;
            return;
        }
        if (contents.scenario_id != scenario->info.id) {
            error_ = Message("journal.error.other_case")
                         .arg("file", path_.string())
                         .arg("case", contents.scenario_id)
                         .arg("expected", scenario->info.id);
            return;
        }
        for (std::size_t i = 0; i < contents.actions.size(); ++i) {
            const ActionOutcome outcome = session->apply(contents.actions[i]);
            if (!outcome.accepted) {
                error_ = Message("journal.error.action_refused")
                             .arg("file", path_.string())
                             .arg("number", i + 1)
                             .clause("reason", outcome.reason);
                return;
            }
            acknowledged_.remember(contents.actions[i], outcome);
        }
        // Drop a torn last line so the next append starts on a line of its own.
        std::filesystem::resize_file(path_, contents.valid_bytes, ec);
        complete_last_line = contents.missing_final_newline;
    }
    file_ = std::fopen(path_.c_str(), resuming ? "ab" : "wb");
    if (!file_) {
        error_ = cannot_write(path_);
        return;
    }
    // A last line complete but for its newline was counted above: end it rather than lose it.
    if (complete_last_line && !write_synced(file_, "\n")) {
        error_ = cannot_write(path_);
        return;
    }
    if (!resuming) {
        const nlohmann::json header = {
            {"journal", kMagic}, {"version", kVersion}, {"scenario", scenario->info.id}};
        if (!write_synced(file_, header.dump() + "\n")) {
            error_ = cannot_write(path_);
            return;
        }
    }
    session_ = std::move(session);
}

JournaledSession::~JournaledSession() {
    if (file_) std::fclose(file_);
}

ActionOutcome JournaledSession::apply(const Action& action) {
    if (!session_) return {false, Message("reject.journal_unusable").clause("why", error_), 0};
    if (const ActionOutcome* first = acknowledged_.find(action)) return *first;
    PendingAction pending(*session_, action);
    if (!pending.accepted()) return pending.outcome();
    if (!write_synced(file_, to_json(action).dump() + "\n"))
        return {false,
                Message("reject.journal_write")
                    .arg("file", path_.string())
                    .arg("reason", std::strerror(errno)),
                0};
    const ActionOutcome outcome = pending.outcome();
    std::move(pending).commit(*session_);
    acknowledged_.remember(action, outcome);
    return outcome;
}

}  // namespace mt
