#pragma once
// What a list of cases shows of each case without loading it: the desktop's case picker (from
// the case files), the practice library of `serve --practice` and the browser's picker (from the
// server's status). One card, so the three lists cannot drift apart.
#include <string>
#include <vector>

#include "model/text.hpp"

namespace mt {

struct CaseCard {
    std::string id;
    LocalizedText title;
    LocalizedText summary;
    std::string difficulty;  // "beginner", "intermediate", "advanced"
    int estimated_minutes = 0;
    std::vector<std::string> typologies;
};

}  // namespace mt
