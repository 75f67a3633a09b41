#include "i18n/diagnostic_text.hpp"

#include "i18n/catalogue.hpp"

namespace mt {

std::string render(const Diagnostic& diagnostic) {
    return render(diagnostic, interface_language());
}

std::string render(const Diagnostic& diagnostic, std::string_view language) {
    std::string where = diagnostic.file;
    if (diagnostic.line > 0) {
        where += ':' + std::to_string(diagnostic.line);
        if (diagnostic.column > 0) where += ':' + std::to_string(diagnostic.column);
    }
    Message line(diagnostic.yaml_path.empty() ? "case_error.line" : "case_error.line_at");
    line.arg("where", where).arg("problem", render(diagnostic.message, language));
    if (!diagnostic.yaml_path.empty()) line.arg("path", diagnostic.yaml_path);
    return render(line, language);
}

}  // namespace mt
