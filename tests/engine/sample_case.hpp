#pragma once
// A small ransomware case built in code, so engine tests do not depend on the YAML loader:
// victim pays 1 BTC -> suspect wallet -> peel hop -> deposit address at Bitnova (MX, cooperative);
// a decoy output goes to Offshorex (SC, foreign). The adversary withdraws the Bitnova balance at
// +36h unless it is frozen first.
#include <memory>
#include <string>
#include <vector>

#include "model/action.hpp"
#include "model/action_builders.hpp"
#include "model/world.hpp"

namespace mt::testing {

inline constexpr const char* kVictim = "bc1qvictim0000000000000000000000000000001";
inline constexpr const char* kRansom = "bc1qransom000000000000000000000000000002";
inline constexpr const char* kChange = "bc1qchange000000000000000000000000000003";
inline constexpr const char* kDeposit = "bc1qdeposit00000000000000000000000000004";
inline constexpr const char* kOffshore = "bc1qoffshore0000000000000000000000000005";
inline constexpr const char* kStranger = "bc1qstranger0000000000000000000000000006";

std::shared_ptr<Scenario> make_sample_case();

// The actions the engine tests play on it.
inline Action request(Instrument instrument, std::string service,
                      std::vector<std::string> identifiers) {
    return legal_request_action(instrument, {}, std::move(service), std::move(identifiers),
                                "Proceeds of the ransom paid by the clinic");
}

}  // namespace mt::testing
