#pragma once
// One problem found in a case file, where it is and what was wrong: what the loader reports, the
// command line prints (compiler style) and the case-file error screen lists.
#include <string>

namespace mt {

struct Diagnostic {
    std::string file;
    int line = 0;           // 1-based; 0 when the problem is about the file as a whole
    int column = 0;         // 1-based
    std::string message;    // what was wrong and what was expected
    std::string yaml_path;  // "entities[3].addresses[0]"

    // "file:line:col: error: message (at yaml.path)"
    std::string format() const;
};

}  // namespace mt
