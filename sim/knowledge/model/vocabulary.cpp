#include "model/vocabulary.hpp"

#include <array>
#include <utility>

namespace mt {
namespace {

template <typename Enum, std::size_t N>
using Names = std::array<std::pair<Enum, std::string_view>, N>;

constexpr Names<EntityKind, 12> kEntityKinds{{
    {EntityKind::Victim, "victim"},
    {EntityKind::Suspect, "suspect"},
    {EntityKind::MoneyMule, "money_mule"},
    {EntityKind::Exchange, "exchange"},
    {EntityKind::Mixer, "mixer"},
    {EntityKind::Bridge, "bridge"},
    {EntityKind::OtcDesk, "otc_desk"},
    {EntityKind::DefiProtocol, "defi_protocol"},
    {EntityKind::StablecoinIssuer, "stablecoin_issuer"},
    {EntityKind::DarknetMarket, "darknet_market"},
    {EntityKind::Merchant, "merchant"},
    {EntityKind::Unknown, "unknown"},
}};
constexpr Names<Instrument, 8> kInstruments{{
    {Instrument::Preservation, "preservation"},
    {Instrument::Subpoena, "subpoena"},
    {Instrument::CourtOrder, "court_order"},
    {Instrument::SearchWarrant, "search_warrant"},
    {Instrument::SeizureWarrant, "seizure_warrant"},
    {Instrument::FreezeRequest, "freeze_request"},
    {Instrument::EmergencyDisclosure, "emergency_disclosure"},
    {Instrument::Mlat, "mlat"},
}};
constexpr Names<RecordKind, 7> kRecordKinds{{
    {RecordKind::Kyc, "kyc"},
    {RecordKind::LoginIps, "login_ips"},
    {RecordKind::Devices, "devices"},
    {RecordKind::LinkedAccounts, "linked_accounts"},
    {RecordKind::DepositHistory, "deposit_history"},
    {RecordKind::WithdrawalHistory, "withdrawal_history"},
    {RecordKind::Content, "content"},
}};
constexpr Names<Direction, 3> kDirections{{
    {Direction::Both, "both"},
    {Direction::In, "in"},
    {Direction::Out, "out"},
}};
constexpr Names<AnalysisTool, 5> kTools{{
    {AnalysisTool::Taint, "taint"},
    {AnalysisTool::Cluster, "cluster"},
    {AnalysisTool::PeelChain, "peel_chain"},
    {AnalysisTool::CoinJoin, "coinjoin"},
    {AnalysisTool::FlowPatterns, "flow_patterns"},
}};
constexpr Names<TaintMethod, 5> kTaintMethods{{
    {TaintMethod::Poison, "poison"},
    {TaintMethod::Haircut, "haircut"},
    {TaintMethod::Fifo, "fifo"},
    {TaintMethod::Lifo, "lifo"},
    {TaintMethod::Tiho, "tiho"},
}};

template <typename Enum, std::size_t N>
std::string_view lookup_name(const Names<Enum, N>& names, Enum v) {
    for (const auto& [value, name] : names)
        if (value == v) return name;
    return "?";
}

template <typename Enum, std::size_t N>
std::optional<Enum> lookup_value(const Names<Enum, N>& names, std::string_view text) {
    for (const auto& [value, name] : names)
        if (name == text) return value;
    return std::nullopt;
}

template <typename Enum, std::size_t N>
constexpr std::array<Enum, N> values_of(const Names<Enum, N>& names) {
    std::array<Enum, N> out{};
    for (std::size_t i = 0; i < N; ++i) out[i] = names[i].first;
    return out;
}

}  // namespace

std::string_view name_of(EntityKind v) {
    return lookup_name(kEntityKinds, v);
}
std::string_view name_of(Instrument v) {
    return lookup_name(kInstruments, v);
}
std::string_view name_of(RecordKind v) {
    return lookup_name(kRecordKinds, v);
}
std::string_view name_of(Direction v) {
    return lookup_name(kDirections, v);
}
std::string_view name_of(AnalysisTool v) {
    return lookup_name(kTools, v);
}
std::string_view name_of(TaintMethod v) {
    return lookup_name(kTaintMethods, v);
}

#define MT_ENUM_TABLE(Enum, table)                                \
    template <>                                                   \
    std::optional<Enum> parse_enum<Enum>(std::string_view text) { \
        return lookup_value(table, text);                         \
    }                                                             \
    template <>                                                   \
    std::span<const Enum> all_values<Enum>() {                    \
        static constexpr auto values = values_of(table);          \
        return values;                                            \
    }
MT_ENUM_TABLE(EntityKind, kEntityKinds)
MT_ENUM_TABLE(Instrument, kInstruments)
MT_ENUM_TABLE(RecordKind, kRecordKinds)
MT_ENUM_TABLE(Direction, kDirections)
MT_ENUM_TABLE(AnalysisTool, kTools)
MT_ENUM_TABLE(TaintMethod, kTaintMethods)
#undef MT_ENUM_TABLE

bool is_compulsory(Instrument v) {
    switch (v) {
        case Instrument::Subpoena:
        case Instrument::CourtOrder:
        case Instrument::SearchWarrant:
        case Instrument::SeizureWarrant:
            return true;
        default:
            return false;
    }
}

}  // namespace mt
