// The case picker's list: every *.yaml in a folder with its metadata, read without building the
// ledger or checking the rest of the case (a full load reports the rest).
#include <algorithm>

#include "scenario/limits.hpp"
#include "scenario/load_state.hpp"
#include "scenario/loader.hpp"
#include "scenario/yaml_document.hpp"

namespace mt {

using namespace scenario_detail;

namespace {

ScenarioSummary summarize(const std::filesystem::path& path) {
    ScenarioSummary summary;
    summary.path = path;
    Diagnostics diagnostics;
    const std::string name = path.string();
    try {
        FileRead file = read_bounded_file(path, scenario_limits::kMaxYamlBytes);
        YamlDocument doc;
        if (!file.error.empty()) {
            diagnostics.error(Where{name, 0, 0, ""}, file.error);
        } else if (parse_yaml_document(file.text, name, diagnostics, doc)) {
            YamlReader reader(diagnostics, name, *doc.lines);
            MapReader root(reader, Slot{doc.root, "", doc.root.Mark()}, "a case file",
                           kTopLevelKeys);
            Scenario scenario;
            LoadState state(reader, scenario, path.parent_path());
            read_header(state, root);
            const ScenarioInfo& info = scenario.info;
            summary.id = info.id;
            summary.title = info.title;
            summary.summary = info.summary;
            summary.difficulty = info.difficulty;
            summary.estimated_minutes = info.estimated_minutes;
            summary.typologies = info.typologies;
        }
    } catch (...) {
        diagnostics.error(Where{name, 0, 0, ""}, "cannot read the case file");
    }
    summary.errors = diagnostics.take();
    return summary;
}

}  // namespace

std::vector<ScenarioSummary> list_scenarios(const std::filesystem::path& directory) {
    std::vector<std::filesystem::path> files;
    std::error_code ec;
    std::filesystem::directory_iterator it(directory, ec), end;
    for (; !ec && it != end; it.increment(ec)) {
        std::error_code type_ec;
        if (it->path().extension() == ".yaml" && it->is_regular_file(type_ec))
            files.push_back(it->path());
    }
    std::sort(files.begin(), files.end());
    std::vector<ScenarioSummary> out;
    out.reserve(files.size());
    for (const auto& file : files) out.push_back(summarize(file));
    return out;
}

}  // namespace mt
