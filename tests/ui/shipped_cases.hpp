#pragma once
// The shipped cases as the views see them in tests: each case's casefile half-way through the
// expert's path and after the expert's submission, the case picker's list, and the desktop
// program's fonts and theme for a headless ImGui context.
#include <string>
#include <vector>

#include "model/casefile.hpp"
#include "ui/ui_host.hpp"

namespace mt::test {

struct ShippedCase {
    std::string file;
    Casefile working;  // half-way through the expert's path
    Casefile done;     // the expert's path submitted

    std::string yaml;  // the case file's text: every word of case text is in it
};

// Loaded once; the test fails if a shipped case does not load or its expert path does not submit.
const std::vector<ShippedCase>& shipped_cases();
std::vector<ui::CaseChoice> case_choices();

// The fonts and theme the desktop program builds at this scale, in the current ImGui context.
void use_program_fonts(float scale);

}  // namespace mt::test
