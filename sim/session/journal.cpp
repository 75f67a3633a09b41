#include "session/journal.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <nlohmann/json.hpp>

namespace mt {
namespace {

constexpr const char* kMagic = "moneytrail-journal";
constexpr int kVersion = 1;

}  // namespace

JournalContents read_journal(const std::filesystem::path& path) {
    JournalContents out;
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        out.error = "cannot open journal " + path.string();
        return out;
    }
    std::string line;
    std::size_t number = 0;
    while (std::getline(in, line)) {
        ++number;
        const bool complete = !in.eof();  // the last line of a crashed write has no newline
        auto json = nlohmann::json::parse(line, nullptr, false);
        if (json.is_discarded()) {
            if (!complete || in.peek() == std::char_traits<char>::eof()) {
                out.warnings.push_back("line " + std::to_string(number) +
                                       " was cut short by an interrupted write and was ignored");
                break;
            }
            out.error = path.string() + ":" + std::to_string(number) + ": not valid JSON";
            return out;
        }
        if (number == 1) {
            if (!json.is_object() || json.value("journal", "") != kMagic ||
                !json["scenario"].is_string()) {
                out.error = path.string() + ":1: not a moneytrail journal";
                return out;
            }
            out.scenario_id = json["scenario"].get<std::string>();
            continue;
        }
        auto parsed = action_from_json(json);
        if (!parsed.action) {
            out.error = path.string() + ":" + std::to_string(number) + ": " + parsed.error;
            return out;
        }
        out.actions.push_back(std::move(*parsed.action));
    }
    if (number == 0) out.error = path.string() + ": the journal is empty";
    return out;
}

JournaledSession::JournaledSession(std::shared_ptr<const Scenario> scenario,
                                   std::filesystem::path path)
    : path_(std::move(path)) {
    auto session = std::make_unique<Session>(scenario);
    std::error_code ec;
    const bool resuming =
        std::filesystem::exists(path_, ec) && std::filesystem::file_size(path_, ec) > 0;
    std::uintmax_t good_bytes = 0;
    if (resuming) {
        JournalContents contents = read_journal(path_);
        if (!contents.error.empty()) {
            error_ = contents.error;
            return;
        }
        if (contents.scenario_id != scenario->info.id) {
            error_ = path_.string() + " belongs to case '" + contents.scenario_id + "', not '" +
                     scenario->info.id + "'";
            return;
        }
        for (std::size_t i = 0; i < contents.actions.size(); ++i) {
            const ActionOutcome outcome = session->apply(contents.actions[i]);
            if (!outcome.accepted) {
                error_ = path_.string() + ": action " + std::to_string(i + 1) +
                         " no longer applies: " + outcome.reason;
                return;
            }
        }
        // Drop a torn last line so the next append starts on a line of its own.
        std::ifstream in(path_, std::ios::binary);
        std::string line;
        std::uintmax_t offset = 0;
        while (std::getline(in, line)) {
            if (in.eof()) break;
            if (nlohmann::json::parse(line, nullptr, false).is_discarded()) break;
            offset += line.size() + 1;
            good_bytes = offset;
        }
        std::filesystem::resize_file(path_, good_bytes, ec);
    }
    file_ = std::fopen(path_.c_str(), resuming ? "ab" : "wb");
    if (!file_) {
        error_ = "cannot write journal " + path_.string() + ": " + std::strerror(errno);
        return;
    }
    if (!resuming) {
        const nlohmann::json header = {
            {"journal", kMagic}, {"version", kVersion}, {"scenario", scenario->info.id}};
        const std::string text = header.dump() + "\n";
        if (std::fwrite(text.data(), 1, text.size(), file_) != text.size() ||
            std::fflush(file_) != 0 || ::fsync(::fileno(file_)) != 0) {
            error_ = "cannot write journal " + path_.string() + ": " + std::strerror(errno);
            return;
        }
    }
    session_ = std::move(session);
}

JournaledSession::~JournaledSession() {
    if (file_) std::fclose(file_);
}

ActionOutcome JournaledSession::apply(const Action& action) {
    if (!session_) return {false, "reject.no_session", error_, 0};
    // Validate on a copy first so that a line is written only for an action that will be accepted;
    // then write and sync before the live session applies it and the caller hears "accepted".
    Session trial = session_->clone();
    ActionOutcome outcome = trial.apply(action);
    if (!outcome.accepted) return outcome;
    const std::string line = to_json(action).dump() + "\n";
    if (std::fwrite(line.data(), 1, line.size(), file_) != line.size() || std::fflush(file_) != 0 ||
        ::fsync(::fileno(file_)) != 0)
        return {false, "reject.journal_write",
                "could not save the action to " + path_.string() + ": " + std::strerror(errno), 0};
    *session_ = std::move(trial);
    return outcome;
}

}  // namespace mt
