#pragma once
// The laundering typologies a generated case can embed (docs/forensics.md, "Laundering typologies
// the generator embeds"), in the order the trail uses them: the ransom is peeled, mixed, fanned out
// to mules and gathered, scattered and gathered again, sent round a cycle, bridged to USDT on Tron
// and cashed out at an exchange.
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "model/message.hpp"

namespace mt::generate {

enum class Typology : std::uint8_t {
    PeelChain,
    CoinJoin,
    FanOut,
    FanIn,
    ScatterGather,
    Cycle,
    BridgeHop,
    ExchangeConsolidation,
};

std::string_view slug_of(Typology t);  // "peel_chain", as in case files
std::optional<Typology> parse_typology(std::string_view slug);
// Every typology, in trail order.
std::span<const Typology> all_typologies();

// Parses "peel_chain,fan_out" into trail order, without repeats. On an unknown name returns
// nullopt and sets `error` to a message naming it and listing the valid ones.
std::optional<std::vector<Typology>> parse_typology_list(std::string_view list, Message& error);

}  // namespace mt::generate
