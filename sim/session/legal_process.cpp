// Legal process: a request is checked against the service's published terms and the case's
// jurisdiction when it is sent (penalties are decided then), and answered when it falls due.
#include <algorithm>

#include "model/custody.hpp"

#include "session/justification.hpp"
#include "session/session_state.hpp"

namespace mt {
namespace {

ActionOutcome reject(Message reason) {
    return {false, std::move(reason), 0};
}

// An identifier is relevant to a service when the service can act on it: the address is its own
// (a deposit address), or it holds records or custodial funds for it.
bool is_relevant_address(const Scenario& s, const Service& service, AddressId address);

// A transaction id is relevant where the service holds it: a deposit to, or a withdrawal from, an
// address the service can act on.
bool is_relevant(const Scenario& s, const Service& service, const std::string& identifier) {
    if (const auto tx = s.ledger.find_transaction(identifier)) {
        for (const TxInput& i : s.ledger.inputs(*tx))
            if (is_relevant_address(s, service, i.address)) return true;
        for (const TxOutput& o : s.ledger.outputs(*tx))
            if (is_relevant_address(s, service, o.address)) return true;
        return false;
    }
    const auto address = s.ledger.find_address(identifier);
    return address && is_relevant_address(s, service, *address);
}

bool is_relevant_address(const Scenario& s, const Service& service, AddressId found) {
    const std::optional<AddressId> address = found;
    const Entity* owner = s.owner_of(*address);
    if (owner && owner->id == service.entity) return true;
    if (std::any_of(service.records.begin(), service.records.end(),
                    [&](const Record& r) { return r.subject == *address; }))
        return true;
    return std::any_of(s.holdings.begin(), s.holdings.end(), [&](const Holding& h) {
        return h.custodian == service.entity && h.subject == *address;
    });
}

bool is_freeze(Instrument i) {
    return i == Instrument::FreezeRequest || i == Instrument::SeizureWarrant;
}

// A timeline line about a request: its number ("1" for "req-1"), its service and its instrument
// as the trainee reads it, the jurisdiction pack's name when the case has one, else the catalogue's
// word for the kind ("instrument.freeze_request").
Message timeline_message(const char* key, const LegalRequestFile& file) {
    Message message(key);
    message.arg("number", file.id.substr(file.id.find('-') + 1)).arg("service", file.service_name);
    if (!file.instrument_name.empty()) return message.arg("instrument", file.instrument_name);
    return message.term("instrument", "instrument." + std::string(name_of(file.instrument)));
}

void penalise(SessionContext& ctx, PenaltyKind kind, int points, std::string detail) {
    if (points > 0) ctx.state.penalties.push_back({kind, points, std::move(detail)});
}

std::string amount_text(const Ledger& ledger, const Holding& h, Units amount) {
    const Asset& asset = ledger.asset(h.asset);
    return display_amount(amount, asset.decimals, asset.symbol);
}

std::string joined(const std::vector<std::string>& parts) {
    std::string out;
    for (const std::string& p : parts) out += (out.empty() ? "" : ", ") + p;
    return out;
}

// A freeze or seizure acts on what the ledger puts in the custodian's hands when it takes effect:
// an account's credited balance (and its later deposits), or an address's balance at that moment.
void deliver_freeze(SessionContext& ctx, LegalRequestFile& file) {
    const Ledger& ledger = ctx.scenario.ledger;
    std::vector<std::string> held;  // amounts held now
    bool empty_account = false;     // an account frozen before any deposit was credited
    bool gone = false;              // withdrawn before the hold
    bool not_there = false;         // an address that holds nothing at this moment
    for (const Holding& h : ctx.scenario.holdings) {
        if (h.custodian != file.service) continue;
        const std::string subject = ledger.address_text(h.subject).str();
        if (std::find(file.identifiers.begin(), file.identifiers.end(), subject) ==
            file.identifiers.end())
            continue;
        if (ctx.state.moved.count(h.id)) {
            gone = true;
            continue;
        }
        if (ctx.state.frozen.count(h.id)) {
            held.push_back(amount_text(ledger, h, held_amount(ctx, h)));
            continue;
        }
        const Units amount = holdable(ledger, h, ctx.casefile.now);
        if (amount == 0 && h.custody == Custody::Address) {
            not_there = true;
            continue;
        }
        ctx.state.frozen.emplace(h.id, FrozenHolding{ctx.casefile.now, amount});
        if (amount == 0) {
            empty_account = true;
            continue;
        }
        held.push_back(amount_text(ledger, h, amount));
        ctx.casefile.frozen.push_back(h.description);
    }
    Message& response = file.response;
    if (!held.empty()) {
        file.status = RequestStatus::Frozen;
        response = Message("legal.freeze.held").arg("amount", joined(held));
    } else if (empty_account) {
        file.status = RequestStatus::Frozen;
        response = Message("legal.freeze.account_empty");
    } else if (gone) {
        file.status = RequestStatus::NothingFound;
        response = Message("legal.freeze.withdrawn");
    } else if (not_there) {
        file.status = RequestStatus::NothingFound;
        response = Message("legal.freeze.nothing_at_address");
    } else {
        file.status = RequestStatus::NothingFound;
        response = Message("legal.freeze.no_funds");
    }
    response.arg("service", file.service_name);
}

// A record is gone once the service deleted it under its retention policy, unless a preservation
// request took effect before the deletion and still holds.
bool deleted(const SessionContext& ctx, const Record& r) {
    if (!r.deleted_at || ctx.casefile.now < *r.deleted_at) return false;
    auto kept = ctx.state.preserved_until.find(r.id);
    return kept == ctx.state.preserved_until.end() || kept->second < ctx.casefile.now;
}

bool names(const LegalRequestFile& file, const std::string& identifier) {
    return std::find(file.identifiers.begin(), file.identifiers.end(), identifier) !=
           file.identifiers.end();
}

// Preservation keeps every record on the identifiers that still exists, for the instrument's
// period (90 days without a pack: 18 U.S.C. 2703(f)).
void preserve(SessionContext& ctx, const Service& service, const SentRequest& request,
              LegalRequestFile& file) {
    const SimSeconds keep =
        request.legal && request.legal->preserves_for > 0 ? request.legal->preserves_for : days(90);
    for (const Record& r : service.records) {
        if (!names(file, ctx.scenario.ledger.address_text(r.subject).str()) || deleted(ctx, r))
            continue;
        SimSeconds& until = ctx.state.preserved_until[r.id];
        until = std::max(until, ctx.casefile.now + keep);
    }
    file.status = RequestStatus::Fulfilled;
    file.response = Message("legal.preservation.kept")
                        .arg("days", std::to_string(keep / days(1)))
                        .arg("service", file.service_name);
}

void deliver_records(SessionContext& ctx, const Service& service, const ServiceTerms& terms,
                     LegalRequestFile& file) {
    const Ledger& ledger = ctx.scenario.ledger;
    std::size_t gone = 0;
    for (const Record& r : service.records) {
        const std::string subject = ledger.address_text(r.subject).str();
        if (!names(file, subject)) continue;
        if (std::find(terms.returns.begin(), terms.returns.end(), r.kind) == terms.returns.end())
            continue;
        if (deleted(ctx, r)) {
            ++gone;
            continue;
        }
        file.records.push_back({r.id, r.kind, subject, r.content});
        ctx.state.records.insert(r.id);
        ctx.state.obtained_at.emplace(r.id, ctx.casefile.now);
        if (const Entity* revealed = ctx.scenario.find_entity(r.reveals_entity)) {
            ctx.state.identified.insert(revealed->id);
            ctx.state.revealed_by.emplace(revealed->id, r.id);
            for (AddressId a : revealed->addresses) attribute(ctx, *revealed, a, r.id);
        }
    }
    if (file.records.empty() && gone > 0) {
        file.status = RequestStatus::NothingFound;
        file.response = Message("legal.records.deleted").arg("count", std::to_string(gone));
    } else if (file.records.empty()) {
        file.status = RequestStatus::NothingFound;
        file.response = Message("legal.records.none");
    } else {
        file.status = RequestStatus::Fulfilled;
        file.response = Message("legal.records.produced").arg("count", file.records.size());
    }
    file.response.arg("service", file.service_name);
}

}  // namespace

namespace {

// The pack instrument an action uses: the one it names, or the pack's first of the kind it names
// (journals written before packs). Null in a case without a pack.
const LegalInstrument* resolve_instrument(const Scenario& s, const Action& a) {
    if (!a.legal_instrument.empty()) return s.jurisdiction.find(a.legal_instrument);
    return s.jurisdiction.first_of(a.instrument);
}

// What the request lacks to be granted: with a judge, at least one cited record (evidence the
// court can read); and every record the service's terms require in the casefile.
std::vector<std::string> missing_evidence(const SessionContext& ctx, const LegalInstrument* legal,
                                          const ServiceTerms* terms, std::size_t cited) {
    std::vector<std::string> missing;
    if (terms)
        for (const std::string& r : terms->requires_records)
            if (!ctx.state.records.count(r)) missing.push_back(r);
    if (missing.empty() && legal && legal->requires_evidence && cited == 0)
        missing.push_back("");  // nothing cited at all
    return missing;
}

Message refusal(const Scenario& s, const SentRequest& request, const LegalRequestFile& file) {
    const bool court = request.legal && request.legal->judge;
    const bool none_cited = request.missing.size() == 1 && request.missing.front().empty();
    Message m(court ? (none_cited ? "legal.court.no_evidence" : "legal.court.missing_evidence")
                    : "legal.refused.missing_evidence");
    if (court) m.arg("court", s.jurisdiction.court);
    if (!none_cited) m.arg("evidence", joined(request.missing));
    m.arg("service", file.service_name);
    if (request.legal)
        m.arg("instrument", request.legal->name);
    else
        m.arg("instrument", std::string(name_of(file.instrument)));
    return m;
}

}  // namespace

ActionOutcome send_legal_request(SessionContext& ctx, const Action& a, SimSeconds cost) {
    const Scenario& s = ctx.scenario;
    auto known = ctx.casefile.services.find(a.target);
    if (known == ctx.casefile.services.end())
        return reject(Message("reject.unknown_service").arg("service", a.target));
    const LegalInstrument* legal = resolve_instrument(s, a);
    if (!a.legal_instrument.empty() && !legal)
        return reject(Message("reject.unknown_instrument").arg("instrument", a.legal_instrument));
    const Instrument kind = legal ? legal->kind : a.instrument;
    // Identifiers are addresses and transactions of the casefile; records obtained may be cited
    // too, as the evidence a court reads.
    std::size_t cited = 0;
    for (const std::string& id : a.identifiers) {
        if (ctx.state.records.count(id)) {
            ++cited;
            continue;
        }
        if (!ctx.casefile.addresses.count(id) && !ctx.casefile.transactions.count(id))
            return reject(Message("reject.identifier_not_in_casefile").arg("identifier", id));
    }
    if (a.identifiers.size() == cited) return reject(Message("reject.no_identifiers"));
    if (a.text.size() < 10) return reject(Message("reject.no_justification"));
    const JustificationGap gap = justification_gap(ctx, a);
    if (gap != JustificationGap::None &&
        s.rubric.justification.missing == JustificationMissing::Refuse)
        return reject(Message(std::string(rejection_key(gap))));
    const Service& service = *s.find_service(a.target);
    const Entity& entity = *s.find_entity(a.target);

    advance_clock(ctx, ctx.casefile.now + cost);  // drafting takes time before anything is sent
    // Identifiers only: the rule (the penalty's kind) is worded by the interface.
    const std::string label = "req-" + std::to_string(ctx.casefile.requests.size() + 1) + " " +
                              (legal ? legal->id : std::string(name_of(kind))) + " " + entity.id;
    const PenaltyRates& rates = s.rubric.penalties;
    const bool foreign =
        !entity.jurisdiction.empty() && entity.jurisdiction != s.info.home_jurisdiction;
    // Compulsory process binds at home only; the pack says which of its instruments are.
    const bool compulsory = legal ? legal->reach == Reach::Domestic : is_compulsory(kind);
    const ServiceTerms* terms = service.terms_for(kind, legal ? legal->id : std::string_view());
    bool honoured = terms && !service.dead_end;
    const bool voluntary = honoured && terms->voluntary;
    const std::vector<std::string> missing =
        honoured ? missing_evidence(ctx, legal, terms, cited) : std::vector<std::string>{};
    const auto relevant =
        std::count_if(a.identifiers.begin(), a.identifiers.end(),
                      [&](const std::string& id) { return is_relevant(s, service, id); });
    const auto named = static_cast<std::ptrdiff_t>(a.identifiers.size() - cited);
    // One mistake, one penalty: a request is penalised once, for its most specific mistake.
    if (service.dead_end) {
        penalise(ctx, PenaltyKind::DeadEndRequest, rates.dead_end_request, label);
    } else if (foreign && compulsory && !voluntary) {
        penalise(ctx, PenaltyKind::WrongJurisdiction, rates.wrong_jurisdiction,
                 label + " " + entity.jurisdiction);
    } else if (kind == Instrument::EmergencyDisclosure && !s.info.emergency_justified) {
        honoured = false;
        penalise(ctx, PenaltyKind::WrongInstrument, rates.wrong_instrument, label);
    } else if (!honoured) {
        penalise(ctx, PenaltyKind::WrongInstrument, rates.wrong_instrument, label);
    } else if (!missing.empty()) {
        penalise(ctx, PenaltyKind::UnsupportedRequest, rates.unsupported_request, label);
    } else if (relevant == 0 || !entity.involved) {
        penalise(ctx, PenaltyKind::UninvolvedRequest, rates.uninvolved_request, label);
    } else if (relevant < named) {
        penalise(ctx, PenaltyKind::OverbroadRequest, rates.overbroad_request, label);
    } else if (gap != JustificationGap::None) {
        penalise(ctx, penalty_kind(gap), rates.weak_justification, label);
    }

    // A judge authorises the order first (or refuses it); then the service answers.
    const SimSeconds judge = legal && legal->judge ? legal->judge->value : 0;
    SimSeconds due = ctx.casefile.now + service.decline_turnaround;
    if (honoured && !missing.empty())
        due = ctx.casefile.now + (judge > 0 ? judge : service.decline_turnaround);
    else if (honoured)
        due = ctx.casefile.now + judge +
              terms->turnaround.value_or(legal ? legal->turnaround.value : hours(24));

    LegalRequestFile file;
    file.id = "req-" + std::to_string(ctx.casefile.requests.size() + 1);
    file.instrument = kind;
    if (legal) {
        file.legal_instrument = legal->id;
        file.instrument_name = legal->name;
        // A timing no public source gives is shown as a training assumption.
        const bool judge_assumed = legal->judge && legal->judge->assumption();
        const bool turnaround_assumed =
            honoured && missing.empty() && !terms->turnaround && legal->turnaround.assumption();
        if (judge_assumed || turnaround_assumed)
            file.timing_note =
                Message("legal.timing.assumption")
                    .arg("instrument", legal->name)
                    .arg("hours", std::to_string((due - ctx.casefile.now) / hours(1)));
    }
    file.service = entity.id;
    file.service_name = entity.name;
    file.identifiers = a.identifiers;
    file.justification = a.text;
    file.sent_at = ctx.casefile.now;
    file.due_at = due;
    ctx.casefile.requests.push_back(std::move(file));
    SentRequest sent;
    sent.file_index = ctx.casefile.requests.size() - 1;
    sent.service = entity.id;
    sent.instrument = kind;
    sent.sent_at = ctx.casefile.now;
    sent.honoured = honoured;
    sent.legal = legal;
    sent.refused = honoured && !missing.empty();
    sent.missing = missing;
    ctx.state.sent.push_back(std::move(sent));
    add_timeline(ctx, TimelineKind::Action,
                 timeline_message("timeline.request_sent", ctx.casefile.requests.back()));
    return {true, {}, 0};
}

void deliver_request(SessionContext& ctx, SentRequest& request) {
    LegalRequestFile& file = ctx.casefile.requests[request.file_index];
    const Service& service = *ctx.scenario.find_service(request.service);
    if (!request.honoured) {
        file.status = RequestStatus::Declined;
        file.response = Message(service.dead_end ? "legal.dead_end" : "legal.declined")
                            .arg("service", file.service_name)
                            .arg("reason", service.decline_reason);
    } else if (request.refused) {
        file.status = RequestStatus::Declined;
        file.response = refusal(ctx.scenario, request, file);
    } else {
        if (is_freeze(file.instrument))
            deliver_freeze(ctx, file);
        else if (file.instrument == Instrument::Preservation)
            preserve(ctx, service, request, file);
        else
            deliver_records(ctx, service,
                            *service.terms_for(file.instrument, file.legal_instrument), file);
        // Served: a service that tells its user does so unless the order forbids it.
        if (service.notifies_user && !(request.legal && request.legal->forbids_notice))
            ctx.state.tipped.emplace(service.entity, ctx.casefile.now);
    }
    add_timeline(ctx, TimelineKind::Response, timeline_message("timeline.request_answered", file));
}

SimSeconds next_delivery_time(const SessionContext& ctx) {
    SimSeconds next = -1;
    for (const LegalRequestFile& f : ctx.casefile.requests)
        if (f.status == RequestStatus::Pending && (next < 0 || f.due_at < next)) next = f.due_at;
    return next;
}

}  // namespace mt
