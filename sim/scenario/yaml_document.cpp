#include "scenario/yaml_document.hpp"

#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/parser.h>

#include <new>
#include <sstream>

#include "scenario/limits.hpp"
#include "scenario/yaml_reader.hpp"

namespace mt::scenario_detail {
std::optional<std::size_t> find_value_count_excess(std::string_view text, std::size_t limit) {
    // An upper bound of the values yaml-cpp would build, from the bytes alone: every line with
    // content, every flow opener and separator, and every "- ", ": " and "? ". Quotes, comments
    // and block scalars are deliberately not recognised: any such context tracking could be
    // fooled into skipping text the parser does read, and counting their bytes too only
    // over-counts, which is harmless this far above real cases.
    std::size_t count = 0;
    bool line_counted = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '\n') {
            line_counted = false;
            continue;
        }
        if (c == ' ' || c == '\t' || c == '\r') continue;
        if (!line_counted) {
            line_counted = true;
            ++count;
        }
        const char next = i + 1 < text.size() ? text[i + 1] : '\n';
        if (c == ',' || c == '[' || c == '{' ||
            ((c == '-' || c == ':' || c == '?') &&
             (next == ' ' || next == '\t' || next == '\r' || next == '\n')))
            ++count;
        if (count > limit) return i;
    }
    return std::nullopt;
}

namespace {

// Records where each document's first value is (where the document starts when it has none).
class DocumentStarts : public YAML::EventHandler {
  public:
    std::vector<YAML::Mark> starts;
    void OnDocumentStart(const YAML::Mark& mark) override {
        starts.push_back(mark);
        first_value_ = true;
    }
    void OnDocumentEnd() override {}
    void OnNull(const YAML::Mark& mark, YAML::anchor_t) override { value_at(mark); }
    void OnAlias(const YAML::Mark& mark, YAML::anchor_t) override { value_at(mark); }
    void OnScalar(const YAML::Mark& mark, const std::string&, YAML::anchor_t,
                  const std::string&) override {
        value_at(mark);
    }
    void OnSequenceStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t,
                         YAML::EmitterStyle::value) override {
        value_at(mark);
    }
    void OnSequenceEnd() override {}
    void OnMapStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t,
                    YAML::EmitterStyle::value) override {
        value_at(mark);
    }
    void OnMapEnd() override {}

  private:
    void value_at(const YAML::Mark& mark) {
        if (first_value_) starts.back() = mark;
        first_value_ = false;
    }
    bool first_value_ = false;
};

// Where the first two documents of `text` start (fewer when it has fewer). Not YAML::LoadAll:
// on some malformed input (the case_yaml fuzzer found "'x ',=" followed by text) yaml-cpp 0.7
// keeps making empty documents forever, so this asks the parser for two at most.
std::vector<YAML::Mark> document_starts(const std::string& text) {
    std::istringstream in(text);
    YAML::Parser parser(in);
    DocumentStarts handler;
    for (int i = 0; i < 2 && parser.HandleNextDocument(handler); ++i) {
    }
    return std::move(handler.starts);
}

}  // namespace

bool parse_yaml_document(std::string_view raw, const std::string& name, Diagnostics& out,
                         YamlDocument& doc) {
    namespace limits = scenario_limits;
    if (raw.size() > limits::kMaxYamlBytes) {
        out.error(Where{name, 0, 0, ""},
                  Message("case_error.yaml.case_too_large")
                      .clause("problem", size_over_limit(name, raw.size(), limits::kMaxYamlBytes)));
        return false;
    }
    doc.text = std::string(without_bom(raw));
    doc.lines.emplace(doc.text);
    if (auto problem = find_text_problem(doc.text)) {
        const TextPosition p = doc.lines->at_offset(problem->offset);
        out.error(Where{name, p.line, p.column, ""}, problem->message);
        return false;
    }
    if (auto at = find_value_count_excess(doc.text, limits::kMaxYamlValues)) {
        const TextPosition p = doc.lines->at_offset(*at);
        out.error(Where{name, p.line, p.column, ""},
                  Message("case_error.yaml.too_many_values").arg("max", limits::kMaxYamlValues));
        return false;
    }
    YamlReader reader(out, name, *doc.lines);
    YAML::Node first;
    std::vector<YAML::Mark> starts;
    try {
        starts = document_starts(doc.text);
        if (!starts.empty()) first = YAML::Load(doc.text);
    } catch (const YAML::DeepRecursion& e) {
        out.error(reader.where(e.mark, ""), Message("case_error.yaml.parser_too_deep"));
        return false;
    } catch (const YAML::Exception& e) {
        // yaml-cpp's own words for the syntax error, which only it knows.
        out.error(reader.where(e.mark, ""),
                  Message("case_error.yaml.malformed").arg("detail", e.msg));
        return false;
    }
    if (starts.empty() || first.IsNull()) {
        out.error(Where{name, 0, 0, ""}, Message("case_error.yaml.no_case"));
        return false;
    }
    if (starts.size() > 1) {
        out.error(reader.where(starts[1], ""), Message("case_error.yaml.second_document"));
        return false;
    }
    doc.root = first;
    if (!reader.check_bounds(doc.root, limits::kMaxDepth, limits::kMaxNodeVisits)) return false;
    if (!doc.root.IsMap()) {
        out.error(reader.where(doc.root.Mark(), ""), Message("case_error.yaml.root_not_map"));
        return false;
    }
    return true;
}

void read_yaml_file(std::string_view raw, const std::string& name, Diagnostics& out, What what,
                    std::span<const std::string_view> keys, const char* out_of_memory,
                    const std::function<void(YamlReader&, MapReader&)>& read) {
    try {
        YamlDocument doc;
        if (!parse_yaml_document(raw, name, out, doc)) return;
        YamlReader reader(out, name, *doc.lines);
        MapReader root(reader, Slot{doc.root, "", doc.root.Mark()}, what, keys);
        read(reader, root);
    } catch (const std::bad_alloc&) {
        out.error(Where{name, 0, 0, ""}, Message(out_of_memory));
    } catch (const std::exception& e) {
        out.error(Where{name, 0, 0, ""},
                  Message("case_error.internal_error_what").arg("what", e.what()));
    } catch (...) {
        out.error(Where{name, 0, 0, ""}, Message("case_error.internal_error"));
    }
}

}  // namespace mt::scenario_detail
