#include "generate/typology.hpp"

#include <algorithm>
#include <array>

#include "model/enum_names.hpp"

namespace mt::generate {
namespace {

// Each typology's slug, as case files and --typologies spell it; both directions read this table.
constexpr enum_names::Names<Typology, 8> kSlugs{{
    {Typology::PeelChain, "peel_chain"},
    {Typology::CoinJoin, "coinjoin"},
    {Typology::FanOut, "fan_out"},
    {Typology::FanIn, "fan_in"},
    {Typology::ScatterGather, "scatter_gather"},
    {Typology::Cycle, "cycle"},
    {Typology::BridgeHop, "bridge_hop"},
    {Typology::ExchangeConsolidation, "exchange_consolidation"},
}};

constexpr std::array<Typology, 8> kAll = enum_names::values(kSlugs);

}  // namespace

std::string_view slug_of(Typology t) {
    return enum_names::name(kSlugs, t);
}

std::optional<Typology> parse_typology(std::string_view slug) {
    return enum_names::value(kSlugs, slug);
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
