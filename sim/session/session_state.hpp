#pragma once
// The hidden progress of a session: what the engine knows about the trainee's effect on the world
// that the casefile does not (yet) show. Internal to sim/session.
#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "model/casefile.hpp"
#include "model/score.hpp"
#include "model/time.hpp"
#include "model/vocabulary.hpp"
#include "model/world.hpp"
#include "session/session.hpp"

namespace mt {

struct SentRequest {
    std::size_t file_index = 0;  // into casefile.requests
    std::string service;
    Instrument instrument = Instrument::Preservation;
    SimSeconds sent_at = 0;
    bool honoured = false;
    // The jurisdiction pack's instrument used; null in a case without a pack.
    const LegalInstrument* legal = nullptr;
    // Refused for want of evidence (by the court when a judge must authorise it, else by the
    // service), with the evidence that was missing: record ids, or empty when none was cited.
    bool refused = false;
    std::vector<std::string> missing{};
};

// A holding a freeze or seizure took hold of.
struct FrozenHolding {
    SimSeconds at = 0;  // when it took effect
    Units held = 0;     // what it held then (an account also holds the deposits credited later)
};

struct SessionState {
    std::size_t next_event = 0;                   // scenario.events is sorted by time
    std::size_t next_checkpoint = 0;              // index into checkpoint_order
    std::vector<std::size_t> checkpoint_order;    // checkpoints sorted by opens_at
    std::map<std::string, FrozenHolding> frozen;  // by holding id
    std::set<std::string> moved;                  // holdings the adversary moved out
    // The adversary's moves on chain that a freeze (or no tip-off) stopped, with every
    // transaction spending their outputs: none of them happens.
    std::set<TxIndex> prevented;
    // The chain as it went in this session (the ledger without `prevented`), for analyses; built
    // when the first move is prevented and again when another is, so it holds
    // `analysis_prevented` of them.
    std::shared_ptr<const Ledger> analysis_chain{};
    std::size_t analysis_prevented = 0;
    std::set<std::string> records;                      // record ids obtained
    std::map<std::string, SimSeconds> obtained_at;      // record id -> when it was obtained
    std::map<std::string, SimSeconds> preserved_until;  // record id -> kept until (preservation)
    // Services that told their user of a request, with when; tip-off moves react to it.
    std::map<std::string, SimSeconds> tipped;
    std::set<std::size_t> fired;  // tip-off events (index into scenario.events) already handled
    std::set<std::string> identified;  // entity ids whose identity was established
    // Entities a record identified, with that record's id: their addresses found later are
    // labelled from it too.
    std::map<std::string, std::string> revealed_by;
    std::vector<SentRequest> sent;
    std::vector<PenaltyItem> penalties;          // request and hint penalties, in order
    std::map<std::string, std::string> answers;  // checkpoint id -> answer given
    std::size_t hints_used = 0;
};

}  // namespace mt

namespace mt {

// What the parts of the engine share while applying one action.
struct SessionContext {
    const Scenario& scenario;
    Casefile& casefile;
    SessionState& state;
};

// clock.cpp: moves the clock to `until`, firing due events, deliveries and checkpoints in time
// order (at equal times: deliveries, then events, then checkpoints, so a freeze that lands at the
// minute of the adversary's move still holds the funds).
void advance_clock(SessionContext& ctx, SimSeconds until);
void open_due_checkpoints(SessionContext& ctx);

// legal_process.cpp
ActionOutcome send_legal_request(SessionContext& ctx, const Action& action, SimSeconds cost);
void deliver_request(SessionContext& ctx, SentRequest& request);
SimSeconds next_delivery_time(const SessionContext& ctx);  // or -1 when none is pending

// actions.cpp: validates one action and, when valid, spends its time and applies it. A rejected
// action changes nothing.
ActionOutcome apply_action(SessionContext& ctx, const Action& action, SimSeconds cost);
void reveal_transaction(SessionContext& ctx, TxIndex tx);

// session.cpp: knowledge helpers shared by the parts
KnownAddress& learn_address(SessionContext& ctx, AddressId address);
void attribute(SessionContext& ctx, const Entity& entity, AddressId address,
               const std::string& source);
void learn_service(SessionContext& ctx, const Entity& entity);
// The entry is a message id with arguments: case text goes in as LocalizedText arguments, the
// program's words (instruments, directions, tools) as catalogue terms, never as ids or English.
void add_timeline(SessionContext& ctx, TimelineKind kind, Message text);

// holdings.cpp: what a frozen holding holds by `now` (an account also holds the deposits credited
// after the freeze), and the freeze of one holding when a request takes effect.
Units held_amount(const SessionContext& ctx, const Holding& holding);
Units held_amount(const Scenario& scenario, const SessionState& state, const Holding& holding,
                  SimSeconds now);
// Whether the explorer can see a transaction: not when a freeze prevented it.
bool happened(const SessionState& state, TxIndex tx);
// Prevents an adversary's move on chain, and every later transaction spending what it paid.
void prevent(SessionContext& ctx, TxIndex tx);
// The chain analyses read: the scenario's ledger, or, once a move was prevented, a copy without
// the prevented transactions (so taint and clusters never follow a move that did not happen).
const Ledger& analysis_ledger(SessionContext& ctx);

// scoring.cpp
ScoreReport compute_score(const Scenario& scenario, const Casefile& casefile,
                          const SessionState& state);

}  // namespace mt
