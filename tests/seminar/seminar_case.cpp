#include "seminar_case.hpp"

#include "sample_case.hpp"

namespace mt::testing {

std::shared_ptr<Scenario> make_seminar_case() {
    auto s = make_sample_case();
    s->info.briefing = {std::string("A clinic paid a ransom to ") + kRansom + " in tx-ransom.",
                        std::string("Una clínica pagó un rescate a ") + kRansom + " en tx-ransom."};
    // A second custodial balance the adversary moves silently: the trainee is never told.
    const AddressId offshore = *s->ledger.find_address(kOffshore);
    s->holdings.push_back({"h-offshorex",
                           "offshorex",
                           offshore,
                           0,
                           39'996'000,
                           0,
                           {"0.4 BTC at Offshorex", "0.4 BTC en Offshorex"},
                           Custody::Account,
                           {}});
    s->events.insert(s->events.begin(), {"silent",
                                         EventKind::MoveFunds,
                                         hours(3),
                                         "h-offshorex",
                                         false,
                                         {kSecretMove, kSecretMove}});
    for (Checkpoint& c : s->checkpoints) c.explanation = {kSecretExplanation, kSecretExplanation};
    for (Objective& o : s->rubric.objectives) o.debrief = {kSecretDebrief, kSecretDebrief};
    return s;
}

}  // namespace mt::testing
