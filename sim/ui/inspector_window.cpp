// What the trainee knows about the selected address or transaction: its label and how it was
// established, balances, exploration state, its transactions, and the trainee's notes and tags.
#include <algorithm>
#include <map>
#include <sstream>

#include "i18n/catalogue.hpp"
#include "model/action_builders.hpp"
#include "ui/format.hpp"
#include "ui/graph_labels.hpp"
#include "ui/investigator_ui.hpp"
#include "ui/palette.hpp"
#include "ui/widgets.hpp"

namespace mt::ui {
namespace {

std::vector<std::string> split_tags(const std::string& text) {
    std::vector<std::string> tags;
    std::stringstream in(text);
    std::string tag;
    while (std::getline(in, tag, ',')) {
        tag.erase(0, tag.find_first_not_of(" \t"));
        tag.erase(tag.find_last_not_of(" \t") + 1);
        if (!tag.empty() && std::find(tags.begin(), tags.end(), tag) == tags.end())
            tags.push_back(tag);
    }
    return tags;
}

std::string join_tags(const std::vector<std::string>& tags) {
    std::string out;
    for (const std::string& tag : tags) out += (out.empty() ? "" : ", ") + tag;
    return out;
}

std::string source_text(const Casefile& casefile, const std::string& source) {
    if (source == "public") return tr("ui.inspector.source_public");
    if (source == "lookup") return tr("ui.inspector.source_lookup");
    // A record a service produced: its kind and who produced it, not its id.
    for (const LegalRequestFile& request : casefile.requests)
        for (const ObtainedRecord& record : request.records)
            if (record.id == source)
                return trf("ui.inspector.source_record",
                           {tr(key_of(record.kind)), text_of(request.service_name)});
    return trf("ui.inspector.source_record", {tr("ui.inspector.source_unknown_record"), "—"});
}

// Beside the text when it fits, else under it: a wrapped address fills a narrow panel (a browser
// window, say) and the button would fall off its right edge.
void copy_button(const std::string& text) {
    const std::string copy = label("ui.common.copy");
    const float width =
        ImGui::CalcTextSize(copy.c_str(), nullptr, true).x + ImGui::GetStyle().FramePadding.x * 2;
    ImGui::SameLine();
    if (ImGui::GetContentRegionAvail().x < width) ImGui::NewLine();
    if (ImGui::SmallButton(copy.c_str())) ImGui::SetClipboardText(text.c_str());
    probe("inspector.copy");
}

}  // namespace

const std::vector<InvestigatorUi::AddressRow>& InvestigatorUi::address_rows(
    const Casefile& casefile, const std::string& address) {
    const GraphSignature signature = signature_of(casefile);
    if (address_rows_.address == address && address_rows_.signature == signature)
        return address_rows_.rows;
    address_rows_.address = address;
    address_rows_.signature = signature;
    auto& rows = address_rows_.rows;
    rows.clear();
    for (const auto& [id, tx] : casefile.transactions) {
        Units spent = 0, received = 0;
        bool sends = false, receives = false;
        for (const KnownLeg& leg : tx.inputs) {
            if (leg.address != address) continue;
            spent += leg.amount;
            sends = true;
        }
        for (const KnownLeg& leg : tx.outputs) {
            if (leg.address != address) continue;
            received += leg.amount;
            receives = true;
        }
        if (!sends && !receives) continue;
        AddressRow row;
        row.tx = id;
        row.time = tx.time;
        row.asset = tx.asset;
        row.decimals = tx.decimals;
        row.incoming = !sends;
        // Outgoing: what left for others (change coming back is not a payment).
        row.amount = sends ? spent - received : received;
        const auto& others = sends ? tx.outputs : tx.inputs;
        std::size_t count = 0;
        for (const KnownLeg& leg : others) {
            if (leg.address == address) continue;
            if (count++ == 0) row.counterparty = short_id(leg.address, 18);
        }
        if (count > 1) row.counterparty += " +" + std::to_string(count - 1);
        rows.push_back(std::move(row));
    }
    std::sort(rows.begin(), rows.end(),
              [](const AddressRow& a, const AddressRow& b) { return a.time < b.time; });
    return rows;
}

void InvestigatorUi::draw_inspector_tab(UiHost& host, const Casefile& casefile) {
    ImGui::BeginChild("inspector_scroll");
    const Selection& sel = state_.selection;
    if (sel.is_address()) {
        if (auto it = casefile.addresses.find(sel.id); it != casefile.addresses.end())
            draw_address_inspector(host, casefile, it->second);
    } else if (sel.is_transaction()) {
        if (auto it = casefile.transactions.find(sel.id); it != casefile.transactions.end())
            draw_transaction_inspector(host, casefile, it->second);
    } else {
        text_disabled(tr("ui.inspector.nothing"));
    }
    ImGui::EndChild();
}

void InvestigatorUi::draw_address_inspector(UiHost& host, const Casefile& casefile,
                                            const KnownAddress& address) {
    const bool open = !casefile.submitted;
    ImGui::TextDisabled("%s · %s", tr("ui.inspector.address"), address.chain.c_str());
    {
        FontScope mono(fonts().mono);
        text_wrapped(address.address);
    }
    copy_button(address.address);

    ImGui::Separator();
    if (address.attribution) {
        const Attribution& a = *address.attribution;
        const ImVec2 at = ImGui::GetCursorScreenPos();
        const float radius = ImGui::GetFontSize() * 0.35f;
        draw_kind_marker(ImGui::GetWindowDrawList(),
                         ImVec2(at.x + radius, at.y + ImGui::GetFontSize() * 0.5f), radius, a.kind);
        ImGui::SetCursorScreenPos(ImVec2(at.x + radius * 2.0f + scaled(8.0f), at.y));
        heading(text_of(a.name));
        ImGui::TextUnformatted(tr(key_of(a.kind)));
        if (!a.jurisdiction.empty()) {
            ImGui::SameLine();
            ImGui::TextDisabled("· %s", a.jurisdiction.c_str());
        }
        text_disabled(source_text(casefile, a.source));
    } else {
        text_disabled(tr("ui.inspector.no_label"));
        const Action lookup = lookup_action(address.address);
        if (cost_button("ui.tools.lookup", host.cost_of(lookup), open, "inspector.lookup"))
            emit(host, lookup);
    }

    if (!address.balances.empty()) {
        ImGui::Spacing();
        heading(trf("ui.inspector.balance_at", {sim_date(casefile.briefing, address.balance_at)}));
        for (const KnownBalance& balance : address.balances)
            ImGui::BulletText(
                "%s", display_amount(balance.amount, balance.decimals, balance.asset).c_str());
    }

    ImGui::Spacing();
    heading(tr("ui.inspector.exploration"));
    auto state_line = [](const char* key, bool done) {
        const std::string text = std::string(done ? "✓ " : "○ ") + tr(key);
        ImGui::TextColored(done ? palette::kGood : palette::kPending, "%s", text.c_str());
        note_text(text);
    };
    state_line("ui.inspector.outputs_listed", address.explored_out);
    same_line_or_wrap(
        ImGui::CalcTextSize((std::string("○ ") + tr("ui.inspector.inputs_listed")).c_str()).x,
        scaled(20.0f));
    state_line("ui.inspector.inputs_listed", address.explored_in);
    const Action out = explore_address_action(address.address, Direction::Out);
    const Action in = explore_address_action(address.address, Direction::In);
    if (cost_button("ui.graph.expand_out", host.cost_of(out), open, "inspector.expand_out"))
        emit(host, out);
    same_line_or_wrap(button_width(cost_label("ui.graph.expand_in", host.cost_of(in))));
    if (cost_button("ui.graph.expand_in", host.cost_of(in), open, "inspector.expand_in"))
        emit(host, in);

    const auto& rows = address_rows(casefile, address.address);
    ImGui::Spacing();
    heading(address.transaction_total > 0
                ? trf("ui.inspector.transactions_of",
                      {std::to_string(rows.size()), std::to_string(address.transaction_total)})
                : trf("ui.inspector.transactions", {std::to_string(rows.size())}));
    if (!rows.empty()) draw_address_rows(casefile, rows);
    ImGui::Spacing();
    draw_annotation_editor(host, address.address, address.note, address.tags);
}

// The address's transactions: when, which way, how much and with whom. Where the panel is too
// narrow for the counterparty beside the amount (a projector at 1280x720), it goes under it, in a
// column titled with both names on two lines, so neither title nor identifier is cut.
void InvestigatorUi::draw_address_rows(const Casefile& casefile,
                                       const std::vector<AddressRow>& rows) {
    const ImGuiStyle& style = ImGui::GetStyle();
    const auto width = [](const std::string& text) { return ImGui::CalcTextSize(text.c_str()).x; };
    float when_width = width(tr("ui.timeline.when"));
    float amount_width = width(tr("ui.inspector.amount"));
    for (const AddressRow& row : rows) {
        when_width = std::max(when_width, width(sim_date_short(casefile.briefing, row.time)));
        amount_width =
            std::max(amount_width, width(display_amount(row.amount, row.decimals, row.asset)));
    }
    float counterparty_width = width(tr("ui.inspector.counterparty"));
    {
        FontScope mono(fonts().mono);
        counterparty_width = std::max(counterparty_width, width("bc1qxy2k…x0wl +1"));
    }
    const float padding = style.CellPadding.x * 2.0f;
    const bool beside = when_width + width("→") + amount_width + counterparty_width +
                            padding * 4.0f + style.ScrollbarSize <=
                        ImGui::GetContentRegionAvail().x;
    const float lines = beside ? 1.0f : 2.0f;
    constexpr ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollY |
                                      ImGuiTableFlags_BordersInnerH |
                                      ImGuiTableFlags_SizingFixedFit;
    const float table_height = std::min(
        scaled(260.0f) * lines, ImGui::GetTextLineHeightWithSpacing() *
                                        (static_cast<float>(rows.size()) * lines + 1.5f + lines) +
                                    scaled(6.0f));
    if (!ImGui::BeginTable("address_txs", beside ? 4 : 3, flags, ImVec2(0, table_height))) return;
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn(tr("ui.timeline.when"));
    ImGui::TableSetupColumn("");
    const std::string amount_title =
        beside ? std::string(tr("ui.inspector.amount"))
               : std::string(tr("ui.inspector.amount")) + "\n" + tr("ui.inspector.counterparty");
    ImGui::TableSetupColumn(amount_title.c_str(), beside ? ImGuiTableColumnFlags_None
                                                         : ImGuiTableColumnFlags_WidthStretch);
    if (beside)
        ImGui::TableSetupColumn(tr("ui.inspector.counterparty"),
                                ImGuiTableColumnFlags_WidthStretch);
    table_headers();
    visible_rows(rows.size(), [&](int r) {
        const AddressRow& row = rows[static_cast<std::size_t>(r)];
        ImGui::PushID(r);
        const std::string when = sim_date_short(casefile.briefing, row.time);
        const ImVec2 at = ImGui::GetCursorScreenPos();
        if (ImGui::Selectable(when.c_str(), false, ImGuiSelectableFlags_SpanAllColumns))
            select({Selection::Kind::Transaction, row.tx});
        // Clicked anywhere on the row; checked where the date is (the row's highlight spans
        // the other cells).
        probe_rect("inspector.tx:" + row.tx, ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
        note_text_at(when, at, ImVec2(at.x + width(when), at.y + ImGui::GetTextLineHeight()));
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", row.tx.c_str());
        ImGui::PopID();
        ImGui::TableNextColumn();
        ImGui::TextColored(row.incoming ? palette::kGood : palette::kBad, "%s",
                           row.incoming ? "←" : "→");
        ImGui::TableNextColumn();
        // Every cell is checked by the layout grid like any other text.
        const std::string amount = display_amount(row.amount, row.decimals, row.asset);
        ImGui::TextUnformatted(amount.c_str());
        note_text(amount);
        if (beside) ImGui::TableNextColumn();
        mono_text(row.counterparty);
    });
    ImGui::EndTable();
}

void InvestigatorUi::draw_transaction_inspector(UiHost& host, const Casefile& casefile,
                                                const KnownTransaction& tx) {
    ImGui::TextDisabled("%s · %s", tr("ui.inspector.transaction"), tx.chain.c_str());
    {
        FontScope mono(fonts().mono);
        text_wrapped(tx.id);
    }
    copy_button(tx.id);
    ImGui::Separator();
    ImGui::TextUnformatted(
        trf("ui.inspector.time", {sim_date(casefile.briefing, tx.time)}).c_str());
    ImGui::TextUnformatted(
        trf("ui.inspector.fee", {display_amount(tx.fee, tx.fee_decimals, tx.fee_asset)}).c_str());
    {
        // What it moved was worth then in US dollars, where the case gives prices.
        Units moved = 0;
        for (const KnownLeg& leg : tx.outputs) moved += leg.amount;
        if (const auto cents = usd_cents_at(casefile.briefing.prices, tx.chain, tx.asset,
                                            tx.decimals, moved, tx.time))
            text_wrapped(trf("ui.inspector.value_then", {usd_value_text(*cents)}));
    }

    auto legs = [&](const char* title_key, const char* id, const std::vector<KnownLeg>& list) {
        ImGui::Spacing();
        heading(trf(title_key, {std::to_string(list.size())}));
        constexpr ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH |
                                          ImGuiTableFlags_SizingFixedFit | ImGuiTableFlags_ScrollY;
        const float height =
            std::min(scaled(220.0f), ImGui::GetTextLineHeightWithSpacing() *
                                             (static_cast<float>(list.size()) + 0.5f) +
                                         scaled(6.0f));
        if (list.empty() || !ImGui::BeginTable(id, 2, flags, ImVec2(0, height))) return;
        // The amounts as wide as the widest of all of them (the clipper draws only the rows in
        // sight, so ImGui's own fit would see only those); the names take the rest, shortened.
        float amount_width = 0.0f;
        for (const KnownLeg& leg : list)
            amount_width = std::max(
                amount_width,
                ImGui::CalcTextSize(display_amount(leg.amount, tx.decimals, tx.asset).c_str()).x);
        ImGui::TableSetupColumn("", ImGuiTableColumnFlags_WidthStretch);
        ImGui::TableSetupColumn("", ImGuiTableColumnFlags_WidthFixed, amount_width);
        visible_rows(list.size(), [&](int r) {
            const KnownLeg& leg = list[static_cast<std::size_t>(r)];
            ImGui::PushID(r);
            // The label and the address shortened in its middle to the room there is; on a
            // narrow panel the label alone, shortened if it must be (both whole on hover).
            const float room = ImGui::GetContentRegionAvail().x;
            std::string shown = fitted_id(short_id(leg.address, 22), room);
            if (auto it = casefile.addresses.find(leg.address);
                it != casefile.addresses.end() && it->second.attribution) {
                const std::string name = text_of(it->second.attribution->name) + "  ";
                const float rest = room - ImGui::CalcTextSize(name.c_str()).x;
                shown = ImGui::CalcTextSize(short_id(leg.address, 10).c_str()).x <= rest
                            ? name + fitted_id(short_id(leg.address, 22), rest)
                            : fitted_text(text_of(it->second.attribution->name), room);
            }
            const ImVec2 at = ImGui::GetCursorScreenPos();
            if (ImGui::Selectable(shown.c_str(), false, ImGuiSelectableFlags_SpanAllColumns))
                select({Selection::Kind::Address, leg.address});
            // Checked where the text is (the row's highlight spans the amount's cell).
            note_text_at(shown, at,
                         ImVec2(at.x + ImGui::CalcTextSize(shown.c_str()).x,
                                at.y + ImGui::GetTextLineHeight()));
            if (ImGui::IsItemHovered()) {
                const auto it = casefile.addresses.find(leg.address);
                if (it != casefile.addresses.end() && it->second.attribution)
                    ImGui::SetTooltip("%s\n%s", text_of(it->second.attribution->name).c_str(),
                                      leg.address.c_str());
                else
                    ImGui::SetTooltip("%s", leg.address.c_str());
            }
            ImGui::PopID();
            ImGui::TableNextColumn();
            const std::string amount = display_amount(leg.amount, tx.decimals, tx.asset);
            ImGui::TextUnformatted(amount.c_str());
            note_text(amount);
        });
        ImGui::EndTable();
    };
    legs("ui.inspector.inputs", "tx_inputs", tx.inputs);
    legs("ui.inspector.outputs", "tx_outputs", tx.outputs);
    ImGui::Spacing();
    draw_annotation_editor(host, tx.id, tx.note, tx.tags);
}

void InvestigatorUi::draw_annotation_editor(UiHost& host, const std::string& target,
                                            const std::string& note,
                                            const std::vector<std::string>& tags) {
    InspectorDraft& draft = state_.inspector;
    if (draft.target != target) draft = {target, note, join_tags(tags)};
    heading(tr("ui.inspector.notes"));
    ImGui::InputTextMultiline("###note", &draft.note,
                              ImVec2(-1.0f, ImGui::GetTextLineHeight() * 4.0f));
    probe("inspector.note");
    ImGui::SetNextItemWidth(-1.0f);
    ImGui::InputTextWithHint("###tags", tr("ui.inspector.tags_hint"), &draft.tags);
    probe("inspector.tags");
    const std::vector<std::string> new_tags = split_tags(draft.tags);
    const bool changed = draft.note != note || new_tags != tags;
    DisabledScope disabled(!changed);
    if (button("ui.inspector.save_note")) emit(host, annotate_action(target, draft.note, new_tags));
    if (!changed) return;
    ImGui::SameLine();
    if (button("ui.inspector.revert_note")) draft = {target, note, join_tags(tags)};
}

}  // namespace mt::ui
