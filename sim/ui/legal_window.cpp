// The legal request composer (instrument, recipient from the services the trainee knows,
// identifiers from the selection, justification) and the requests sent, with status and due time.
#include <algorithm>

#include "i18n/catalogue.hpp"
#include "ui/actions.hpp"
#include "ui/format.hpp"
#include "ui/investigator_ui.hpp"
#include "ui/palette.hpp"
#include "ui/widgets.hpp"

namespace mt::ui {
namespace {

ImVec4 status_colour(RequestStatus status) {
    switch (status) {
        case RequestStatus::Pending:
            return palette::kPending;
        case RequestStatus::Fulfilled:
        case RequestStatus::Frozen:
            return palette::kGood;
        case RequestStatus::Declined:
            return palette::kBad;
        case RequestStatus::NothingFound:
            return ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled);
    }
    return ImGui::GetStyleColorVec4(ImGuiCol_Text);
}

std::string service_label(const KnownService& service) {
    std::string text = text_of(service.name) + "  (" + tr(key_of(service.kind));
    if (!service.jurisdiction.empty()) text += ", " + service.jurisdiction;
    return text + ")";
}

}  // namespace

void InvestigatorUi::draw_legal_tab(UiHost& host, const Casefile& casefile) {
    ImGui::BeginChild("legal_scroll");
    LegalDraft& draft = state_.legal;
    const bool open = !casefile.submitted;
    heading(tr("ui.legal.new_request"));

    // Instrument.
    ImGui::SetNextItemWidth(-scaled(110.0f));
    if (ImGui::BeginCombo(label("ui.legal.instrument").c_str(), tr(key_of(draft.instrument)))) {
        for (Instrument instrument : all_values<Instrument>()) {
            if (ImGui::Selectable(label(key_of(instrument)).c_str(),
                                  instrument == draft.instrument))
                draft.instrument = instrument;
            probe("legal.instrument:" + std::string(name_of(instrument)));
            if (ImGui::IsItemHovered()) {
                ImGui::BeginTooltip();
                ImGui::PushTextWrapPos(scaled(380.0f));
                ImGui::TextUnformatted(tr(key_of(instrument) + ".help"));
                ImGui::PopTextWrapPos();
                ImGui::EndTooltip();
            }
        }
        ImGui::EndCombo();
    }
    probe("legal.instrument");
    text_disabled(tr(key_of(draft.instrument) + ".help"));

    // Recipient.
    const KnownService* service = nullptr;
    if (auto it = casefile.services.find(draft.service); it != casefile.services.end())
        service = &it->second;
    if (casefile.services.empty()) {
        text_disabled(tr("ui.legal.no_services"));
    } else {
        ImGui::SetNextItemWidth(-scaled(110.0f));
        const std::string preview =
            service ? service_label(*service) : std::string(tr("ui.legal.pick_recipient"));
        if (ImGui::BeginCombo(label("ui.legal.recipient").c_str(), preview.c_str())) {
            for (const auto& [id, known] : casefile.services) {
                if (ImGui::Selectable((service_label(known) + "###" + id).c_str(),
                                      id == draft.service))
                    draft.service = id;
                probe("legal.recipient:" + id);
            }
            ImGui::EndCombo();
        }
        probe("legal.recipient");
    }
    if (service) {
        if (!service->published_instruments.empty()) {
            std::string list;
            for (Instrument i : service->published_instruments)
                list += (list.empty() ? "" : ", ") + std::string(tr(key_of(i)));
            text_disabled(trf("ui.legal.published", {list}));
        }
        const std::string& home = casefile.briefing.home_jurisdiction;
        if (!service->jurisdiction.empty() && !home.empty() && service->jurisdiction != home)
            ImGui::TextColored(palette::kPending, "%s",
                               trf("ui.legal.foreign", {service->jurisdiction, home}).c_str());
    }

    // Identifiers.
    ImGui::Spacing();
    ImGui::TextUnformatted(tr("ui.legal.identifiers"));
    for (std::size_t i = 0; i < draft.identifiers.size(); ++i) {
        ImGui::PushID(static_cast<int>(i));
        if (ImGui::SmallButton("×")) {
            draft.identifiers.erase(draft.identifiers.begin() + static_cast<std::ptrdiff_t>(i));
            ImGui::PopID();
            break;
        }
        ImGui::SameLine();
        mono_text(short_id(draft.identifiers[i], 40));
        ImGui::PopID();
    }
    if (draft.identifiers.empty()) text_disabled(tr("ui.legal.no_identifiers"));
    {
        const bool can_add = state_.selection.kind != Selection::Kind::None &&
                             std::find(draft.identifiers.begin(), draft.identifiers.end(),
                                       state_.selection.id) == draft.identifiers.end();
        DisabledScope disabled(!can_add);
        if (button("ui.legal.add_selection")) draft.identifiers.push_back(state_.selection.id);
    }
    ImGui::SetNextItemWidth(-scaled(110.0f));
    {
        FontScope mono(fonts().mono);
        ImGui::InputTextWithHint("###manual_identifier", tr("ui.legal.identifier_hint"),
                                 &draft.manual_identifier);
    }
    probe("legal.manual_identifier");
    ImGui::SameLine();
    {
        DisabledScope disabled(draft.manual_identifier.empty());
        if (button("ui.legal.add")) {
            if (std::find(draft.identifiers.begin(), draft.identifiers.end(),
                          draft.manual_identifier) == draft.identifiers.end())
                draft.identifiers.push_back(draft.manual_identifier);
            draft.manual_identifier.clear();
        }
    }

    // Justification.
    ImGui::Spacing();
    ImGui::TextUnformatted(tr("ui.legal.justification"));
    help_marker("ui.legal.justification_help");
    ImGui::InputTextMultiline("###justification", &draft.justification,
                              ImVec2(-1.0f, ImGui::GetTextLineHeight() * 5.0f));
    probe("legal.justification");

    const Action request = legal_request_action(draft.instrument, draft.service, draft.identifiers,
                                                draft.justification);
    const bool complete = service && !draft.identifiers.empty() && !draft.justification.empty();
    if (cost_button("ui.legal.send", complete ? host.cost_of(request) : 0, open && complete,
                    "legal.send"))
        emit(host, request);
    if (!complete) text_disabled(tr("ui.legal.incomplete"));

    // Requests sent.
    ImGui::Spacing();
    ImGui::Separator();
    heading(trf("ui.legal.sent", {std::to_string(casefile.requests.size())}));
    if (casefile.requests.empty()) text_disabled(tr("ui.legal.none_sent"));
    for (auto it = casefile.requests.rbegin(); it != casefile.requests.rend(); ++it) {
        const LegalRequestFile& r = *it;
        ImGui::PushID(r.id.c_str());
        const auto number = static_cast<long long>(casefile.requests.rend() - it);
        const std::string title = trf("ui.legal.request_number", {std::to_string(number)}) +
                                  "  ·  " + tr(key_of(r.instrument)) + "  ·  " +
                                  text_of(r.service_name) + "###request";
        const bool expanded = ImGui::TreeNodeEx(title.c_str(), ImGuiTreeNodeFlags_SpanAvailWidth);
        probe("legal.request:" + r.id);
        // The status stays visible with the request folded.
        ImGui::Indent(ImGui::GetTreeNodeToLabelSpacing());
        ImGui::TextColored(status_colour(r.status), "%s", tr(key_of(r.status)));
        if (r.status == RequestStatus::Pending) {
            ImGui::SameLine();
            ImGui::TextDisabled(
                "%s", trf("ui.legal.due", {sim_date_short(casefile.briefing, r.due_at)}).c_str());
        }
        ImGui::Unindent(ImGui::GetTreeNodeToLabelSpacing());
        if (expanded) {
            ImGui::TextDisabled(
                "%s", trf("ui.legal.sent_at", {sim_date(casefile.briefing, r.sent_at)}).c_str());
            for (const std::string& id : r.identifiers) {
                ImGui::Bullet();
                mono_text(short_id(id, 40));
            }
            if (!r.justification.empty()) text_disabled(r.justification);
            if (!r.response.empty()) {
                heading(tr("ui.legal.response"));
                text_wrapped(render(r.response));
            }
            if (!r.records.empty()) {
                ImGui::TextUnformatted(
                    render(Message("ui.legal.records").arg("count", r.records.size())).c_str());
                ImGui::SameLine();
                if (ImGui::SmallButton(label("ui.legal.open_documents").c_str()))
                    state_.focus_tab = "documents";
            }
            ImGui::TreePop();
        }
        ImGui::PopID();
    }
    ImGui::EndChild();
}

}  // namespace mt::ui
