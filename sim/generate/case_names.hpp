#pragma once
// The fictional people, organisations and services of a generated case, drawn from small pools
// with the case's seed. Every name is invented; phone numbers use Mexico's 555 fiction range and
// e-mail addresses the reserved example.mx domain.
#include <array>
#include <string>

#include "generate/background.hpp"
#include "generate/random.hpp"
#include "model/text.hpp"

namespace mt::generate {

struct Organisation {
    std::string id;            // entity id in the case file
    std::string brand;         // as prose names it: "Cryptalia"
    LocalizedText name;        // as the entity list names it: "Cryptalia (exchange)"
    std::string jurisdiction;  // ISO 3166 alpha-2
};

struct Person {
    std::string full_name;
    std::string born;  // "14 August 1994" / "14 de agosto de 1994"
    std::string born_es;
    std::string curp;
    std::string street_address;
    std::string phone;
    std::string email;
    bool female = false;
};

struct CaseNames {
    LocalizedText victim;
    std::string city;
    std::string ransomware;  // the family's name
    std::array<Organisation, kExchanges> exchanges;
    Organisation bridge;
    std::array<Organisation, kMerchants> merchants;
    Person affiliate;
    std::string account_number;
};

CaseNames pick_names(Random& random);

}  // namespace mt::generate
