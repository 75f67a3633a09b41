// The case picker's list: every *.yaml in a folder with its metadata, read without building the
// ledger or checking the rest of the case (a full load reports the rest).
#include <algorithm>
#include <array>

#include "scenario/limits.hpp"
#include "scenario/load_state.hpp"
#include "scenario/loader.hpp"
#include "scenario/yaml_document.hpp"

namespace mt {

using namespace scenario_detail;

namespace {

bool is_header_key(std::string_view line) {
    std::string_view key = line.substr(0, line.find(':'));
    while (!key.empty() && (key.back() == ' ' || key.back() == '\t')) key.remove_suffix(1);
    if (key.size() >= 2 && (key.front() == '"' || key.front() == '\'') && key.back() == key.front())
        key = key.substr(1, key.size() - 2);
    return std::find(kHeaderKeys.begin(), kHeaderKeys.end(), key) != kHeaderKeys.end();
}

// `text` with every top-level block but the header's blanked out (lines kept, so positions in
// messages stay right): the picker never makes the YAML parser read a case's transactions. A
// block starts at a line that begins in column 0 with a key; anything indented, a comment or a
// "- " item at column 0 continues the block above. A case whose top level is not a block map
// (a flow map, say) is returned whole.
std::string header_blocks(std::string_view text) {
    std::string out;
    out.reserve(text.size() / 8);
    bool keep = true;  // directives and comments before the first key
    bool seen_key = false;
    std::size_t pos = 0;
    while (pos < text.size()) {
        std::size_t end = text.find('\n', pos);
        if (end == std::string_view::npos) end = text.size();
        const std::string_view line = text.substr(pos, end - pos);
        pos = end + 1;
        const char first = line.empty() ? ' ' : line.front();
        const bool marker = line.substr(0, 3) == "---" || line.substr(0, 3) == "...";
        if (!marker && first != ' ' && first != '\t' && first != '\r' && first != '#' &&
            first != '-' && first != '%') {
            if (!seen_key && (first == '{' || first == '[')) return std::string(text);
            seen_key = true;
            keep = is_header_key(line);
        }
        if (keep || marker) out.append(line);
        out.push_back('\n');
    }
    return out;
}

ScenarioSummary summarize(const std::filesystem::path& path) {
    ScenarioSummary summary;
    summary.path = path;
    Diagnostics diagnostics;
    const std::string name = path.string();
    try {
        FileRead file = read_bounded_file(path, scenario_limits::kMaxYamlBytes);
        if (!file.error.empty()) {
            diagnostics.error(Where{name, 0, 0, ""}, file.error);
        } else {
            read_yaml_file(header_blocks(without_bom(file.text)), name, diagnostics,
                           "case_error.what.case_file", kTopLevelKeys, "case_error.out_of_memory",
                           [&](YamlReader& reader, MapReader& root) {
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
                           });
        }
    } catch (...) {
        diagnostics.error(Where{name, 0, 0, ""}, Message("case_error.cannot_read_case"));
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
