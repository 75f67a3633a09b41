// The case picker's "Join a live seminar" dialog. It only edits the host's form; the host
// connects after the frame.
#include <algorithm>

#include "i18n/catalogue.hpp"
#include "ui/palette.hpp"
#include "ui/seminar_join.hpp"
#include "ui/widgets.hpp"

namespace mt::ui {
namespace {

void field(const char* key, const char* id, std::string& value) {
    ImGui::TextUnformatted(tr(key));
    ImGui::SetNextItemWidth(scaled(360.0f));
    ImGui::InputText(id, &value);
    probe(std::string("join.") + (id + 2));
}

}  // namespace

void draw_seminar_join(SeminarJoinForm& form) {
    // The title bar shows the translated title; the popup is known by its id alone.
    const std::string title = label("ui.join.title", "join_seminar");
    if (button("ui.join.open", "join.open")) ImGui::OpenPopup(title.c_str());
    if (!ImGui::BeginPopupModal(title.c_str(), nullptr, ImGuiWindowFlags_AlwaysAutoResize)) return;
    ImGui::PushTextWrapPos(scaled(360.0f));
    text_disabled(tr("ui.join.help"));
    ImGui::PopTextWrapPos();
    field("ui.join.host", "##host", form.host);
    ImGui::TextUnformatted(tr("ui.join.port"));
    ImGui::SetNextItemWidth(scaled(140.0f));
    if (ImGui::InputInt("##port", &form.port, 0)) form.port = std::clamp(form.port, 1, 65535);
    probe("join.port");
    field("ui.join.code", "##code", form.code);
    field("ui.join.name", "##name", form.name);
    field("ui.join.agency", "##agency", form.agency);
    field("ui.join.rejoin_code", "##rejoin_code", form.rejoin_code);
    if (!form.error.empty()) {
        ImGui::PushTextWrapPos(scaled(360.0f));
        ImGui::PushStyleColor(ImGuiCol_Text, palette::kBad);
        text_wrapped(trf("ui.join.failed", {form.error}));
        ImGui::PopStyleColor();
        ImGui::PopTextWrapPos();
        probe("join.error");
    }
    {
        DisabledScope disabled(form.host.empty() || form.code.empty() || form.name.empty());
        if (button("ui.join.join", "join.join")) form.submitted = true;
    }
    ImGui::SameLine();
    if (button("ui.common.cancel", "join.cancel")) {
        form.error.clear();
        ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
}

}  // namespace mt::ui
