#include "scenario/case_words.hpp"

#include <set>

namespace mt {

std::vector<std::string> case_word_keys(const Scenario& scenario) {
    std::set<std::string> keys;
    for (const std::string& t : scenario.info.typologies) keys.insert("typology." + t);
    for (const Entity& e : scenario.entities)
        keys.insert("entity_kind." + std::string(name_of(e.kind)));
    for (const Service& s : scenario.services) {
        for (const auto& [instrument, terms] : s.honours) {
            keys.insert("instrument." + std::string(name_of(instrument)));
            for (RecordKind k : terms.returns)
                keys.insert("record_kind." + std::string(name_of(k)));
        }
        for (const auto& [id, terms] : s.instrument_terms)
            for (RecordKind k : terms.returns)
                keys.insert("record_kind." + std::string(name_of(k)));
        for (const Record& r : s.records)
            keys.insert("record_kind." + std::string(name_of(r.kind)));
    }
    return {keys.begin(), keys.end()};
}

}  // namespace mt
