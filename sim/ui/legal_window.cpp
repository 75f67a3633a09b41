// The legal request composer (instrument, recipient from the services the trainee knows,
// identifiers from the selection, justification) and the requests sent, with status and due time.
#include <algorithm>

#include "i18n/catalogue.hpp"
#include "model/action_builders.hpp"
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

// A caution the trainee should read before sending, wrapped at the panel's edge.
void caution_text(std::string_view text) {
    ImGui::PushStyleColor(ImGuiCol_Text, palette::kPending);
    text_wrapped(text);
    ImGui::PopStyleColor();
}

void instrument_tooltip(const std::string& text) {
    if (!ImGui::IsItemHovered() || text.empty()) return;
    ImGui::BeginTooltip();
    ImGui::PushTextWrapPos(scaled(380.0f));
    ImGui::TextUnformatted(text.c_str());
    ImGui::PopTextWrapPos();
    ImGui::EndTooltip();
}

void draw_generic_instrument(LegalDraft& draft) {
    ImGui::SetNextItemWidth(-scaled(110.0f));
    if (ImGui::BeginCombo(label("ui.legal.instrument").c_str(), tr(key_of(draft.instrument)))) {
        for (Instrument instrument : all_values<Instrument>()) {
            if (ImGui::Selectable(label(key_of(instrument)).c_str(),
                                  instrument == draft.instrument))
                draft.instrument = instrument;
            probe("legal.instrument:" + std::string(name_of(instrument)));
            instrument_tooltip(tr(key_of(instrument) + ".help"));
        }
        ImGui::EndCombo();
    }
    probe("legal.instrument");
    text_disabled(tr(key_of(draft.instrument) + ".help"));
}

// What the trainee must know before choosing a pack instrument: its legal basis, who issues it,
// whether a judge authorises it and how long everything takes (said to be a training assumption
// where no public source gives it), whom it binds, and what the trainee should know.
void draw_instrument_facts(const CaseBriefing& briefing, const InstrumentGuide& g) {
    text_wrapped(render(Message("ui.legal.basis").arg("basis", g.legal_basis)));
    probe("legal.instrument_basis");
    text_wrapped(render(Message("ui.legal.issuer").term("issuer", "issuer." + g.issuer)));
    if (g.judge) {
        text_wrapped(render(Message("ui.legal.judge")
                                .arg("court", briefing.court)
                                .arg("hours", static_cast<long long>(*g.judge / hours(1)))));
        probe("legal.instrument_judge");
        if (g.judge_assumed) text_disabled(tr("ui.legal.judge_assumed"));
    } else {
        text_wrapped(tr("ui.legal.no_judge"));
    }
    text_wrapped(render(Message("ui.legal.turnaround")
                            .arg("hours", static_cast<long long>(g.turnaround / hours(1)))));
    if (g.turnaround_assumed) text_disabled(tr("ui.legal.turnaround_assumed"));
    text_wrapped(tr("ui.legal.reach." + g.reach));
    if (g.requires_evidence) caution_text(tr("ui.legal.needs_evidence"));
    if (!g.note.empty()) text_disabled(text_of(g.note));
}

void draw_pack_instrument(const CaseBriefing& briefing, LegalDraft& draft) {
    const InstrumentGuide* chosen =
        find_instrument(briefing, draft.legal_instrument, draft.instrument);
    // The pack's real names are long: the label sits above a combo as wide as the panel.
    ImGui::TextUnformatted(tr("ui.legal.instrument"));
    ImGui::SetNextItemWidth(-FLT_MIN);
    const std::string preview = chosen ? text_of(chosen->name) : std::string();
    if (ImGui::BeginCombo("###ui.legal.instrument", preview.c_str())) {
        for (const InstrumentGuide& g : briefing.instruments) {
            if (ImGui::Selectable((text_of(g.name) + "###" + g.id).c_str(), &g == chosen)) {
                draft.legal_instrument = g.id;
                draft.instrument = g.kind;
            }
            probe("legal.instrument:" + g.id);
            instrument_tooltip(text_of(g.legal_basis));
        }
        ImGui::EndCombo();
    }
    probe("legal.instrument");
    // A real name too long for the closed combo (Spanish, projector scales) is written out whole
    // beneath it, so the trainee reads which instrument is chosen.
    const float preview_width =
        ImGui::GetItemRectSize().x - ImGui::GetFrameHeight() - 2 * ImGui::GetStyle().FramePadding.x;
    if (ImGui::CalcTextSize(preview.c_str()).x > preview_width) text_wrapped(preview);
    if (chosen) draw_instrument_facts(briefing, *chosen);
}

