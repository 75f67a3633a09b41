#pragma once
// Walks every key and string of a reply a trainee received and lists anything the trainee has not
// earned: scoring or debrief fields before submit, hidden texts, entities the casefile has not
// attributed, records not obtained, hints not asked for, future transactions, other trainees'
// names.
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "model/world.hpp"

namespace mt::testing {

struct LeakRules {
    const Scenario* scenario = nullptr;      // the trainee's own case (variant)
    std::vector<std::string> other_names;    // other trainees
    std::vector<std::string> answers_given;  // checkpoint answers this trainee sent
};

// Empty when nothing leaked; otherwise one line per finding, naming the JSON path.
std::vector<std::string> find_leaks(const nlohmann::json& reply, const LeakRules& rules);

}  // namespace mt::testing
