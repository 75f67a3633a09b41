#include "platform/console_link.hpp"

#include <ctime>

#include "i18n/catalogue.hpp"
#include "platform/qr_encoder.hpp"

namespace mt::platform {
namespace {

using nlohmann::json;

template <typename T>
T value_or(const json& object, const char* key, T fallback) {
    if (!object.is_object()) return fallback;
    const auto it = object.find(key);
    if (it == object.end()) return fallback;
    if constexpr (std::is_same_v<T, std::string>) {
        return it->is_string() ? it->template get<std::string>() : fallback;
    } else if constexpr (std::is_same_v<T, bool>) {
        return it->is_boolean() ? it->template get<bool>() : fallback;
    } else {
        return it->is_number() ? static_cast<T>(it->template get<double>()) : fallback;
    }
}

LocalizedText text_at(const json& object, const char* key) {
    if (!object.is_object() || !object.contains(key)) return {};
    const json& t = object[key];
    return {value_or<std::string>(t, "en", ""), value_or<std::string>(t, "es", "")};
}

const json& array_at(const json& object, const char* key) {
    static const json empty = json::array();
    if (!object.is_object()) return empty;
    const auto it = object.find(key);
    return it != object.end() && it->is_array() ? *it : empty;
}

std::int64_t unix_now() {
    return std::time(nullptr);
}

}  // namespace

void read_overview(const json& o, std::int64_t now_unix, ui::ConsoleModel& m) {
    m.state = value_or<std::string>(o, "state", "");
    m.join_code = value_or<std::string>(o, "join_code", "");
    if (o.is_object() && o.contains("scenario")) m.case_title = text_at(o["scenario"], "title");
    m.trainees.clear();
    for (const json& t : array_at(o, "trainees")) {
        ui::ConsoleTrainee row;
        row.name = value_or<std::string>(t, "name", "?");
        row.agency = value_or<std::string>(t, "agency", "");
        row.actions = value_or<std::size_t>(t, "actions", 0);
        row.sim_time = value_or<std::string>(t, "sim_time_text", "");
        row.sim_seconds = value_or<std::int64_t>(t, "sim_time", 0);
        row.submitted = value_or<bool>(t, "submitted", false);
        row.hints_used = value_or<std::size_t>(t, "hints_used", 0);
        row.objectives_met = value_or<int>(t, "objectives_met", 0);
        row.objectives_total = value_or<int>(t, "objectives_total", 0);
        row.total = value_or<int>(t, "total", 0);
        row.max = value_or<int>(t, "max", 0);
        const auto seen = value_or<std::int64_t>(t, "last_seen_unix", 0);
        row.idle_seconds = seen > 0 ? std::max<std::int64_t>(0, now_unix - seen) : -1;
        m.trainees.push_back(std::move(row));
    }
    m.leaderboard.clear();
    for (const json& r : array_at(o, "leaderboard"))
        m.leaderboard.push_back({value_or<int>(r, "rank", 0), value_or<std::string>(r, "name", "?"),
                                 value_or<std::string>(r, "agency", ""),
                                 value_or<int>(r, "total", 0), value_or<int>(r, "max", 0),
                                 value_or<int>(r, "percent", 0),
                                 value_or<bool>(r, "submitted", false)});
    const json stuck = o.is_object() && o.contains("stuck") ? o["stuck"] : json::object();
    m.checkpoints.clear();
    for (const json& c : array_at(stuck, "checkpoints"))
        m.checkpoints.push_back({value_or<std::string>(c, "id", ""), text_at(c, "question"),
                                 value_or<int>(c, "opened", 0), value_or<int>(c, "answered", 0),
                                 value_or<int>(c, "correct", 0)});
    m.objectives.clear();
    for (const json& c : array_at(stuck, "objectives"))
        m.objectives.push_back({value_or<std::string>(c, "id", ""), text_at(c, "title"),
                                value_or<int>(c, "points", 0), value_or<int>(c, "met", 0)});
    m.penalised.clear();
    for (const json& p : array_at(o, "penalised_requests"))
        m.penalised.push_back({value_or<std::string>(p, "kind", ""),
                               value_or<std::string>(p, "detail", ""), value_or<int>(p, "count", 0),
                               value_or<int>(p, "trainees", 0)});
}

ConsoleLink::ConsoleLink(const std::string& host, int port, std::string secret,
                         std::filesystem::path export_dir)
    : client_(host, port, std::move(secret)), export_dir_(std::move(export_dir)) {
    model_.server = host + ":" + std::to_string(port);
}

void ConsoleLink::set_browser_url(const std::string& url) {
    model_.browser_url = url;
    model_.browser_qr = url.empty() ? ui::QrCode{} : encode_qr(url);
}

bool ConsoleLink::refresh(std::chrono::milliseconds every, bool force) {
    const auto now = std::chrono::steady_clock::now();
    if (!force && fetched_once_ && now - fetched_ < every) return false;
    fetched_ = now;
    fetched_once_ = true;
    const seminar::ClientReply reply = client_.overview();
    if (!reply.ok()) {
        model_.connection_error = reply.error;
        return true;
    }
    model_.connection_error.clear();
    read_overview(reply.body, unix_now(), model_);
    return true;
}

void ConsoleLink::report(const seminar::ClientReply& reply, const std::string& what) {
    model_.last_failed = !reply.ok();
    model_.last_result =
        reply.ok() ? trf("ui.console.done", {what}) : trf("ui.console.failed", {reply.error});
}

void ConsoleLink::run(const std::vector<ui::ConsoleCommand>& commands) {
    using Kind = ui::ConsoleCommandKind;
    for (const ui::ConsoleCommand& c : commands) {
        switch (c.kind) {
            case Kind::Start:
                report(client_.command("start"), tr("ui.console.start"));
                break;
            case Kind::Pause:
                report(client_.command("pause"), tr("ui.console.pause"));
                break;
            case Kind::Resume:
                report(client_.command("resume"), tr("ui.console.resume"));
                break;
            case Kind::End:
                report(client_.command("end"), tr("ui.console.end"));
                break;
            case Kind::HintAll:
                report(client_.command("hint-all"), tr("ui.console.hint_all"));
                break;
            case Kind::Inject:
                report(client_.inject(c.message), tr("ui.console.send"));
                break;
            case Kind::RejoinCode: {
                const seminar::ClientReply reply = client_.rejoin_code(c.trainee);
                model_.rejoin_name = c.trainee;
                model_.rejoin_code = reply.ok() ? reply.body.value("rejoin_code", "") : "";
                if (!reply.ok()) report(reply, c.trainee);
                break;
            }
            case Kind::TraineeDetail: {
                const seminar::ClientReply reply = client_.trainee_detail(c.trainee);
                CasefileParse parsed;
                if (reply.ok() && reply.body.contains("casefile"))
                    parsed = casefile_from_json(reply.body["casefile"]);
                if (parsed.casefile) {
                    model_.detail_name = c.trainee;
                    model_.detail = std::move(*parsed.casefile);
                    model_.last_failed = false;
                    model_.last_result.clear();
                } else {
                    model_.detail_name.clear();
                    report(reply, c.trainee);
                }
                break;
            }
            case Kind::ExportCsv:
            case Kind::ExportJson: {
                const bool csv = c.kind == Kind::ExportCsv;
                const std::filesystem::path path =
                    export_dir_ / (csv ? "results.csv" : "results.json");
                const std::string error = client_.export_results(path, csv);
                model_.last_failed = !error.empty();
                model_.last_result = error.empty() ? trf("ui.console.exported", {path.string()})
                                                   : trf("ui.console.failed", {error});
                break;
            }
        }
    }
    if (!commands.empty()) refresh({}, true);
}

}  // namespace mt::platform
