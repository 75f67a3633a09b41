#include "forensics/coinjoin.hpp"

#include <algorithm>
#include <vector>

namespace mt {

std::string_view name_of(CoinJoinRule rule) {
    switch (rule) {
        case CoinJoinRule::Passed:
            return "passed";
        case CoinJoinRule::TooFewInputs:
            return "too_few_inputs";
        case CoinJoinRule::TooFewOutputs:
            return "too_few_outputs";
        case CoinJoinRule::MoreParticipantsThanInputs:
            return "more_participants_than_inputs";
        case CoinJoinRule::TooFewInputAddresses:
            return "too_few_input_addresses";
        case CoinJoinRule::EqualOutputsNotParticipants:
            return "equal_outputs_not_participants";
        case CoinJoinRule::DustDenomination:
            return "dust_denomination";
        case CoinJoinRule::NotUtxo:
            return "not_utxo";
    }
    return "?";
}

CoinJoinCheck check_coinjoin(const Ledger& ledger, TxIndex tx) {
    CoinJoinCheck c;
    const auto inputs = ledger.inputs(tx);
    const auto outputs = ledger.outputs(tx);
    c.inputs = static_cast<std::uint32_t>(inputs.size());
    c.outputs = static_cast<std::uint32_t>(outputs.size());
    c.participants = (c.outputs + 1) / 2;
    std::vector<AddressId> addresses;
    addresses.reserve(inputs.size());
    for (const TxInput& in : inputs) addresses.push_back(in.address);
    std::sort(addresses.begin(), addresses.end());
    c.distinct_input_addresses = static_cast<std::uint32_t>(
        std::unique(addresses.begin(), addresses.end()) - addresses.begin());
    std::vector<Units> values;
    values.reserve(outputs.size());
    for (const TxOutput& o : outputs) values.push_back(o.amount);
    std::sort(values.begin(), values.end());
    for (std::size_t i = 0; i < values.size();) {
        std::size_t j = i;
        while (j < values.size() && values[j] == values[i]) ++j;
        const auto count = static_cast<std::uint32_t>(j - i);
        if (count >= c.denomination_count) {  // ascending walk: ties resolve to the largest value
            c.denomination_count = count;
            c.denomination = values[i];
        }
        i = j;
    }
    auto fail = [&](CoinJoinRule rule) {
        c.rule = rule;
        return c;
    };
    if (ledger.chain(ledger.transaction(tx).chain).model != ChainModel::Utxo)
        return fail(CoinJoinRule::NotUtxo);
    if (c.inputs < 2) return fail(CoinJoinRule::TooFewInputs);
    if (c.outputs < 3) return fail(CoinJoinRule::TooFewOutputs);
    if (c.participants > c.inputs) return fail(CoinJoinRule::MoreParticipantsThanInputs);
    if (c.participants > c.distinct_input_addresses)
        return fail(CoinJoinRule::TooFewInputAddresses);
    if (c.denomination_count != c.participants)
        return fail(CoinJoinRule::EqualOutputsNotParticipants);
    if (c.denomination == 546 || c.denomination == 2730)
        return fail(CoinJoinRule::DustDenomination);
    c.is_coinjoin = true;
    return c;
}

}  // namespace mt
