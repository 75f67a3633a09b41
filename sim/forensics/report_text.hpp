#pragma once
// Wording shared by the analysis reports: amounts with their symbol, labels of methods and
// heuristics in both languages, and row details built in both languages side by side.
#include <optional>
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
// {"1 hop", "1 salto"}, {"3 hops", "3 saltos"}
LocalizedText hops_text(std::uint32_t hops);
// The same text in both languages (identifiers, amounts, percentages).
LocalizedText same(const std::string& text);
// Appends `part` to a row detail in each language, separated by " · ".
void append(LocalizedText& detail, const LocalizedText& part);
// part / whole in [0, 1] for the views; 0 when nothing was received.
double share_of(Units part, Units whole);

}  // namespace mt
