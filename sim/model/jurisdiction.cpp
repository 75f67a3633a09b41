#include "model/jurisdiction.hpp"

#include <algorithm>

#include "model/enum_names.hpp"

namespace mt {
namespace {

using enum_names::Names;

constexpr Names<Issuer, 5> kIssuers{{
    {Issuer::Prosecutor, "prosecutor"},
    {Issuer::Judge, "judge"},
    {Issuer::Fiu, "fiu"},
    {Issuer::Police, "police"},
    {Issuer::CentralAuthority, "central_authority"},
}};
constexpr Names<Reach, 3> kReaches{{
    {Reach::Domestic, "domestic"},
    {Reach::Treaty, "treaty"},
    {Reach::Voluntary, "voluntary"},
}};
constexpr Names<Compulsion, 5> kCompulsions{{
    {Compulsion::Records, "records"},
    {Compulsion::Preservation, "preservation"},
    {Compulsion::Freeze, "freeze"},
    {Compulsion::Seizure, "seizure"},
    {Compulsion::EmergencyDisclosure, "emergency_disclosure"},
}};

}  // namespace

MT_ENUM_NAMES(Issuer, kIssuers)
MT_ENUM_NAMES(Reach, kReaches)
MT_ENUM_NAMES(Compulsion, kCompulsions)

const LegalInstrument* JurisdictionPack::find(std::string_view instrument_id) const {
    auto it = std::find_if(instruments.begin(), instruments.end(),
                           [&](const LegalInstrument& i) { return i.id == instrument_id; });
    return it == instruments.end() ? nullptr : &*it;
}

const LegalInstrument* JurisdictionPack::first_of(Instrument kind) const {
    auto it = std::find_if(instruments.begin(), instruments.end(),
                           [&](const LegalInstrument& i) { return i.kind == kind; });
    return it == instruments.end() ? nullptr : &*it;
}

}  // namespace mt
