#pragma once
// The closed vocabularies of the domain, each with the stable spelling used in YAML, JSON
// journals and translation keys ("exchange", "subpoena", "kyc").
#include <cstdint>
#include <optional>
#include <span>
#include <string_view>

namespace mt {

enum class EntityKind : std::uint8_t {
    Victim,
    Suspect,
    MoneyMule,
    Exchange,
    Mixer,
    Bridge,
    OtcDesk,
    DefiProtocol,
    StablecoinIssuer,
    DarknetMarket,
    Merchant,
    Unknown,
    Agency,           // a law-enforcement agency: executes seizures itself when it holds a key
    HostingProvider,  // cloud storage or hosting: holds content a search warrant can reach
};

enum class Instrument : std::uint8_t {
    Preservation,         // records kept; nothing handed over yet
    Subpoena,             // basic subscriber data
    CourtOrder,           // detailed non-content records (2703(d)-style)
    SearchWarrant,        // content
    SeizureWarrant,       // the funds, where a custodian holds them
    FreezeRequest,        // voluntary hold by a custodian or token issuer
    EmergencyDisclosure,  // life at risk
    Mlat,                 // mutual legal assistance request to a foreign jurisdiction
};

enum class RecordKind : std::uint8_t {
    Kyc,
    LoginIps,
    Devices,
    LinkedAccounts,
    DepositHistory,
    WithdrawalHistory,
    Content,
};

enum class Direction : std::uint8_t { Both, In, Out };

enum class AnalysisTool : std::uint8_t { Taint, Cluster, PeelChain, CoinJoin, FlowPatterns };

enum class TaintMethod : std::uint8_t { Poison, Haircut, Fifo, Lifo, Tiho };

std::string_view name_of(EntityKind v);
std::string_view name_of(Instrument v);
std::string_view name_of(RecordKind v);
std::string_view name_of(Direction v);
std::string_view name_of(AnalysisTool v);
std::string_view name_of(TaintMethod v);

// Parse the stable spelling; std::nullopt for anything else.
template <typename Enum>
std::optional<Enum> parse_enum(std::string_view text);

// Every value of an enum, for menus, validation messages and tests.
template <typename Enum>
std::span<const Enum> all_values();

// Compulsory instruments that a foreign service does not have to obey (it needs an MLAT).
bool is_compulsory(Instrument v);

}  // namespace mt
