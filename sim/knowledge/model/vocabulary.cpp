#include "model/vocabulary.hpp"

#include "model/enum_names.hpp"

namespace mt {
namespace {

using enum_names::Names;

constexpr Names<EntityKind, 14> kEntityKinds{{
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
    {EntityKind::Agency, "agency"},
    {EntityKind::HostingProvider, "hosting_provider"},
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

}  // namespace

MT_ENUM_NAMES(EntityKind, kEntityKinds)
MT_ENUM_NAMES(Instrument, kInstruments)
MT_ENUM_NAMES(RecordKind, kRecordKinds)
MT_ENUM_NAMES(Direction, kDirections)
MT_ENUM_NAMES(AnalysisTool, kTools)
MT_ENUM_NAMES(TaintMethod, kTaintMethods)

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
