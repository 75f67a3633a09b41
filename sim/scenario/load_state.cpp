#include "scenario/load_state.hpp"

namespace mt::scenario_detail {

Where LoadState::tx_where(const PendingTx& tx, int input) const {
    if (input >= 0) {
        const PendingInput& in = inputs[tx.first_input + static_cast<std::uint32_t>(input)];
        if (in.origin.csv) return csv_where(in.origin, "inputs");
        Where w{yaml.file(), in.origin.line, in.origin.column,
                item_path(item_path("transactions", tx.origin.item) + ".inputs", in.index)};
        return w;
    }
    if (tx.origin.csv) return csv_where(tx.origin, "id");
    return Where{yaml.file(), tx.origin.line, tx.origin.column,
                 item_path("transactions", tx.origin.item)};
}

void LoadState::report_chain_conflict(std::string_view text, AddressId existing, ChainId chain,
                                      const Where& where) {
    const Ledger& ledger = scenario.ledger;
    yaml.diagnostics().error(where, "address '" + std::string(text) + "' is on chain '" +
                                        ledger.chain(ledger.address_chain(existing)).id +
                                        "' elsewhere in the case and cannot also be on '" +
                                        ledger.chain(chain).id +
                                        "'; an address belongs to one chain");
}

bool LoadState::register_tx(std::string_view id, std::uint32_t index, const Where& where) {
    auto [it, inserted] = tx_by_id.try_emplace(id, index);
    if (inserted) return true;
    const Where first = tx_where(txs[it->second]);
    std::string message = "transaction id '" + std::string(id) + "' is already used at " +
                          std::string(first.file) + ":" + std::to_string(first.line);
    if (!first.path.empty() && !txs[it->second].origin.csv) message += " (" + first.path + ")";
    yaml.diagnostics().error(where, message + "; expected each transaction id once");
    return false;
}

std::optional<ChainId> resolve_chain(LoadState& state, const Slot& slot) {
    auto id = state.yaml.id(slot, "a chain id");
    if (!id) return std::nullopt;
    if (auto chain = state.scenario.ledger.find_chain(*id)) return chain;
    if (state.broken_chains.count(*id) == 0) {
        std::string known;
        for (const Chain& c : state.scenario.ledger.chains())
            known += (known.empty() ? "" : ", ") + c.id;
        state.yaml.error(slot, "unknown chain '" + *id + "'; expected one declared under chains" +
                                   (known.empty() ? std::string() : " (" + known + ")"));
    }
    return std::nullopt;
}

std::optional<AssetId> resolve_asset(LoadState& state, const Slot& slot) {
    auto id = state.yaml.id(slot, "an asset id");
    if (!id) return std::nullopt;
    if (auto asset = state.scenario.ledger.find_asset(*id)) return asset;
    if (state.broken_assets.count(*id) == 0)
        state.yaml.error(slot, "unknown asset '" + *id + "'; expected an id declared under assets");
    return std::nullopt;
}

std::optional<AddressId> LoadState::known_address(const Slot& slot) {
    auto text = yaml.address(slot);
    if (!text) return std::nullopt;
    if (auto id = scenario.ledger.find_address(*text)) return id;
    yaml.error(slot, "unknown address '" + *text +
                         "'; expected an address that appears in a transaction or under an "
                         "entity's addresses");
    return std::nullopt;
}

}  // namespace mt::scenario_detail
