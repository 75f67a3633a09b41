#pragma once
// Text that trainees and instructors type (names, agencies, injected messages) is shown to others,
// written to SQLite and exported to CSV: it must be valid UTF-8, bounded, and free of control and
// bidirectional-override characters that could disguise one name as another.
#include <string>
#include <string_view>

#include "model/message.hpp"

namespace mt::seminar {

struct CleanText {
    std::string text;  // trimmed, inner whitespace runs collapsed to one space
    Message error;     // set when the input is unusable: names the field and the problem
};

// `field` is the catalogue key naming the input in the error ("seminar.field.name");
// `max_chars` counts code points.
CleanText clean_display_text(std::string_view input, std::string_view field, std::size_t min_chars,
                             std::size_t max_chars);

// The identity under which a trainee rejoins: the cleaned name with letters lower-cased (ASCII and
// Latin-1, so "JOSÉ PÉREZ" and "José Pérez" are the same person).
std::string name_key(std::string_view cleaned_name);

}  // namespace mt::seminar