// Records obtained, to cite as the evidence a court reads: they are not identifiers the service is
// asked about.
void draw_evidence_picker(const Casefile& casefile, const InstrumentGuide* guide,
                          LegalDraft& draft) {
    std::vector<const ObtainedRecord*> records;
    for (const LegalRequestFile& r : casefile.requests)
        for (const ObtainedRecord& record : r.records)
            if (std::none_of(records.begin(), records.end(),
                             [&](const ObtainedRecord* seen) { return seen->id == record.id; }))
                records.push_back(&record);
    if (records.empty() && !(guide && guide->requires_evidence)) return;
    ImGui::Spacing();
    text_wrapped(tr("ui.legal.evidence"));
    help_marker("ui.legal.evidence_help");
    if (records.empty()) text_disabled(tr("ui.legal.no_evidence"));
    for (const ObtainedRecord* record : records) {
        auto at = std::find(draft.evidence.begin(), draft.evidence.end(), record->id);
        bool cited = at != draft.evidence.end();
        // Named as the Documents tab names it: its kind and subject, never the internal id.
        const std::string text =
            std::string(tr(key_of(record->kind))) + "###evidence:" + record->id;
        if (ImGui::Checkbox(text.c_str(), &cited)) {
            if (cited)
                draft.evidence.push_back(record->id);
            else
                draft.evidence.erase(at);
        }
        probe("legal.evidence:" + record->id);
        ImGui::SameLine();
        mono_text(record->subject);
    }
    if (guide && guide->requires_evidence && draft.evidence.empty()) {
        caution_text(tr("ui.legal.cite_needed"));
        probe("legal.cite_needed");
    }
}

}  // namespace

void InvestigatorUi::draw_legal_tab(UiHost& host, const Casefile& casefile) {
    ImGui::BeginChild("legal_scroll");
    LegalDraft& draft = state_.legal;
    const bool open = !casefile.submitted;
    heading(tr("ui.legal.new_request"));

    // Instrument: the case's jurisdiction pack by real name, else the generic kinds.
    if (casefile.briefing.instruments.empty())
        draw_generic_instrument(draft);
    else
        draw_pack_instrument(casefile.briefing, draft);
    const InstrumentGuide* guide =
        find_instrument(casefile.briefing, draft.legal_instrument, draft.instrument);

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
                list += (list.empty() ? "" : ", ") + instrument_text(i, {}, &casefile);
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

    draw_evidence_picker(casefile, guide, draft);

    // Justification.
    ImGui::Spacing();
    ImGui::TextUnformatted(tr("ui.legal.justification"));
    help_marker("ui.legal.justification_help");
    ImGui::InputTextMultiline("###justification", &draft.justification,
                              ImVec2(-1.0f, ImGui::GetTextLineHeight() * 5.0f));
    probe("legal.justification");

    std::vector<std::string> identifiers = draft.identifiers;
    identifiers.insert(identifiers.end(), draft.evidence.begin(), draft.evidence.end());
    const Action request =
        legal_request_action(draft.instrument, guide ? guide->id : std::string(), draft.service,
                             std::move(identifiers), draft.justification);
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
        // The instrument's real name can be long: the title names the request and recipient, and
        // the instrument is wrapped under it.
        const std::string title = trf("ui.legal.request_number", {std::to_string(number)}) +
                                  "  ·  " + text_of(r.service_name) + "###request";
        const bool expanded = ImGui::TreeNodeEx(title.c_str(), ImGuiTreeNodeFlags_SpanAvailWidth);
        probe("legal.request:" + r.id);
        // The status stays visible with the request folded.
        ImGui::Indent(ImGui::GetTreeNodeToLabelSpacing());
        text_wrapped(r.instrument_name.empty() ? std::string(tr(key_of(r.instrument)))
                                               : text_of(r.instrument_name));
        ImGui::TextColored(status_colour(r.status), "%s", tr(key_of(r.status)));
        if (r.status == RequestStatus::Pending) {
            ImGui::SameLine();
            ImGui::TextDisabled(
                "%s", trf("ui.legal.due", {sim_date_short(casefile.briefing, r.due_at)}).c_str());
        }
        // A due time no public source gives is said to be a training assumption.
        if (r.status == RequestStatus::Pending && !r.timing_note.key.empty())
            text_disabled(render(r.timing_note));
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
