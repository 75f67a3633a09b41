#include "model/casefile.hpp"

#include "model/enum_names.hpp"
#include "model/json.hpp"

namespace mt {

const InstrumentGuide* find_instrument(const CaseBriefing& briefing, std::string_view id,
                                       Instrument kind) {
    for (const InstrumentGuide& g : briefing.instruments)
        if (id.empty() ? g.kind == kind : g.id == id) return &g;
    return nullptr;
}

namespace {

constexpr enum_names::Names<RequestStatus, 5> kRequestStatuses{{
    {RequestStatus::Pending, "pending"},
    {RequestStatus::Fulfilled, "fulfilled"},
    {RequestStatus::Declined, "declined"},
    {RequestStatus::Frozen, "frozen"},
    {RequestStatus::NothingFound, "nothing_found"},
}};
constexpr enum_names::Names<TimelineKind, 5> kTimelineKinds{{
    {TimelineKind::Action, "action"},
    {TimelineKind::Response, "response"},
    {TimelineKind::Event, "event"},
    {TimelineKind::Message, "message"},
    {TimelineKind::Checkpoint, "checkpoint"},
}};

}  // namespace

MT_ENUM_NAMES(RequestStatus, kRequestStatuses)
MT_ENUM_NAMES(TimelineKind, kTimelineKinds)

nlohmann::json to_json(const Casefile& casefile) {
    return casefile;
}

CasefileParse casefile_from_json(const nlohmann::json& json) {
    CasefileParse out;
    try {
        out.casefile = json.get<Casefile>();
    } catch (const nlohmann::json::exception& e) {
        out.error =
            Message("json_error.casefile").clause("casefile_problem", json_error_message(e));
    }
    return out;
}

}  // namespace mt
