#include "scenario/yaml_document.hpp"

#include <yaml-cpp/depthguard.h>

#include "scenario/limits.hpp"
#include "scenario/yaml_reader.hpp"

namespace mt::scenario_detail {

bool parse_yaml_document(std::string_view raw, const std::string& name, Diagnostics& out,
                         YamlDocument& doc) {
    namespace limits = scenario_limits;
    if (raw.size() > limits::kMaxYamlBytes) {
        out.error(Where{name, 0, 0, ""},
                  "the case file is " + std::to_string(raw.size() >> 20) +
                      " MiB; the limit is 16 MiB (put bulk transactions in a ledger_file CSV)");
        return false;
    }
    doc.text = std::string(without_bom(raw));
    doc.lines.emplace(doc.text);
    if (auto problem = find_text_problem(doc.text)) {
        const TextPosition p = doc.lines->at_offset(problem->offset);
        out.error(Where{name, p.line, p.column, ""}, problem->message);
        return false;
    }
    YamlReader reader(out, name, *doc.lines);
    std::vector<YAML::Node> documents;
    try {
        documents = YAML::LoadAll(doc.text);
    } catch (const YAML::DeepRecursion& e) {
        out.error(reader.where(e.mark, ""),
                  "values are nested too deeply for the YAML parser; the format needs fewer than "
                  "ten levels");
        return false;
    } catch (const YAML::Exception& e) {
        out.error(reader.where(e.mark, ""), "malformed YAML: " + e.msg);
        return false;
    }
    if (documents.empty() || documents.front().IsNull()) {
        out.error(Where{name, 0, 0, ""},
                  "the file holds no case; expected a map of keys starting with format_version");
        return false;
    }
    if (documents.size() > 1) {
        out.error(reader.where(documents[1].Mark(), ""),
                  "a second YAML document starts here; expected one case per file");
        return false;
    }
    doc.root = documents.front();
    if (!reader.check_bounds(doc.root, limits::kMaxDepth, limits::kMaxNodeVisits)) return false;
    if (!doc.root.IsMap()) {
        out.error(reader.where(doc.root.Mark(), ""),
                  "expected the case as a map of keys starting with format_version");
        return false;
    }
    return true;
}

}  // namespace mt::scenario_detail
