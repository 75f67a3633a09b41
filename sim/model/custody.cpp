#include "model/custody.hpp"

#include <algorithm>

namespace mt {

Units credited_deposits(const Ledger& ledger, AddressId subject, AssetId asset, SimSeconds at) {
    Units credited = 0;
    for (TxIndex t : ledger.transactions_of(subject)) {
        const Transaction tx = ledger.transaction(t);
        if (tx.time > at) break;  // transactions_of is in time order
        if (tx.asset != asset) continue;
        const auto ins = ledger.inputs(t);
        if (std::any_of(ins.begin(), ins.end(),
                        [&](const TxInput& i) { return i.address == subject; }))
            continue;
        for (const TxOutput& o : ledger.outputs(t))
            if (o.address == subject) credited += o.amount;
    }
    return credited;
}

Units ledger_custody(const Ledger& ledger, const Holding& holding, SimSeconds at) {
    if (holding.custody == Custody::Account)
        return credited_deposits(ledger, holding.subject, holding.asset, at);
    const Units balance = ledger.balance(holding.subject, holding.asset, at);
    return balance > 0 ? balance : 0;
}

Units holdable(const Ledger& ledger, const Holding& holding, SimSeconds at) {
    return std::min(holding.amount, ledger_custody(ledger, holding, at));
}

}  // namespace mt
