#pragma once
// CoinJoin recognition: BlockSci's isCoinjoin rule (citp/BlockSci,
// src/blocksci/heuristics/tx_identification.cpp), as docs/forensics.md states it:
//   >= 2 inputs and >= 3 outputs; p = floor((outputs + 1) / 2) participants with p <= inputs and
//   p <= distinct input addresses; the most frequent output value occurs exactly p times; that
//   value is not dust (546 or 2730 sat).
// BlockSci picks among equally frequent values in hash order; here the largest of them is taken,
// so the verdict is deterministic.
#include <cstdint>
#include <string_view>

#include "model/ledger.hpp"

namespace mt {

enum class CoinJoinRule : std::uint8_t {
    Passed,
    TooFewInputs,                 // fewer than 2 inputs
    TooFewOutputs,                // fewer than 3 outputs
    MoreParticipantsThanInputs,   // p > inputs
    TooFewInputAddresses,         // p > distinct input addresses
    EqualOutputsNotParticipants,  // the most frequent value does not occur exactly p times
    DustDenomination,             // the equal value is 546 or 2730
    NotUtxo,                      // account-based transfers cannot be CoinJoins
};
std::string_view name_of(CoinJoinRule rule);

struct CoinJoinCheck {
    bool is_coinjoin = false;
    CoinJoinRule rule = CoinJoinRule::Passed;  // the first condition that failed
    std::uint32_t inputs = 0;
    std::uint32_t outputs = 0;
    std::uint32_t distinct_input_addresses = 0;
    std::uint32_t participants = 0;  // p
    Units denomination = 0;          // the most frequent output value
    std::uint32_t denomination_count = 0;
};

CoinJoinCheck check_coinjoin(const Ledger& ledger, TxIndex tx);
inline bool is_coinjoin(const Ledger& ledger, TxIndex tx) {
    return check_coinjoin(ledger, tx).is_coinjoin;
}

}  // namespace mt
