#include "session/session.hpp"

#include <algorithm>

#include "session/session_state.hpp"

namespace mt {
namespace {

CaseBriefing make_briefing(const Scenario& s) {
    CaseBriefing b;
    b.scenario_id = s.info.id;
    b.title = s.info.title;
    b.briefing = s.info.briefing;
    b.difficulty = s.info.difficulty;
    b.estimated_minutes = s.info.estimated_minutes;
    b.learning_objectives = s.info.learning_objectives;
    b.typologies = s.info.typologies;
    for (const Objective& o : s.rubric.objectives) b.objective_titles.push_back(o.title);
    b.home_jurisdiction = s.info.home_jurisdiction;
    b.start_unix = s.info.start_unix;
    b.time_budget = s.info.time_budget;
    b.hints_available = static_cast<int>(s.hints.size());
    for (const LegalInstrument& in : s.jurisdiction.instruments) {
        InstrumentGuide g;
        g.id = in.id;
        g.kind = in.kind;
        g.name = in.name;
        g.legal_basis = in.legal_basis;
        g.issuer = name_of(in.issuer);
        if (in.judge) {
            g.judge = in.judge->value;
            g.judge_assumed = in.judge->assumption();
        }
        g.requires_evidence = in.requires_evidence;
        g.reach = name_of(in.reach);
        g.turnaround = in.turnaround.value;
        g.turnaround_assumed = in.turnaround.assumption();
        g.note = in.note;
        b.instruments.push_back(std::move(g));
    }
    if (!s.jurisdiction.empty()) b.court = s.jurisdiction.court;
    for (const AssetPriceSeries& series : s.prices) {
        const Asset& asset = s.ledger.asset(series.asset);
        b.prices.push_back({s.ledger.chain(asset.chain).name, asset.symbol, series.quotes});
    }
    return b;
}

// The adversary's moves of funds as they went (or would have gone) in this session, beside when
// the trainee's freeze of each landed: released into the casefile with the debrief only.
std::vector<AdversaryMove> adversary_moves(const Scenario& s, const Casefile& casefile,
                                           const SessionState& state) {
    std::vector<AdversaryMove> moves;
    for (std::size_t i = 0; i < s.events.size(); ++i) {
        const ScheduledEvent& event = s.events[i];
        if (event.kind != EventKind::MoveFunds) continue;
        AdversaryMove move;
        move.at = event.at;
        move.due = i < state.next_event || state.fired.count(i) > 0;
        // A move that only a notice sets off: when the service told its user, and the earlier
        // time that gave the move; without a notice in time it never happens, so it is not shown.
        if (!event.tip_off.empty()) {
            const auto notice = state.tipped.find(event.tip_off);
            const bool told = notice != state.tipped.end();
            if (told) {
                move.tip_off_at = notice->second;
                if (const Entity* service = s.find_entity(event.tip_off))
                    move.tipped_by = service->name;
                const SimSeconds early = notice->second + event.reaction;
                if (event.transaction == kNoTx && (!event.scheduled || early < event.at))
                    move.at = early;
            }
            const bool in_time = told && notice->second + event.reaction <= event.at;
            if (!event.scheduled && (event.transaction == kNoTx ? !told : !in_time)) continue;
        }
        const auto holding = std::find_if(s.holdings.begin(), s.holdings.end(),
                                          [&](const Holding& h) { return h.id == event.holding; });
        if (holding == s.holdings.end()) continue;
        move.holding = holding->description;
        if (const Entity* custodian = s.find_entity(holding->custodian))
            move.custodian = custodian->name;
        const std::string subject = s.ledger.address_text(holding->subject).str();
        for (const LegalRequestFile& r : casefile.requests) {
            const bool freezes = r.instrument == Instrument::FreezeRequest ||
                                 r.instrument == Instrument::SeizureWarrant;
            if (!freezes || r.service != holding->custodian || r.status == RequestStatus::Pending ||
                std::find(r.identifiers.begin(), r.identifiers.end(), subject) ==
                    r.identifiers.end())
                continue;
            if (!move.freeze_landed_at || r.due_at < *move.freeze_landed_at)
                move.freeze_landed_at = r.due_at;
        }
        if (const auto frozen = state.frozen.find(event.holding); frozen != state.frozen.end())
            move.prevented = frozen->second.at <= move.at;
        moves.push_back(std::move(move));
    }
    return moves;
}

// When each step of the expert's path was done (the clock after it, as the trainee's own steps
// are timed) and the names the trainee reads for it: the path replayed up to, not including, its
// submission.
struct ExpertReplayTrace {
    std::vector<SimSeconds> times;
    std::vector<ExpertStepText> texts;
};

ExpertReplayTrace expert_trace(const std::shared_ptr<const Scenario>& scenario) {
    ExpertReplayTrace trace;
    Session expert(scenario);
    for (const Action& action : scenario->expert_solution) {
        ExpertStepText text;
        const Casefile& c = expert.casefile();
        if (action.type == ActionType::AnswerCheckpoint)
            for (const OpenCheckpoint& open : c.checkpoints) {
                if (open.id != action.target) continue;
                text.question = open.question;
                for (const CheckpointOptionView& option : open.options)
                    if (option.id == action.answer) text.answer = option.text;
                if (open.kind == "entity")
                    if (const Entity* entity = scenario->find_entity(action.answer))
                        text.answer = entity->name;
            }
        const std::size_t requests = c.requests.size();
        if (action.type != ActionType::Submit) expert.apply(action);
        if (action.type == ActionType::LegalRequest) {
            if (c.requests.size() > requests) {
                text.service = c.requests.back().service_name;
                text.instrument = c.requests.back().instrument_name;
            } else if (const Entity* service = scenario->find_entity(action.target)) {
                text.service = service->name;
            }
        }
        trace.times.push_back(c.now);
        trace.texts.push_back(std::move(text));
    }
    return trace;
}

}  // namespace

void add_timeline(SessionContext& ctx, TimelineKind kind, Message text) {
    ctx.casefile.timeline.push_back({ctx.casefile.now, kind, std::move(text)});
}

KnownAddress& learn_address(SessionContext& ctx, AddressId address) {
    const Ledger& ledger = ctx.scenario.ledger;
    const std::string text = ledger.address_text(address).str();
    auto [it, inserted] = ctx.casefile.addresses.try_emplace(text);
    if (inserted) {
        it->second.address = text;
        it->second.chain = ledger.chain(ledger.address_chain(address)).name;
        it->second.first_seen = ctx.casefile.now;
        const Entity* owner = ctx.scenario.owner_of(address);
        if (owner && owner->attribution == Disclosure::Public)
            attribute(ctx, *owner, address, "public");
        else if (auto r =
                     owner ? ctx.state.revealed_by.find(owner->id) : ctx.state.revealed_by.end();
                 r != ctx.state.revealed_by.end())
            attribute(ctx, *owner, address, r->second);  // what a record established still holds
    }
    return ctx.casefile.addresses.at(text);
}

void learn_service(SessionContext& ctx, const Entity& entity) {
    const Service* service = ctx.scenario.find_service(entity.id);
    if (!service || ctx.casefile.services.count(entity.id)) return;
    KnownService known;
    known.entity_id = entity.id;
    known.name = entity.name;
    known.kind = entity.kind;
    known.jurisdiction = entity.jurisdiction;
    for (const auto& [instrument, terms] : service->honours)
        known.published_instruments.push_back(instrument);
    for (const auto& [id, terms] : service->instrument_terms)
        if (const LegalInstrument* in = ctx.scenario.jurisdiction.find(id);
            in && std::find(known.published_instruments.begin(), known.published_instruments.end(),
                            in->kind) == known.published_instruments.end())
            known.published_instruments.push_back(in->kind);
    ctx.casefile.services.emplace(entity.id, std::move(known));
}

void attribute(SessionContext& ctx, const Entity& entity, AddressId address,
               const std::string& source) {
    const std::string text = ctx.scenario.ledger.address_text(address).str();
    auto it = ctx.casefile.addresses.find(text);
    if (it == ctx.casefile.addresses.end()) return;
    if (!it->second.attribution)
        it->second.attribution =
            Attribution{entity.id, entity.name, entity.kind, entity.jurisdiction, source};
    ctx.state.identified.insert(entity.id);
    learn_service(ctx, entity);
}

Session::Session(std::shared_ptr<const Scenario> scenario)
    : scenario_(std::move(scenario)), state_(std::make_unique<SessionState>()) {
    const Scenario& s = *scenario_;
    casefile_.briefing = make_briefing(s);
    for (std::size_t i = 0; i < s.checkpoints.size(); ++i) state_->checkpoint_order.push_back(i);
    std::stable_sort(state_->checkpoint_order.begin(), state_->checkpoint_order.end(),
                     [&](std::size_t a, std::size_t b) {
                         return s.checkpoints[a].opens_at < s.checkpoints[b].opens_at;
                     });
    SessionContext ctx{s, casefile_, *state_};
    // Services that publish a law-enforcement guide are known from the start, decoys included.
    for (const Entity& e : s.entities)
        if (e.attribution == Disclosure::Public) learn_service(ctx, e);
    for (AddressId a : s.start_addresses) learn_address(ctx, a);
    for (TxIndex t : s.start_transactions) reveal_transaction(ctx, t);
    add_timeline(ctx, TimelineKind::Message,
                 Message("timeline.case_opened").arg("title", s.info.title));
    open_due_checkpoints(ctx);
}

Session::~Session() = default;
Session::Session(Session&&) noexcept = default;
Session& Session::operator=(Session&&) noexcept = default;

SimSeconds Session::cost_of(const Action& a) const {
    const ToolCosts& c = scenario_->costs;
    switch (a.type) {
        case ActionType::ExploreAddress:
        case ActionType::ExploreTransaction:
            return c.explore;
        case ActionType::Lookup:
            return c.lookup;
        case ActionType::RunAnalysis:
            return c.analysis;
        case ActionType::LegalRequest:
            return c.draft_request;
        case ActionType::Wait:
            return a.duration;
        case ActionType::AnswerCheckpoint:
        case ActionType::Annotate:
        case ActionType::Hint:
        case ActionType::Submit:
            return 0;
    }
    return 0;
}

Session Session::clone() const {
    Session copy(scenario_, casefile_, accepted_, std::make_unique<SessionState>(*state_));
    return copy;
}

Session::Session(std::shared_ptr<const Scenario> scenario, Casefile casefile,
                 std::vector<Action> accepted, std::unique_ptr<SessionState> state)
    : scenario_(std::move(scenario)),
      casefile_(std::move(casefile)),
      accepted_(std::move(accepted)),
      state_(std::move(state)) {}

ScoreReport Session::score() const {
    return compute_score(*scenario_, casefile_, *state_);
}

ActionOutcome Session::apply(const Action& action) {
    if (casefile_.submitted) return {false, Message("reject.submitted"), 0};
    SessionContext ctx{*scenario_, casefile_, *state_};
    const SimSeconds cost = cost_of(action);
    ActionOutcome outcome = apply_action(ctx, action, cost);
    if (!outcome.accepted) return outcome;
    outcome.cost = cost;
    if (action.type == ActionType::Submit) {
        casefile_.score = score();
        casefile_.expert_solution = scenario_->expert_solution;
        casefile_.expert_summary = scenario_->expert_summary;
        ExpertReplayTrace trace = expert_trace(scenario_);
        casefile_.expert_times = std::move(trace.times);
        casefile_.expert_texts = std::move(trace.texts);
        casefile_.adversary_moves = adversary_moves(*scenario_, casefile_, *state_);
    }
    accepted_.push_back(action);
    ++casefile_.actions_taken;
    return outcome;
}

}  // namespace mt
