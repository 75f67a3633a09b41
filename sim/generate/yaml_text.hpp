#pragma once
// Case text (titles, briefings, names, explanations) written into a case file with yaml-cpp's
// emitter so that the loader reads back exactly the same bytes, whatever the text holds: quotes,
// colons, '#', leading spaces, line breaks, Spanish.
#include <string>

#include <yaml-cpp/emitter.h>

#include "model/text.hpp"

namespace mt::generate {

// A text with line breaks is written as a literal block (|) when yaml-cpp 0.7 can write it as one
// that reads back unchanged: its emitter writes no chomping or indentation indicator, so only a
// text ending in exactly one line break and not starting with blank space qualifies. Every other
// text is left to the emitter (plain when that reads back the same, else double-quoted with
// escapes), which also keeps one-line prose on one line (yaml-cpp does not fold).
void emit_case_text(YAML::Emitter& out, const std::string& text);

// {en: ..., es: ...}. In flow style (inside a flow map or list) no literal block is possible, so
// each text is left to the emitter.
void emit_localized(YAML::Emitter& out, const LocalizedText& text, bool flow = false);

}  // namespace mt::generate
