// The case's metadata: ids, titles, difficulty, the calendar start and the time budget.
#include <array>

#include "scenario/load_state.hpp"

namespace mt {

bool is_slug(std::string_view text) {
    if (text.empty() || text.size() > 64) return false;
    for (char c : text)
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_'))
            return false;
    return true;
}

}  // namespace mt

namespace mt::scenario_detail {
namespace {

constexpr std::array<std::string_view, 3> kDifficulties{"beginner", "intermediate", "advanced"};

}  // namespace

void read_header(LoadState& state, MapReader& root) {
    YamlReader& yaml = state.yaml;
    ScenarioInfo& info = state.scenario.info;

    if (auto s = root.need("format_version"))
        if (auto v = read_format_version(yaml, *s, "case_error.header.format_version"))
            info.format_version = *v;
    if (auto s = root.need("id")) {
        if (auto v = yaml.scalar(*s, "case_error.what.case_id")) {
            if (is_slug(*v))
                info.id = *v;
            else
                yaml.error(*s, Message("case_error.header.bad_case_id").arg("found", *v));
        }
    }
    if (auto s = root.need("title"))
        if (auto v = yaml.localized(*s)) info.title = std::move(*v);
    if (auto s = root.need("summary"))
        if (auto v = yaml.localized(*s)) info.summary = std::move(*v);
    if (auto s = root.need("briefing"))
        if (auto v = yaml.localized(*s)) info.briefing = std::move(*v);
    if (auto s = root.need("difficulty"))
        if (auto v = yaml.choice(*s, kDifficulties, "case_error.what.difficulty"))
            info.difficulty = kDifficulties[*v];
    if (auto s = root.need("estimated_minutes"))
        if (auto v = yaml.integer(*s, 1, 24 * 60, "case_error.what.estimated_minutes"))
            info.estimated_minutes = static_cast<int>(*v);
    if (auto s = root.need("learning_objectives")) {
        if (auto items = yaml.list(*s, "case_error.what.learning_objectives")) {
            if (items->empty()) yaml.error(*s, Message("case_error.header.no_learning_objectives"));
            for (const Slot& item : *items)
                if (auto v = yaml.localized(item))
                    info.learning_objectives.push_back(std::move(*v));
        }
    }
    if (auto s = root.get("typologies")) {
        if (auto items = yaml.list(*s, "case_error.what.typology_names")) {
            for (const Slot& item : *items) {
                auto v = yaml.scalar(item, "case_error.what.typology_name");
                if (!v) continue;
                if (is_slug(*v))
                    info.typologies.push_back(*v);
                else
                    yaml.error(item, Message("case_error.header.bad_typology").arg("found", *v));
            }
        }
    }
    // A case with a jurisdiction pack may leave its country to the pack (read_jurisdiction).
    if (auto s = root.has("jurisdiction") ? root.get("home_jurisdiction")
                                          : root.need("home_jurisdiction"))
        if (auto v = read_country(yaml, *s)) info.home_jurisdiction = *v;
    if (auto s = root.need("start")) {
        if (auto text = yaml.scalar(*s, "case_error.what.case_start")) {
            if (auto unix_seconds = parse_utc(*text)) {
                info.start_unix = *unix_seconds;
                state.start_unix = *unix_seconds;
            } else {
                yaml.error(*s, Message("case_error.header.bad_start").arg("found", *text));
            }
        }
    }
    if (auto s = root.need("time_budget_hours"))
        if (auto v = yaml.integer(*s, 1, 24 * 365, "case_error.what.time_budget"))
            info.time_budget = hours(*v);
    if (auto s = root.get("emergency_justified"))
        if (auto v = yaml.boolean(*s)) info.emergency_justified = *v;
    if (auto s = root.need("expert_summary"))
        if (auto v = yaml.localized(*s)) state.scenario.expert_summary = std::move(*v);
}

}  // namespace mt::scenario_detail
