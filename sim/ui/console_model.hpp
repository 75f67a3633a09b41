#pragma once
// What the instructor's console shows, as plain values: the room as the seminar server reports
// it (who joined, how far each trainee got, the leaderboard, where the room is stuck) and the
// commands the console sends back. The console is the instructor's, so scores before submit are
// fine here, and so is the casefile of the one trainee the instructor drills into; it never sees
// the case's answer key.
#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "model/casefile.hpp"
#include "model/text.hpp"
#include "ui/qr_code.hpp"

namespace mt::ui {

struct ConsoleTrainee {
    std::string name;
    std::string agency;
    std::size_t actions = 0;
    std::string sim_time;  // "1d 4h": the simulated time the trainee has reached
    bool submitted = false;
    std::size_t hints_used = 0;
    int objectives_met = 0;
    int objectives_total = 0;
    int total = 0;
    int max = 0;
    std::int64_t idle_seconds = -1;  // since the last request; -1 when not seen since the start
    std::int64_t sim_seconds = 0;    // sim_time in seconds, for sorting
};

struct ConsoleRank {
    int rank = 0;
    std::string name;
    std::string agency;
    int total = 0;
    int max = 0;
    int percent = 0;
    bool submitted = false;
};

struct ConsoleCheckpoint {
    std::string id;
    LocalizedText question;
    int opened = 0;
    int answered = 0;
    int correct = 0;
};

struct ConsoleObjective {
    std::string id;
    LocalizedText title;
    int points = 0;
    int met = 0;
};

struct ConsolePenalised {
    std::string kind;  // "uninvolved_request", "overbroad_request", ...
    std::string detail;
    int count = 0;
    int trainees = 0;
};

struct ConsoleModel {
    std::string server;            // "192.168.1.23:8642"
    std::string browser_url;       // the page trainees open ("http://192.168.1.23:8642/"), or empty
    QrCode browser_qr;             // browser_url as a QR code
    std::string connection_error;  // non-empty while the server cannot be read
    std::string state;             // "lobby", "running", "paused", "ended"
    std::string join_code;
    LocalizedText case_title;
    std::vector<ConsoleTrainee> trainees;  // in join order
    std::vector<ConsoleRank> leaderboard;  // best first
    std::vector<ConsoleCheckpoint> checkpoints;
    std::vector<ConsoleObjective> objectives;
    std::vector<ConsolePenalised> penalised;  // most frequent first
    std::string last_result;  // what the last command did (or why it failed), for the status line
    bool last_failed = false;
    // The rejoin code the instructor last looked up, shown only in the rejoin dialog (never on the
    // projected screen) so the instructor reads it out to that trainee alone.
    std::string rejoin_name;
    std::string rejoin_code;
    // The trainee the instructor drilled into (empty name: none): their casefile as the server
    // has it, for their path, requests and answers, notes and time line.
    std::string detail_name;
    Casefile detail;
};

enum class ConsoleCommandKind {
    Start,
    Pause,
    Resume,
    End,
    Inject,
    HintAll,
    ExportCsv,
    ExportJson,
    RejoinCode,     // the instructor's approval of a rejoin: look up a trainee's rejoin code
    TraineeDetail,  // drill into one trainee: fetch their casefile
};

struct ConsoleCommand {
    ConsoleCommandKind kind = ConsoleCommandKind::Start;
    LocalizedText message;     // Inject only
    std::string trainee = {};  // RejoinCode, TraineeDetail: who (defaulted: others omit it)
};

// The trainee table's columns, left to right. The instructor orders the table by any of them.
enum class TraineeColumn { Name, Agency, Actions, SimTime, Objectives, Score, Status };
inline constexpr std::size_t kTraineeColumns = 7;

// When the console is too narrow for every column (a projector at 1280x720, a large presenter
// scale), columns give way in this order, and what they showed moves to the tooltip over the
// name. Name, Status, Score and Objectives (the trainee's progress) always show: they are what
// the instructor watches.
inline constexpr TraineeColumn kColumnsDroppedFirst[] = {
    TraineeColumn::Actions, TraineeColumn::SimTime, TraineeColumn::Agency};
// The columns to show, left to right, in a table `width` pixels wide when column c needs
// `needed[c]` pixels: all of them if they fit, else without the first of kColumnsDroppedFirst,
// and so on.
std::vector<TraineeColumn> fitting_columns(float width,
                                           const std::array<float, kTraineeColumns>& needed);

// How the instructor orders and narrows the trainee table (a room of 35 does not fit unsorted).
struct TraineeOrder {
    TraineeColumn column = TraineeColumn::Name;
    bool descending = false;
    std::string filter;  // part of a name or agency, any case; empty shows everyone
};
// Indices into `trainees` in that order, the filtered-out left out. Ties keep the join order.
std::vector<std::size_t> ordered_trainees(const std::vector<ConsoleTrainee>& trainees,
                                          const TraineeOrder& order);

// A trainee who has not been heard from for this long while the exercise runs may be stuck.
inline constexpr std::int64_t kIdleAlertSeconds = 5 * 60;
// What the status column says of a trainee, and whether it is an alert.
enum class TraineeStatus { InLobby, Working, Idle, Submitted };
TraineeStatus status_of(const ConsoleTrainee& trainee, std::string_view exercise_state);

// Whether a control makes sense in this exercise state (the server checks again).
bool command_allowed(std::string_view state, ConsoleCommandKind kind);

// Checkpoints ordered by where the room is most stuck: the lowest share of correct answers among
// the trainees who have it open first; ties keep the case's order. Indices into `checkpoints`.
std::vector<std::size_t> most_missed_checkpoints(const std::vector<ConsoleCheckpoint>& checkpoints);

}  // namespace mt::ui
