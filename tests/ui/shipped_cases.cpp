#include "shipped_cases.hpp"

#include <catch2/catch.hpp>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <imgui.h>

#include "platform/fonts.hpp"
#include "platform/theme.hpp"
#include "scenario/loader.hpp"
#include "session/session.hpp"
#include "ui/widgets.hpp"

namespace mt::test {

namespace fs = std::filesystem;

const std::vector<ShippedCase>& shipped_cases() {
    static const std::vector<ShippedCase> loaded_cases = [] {
        std::vector<ShippedCase> cases;
        for (const ScenarioSummary& summary :
             list_scenarios(fs::path(MT_SOURCE_DIR) / "scenarios")) {
            const LoadResult loaded = load_scenario_file(summary.path);
            INFO(summary.path.string());
            REQUIRE(loaded.ok());
            Session session(loaded.scenario);
            const std::vector<Action>& path = loaded.scenario->expert_solution;
            ShippedCase shipped{summary.path.filename().string(), {}, {}, {}};
            std::ifstream in(summary.path);
            std::ostringstream text;
            text << in.rdbuf();
            shipped.yaml = text.str();
            for (std::size_t i = 0; i < path.size(); ++i) {
                if (i == path.size() / 2) shipped.working = session.casefile();
                session.apply(path[i]);
            }
            REQUIRE(session.submitted());
            shipped.done = session.casefile();
            cases.push_back(std::move(shipped));
        }
        return cases;
    }();
    return loaded_cases;
}

std::vector<ui::CaseChoice> case_choices() {
    std::vector<ui::CaseChoice> choices;
    for (const ScenarioSummary& s : list_scenarios(fs::path(MT_SOURCE_DIR) / "scenarios")) {
        ui::CaseChoice c;
        static_cast<CaseCard&>(c) = s;
        c.path = s.path.string();
        choices.push_back(std::move(c));
    }
    choices.front().resumable = true;
    choices.front().saved_actions = 12;
    return choices;
}

// The fonts and theme the desktop program builds at this scale.
void use_program_fonts(float scale) {
    ImGuiIO& io = ImGui::GetIO();
    std::vector<std::string> warnings;
    ui::set_fonts(platform::build_fonts(io, std::round(16.0f * scale), warnings));
    REQUIRE(warnings.empty());
    io.Fonts->Build();
    unsigned char* pixels = nullptr;
    int w = 0, h = 0;
    io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
    platform::apply_theme(scale);
}

}  // namespace mt::test
