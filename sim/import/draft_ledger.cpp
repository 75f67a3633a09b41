#include "import/draft_ledger.hpp"

#include <algorithm>

namespace mt::import {

const DraftChain* DraftLedger::chain(const std::string& id) const {
    auto it =
        std::find_if(chains.begin(), chains.end(), [&](const DraftChain& c) { return c.id == id; });
    return it == chains.end() ? nullptr : &*it;
}

const DraftAsset* DraftLedger::asset(const std::string& id) const {
    auto it =
        std::find_if(assets.begin(), assets.end(), [&](const DraftAsset& a) { return a.id == id; });
    return it == assets.end() ? nullptr : &*it;
}

void DraftLedger::add_chain(const DraftChain& c, const DraftAsset& native) {
    if (chain(c.id)) return;
    chains.push_back(c);
    add_asset(native);
}

void DraftLedger::add_asset(const DraftAsset& a) {
    auto it = std::find_if(assets.begin(), assets.end(),
                           [&](const DraftAsset& x) { return x.id == a.id; });
    if (it == assets.end()) assets.push_back(a);
}

DraftChain bitcoin_chain() {
    return {"bitcoin", "Bitcoin", true, "btc"};
}
DraftAsset bitcoin_asset() {
    return {"btc", "BTC", "bitcoin", 8};
}
DraftChain ethereum_chain() {
    return {"ethereum", "Ethereum", false, "eth"};
}
DraftAsset ether_asset() {
    return {"eth", "ETH", "ethereum", 18};
}
DraftChain tron_chain() {
    return {"tron", "Tron", false, "trx"};
}
DraftAsset tron_asset() {
    return {"trx", "TRX", "tron", 6};
}

}  // namespace mt::import
