// Questions the case asks along the way. A choice is answered by picking an option; an address,
// transaction or entity by naming one from the casefile (the selection can be used directly).
#include <set>

#include "i18n/catalogue.hpp"
#include "model/action_builders.hpp"
#include "ui/format.hpp"
#include "ui/investigator_ui.hpp"
#include "ui/widgets.hpp"

namespace mt::ui {

void InvestigatorUi::draw_checkpoints_tab(UiHost& host, const Casefile& casefile) {
    ImGui::BeginChild("checkpoints_scroll");
    if (casefile.checkpoints.empty()) text_disabled(tr("ui.checkpoints.none"));
    const bool open = !casefile.submitted;
    for (const OpenCheckpoint& checkpoint : casefile.checkpoints) {
        ImGui::PushID(checkpoint.id.c_str());
        {
            FontScope bold(fonts().bold);
            text_wrapped(text_of(checkpoint.question));
        }
        if (checkpoint.answer) {
            std::string shown = *checkpoint.answer;
            for (const CheckpointOptionView& option : checkpoint.options)
                if (option.id == shown) shown = text_of(option.text);
            // Neutral until the debrief: green here read as "correct" before anyone had judged it.
            text_wrapped(trf("ui.checkpoints.answered", {shown}));
            probe("checkpoint.answered:" + checkpoint.id);
            ImGui::Separator();
            ImGui::PopID();
            continue;
        }
        std::string& draft = state_.checkpoint_answers[checkpoint.id];
        if (checkpoint.kind == "choice") {
            for (const CheckpointOptionView& option : checkpoint.options)
                if (radio_option(text_of(option.text), draft == option.id,
                                 "checkpoint.option:" + checkpoint.id + ":" + option.id))
                    draft = option.id;
        } else if (checkpoint.kind == "entity") {
            // Entities the trainee has identified: services they know and attributions they made.
            std::set<std::pair<std::string, std::string>> known;  // id, name
            for (const auto& [id, service] : casefile.services)
                known.emplace(id, text_of(service.name));
            for (const auto& [text, address] : casefile.addresses)
                if (address.attribution)
                    known.emplace(address.attribution->entity_id,
                                  text_of(address.attribution->name));
            std::string preview =
                draft.empty() ? std::string(tr("ui.checkpoints.pick_entity")) : draft;
            for (const auto& [id, name] : known)
                if (id == draft) preview = name;
            ImGui::SetNextItemWidth(-1.0f);
            if (ImGui::BeginCombo("###entity", preview.c_str())) {
                for (const auto& [id, name] : known)
                    if (ImGui::Selectable((name + "###" + id).c_str(), id == draft)) draft = id;
                ImGui::EndCombo();
            }
            probe("checkpoint.entity:" + checkpoint.id);
        } else {
            const bool wants_address = checkpoint.kind == "address";
            // "Use the selection" beside the field when both fit, else under it.
            const std::string use_label =
                label("ui.checkpoints.use_selection", "checkpoint.use_selection:" + checkpoint.id);
            const float use_width = button_width(use_label);
            const float spacing = ImGui::GetStyle().ItemSpacing.x;
            const float avail = ImGui::GetContentRegionAvail().x;
            const bool beside = avail - use_width - spacing >= scaled(160.0f);
            ImGui::SetNextItemWidth(beside ? avail - use_width - spacing : -1.0f);
            {
                FontScope mono(fonts().mono);
                ImGui::InputTextWithHint("###answer",
                                         tr(wants_address ? "ui.checkpoints.address_hint"
                                                          : "ui.checkpoints.transaction_hint"),
                                         &draft);
            }
            probe("checkpoint.input:" + checkpoint.id);
            if (beside) ImGui::SameLine();
            const bool usable =
                wants_address ? state_.selection.is_address() : state_.selection.is_transaction();
            DisabledScope disabled(!usable);
            if (button("ui.checkpoints.use_selection", "checkpoint.use_selection:" + checkpoint.id))
                draft = state_.selection.id;
        }
        {
            DisabledScope disabled(!open || draft.empty());
            if (button("ui.checkpoints.answer", "checkpoint.answer:" + checkpoint.id)) {
                emit(host, answer_action(checkpoint.id, draft));
            }
        }
        ImGui::Separator();
        ImGui::PopID();
    }
    ImGui::EndChild();
}

}  // namespace mt::ui
