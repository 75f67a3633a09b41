#pragma once
// One problem found in a case file, where it is and what was wrong: what the loader reports, the
// command line prints (compiler style) and the case-file error screen lists. The problem is a
// message id with arguments (keys "case_error.*"), put into words in the reader's language by
// render() in i18n/diagnostic_text.hpp.
#include <string>

#include "model/message.hpp"

namespace mt {

struct Diagnostic {
    std::string file;
    int line = 0;           // 1-based; 0 when the problem is about the file as a whole
    int column = 0;         // 1-based
    Message message;        // what was wrong and what was expected
    std::string yaml_path;  // "entities[3].addresses[0]"

    bool operator==(const Diagnostic&) const = default;
};

}  // namespace mt
