// Validation and effect of each investigative action except legal requests (legal_process.cpp).
#include <algorithm>

#include "forensics/analysis.hpp"
#include "model/short_id.hpp"
#include "session/session_state.hpp"

namespace mt {
namespace {

// The explorer lists this many transactions a page, newest first, as real block explorers
// paginate; each further page is another exploration, costing its time.
constexpr std::size_t kExplorerPage = 200;

ActionOutcome reject(Message reason) {
    return {false, std::move(reason), 0};
}

ActionOutcome accepted() {
    return {true, {}, 0};
}

// Catalogue terms of the closed vocabularies, for timeline messages.
std::string term_of(Direction d) {
    return "direction." + std::string(name_of(d));
}
std::string term_of(AnalysisTool t) {
    return "analysis_tool." + std::string(name_of(t));
}

bool is_known_target(const Casefile& c, const std::string& target) {
    return c.addresses.count(target) || c.transactions.count(target);
}

// What a move the freeze prevented took from an address on the ledger, to give back to its balance.
Units prevented_outflow(const SessionContext& ctx, AddressId address, AssetId asset) {
    const Ledger& ledger = ctx.scenario.ledger;
    Units out = 0;
    for (TxIndex t : ctx.state.prevented) {
        const Transaction tx = ledger.transaction(t);
        if (tx.time > ctx.casefile.now) continue;
        const auto ins = ledger.inputs(t);
        if (tx.asset == asset) {
            for (const TxInput& i : ins)
                if (i.address == address) out += i.amount;
            for (const TxOutput& o : ledger.outputs(t))
                if (o.address == address) out -= o.amount;
        }
        const Chain& chain = ledger.chain(tx.chain);
        if (chain.model == ChainModel::Account && chain.native_asset == asset && !ins.empty() &&
            ins[0].address == address)
            out += tx.fee;
    }
    return out;
}

std::vector<KnownBalance> balances_of(const SessionContext& ctx, AddressId address) {
    const Ledger& ledger = ctx.scenario.ledger;
    std::vector<KnownBalance> out;
    const ChainId chain = ledger.address_chain(address);
    for (std::size_t i = 0; i < ledger.assets().size(); ++i) {
        const Asset& asset = ledger.assets()[i];
        if (asset.chain != chain) continue;
        const auto id = static_cast<AssetId>(i);
        const Units amount =
            ledger.balance(address, id, ctx.casefile.now) + prevented_outflow(ctx, address, id);
        // Account balances funded before the case began can read negative in a partial ledger.
        if (amount > 0 || asset.id == ledger.asset(ledger.chain(chain).native_asset).id)
            out.push_back({asset.symbol, asset.decimals, amount > 0 ? amount : 0});
    }
    return out;
}

ActionOutcome explore_address(SessionContext& ctx, const Action& a, SimSeconds cost) {
    const Ledger& ledger = ctx.scenario.ledger;
    const auto address = ledger.find_address(a.target);
    if (!address) return reject(Message("reject.unknown_address").arg("address", a.target));
    advance_clock(ctx, ctx.casefile.now + cost);
    learn_address(ctx, *address);
    std::vector<TxIndex> listed;
    std::size_t matching = 0;  // transactions in the listing before this page and on it
    std::size_t total = 0;     // every transaction the explorer shows for the address now
    const std::size_t first = static_cast<std::size_t>(a.page) * kExplorerPage;
    for (auto it = ledger.transactions_of(*address).rbegin();
         it != ledger.transactions_of(*address).rend(); ++it) {
        if (ledger.transaction(*it).time > ctx.casefile.now || !happened(ctx.state, *it)) continue;
        ++total;
        const auto ins = ledger.inputs(*it);
        const auto outs = ledger.outputs(*it);
        const bool sends = std::any_of(ins.begin(), ins.end(),
                                       [&](const TxInput& i) { return i.address == *address; });
        const bool receives = std::any_of(outs.begin(), outs.end(),
                                          [&](const TxOutput& o) { return o.address == *address; });
        if ((a.direction == Direction::Out && !sends) ||
            (a.direction == Direction::In && !receives))
            continue;
        if (matching++ < first || listed.size() == kExplorerPage) continue;
        listed.push_back(*it);
    }
    for (auto it = listed.rbegin(); it != listed.rend(); ++it) reveal_transaction(ctx, *it);
    KnownAddress& known = ctx.casefile.addresses.at(a.target);
    if (a.direction != Direction::Out) known.explored_in = true;
    if (a.direction != Direction::In) known.explored_out = true;
    known.balances = balances_of(ctx, *address);
    known.balance_at = ctx.casefile.now;
    known.transaction_total = total;
    add_timeline(ctx, TimelineKind::Action,
                 Message("timeline.explored_address")
                     .arg("address", short_id(a.target))
                     .term("direction", term_of(a.direction))
                     .arg("count", listed.size()));
    return accepted();
}

ActionOutcome explore_transaction(SessionContext& ctx, const Action& a, SimSeconds cost) {
    const Ledger& ledger = ctx.scenario.ledger;
    const auto tx = ledger.find_transaction(a.target);
    // A transaction in the future does not exist yet: the same answer as one that never will.
    if (!tx || ledger.transaction(*tx).time > ctx.casefile.now + cost || !happened(ctx.state, *tx))
        return reject(Message("reject.unknown_transaction").arg("tx", a.target));
    advance_clock(ctx, ctx.casefile.now + cost);
    reveal_transaction(ctx, *tx);
    add_timeline(ctx, TimelineKind::Action,
                 Message("timeline.explored_transaction").arg("transaction", short_id(a.target)));
    return accepted();
}

ActionOutcome lookup(SessionContext& ctx, const Action& a, SimSeconds cost) {
    if (!ctx.casefile.addresses.count(a.target))
        return reject(Message("reject.address_not_in_casefile").arg("address", a.target));
    advance_clock(ctx, ctx.casefile.now + cost);
    const AddressId address = *ctx.scenario.ledger.find_address(a.target);
    const Entity* owner = ctx.scenario.owner_of(address);
    if (owner &&
        (owner->attribution == Disclosure::Public || owner->attribution == Disclosure::Lookup)) {
        attribute(ctx, *owner, address, "lookup");
        add_timeline(ctx, TimelineKind::Action,
                     Message("timeline.lookup_found")
                         .arg("address", short_id(a.target))
                         .arg("entity", owner->name));
    } else {
        add_timeline(ctx, TimelineKind::Action,
                     Message("timeline.lookup_none").arg("address", short_id(a.target)));
    }
    return accepted();
}

ActionOutcome run_analysis_action(SessionContext& ctx, const Action& a, SimSeconds cost) {
    // Taint may start from one output ("txid:vout") or part of it ("...@0.5"): the base must be
    // known.
    const std::string base = a.target.substr(0, a.target.find_first_of(":@"));
    if (!is_known_target(ctx.casefile, base))
        return reject(Message("reject.target_not_in_casefile").arg("target", a.target));
    // Analysis sees the chain as it is when the analysis finishes, never later.
    AnalysisRequest request{a.tool, a.method, a.target, ctx.casefile.now + cost};
    AnalysisOutcome result = run_analysis(analysis_ledger(ctx), request);
    if (!result.report)
        return reject(Message("reject.analysis_failed").clause("why", result.error));
    const std::size_t prevented = ctx.state.prevented.size();
    advance_clock(ctx, ctx.casefile.now + cost);
    // A move prevented while the analysis ran never happened: the report must not follow it.
    if (ctx.state.prevented.size() != prevented) {
        AnalysisOutcome again = run_analysis(analysis_ledger(ctx), request);
        if (again.report) result = std::move(again);
    }
    AnalysisReport report = std::move(*result.report);
    report.id = "analysis-" + std::to_string(ctx.casefile.analyses.size() + 1);
    report.at = ctx.casefile.now;
    add_timeline(ctx, TimelineKind::Action,
                 Message("timeline.analysis_run")
                     .term("tool", term_of(a.tool))
                     .arg("target", short_id(a.target)));
    ctx.casefile.analyses.push_back(std::move(report));
    return accepted();
}

// The answer as the trainee reads it: the option's text, the entity's name, or the identifier.
Message answered(const SessionContext& ctx, const OpenCheckpoint& checkpoint,
                 const std::string& answer) {
    Message message = Message("timeline.answered").arg("question", checkpoint.question);
    for (const CheckpointOptionView& o : checkpoint.options)
        if (o.id == answer) return message.arg("answer", o.text);
    if (checkpoint.kind == "entity")
        if (const Entity* entity = ctx.scenario.find_entity(answer))
            return message.arg("answer", entity->name);
    return message.arg("answer", short_id(answer));
}

ActionOutcome answer_checkpoint(SessionContext& ctx, const Action& a) {
    auto it = std::find_if(ctx.casefile.checkpoints.begin(), ctx.casefile.checkpoints.end(),
                           [&](const OpenCheckpoint& c) { return c.id == a.target; });
    if (it == ctx.casefile.checkpoints.end())
        return reject(Message("reject.checkpoint_not_open").arg("checkpoint", a.target));
    if (it->answer)
        return reject(Message("reject.checkpoint_answered").arg("checkpoint", a.target));
    if (a.answer.empty()) return reject(Message("reject.empty_answer"));
    if (it->kind == "choice" &&
        std::none_of(it->options.begin(), it->options.end(),
                     [&](const CheckpointOptionView& o) { return o.id == a.answer; }))
        return reject(
            Message("reject.unknown_option").arg("answer", a.answer).arg("checkpoint", a.target));
    if ((it->kind == "address" && !ctx.casefile.addresses.count(a.answer)) ||
        (it->kind == "transaction" && !ctx.casefile.transactions.count(a.answer)))
        return reject(Message("reject.answer_not_in_casefile")
                          .term("kind", "reject.answer_kind." + it->kind));
    it->answer = a.answer;
    ctx.state.answers[a.target] = a.answer;
    add_timeline(ctx, TimelineKind::Action,  // the trainee's own step, like every action
                 answered(ctx, *it, a.answer));
    return accepted();
}

ActionOutcome annotate(SessionContext& ctx, const Action& a) {
    if (auto it = ctx.casefile.addresses.find(a.target); it != ctx.casefile.addresses.end()) {
        it->second.note = a.text;
        it->second.tags = a.tags;
    } else if (auto tx = ctx.casefile.transactions.find(a.target);
               tx != ctx.casefile.transactions.end()) {
        tx->second.note = a.text;
        tx->second.tags = a.tags;
    } else {
        return reject(Message("reject.target_not_in_casefile").arg("target", a.target));
    }
    return accepted();
}

ActionOutcome hint(SessionContext& ctx) {
    const auto& hints = ctx.scenario.hints;
    if (ctx.state.hints_used >= hints.size()) return reject(Message("reject.no_hints"));
    ctx.casefile.hints.push_back(hints[ctx.state.hints_used]);
    ++ctx.state.hints_used;
    ctx.state.penalties.push_back({PenaltyKind::Hint, ctx.scenario.rubric.penalties.hint,
                                   "hint " + std::to_string(ctx.state.hints_used)});
    add_timeline(ctx, TimelineKind::Action, Message("timeline.hint_taken"));
    return accepted();
}

ActionOutcome wait(SessionContext& ctx, const Action& a) {
    if (a.duration <= 0) return reject(Message("reject.bad_duration"));
    advance_clock(ctx, ctx.casefile.now + a.duration);
    add_timeline(ctx, TimelineKind::Action,
                 Message("timeline.waited").arg("duration", format_duration(a.duration)));
    return accepted();
}

ActionOutcome submit(SessionContext& ctx) {
    ctx.casefile.submitted = true;
    add_timeline(ctx, TimelineKind::Action, Message("timeline.submitted"));
    return accepted();
}

}  // namespace

void reveal_transaction(SessionContext& ctx, TxIndex index) {
    const Ledger& ledger = ctx.scenario.ledger;
    const Transaction tx = ledger.transaction(index);
    const std::string id = tx.id.str();
    if (ctx.casefile.transactions.count(id)) return;
    KnownTransaction known;
    known.id = id;
    known.chain = ledger.chain(tx.chain).name;
    known.asset = ledger.asset(tx.asset).symbol;
    known.decimals = ledger.asset(tx.asset).decimals;
    known.time = tx.time;
    known.fee = tx.fee;
    const Asset& fee_asset = ledger.chain(tx.chain).model == ChainModel::Utxo
                                 ? ledger.asset(tx.asset)
                                 : ledger.asset(ledger.chain(tx.chain).native_asset);
    known.fee_asset = fee_asset.symbol;
    known.fee_decimals = fee_asset.decimals;
    for (const TxInput& i : ledger.inputs(index)) {
        known.inputs.push_back({ledger.address_text(i.address).str(), i.amount});
        learn_address(ctx, i.address);
    }
    for (const TxOutput& o : ledger.outputs(index)) {
        known.outputs.push_back({ledger.address_text(o.address).str(), o.amount});
        learn_address(ctx, o.address);
    }
    ctx.casefile.transactions.emplace(id, std::move(known));
}

ActionOutcome apply_action(SessionContext& ctx, const Action& a, SimSeconds cost) {
    switch (a.type) {
        case ActionType::ExploreAddress:
            return explore_address(ctx, a, cost);
        case ActionType::ExploreTransaction:
            return explore_transaction(ctx, a, cost);
        case ActionType::Lookup:
            return lookup(ctx, a, cost);
        case ActionType::RunAnalysis:
            return run_analysis_action(ctx, a, cost);
        case ActionType::LegalRequest:
            return send_legal_request(ctx, a, cost);
        case ActionType::AnswerCheckpoint:
            return answer_checkpoint(ctx, a);
        case ActionType::Annotate:
            return annotate(ctx, a);
        case ActionType::Hint:
            return hint(ctx);
        case ActionType::Wait:
            return wait(ctx, a);
        case ActionType::Submit:
            return submit(ctx);
    }
    return reject(Message("reject.unknown_action"));
}

}  // namespace mt
