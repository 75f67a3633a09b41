#pragma once
// Wording shared by the analysis reports, as catalogue messages ("forensic.*"): amounts with their
// symbol, the catalogue keys of methods and heuristics, and the row-detail parts several reports
// use. The words themselves live in assets/i18n.
#include <cstdint>
#include <string>
#include <string_view>

#include "forensics/change_heuristics.hpp"
#include "model/ledger.hpp"
#include "model/message.hpp"
#include "model/vocabulary.hpp"

namespace mt {

// "1.5 BTC"
std::string amount_text(const Ledger& ledger, AssetId asset, Units amount);
// Catalogue keys of the method and heuristic names, for Message::term().
std::string method_key(TaintMethod method);
std::string heuristic_key(ChangeHeuristic heuristic);
// "1 hop", "3 hops"
Message hops_part(std::uint32_t hops);
// "tx <id>"
Message tx_part(std::string_view tx);
// "← <address or tx id>": where the row's funds or link came from.
Message from_part(std::string_view from);
// A share as format_share() writes it ("30.0%").
Message share_part(std::string share);
// part / whole in [0, 1] for the views; 0 when nothing was received.
double share_of(Units part, Units whole);

}  // namespace mt
