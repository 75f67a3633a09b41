#include "generate/yaml_text.hpp"

#include <string_view>

#include <yaml-cpp/emittermanip.h>

namespace mt::generate {
namespace {

bool literal_block_reads_back(std::string_view text) {
    if (text.size() < 2 || text.back() != '\n' || text[text.size() - 2] == '\n') return false;
    if (text.front() == ' ' || text.front() == '\t' || text.front() == '\n') return false;
    if (text.substr(0, text.size() - 1).find('\n') == std::string_view::npos) return false;
    for (const char c : text) {
        const auto byte = static_cast<unsigned char>(c);
        if ((byte < 0x20 && c != '\n' && c != '\t') || byte == 0x7f) return false;
    }
    // NEL, LINE SEPARATOR and PARAGRAPH SEPARATOR are line breaks to a YAML 1.1 reader.
    for (const std::string_view line_break : {"\xC2\x85", "\xE2\x80\xA8", "\xE2\x80\xA9"})
        if (text.find(line_break) != std::string_view::npos) return false;
    return true;
}

}  // namespace

void emit_case_text(YAML::Emitter& out, const std::string& text) {
    if (literal_block_reads_back(text)) out << YAML::Literal;
    out << text;
}

void emit_localized(YAML::Emitter& out, const LocalizedText& text, bool flow) {
    if (flow) {
        out << YAML::Flow << YAML::BeginMap << YAML::Key << "en" << YAML::Value << text.en
            << YAML::Key << "es" << YAML::Value << text.es << YAML::EndMap;
        return;
    }
    out << YAML::BeginMap << YAML::Key << "en" << YAML::Value;
    emit_case_text(out, text.en);
    out << YAML::Key << "es" << YAML::Value;
    emit_case_text(out, text.es);
    out << YAML::EndMap;
}

}  // namespace mt::generate
