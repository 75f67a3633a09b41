#include "model/score.hpp"

#include <nlohmann/json.hpp>

namespace mt {

std::string_view name_of(PenaltyKind v) {
    switch (v) {
        case PenaltyKind::UninvolvedRequest:
            return "uninvolved_request";
        case PenaltyKind::OverbroadRequest:
            return "overbroad_request";
        case PenaltyKind::WrongInstrument:
            return "wrong_instrument";
        case PenaltyKind::WrongJurisdiction:
            return "wrong_jurisdiction";
        case PenaltyKind::Hint:
            return "hint";
        case PenaltyKind::TimeOverBudget:
            return "time_over_budget";
    }
    return "?";
}

namespace {
nlohmann::json text_json(const LocalizedText& t) {
    return {{"en", t.en}, {"es", t.es}};
}
}  // namespace

nlohmann::json to_json(const ScoreReport& r) {
    nlohmann::json j;
    j["total"] = r.total;
    j["max"] = r.max;
    j["percent"] = r.percent;
    j["grade"] = text_json(r.grade);
    j["recovery"] = {{"points", r.recovery_points},
                     {"earned", r.recovery_earned},
                     {"frozen_usd_cents", r.frozen_usd_cents},
                     {"at_stake_usd_cents", r.at_stake_usd_cents},
                     {"recoverable_usd_cents", r.recoverable_usd_cents}};
    j["unrecovered"] = nlohmann::json::array();
    for (const auto& u : r.unrecovered)
        j["unrecovered"].push_back({{"holding", u.holding},
                                    {"description", text_json(u.description)},
                                    {"value_usd_cents", u.value_usd_cents},
                                    {"reason", text_json(u.reason)}});
    j["objectives"] = nlohmann::json::array();
    for (const auto& o : r.objectives)
        j["objectives"].push_back({{"id", o.id},
                                   {"title", text_json(o.title)},
                                   {"points", o.points},
                                   {"earned", o.earned},
                                   {"debrief", text_json(o.debrief)}});
    j["penalties"] = nlohmann::json::array();
    for (const auto& p : r.penalties)
        j["penalties"].push_back(
            {{"kind", name_of(p.kind)}, {"points", p.points}, {"detail", p.detail}});
    j["checkpoints"] = nlohmann::json::array();
    for (const auto& c : r.checkpoints)
        j["checkpoints"].push_back({{"id", c.id},
                                    {"question", text_json(c.question)},
                                    {"given", c.given},
                                    {"correct", c.correct},
                                    {"is_correct", c.is_correct},
                                    {"explanation", text_json(c.explanation)}});
    return j;
}

}  // namespace mt
