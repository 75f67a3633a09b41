// Records obtained through legal process, read as documents, and confirmations of frozen funds.
#include "i18n/catalogue.hpp"
#include "ui/format.hpp"
#include "ui/investigator_ui.hpp"
#include "ui/palette.hpp"
#include "ui/widgets.hpp"

namespace mt::ui {

void InvestigatorUi::draw_documents_tab(const Casefile& casefile) {
    ImGui::BeginChild("documents_scroll");
    if (!casefile.frozen.empty()) {
        heading(tr("ui.documents.frozen"));
        for (const LocalizedText& confirmation : casefile.frozen) {
            ImGui::PushStyleColor(ImGuiCol_Text, palette::kGood);
            ImGui::Bullet();
            text_wrapped(text_of(confirmation));
            ImGui::PopStyleColor();
        }
        ImGui::Separator();
    }
    std::size_t count = 0;
    for (const LegalRequestFile& request : casefile.requests) count += request.records.size();
    heading(trf("ui.documents.records", {std::to_string(count)}));
    if (count == 0) text_disabled(tr("ui.documents.none"));
    for (const LegalRequestFile& request : casefile.requests) {
        for (const ObtainedRecord& record : request.records) {
            ImGui::PushID((request.id + "/" + record.id).c_str());
            const std::string title = std::string(tr(key_of(record.kind))) + "  ·  " +
                                      short_id(record.subject, 20) + "  ·  " +
                                      text_of(request.service_name) + "###record";
            const bool open = ImGui::CollapsingHeader(title.c_str());
            probe("documents.record:" + record.id);
            if (open) {
                ImGui::TextDisabled(
                    "%s", trf("ui.documents.from_request", {request.id, record.id}).c_str());
                ImGui::Indent();
                {
                    FontScope mono(fonts().mono);
                    text_wrapped(text_of(record.content));
                }
                ImGui::Unindent();
                ImGui::Spacing();
            }
            ImGui::PopID();
        }
    }
    ImGui::EndChild();
}

}  // namespace mt::ui
