#pragma once
// The catalogue keys a case shows its trainees besides its own bilingual texts: typology names,
// entity, record and instrument kinds. `moneytrail validate` refuses a case whose words are
// missing from the English or Spanish catalogue.
#include <string>
#include <vector>

#include "model/world.hpp"

namespace mt {

// Sorted and without repeats: "entity_kind.exchange", "typology.peel_chain", ...
std::vector<std::string> case_word_keys(const Scenario& scenario);

}  // namespace mt
