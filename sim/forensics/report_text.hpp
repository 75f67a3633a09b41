#pragma once
// Wording shared by the analysis reports: amounts with their symbol, bilingual labels of methods
// and heuristics. Row details are one string, so they carry both languages ("2 hops / 2 saltos").
#include <string>
#include <string_view>

#include "forensics/change_heuristics.hpp"
#include "model/ledger.hpp"
#include "model/text.hpp"
#include "model/vocabulary.hpp"

namespace mt {

// "1.5 BTC"
std::string amount_text(const Ledger& ledger, AssetId asset, Units amount);
LocalizedText method_label(TaintMethod method);
LocalizedText heuristic_label(ChangeHeuristic heuristic);
// "hop 1 / salto 1", "3 hops / 3 saltos"
std::string hops_text(std::uint32_t hops);
// "en / es"
std::string both(const LocalizedText& text);

}  // namespace mt
