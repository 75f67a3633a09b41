#pragma once
// Trainee-facing text in both product languages.
#include <string>

namespace mt {

enum class Language { English, Spanish };

struct LocalizedText {
    std::string en;
    std::string es;
    const std::string& in(Language lang) const { return lang == Language::Spanish ? es : en; }
    bool empty() const { return en.empty() && es.empty(); }
};

}  // namespace mt
