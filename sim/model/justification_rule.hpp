#pragma once
// What a legal request's justification must contain for a case (rubric.justification): a court or
// a service refuses a bare "ransomware", so a case can require the justification to cite the
// identifiers it names, the legal basis and the evidence already obtained.
#include <cstdint>
#include <string>
#include <vector>

#include "model/vocabulary.hpp"

namespace mt {

// An element a justification can be required to cite.
enum class JustificationElement : std::uint8_t {
    Identifier,  // an identifier the request names (in full, or 10 consecutive characters of it)
    Basis,       // the legal basis: one of the case's `bases` phrases
    Evidence,    // a transaction id in the casefile, a record obtained or an answered request
};

// What a justification lacks, first failing check first.
enum class JustificationGap : std::uint8_t { None, TooShort, Identifier, Basis, Evidence };

// What happens to a request whose justification lacks something.
enum class JustificationMissing : std::uint8_t {
    Penalise,  // sent, and penalised with the rule in the debrief (journals recorded before stay
               // replayable)
    Refuse,    // not sent: rejected with the reason, no time spent
};

struct JustificationRule {
    // Characters (UTF-8 code points) below which a justification says nothing; below 10 a request
    // is always refused.
    int min_characters = 30;
    std::vector<JustificationElement> cite;  // elements every justification must cite
    std::vector<std::string> bases;          // phrases that cite the legal basis (any one)
    std::vector<Instrument> instruments;     // the instruments `cite` applies to; empty = all
    JustificationMissing missing = JustificationMissing::Penalise;
};

}  // namespace mt
