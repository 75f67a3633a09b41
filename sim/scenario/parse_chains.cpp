// Chains and assets (the ledger's vocabulary) and opening balances on account chains.
#include <algorithm>
#include <array>
#include <map>

#include "scenario/limits.hpp"
#include "scenario/load_state.hpp"

namespace mt::scenario_detail {
namespace {

constexpr std::array<std::string_view, 2> kChainModels{"utxo", "account"};

struct ChainEntry {
    Chain chain;
    std::string native_asset;
    Slot slot;
    std::optional<Slot> native_slot;
};

struct AssetEntry {
    Asset asset;
    std::string chain_id;
    Slot slot;
    std::optional<Slot> chain_slot;
    std::optional<Slot> issuer_slot;
};

}  // namespace

void read_chains_and_assets(LoadState& state, MapReader& root) {
    YamlReader& yaml = state.yaml;
    std::vector<ChainEntry> chains;
    std::vector<AssetEntry> assets;
    std::map<std::string, std::size_t, std::less<>> chain_index, asset_index;

    if (auto s = root.need("chains")) {
        if (auto items = yaml.list(*s, "case_error.what.chains")) {
            if (items->empty()) yaml.error(*s, Message("case_error.chains.none"));
            if (items->size() > scenario_limits::kMaxChains)
                yaml.error(*s, Message("case_error.chains.too_many_chains")
                                   .arg("count", scenario_limits::kMaxChains));
            for (const Slot& item : *items) {
                MapReader map(yaml, item, "case_error.what.chain",
                              {"id", "name", "model", "native_asset"});
                if (!map.is_map()) continue;
                ChainEntry entry{{}, {}, item, map.get("native_asset")};
                std::optional<std::string> id, name, native;
                std::optional<std::size_t> model;
                if (auto v = map.need("id")) id = yaml.id(*v, "case_error.what.chain_id");
                if (auto v = map.need("name"))
                    name = yaml.text_line(*v, "case_error.what.chain_name");
                if (auto v = map.need("model"))
                    model = yaml.choice(*v, kChainModels, "case_error.what.chain_model");
                if (entry.native_slot)
                    native = yaml.id(*entry.native_slot, "case_error.what.asset_id");
                else
                    map.need("native_asset");
                if (!id) continue;
                if (chain_index.count(*id) != 0) {
                    yaml.error(*map.get("id"),
                               Message("case_error.chains.chain_twice").arg("id", *id));
                    continue;
                }
                if (!name || !model || !native) {
                    state.broken_chains.insert(*id);
                    continue;
                }
                entry.chain.id = *id;
                entry.chain.name = *name;
                entry.chain.model = *model == 0 ? ChainModel::Utxo : ChainModel::Account;
                entry.native_asset = *native;
                chain_index.emplace(*id, chains.size());
                chains.push_back(std::move(entry));
            }
        }
    }

    if (auto s = root.need("assets")) {
        if (auto items = yaml.list(*s, "case_error.what.assets")) {
            if (items->size() > scenario_limits::kMaxAssets)
                yaml.error(*s, Message("case_error.chains.too_many_assets")
                                   .arg("count", scenario_limits::kMaxAssets));
            for (const Slot& item : *items) {
                MapReader map(yaml, item, "case_error.what.asset",
                              {"id", "symbol", "chain", "decimals", "issuer"});
                if (!map.is_map()) continue;
                AssetEntry entry{{}, {}, item, map.get("chain"), std::nullopt};
                std::optional<std::string> id, symbol, chain;
                std::optional<std::int64_t> decimals;
                if (auto v = map.need("id")) id = yaml.id(*v, "case_error.what.asset_id");
                if (auto v = map.need("symbol"))
                    symbol = yaml.text_line(*v, "case_error.what.asset_symbol");
                if (entry.chain_slot)
                    chain = yaml.id(*entry.chain_slot, "case_error.what.chain_id");
                else
                    map.need("chain");
                if (auto v = map.need("decimals"))
                    decimals = yaml.integer(*v, 0, 30, "case_error.what.decimals");
                entry.issuer_slot = map.get("issuer");
                if (entry.issuer_slot) {
                    if (auto issuer = yaml.id(*entry.issuer_slot, "case_error.what.entity_id"))
                        entry.asset.issuer = *issuer;
                    else
                        entry.issuer_slot.reset();
                }
                if (!id) continue;
                if (asset_index.count(*id) != 0) {
                    yaml.error(*map.get("id"),
                               Message("case_error.chains.asset_twice").arg("id", *id));
                    continue;
                }
                bool ok = symbol && decimals && chain;
                if (chain && chain_index.count(*chain) == 0) {
                    ok = false;
                    if (state.broken_chains.count(*chain) == 0)
                        yaml.error(*entry.chain_slot,
                                   Message("case_error.chains.unknown_chain").arg("id", *chain));
                }
                if (!ok) {
                    state.broken_assets.insert(*id);
                    continue;
                }
                entry.asset.id = *id;
                entry.asset.symbol = *symbol;
                entry.asset.decimals = static_cast<int>(*decimals);
                entry.chain_id = *chain;
                asset_index.emplace(*id, assets.size());
                assets.push_back(std::move(entry));
            }
        }
    }

    // A chain joins the ledger only with a native asset of its own; its assets follow it.
    std::vector<bool> chain_ok(chains.size(), false);
    for (std::size_t c = 0; c < chains.size(); ++c) {
        ChainEntry& entry = chains[c];
        auto it = asset_index.find(entry.native_asset);
        if (it == asset_index.end()) {
            if (state.broken_assets.count(entry.native_asset) == 0)
                yaml.error(*entry.native_slot, Message("case_error.chains.unknown_native_asset")
                                                   .arg("asset", entry.native_asset));
        } else if (assets[it->second].chain_id != entry.chain.id) {
            yaml.error(*entry.native_slot, Message("case_error.chains.native_asset_elsewhere")
                                               .arg("asset", entry.native_asset)
                                               .arg("owner", assets[it->second].chain_id)
                                               .arg("chain", entry.chain.id));
        } else {
            chain_ok[c] = true;
        }
        if (!chain_ok[c]) state.broken_chains.insert(entry.chain.id);
    }
    std::vector<std::size_t> kept;  // asset entries that join the ledger, in file order
    for (std::size_t a = 0; a < assets.size(); ++a) {
        const std::size_t c = chain_index.at(assets[a].chain_id);
        if (!chain_ok[c]) {
            state.broken_assets.insert(assets[a].asset.id);
            continue;
        }
        const bool native = chains[c].native_asset == assets[a].asset.id;
        if (chains[c].chain.model == ChainModel::Utxo && !native) {
            yaml.error(*assets[a].chain_slot, Message("case_error.chains.token_on_utxo")
                                                  .arg("asset", assets[a].asset.id)
                                                  .arg("chain", chains[c].chain.id)
                                                  .arg("native", chains[c].native_asset));
            state.broken_assets.insert(assets[a].asset.id);
            continue;
        }
        kept.push_back(a);
    }
    Ledger& ledger = state.scenario.ledger;
    std::map<std::size_t, ChainId> chain_ids;
    for (std::size_t c = 0; c < chains.size(); ++c) {
        if (!chain_ok[c]) continue;
        // The native asset's id is its position among the kept assets.
        const std::size_t native_entry = asset_index.at(chains[c].native_asset);
        const auto native_pos = std::find(kept.begin(), kept.end(), native_entry) - kept.begin();
        Chain chain = chains[c].chain;
        chain.native_asset = static_cast<AssetId>(native_pos);
        chain_ids[c] = ledger.add_chain(std::move(chain));
    }
    for (std::size_t a : kept) {
        Asset asset = assets[a].asset;
        asset.chain = chain_ids.at(chain_index.at(assets[a].chain_id));
        const AssetId id = ledger.add_asset(std::move(asset));
        if (assets[a].issuer_slot) state.issuer_refs.emplace_back(id, *assets[a].issuer_slot);
    }
}

void read_opening_balances(LoadState& state, MapReader& root) {
    YamlReader& yaml = state.yaml;
    auto items = section_items(state, root, "opening_balances", "case_error.what.opening_balances");
    if (!items) return;
    Ledger& ledger = state.scenario.ledger;
    std::map<std::pair<AddressId, AssetId>, std::string> seen;
    for (const Slot& item : *items) {
        MapReader map(yaml, item, "case_error.what.opening_balance",
                      {"address", "asset", "amount"});
        if (!map.is_map()) continue;
        auto address_slot = map.need("address");
        auto asset_slot = map.need("asset");
        auto amount_slot = map.need("amount");
        std::optional<std::string> address;
        if (address_slot) address = yaml.address(*address_slot);
        std::optional<AssetId> asset;
        if (asset_slot) asset = resolve_asset(state, *asset_slot);
        if (!asset) continue;
        const Asset& a = ledger.asset(*asset);
        const Chain& chain = ledger.chain(a.chain);
        std::optional<Units> amount;
        if (amount_slot) amount = yaml.amount(*amount_slot, a.decimals, a.symbol);
        if (chain.model == ChainModel::Utxo) {
            yaml.error(*asset_slot,
                       Message("case_error.chains.opening_on_utxo").arg("chain", chain.id));
            continue;
        }
        if (!address || !amount) continue;
        auto id = state.intern(*address, a.chain, [&] { return yaml.where(*address_slot); });
        if (!id) continue;
        auto [it, inserted] = seen.try_emplace({*id, *asset}, item.path);
        if (!inserted) {
            yaml.error(item, Message("case_error.chains.opening_twice")
                                 .arg("symbol", a.symbol)
                                 .arg("address", *address)
                                 .arg("first", it->second));
            continue;
        }
        state.opening.push_back({*id, *asset, *amount});
    }
}

}  // namespace mt::scenario_detail
