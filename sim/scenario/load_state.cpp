#include "scenario/load_state.hpp"

#include <algorithm>
#include <array>

namespace mt::scenario_detail {

OutPoint PendingTransactions::spend(std::string_view tx_id, std::uint32_t vout) {
    std::array<char, TextTable::kMaxPackedBytes> scratch;
    return spend(tx_id, TextTable::key(tx_id, tx_ids.packing(), scratch.data()), vout);
}

OutPoint PendingTransactions::spend(std::string_view tx_id, const TextTable::Key& key,
                                    std::uint32_t vout) {
    const TextTable::Entry entry = tx_ids.find(key);
    if (entry != TextTable::kAbsent) return OutPoint{entry, vout};
    named_spends.push_back({static_cast<std::uint32_t>(inputs.size()), std::string(tx_id)});
    return OutPoint{kSpendByName, vout};
}

std::string_view PendingTransactions::spend_name(std::uint32_t input) const {
    const auto it = std::lower_bound(
        named_spends.begin(), named_spends.end(), input,
        [](const NamedSpend& spend, std::uint32_t position) { return spend.input < position; });
    return it != named_spends.end() && it->input == input ? std::string_view(it->tx_id)
                                                          : std::string_view();
}

Where LoadState::tx_where(std::uint32_t tx, int input) const {
    const TxOrigin& origin = pending.origins[tx];
    const auto line = static_cast<int>(origin.line);
    if (origin.csv) {
        if (input >= 0) return csv_where(line, static_cast<int>(origin.column), "inputs");
        return csv_where(line, 1, "id");
    }
    const std::string path =
        item_path("transactions", tx < pending.yaml_items.size() ? pending.yaml_items[tx] : 0);
    if (input >= 0) {
        const std::uint32_t position =
            pending.txs[tx].first_input + static_cast<std::uint32_t>(input);
        if (position < pending.yaml_input_origins.size()) {
            const YamlInputOrigin& in = pending.yaml_input_origins[position];
            return Where{yaml.file(), in.line, in.column, item_path(path + ".inputs", in.index)};
        }
    }
    return Where{yaml.file(), line, static_cast<int>(origin.column), path};
}

bool LoadState::is_known_tx(std::string_view id) const {
    if (pending.handed_to_ledger) return scenario.ledger.find_transaction(id).has_value();
    return pending.tx_ids.find(id) != TextTable::kAbsent;
}

void LoadState::report_chain_conflict(std::string_view text, AddressId existing, ChainId chain,
                                      const Where& where) {
    const Ledger& ledger = scenario.ledger;
    yaml.diagnostics().error(where,
                             Message("case_error.transactions.address_on_two_chains")
                                 .arg("address", text)
                                 .arg("first", ledger.chain(ledger.address_chain(existing)).id)
                                 .arg("chain", ledger.chain(chain).id));
}

void LoadState::report_repeated_tx(std::string_view id, std::uint32_t first, const Where& where) {
    const Where at = tx_where(first);
    const bool with_path = !at.path.empty() && !pending.origins[first].csv;
    Message message(with_path ? "case_error.transactions.id_twice_at_path"
                              : "case_error.transactions.id_twice");
    message.arg("id", id).arg("first", std::string(at.file) + ":" + std::to_string(at.line));
    if (with_path) message.arg("path", at.path);
    yaml.diagnostics().error(where, std::move(message));
}

std::optional<ChainId> resolve_chain(LoadState& state, const Slot& slot) {
    auto id = state.yaml.id(slot, "case_error.what.chain_id");
    if (!id) return std::nullopt;
    if (auto chain = state.scenario.ledger.find_chain(*id)) return chain;
    if (state.broken_chains.count(*id) == 0) {
        std::vector<std::string_view> known;
        for (const Chain& c : state.scenario.ledger.chains()) known.push_back(c.id);
        Message message(known.empty() ? "case_error.chains.unknown_chain"
                                      : "case_error.chains.unknown_chain_known");
        message.arg("id", *id);
        if (!known.empty()) message.arg("known", join_names(known));
        state.yaml.error(slot, std::move(message));
    }
    return std::nullopt;
}

std::optional<std::vector<Slot>> section_items(LoadState& state, const MapReader& root,
                                               std::string_view key, What what) {
    auto slot = root.get(key);
    if (!slot) return std::nullopt;
    return state.yaml.list(*slot, what);
}

std::optional<AssetId> resolve_asset(LoadState& state, const Slot& slot) {
    auto id = state.yaml.id(slot, "case_error.what.asset_id");
    if (!id) return std::nullopt;
    if (auto asset = state.scenario.ledger.find_asset(*id)) return asset;
    if (state.broken_assets.count(*id) == 0)
        state.yaml.error(slot, Message("case_error.chains.unknown_asset").arg("id", *id));
    return std::nullopt;
}

std::optional<AddressId> LoadState::known_address(const Slot& slot) {
    auto text = yaml.address(slot);
    if (!text) return std::nullopt;
    if (auto id = scenario.ledger.find_address(*text)) return id;
    missing_from_ledger(slot,
                        Message("case_error.transactions.unknown_address").arg("address", *text));
    return std::nullopt;
}

void LoadState::missing_from_ledger(const Slot& slot, Message message) {
    if (ledger_file_rejected)
        ++unchecked_ledger_references;
    else
        yaml.error(slot, std::move(message));
}

}  // namespace mt::scenario_detail
