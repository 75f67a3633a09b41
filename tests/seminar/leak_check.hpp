#pragma once
// Walks every key and string of a reply a trainee received and lists anything the trainee has not
// earned: scoring or debrief fields before submit, hidden texts, entities the casefile has not
// attributed, records not obtained, hints not asked for, future transactions, other trainees'
// names. The texts of visible scheduled events that have happened are the case's own words to the
// trainee and may name an entity.
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "model/world.hpp"

namespace mt::testing {

struct LeakRules {
    const Scenario* scenario = nullptr;      // the trainee's own case (variant)
    std::vector<std::string> other_names;    // other trainees
    std::vector<std::string> answers_given;  // checkpoint answers this trainee sent
    // Hints this trainee asked for plus those the instructor gave the room, counted by the sender
    // (not read back from the casefile, which is what is being checked).
    std::size_t hints_earned = 0;
};

// Empty when nothing leaked; otherwise one line per finding, naming the JSON path.
std::vector<std::string> find_leaks(const nlohmann::json& reply, const LeakRules& rules);

}  // namespace mt::testing
