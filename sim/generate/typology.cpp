#include "generate/typology.hpp"

#include <algorithm>
#include <array>

namespace mt::generate {
namespace {

constexpr std::array<Typology, 8> kAll{Typology::PeelChain,     Typology::CoinJoin,
                                       Typology::FanOut,        Typology::FanIn,
                                       Typology::ScatterGather, Typology::Cycle,
                                       Typology::BridgeHop,     Typology::ExchangeConsolidation};

}  // namespace

std::string_view slug_of(Typology t) {
    switch (t) {
        case Typology::PeelChain:
            return "peel_chain";
        case Typology::CoinJoin:
            return "coinjoin";
        case Typology::FanOut:
            return "fan_out";
        case Typology::FanIn:
            return "fan_in";
        case Typology::ScatterGather:
            return "scatter_gather";
        case Typology::Cycle:
            return "cycle";
        case Typology::BridgeHop:
            return "bridge_hop";
        case Typology::ExchangeConsolidation:
            return "exchange_consolidation";
    }
    return "";
}

std::optional<Typology> parse_typology(std::string_view slug) {
    for (Typology t : kAll)
        if (slug_of(t) == slug) return t;
    return std::nullopt;
}

std::span<const Typology> all_typologies() {
    return kAll;
}

std::optional<std::vector<Typology>> parse_typology_list(std::string_view list, Message& error) {
    std::vector<bool> chosen(kAll.size(), false);
    while (!list.empty()) {
        const auto comma = list.find(',');
        std::string_view name = list.substr(0, comma);
        list = comma == std::string_view::npos ? std::string_view{} : list.substr(comma + 1);
        while (!name.empty() && name.front() == ' ') name.remove_prefix(1);
        while (!name.empty() && name.back() == ' ') name.remove_suffix(1);
        if (name.empty()) continue;
        auto t = parse_typology(name);
        if (!t) {
            std::string known;
            for (std::size_t i = 0; i < kAll.size(); ++i)
                known += (i ? ", " : "") + std::string(slug_of(kAll[i]));
            error =
                Message("generate.error.unknown_typology").arg("name", name).arg("known", known);
            return std::nullopt;
        }
        chosen[static_cast<std::size_t>(*t)] = true;
    }
    std::vector<Typology> out;
    for (Typology t : kAll)
        if (chosen[static_cast<std::size_t>(t)]) out.push_back(t);
    return out;
}

}  // namespace mt::generate
