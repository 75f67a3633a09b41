// Hints the trainee asked for. Each one costs points, so asking goes through a confirmation.
#include <algorithm>

#include "i18n/catalogue.hpp"
#include "ui/format.hpp"
#include "ui/investigator_ui.hpp"
#include "ui/widgets.hpp"

namespace mt::ui {

void InvestigatorUi::draw_hints_tab(UiHost& host, const Casefile& casefile) {
    (void)host;
    const int available = casefile.briefing.hints_available;
    const int used = static_cast<int>(casefile.hints.size());
    ImGui::TextUnformatted(
        trf("ui.hints.left", {std::to_string(std::max(0, available - used))}).c_str());
    {
        DisabledScope disabled(used >= available || casefile.submitted);
        if (button("ui.hints.ask")) state_.hint_dialog = true;
    }
    ImGui::Separator();
    ImGui::BeginChild("hints_scroll");
    if (casefile.hints.empty()) text_disabled(tr("ui.hints.none"));
    for (std::size_t i = 0; i < casefile.hints.size(); ++i) {
        ImGui::TextDisabled("%zu.", i + 1);
        ImGui::SameLine();
        text_wrapped(text_of(casefile.hints[i]));
    }
    ImGui::EndChild();
}

}  // namespace mt::ui
