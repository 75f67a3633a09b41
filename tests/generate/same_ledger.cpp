#include "same_ledger.hpp"

#include <catch2/catch.hpp>

#include <algorithm>

namespace mt::testing {

void require_same_ledger(const Ledger& a, const Ledger& b) {
    REQUIRE(a.transaction_count() == b.transaction_count());
    REQUIRE(a.address_count() == b.address_count());
    for (TxIndex t = 0; t < a.transaction_count(); ++t) {
        const Transaction x = a.transaction(t);
        const Transaction y = b.transaction(t);
        REQUIRE(x.id == y.id);
        REQUIRE(b.find_transaction(x.id.view()) == t);
        REQUIRE((x.chain == y.chain && x.asset == y.asset && x.time == y.time && x.fee == y.fee));
        REQUIRE(a.inputs(t).size() == b.inputs(t).size());
        for (std::size_t i = 0; i < a.inputs(t).size(); ++i) {
            const TxInput& p = a.inputs(t)[i];
            const TxInput& q = b.inputs(t)[i];
            REQUIRE((p.address == q.address && p.amount == q.amount && p.prev == q.prev));
        }
        REQUIRE(a.outputs(t).size() == b.outputs(t).size());
        for (std::uint32_t o = 0; o < a.outputs(t).size(); ++o) {
            REQUIRE(a.outputs(t)[o].address == b.outputs(t)[o].address);
            REQUIRE(a.outputs(t)[o].amount == b.outputs(t)[o].amount);
            REQUIRE(a.spender(OutPoint{t, o}) == b.spender(OutPoint{t, o}));
        }
    }
    const SimSeconds end = a.transaction(static_cast<TxIndex>(a.transaction_count() - 1)).time;
    for (AddressId x = 0; x < a.address_count(); ++x) {
        REQUIRE(a.address_text(x) == b.address_text(x));
        REQUIRE(b.find_address(a.address_text(x).view()) == x);
        REQUIRE(a.address_chain(x) == b.address_chain(x));
        const auto ta = a.transactions_of(x);
        const auto tb = b.transactions_of(x);
        REQUIRE(std::equal(ta.begin(), ta.end(), tb.begin(), tb.end()));
        for (AssetId asset = 0; asset < a.assets().size(); ++asset)
            REQUIRE(a.balance(x, asset, end) == b.balance(x, asset, end));
    }
}

}  // namespace mt::testing
