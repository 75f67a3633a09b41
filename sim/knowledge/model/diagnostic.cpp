#include "model/diagnostic.hpp"

namespace mt {

std::string Diagnostic::format() const {
    std::string out = file;
    if (line > 0) {
        out += ':' + std::to_string(line);
        if (column > 0) out += ':' + std::to_string(column);
    }
    out += ": error: " + message;
    if (!yaml_path.empty()) out += " (at " + yaml_path + ")";
    return out;
}

}  // namespace mt
