// The faithful world, each rule on a small case written in the documented YAML: jurisdiction packs
// (Mexico, United States), courts that refuse an order citing no evidence, evidence a seizure
// needs first, records deleted unless preserved, tip-offs that move funds early, explorer paging
// and labels learned for an entity.
#include <algorithm>
#include <set>

#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "model/action_builders.hpp"
#include "scenario/jurisdiction_loader.hpp"
#include "session/expert_check.hpp"
#include "session/session.hpp"
#include "test_support.hpp"

using namespace mt;
using namespace mt::test;

namespace {

// An exchange (ex, MX) with an account credited 0.6 BTC at -2h and withdrawn at +100h; a cloud
// host (host, MX) whose records hold the thief's wallet file; the agency (agency) that can seize
// the 0.4 BTC at addr-k once it has that key. `pack` is the case's jurisdiction.
std::string world_case(std::string_view pack = "mx") {
    std::string text = R"(format_version: 1
id: world
title: {en: World, es: Mundo}
summary: {en: A summary, es: Un resumen}
briefing: {en: A briefing, es: Una sesión informativa}
difficulty: beginner
estimated_minutes: 10
learning_objectives:
  - {en: Learn, es: Aprender}
jurisdiction: )" + std::string(pack) +
                       R"(
start: "2021-05-08T14:30:00Z"
time_budget_hours: 8760
emergency_justified: true
chains:
  - {id: bitcoin, name: Bitcoin, model: utxo, native_asset: btc}
assets:
  - {id: btc, symbol: BTC, chain: bitcoin, decimals: 8}
entities:
  - {id: thief, kind: suspect, name: {en: Thief, es: Ladrón}, attribution: hidden, involved: true,
     addresses: [addr-a, addr-k]}
  - {id: ex, kind: exchange, name: {en: Exchange, es: Exchange}, jurisdiction: MX,
     attribution: public, involved: true, addresses: [addr-b]}
  - {id: host, kind: hosting_provider, name: {en: Cloud, es: Nube}, jurisdiction: MX,
     attribution: public, involved: true, addresses: [{address: addr-h, chain: bitcoin}]}
  - {id: agency, kind: agency, name: {en: Agency, es: Agencia}, jurisdiction: MX,
     attribution: public, involved: true, addresses: [{address: addr-g, chain: bitcoin}]}
transactions:
  - id: t1
    chain: bitcoin
    time: -2h
    inputs:
      - {address: addr-a, amount: "1.0001"}
    outputs:
      - {address: addr-b, amount: "0.6"}
      - {address: addr-k, amount: "0.4"}
    fee: "0.0001"
services:
  - entity: ex
    honours:
      preservation: {turnaround_hours: 4}
      subpoena: {turnaround_hours: 120, returns: [kyc]}
      court_order: {turnaround_hours: 48, returns: [kyc, login_ips]}
      freeze_request: {turnaround_hours: 6}
      emergency_disclosure: {turnaround_hours: 2, returns: [login_ips]}
      mlat: {returns: [kyc]}
    decline_reason: {en: Not honoured, es: No se atiende}
    records:
      - {id: r1, kind: kyc, subject: addr-b, content: {en: Name, es: Nombre}}
      - {id: r2, kind: login_ips, subject: addr-b, content: {en: IPs, es: IPs}}
  - entity: host
    honours:
      subpoena: {turnaround_hours: 24, returns: [login_ips]}
      search_warrant: {turnaround_hours: 24, returns: [content]}
    decline_reason: {en: Not honoured, es: No se atiende}
    records:
      - {id: key-file, kind: content, subject: addr-k, content: {en: Wallet file, es: Archivo}}
      - {id: host-log, kind: login_ips, subject: addr-k, content: {en: Logins, es: Accesos}}
  - entity: agency
    honours:
      seizure_warrant: {turnaround_hours: 1, requires: [key-file]}
    decline_reason: {en: Not ours, es: No nos toca}
holdings:
  - {id: h1, custodian: ex, subject: addr-b, asset: btc, amount: "0.6", value_usd: "600",
     description: {en: Account, es: Cuenta}}
  - {id: h2, custodian: agency, custody: address, subject: addr-k, asset: btc, amount: "0.4",
     value_usd: "400", description: {en: Keyed, es: Llave}}
events:
  - {id: e1, kind: move_funds, at: +100h, holding: h1, message: {en: Gone, es: Se fue}}
start_knowledge:
  addresses: [addr-a, addr-b, addr-k]
  transactions: [t1]
rubric:
  objectives:
    - id: o1
      title: {en: Seize, es: Asegurar}
      points: 10
      conditions:
        - holding_frozen: h2
        - {evidence_first: key-file, instrument: seizure_warrant}
      debrief: {en: Done, es: Hecho}
  recovery_points: 5
  grades:
    - {min_percent: 0, label: {en: Low, es: Bajo}}
expert_solution:
  - {type: legal_request, instrument: search_warrant, target: host, identifiers: [addr-k, r1],
     text: the thief's wallet}
  - {type: submit, text: done}
expert_summary: {en: Summary, es: Resumen}
)";
    // Every service sits in the pack's country.
    const std::string country = pack == "us" ? "US" : "MX";
    for (auto at = text.find("jurisdiction: MX"); at != std::string::npos;
         at = text.find("jurisdiction: MX", at + 1))
        text.replace(at + 14, 2, country);
    return text;
}

std::shared_ptr<const Scenario> load_ok(const std::string& text) {
    LoadResult r = load(text);
    INFO(describe(r));
    REQUIRE(r.scenario);
    return r.scenario;
}

Action request(std::string instrument, std::string service, std::vector<std::string> ids) {
    Action a;
    a.type = ActionType::LegalRequest;
    if (auto kind = parse_enum<Instrument>(instrument))
        a.instrument = *kind;
    else
        a.legal_instrument = std::move(instrument);
    a.target = std::move(service);
    a.identifiers = std::move(ids);
    a.text = "Proceeds of the theft under investigation";
    return a;
}

const LegalRequestFile& last_request(const Session& s) {
    REQUIRE(!s.casefile().requests.empty());
    return s.casefile().requests.back();
}

// Waits until the last request is answered.
const LegalRequestFile& answered(Session& s) {
    const SimSeconds due = last_request(s).due_at;
    if (due > s.casefile().now) REQUIRE(s.apply(wait_action(due - s.casefile().now)).accepted);
    CHECK(last_request(s).status != RequestStatus::Pending);
    return last_request(s);
}

// Obtains the KYC record r1 from the exchange (a domestic request for information).
void obtain_kyc(Session& s) {
    REQUIRE(s.apply(request("subpoena", "ex", {"addr-b"})).accepted);
    REQUIRE(answered(s).records.size() == 1);
}

}  // namespace

TEST_CASE("the Mexico and US packs load, every instrument named in both languages with its basis",
          "[scenario][jurisdiction]") {
    CHECK(shipped_jurisdictions() == std::vector<std::string>{"mx", "us"});
    for (const std::string& id : shipped_jurisdictions()) {
        const PackLoad loaded = load_jurisdiction(id);
        INFO(id);
        for (const Diagnostic& d : loaded.errors) INFO(render(d));
        REQUIRE(loaded.pack);
        const JurisdictionPack& pack = *loaded.pack;
        CHECK(!pack.court.empty());
        CHECK(!pack.central_authority.empty());
        std::set<Instrument> kinds;
        for (const LegalInstrument& in : pack.instruments) {
            INFO(in.id);
            CHECK(!in.name.en.empty());
            CHECK(!in.name.es.empty());
            CHECK(!in.legal_basis.en.empty());
            CHECK(!in.legal_basis.es.empty());
            CHECK(in.basis_source.rfind("http", 0) == 0);
            CHECK(!in.compels.empty());
            CHECK(in.turnaround.value > 0);
            kinds.insert(in.kind);
        }
        // Every kind a journal can name maps onto the pack (emergency disclosure only in the US).
        CHECK(kinds.size() >= 7);
    }
    const auto mx = load_jurisdiction("mx").pack;
    const LegalInstrument* aseguramiento = mx->find("mx-aseguramiento");
    REQUIRE(aseguramiento);
    CHECK(aseguramiento->kind == Instrument::SeizureWarrant);
    CHECK(aseguramiento->legal_basis.es.find("CNPP art. 229") != std::string::npos);
    REQUIRE(aseguramiento->judge);
    CHECK(aseguramiento->judge->assumption());  // no public source gives the judge's time
    const LegalInstrument* lpb = mx->find("mx-lista-personas-bloqueadas");
    REQUIRE(lpb);
    CHECK(lpb->issuer == Issuer::Fiu);
    CHECK(!lpb->turnaround.assumption());  // 24 hours, LIC art. 115
    CHECK(mx->first_of(Instrument::FreezeRequest)->id == "mx-solicitud-congelamiento");
    const auto us = load_jurisdiction("us").pack;
    CHECK(us->find("us-2703d-order")->forbids_notice);
    CHECK(us->find("us-mlat-oia")->reach == Reach::Treaty);
    CHECK(!load_jurisdiction("fr").pack);
    CHECK(english(load_jurisdiction("fr").errors.at(0)) ==
          "no jurisdiction pack 'fr'; the shipped packs are mx, us");
}

TEST_CASE("a broken pack is refused at its line and column", "[scenario][jurisdiction]") {
    const std::string text = R"(format_version: 1
id: xx
country: XX
name: {en: X, es: X}
court: {en: C, es: C}
central_authority: {en: A, es: A}
instruments:
  - id: xx-order
    kind: seizure_warrant
    name: {en: Order, es: Orden}
    legal_basis: {en: Art. 1, es: Art. 1}
    source: https://example.org
    issuer: judge
    compels: [seize]
    reach: domestic
    turnaround: {hours: 24}
)";
    const PackLoad r = load_jurisdiction_text(text, "xx.yaml", "xx");
    CHECK(!r.pack);
    REQUIRE(r.errors.size() == 1);
    CHECK(render(r.errors[0]).rfind("xx.yaml:14:15: error: unknown compulsion 'seize'", 0) == 0);
}

TEST_CASE("a case names its pack: instrument ids as honours keys, timing overrides, old kinds",
          "[scenario][jurisdiction]") {
    std::string text = replace_once(
        world_case(), "jurisdiction: mx\n",
        "jurisdiction:\n  pack: mx\n  timings:\n    mx-aseguramiento: {turnaround_hours: 2, "
        "judge_hours: 6, source: \"https://example.org/ruling\"}\n");
    text = replace_once(text, "      freeze_request: {turnaround_hours: 6}\n",
                        "      mx-lista-personas-bloqueadas: {}\n");
    const auto s = load_ok(text);
    CHECK(s->info.home_jurisdiction == "MX");  // from the pack
    const LegalInstrument& a = *s->jurisdiction.find("mx-aseguramiento");
    CHECK(a.turnaround.value == hours(2));
    CHECK(a.judge->value == hours(6));
    CHECK(!a.judge->assumption());
    // Not its kind's first: keyed by the instrument itself, its turnaround left to the pack.
    const Service& ex = *s->find_service("ex");
    CHECK(ex.honours.count(Instrument::FreezeRequest) == 0);
    const ServiceTerms& lpb = ex.instrument_terms.at("mx-lista-personas-bloqueadas");
    CHECK(!lpb.turnaround);
    CHECK(ex.terms_for(Instrument::FreezeRequest, "mx-lista-personas-bloqueadas") == &lpb);
    // Terms keyed by one instrument are not another's of the same kind.
    CHECK(ex.terms_for(Instrument::FreezeRequest, "mx-solicitud-congelamiento") == nullptr);
    // The UIF list's 24 hours are sourced (LIC art. 115): no assumption is shown.
    Session session(s);
    REQUIRE(session.apply(request("mx-lista-personas-bloqueadas", "ex", {"addr-b"})).accepted);
    CHECK(session.casefile().requests.back().due_at - session.casefile().requests.back().sent_at ==
          hours(24));
    CHECK(session.casefile().requests.back().timing_note.key.empty());
    // The exchange answers the UIF's list, not a freeze request it was never given terms for.
    REQUIRE(session.apply(request("mx-solicitud-congelamiento", "ex", {"addr-b"})).accepted);
    CHECK(session.score().penalties.back().kind == PenaltyKind::WrongInstrument);

    // The trainee's casefile lists the pack as the legal window shows it, with this case's timings.
    const CaseBriefing& briefing = session.casefile().briefing;
    REQUIRE(briefing.instruments.size() == s->jurisdiction.instruments.size());
    CHECK(briefing.court.es == "el juez de control");
    const InstrumentGuide* seizure = find_instrument(briefing, "mx-aseguramiento", {});
    REQUIRE(seizure);
    CHECK(seizure->kind == Instrument::SeizureWarrant);
    CHECK(seizure->name.es == "Aseguramiento");
    CHECK(seizure->legal_basis.es.find("CNPP art. 229") != std::string::npos);
    CHECK(seizure->issuer == "prosecutor");
    CHECK(seizure->judge == hours(6));
    CHECK_FALSE(seizure->judge_assumed);  // the case gives a source
    CHECK(seizure->turnaround == hours(2));
    CHECK(seizure->requires_evidence);
    CHECK(seizure->reach == "domestic");
    // An action naming only the kind uses the pack's first of it.
    CHECK(find_instrument(briefing, "", Instrument::FreezeRequest)->id ==
          "mx-solicitud-congelamiento");
    // It travels to a seminar client with the rest of the casefile.
    const CasefileParse copy = casefile_from_json(to_json(session.casefile()));
    REQUIRE(copy.casefile);
    CHECK(copy.casefile->briefing.instruments.size() == briefing.instruments.size());
    CHECK(copy.casefile->briefing.instruments[0].turnaround_assumed ==
          briefing.instruments[0].turnaround_assumed);
    CHECK(find_instrument(copy.casefile->briefing, "mx-aseguramiento", {})->judge == hours(6));

    SECTION("an unknown pack or instrument is refused where it is named") {
        CHECK(find_error(load(replace_once(world_case(), "jurisdiction: mx", "jurisdiction: fr")),
                         "no jurisdiction pack 'fr'; the shipped packs are mx, us"));
        CHECK(
            find_error(load(replace_once(world_case(), "      preservation: {turnaround_hours: 4}",
                                         "      mx-embargo: {turnaround_hours: 4}")),
                       "unknown instrument 'mx-embargo'; expected a kind or an instrument of "
                       "pack 'mx'"));
        CHECK(find_error(load(replace_once(world_case(), "instrument: search_warrant, target: host",
                                           "instrument: us-search-warrant, target: host")),
                         "unknown instrument 'us-search-warrant'"));
    }
    SECTION("a case's country must be its pack's") {
        CHECK(find_error(load(replace_once(world_case(), "jurisdiction: mx",
                                           "jurisdiction: us\nhome_jurisdiction: MX")),
                         "home_jurisdiction MX differs from pack 'us' (US)"));
    }
}

TEST_CASE("a court refuses an order that cites no evidence, and grants it on a cited record",
          "[session][jurisdiction][court]") {
    Session s(load_ok(world_case()));
    REQUIRE(s.apply(request("mx-orden-juez-control", "ex", {"addr-b"})).accepted);
    const SimSeconds sent = last_request(s).sent_at;
    CHECK(last_request(s).due_at == sent + hours(48));  // the judge's time, then the refusal
    const LegalRequestFile& refused = answered(s);
    CHECK(refused.status == RequestStatus::Declined);
    CHECK(refused.response.key == "legal.court.no_evidence");
    CHECK(refused.instrument_name.es == "Orden del juez de control para entrega de registros");
    CHECK(refused.timing_note.key ==
          "legal.timing.assumption");  // no source gives the judge's time
    REQUIRE(s.score().penalties.size() == 1);
    CHECK(s.score().penalties[0].kind == PenaltyKind::UnsupportedRequest);
    CHECK(s.score().penalties[0].detail == "req-1 mx-orden-juez-control ex");

    obtain_kyc(s);
    REQUIRE(s.apply(request("mx-orden-juez-control", "ex", {"addr-b", "r1"})).accepted);
    // Judge (48 h, assumption) + the exchange's own turnaround for a court order (48 h).
    CHECK(last_request(s).due_at - last_request(s).sent_at == hours(96));
    const LegalRequestFile& granted = answered(s);
    CHECK(granted.status == RequestStatus::Fulfilled);
    CHECK(granted.records.size() == 2);
    CHECK(s.score().penalties.size() == 1);  // citing a record is no overbroad identifier
}

TEST_CASE("a seizure without its required evidence is refused with the reason; with it, it holds",
          "[session][jurisdiction][evidence]") {
    Session s(load_ok(world_case()));
    obtain_kyc(s);
    // The agency's seizure needs the key found under a search warrant first.
    REQUIRE(s.apply(request("mx-aseguramiento", "agency", {"addr-k", "r1"})).accepted);
    const LegalRequestFile& refused = answered(s);
    CHECK(refused.status == RequestStatus::Declined);
    CHECK(refused.response.key == "legal.court.missing_evidence");
    REQUIRE(!refused.response.args.empty());
    CHECK(std::any_of(
        refused.response.args.begin(), refused.response.args.end(),
        [](const MessageArg& a) { return a.name == "evidence" && a.value == "key-file"; }));
    CHECK(s.score().penalties.back().kind == PenaltyKind::UnsupportedRequest);

    // The search order (orden de cateo) needs a cited record too; the KYC record supports it.
    REQUIRE(s.apply(request("mx-cateo", "host", {"addr-k", "r1"})).accepted);
    CHECK(answered(s).records.size() == 1);
    REQUIRE(s.apply(request("mx-aseguramiento", "agency", {"addr-k", "key-file"})).accepted);
    const LegalRequestFile& seized = answered(s);
    CHECK(seized.status == RequestStatus::Frozen);
    const ScoreReport score = s.score();
    // Seized, but an aseguramiento went out before the key was in the casefile.
    CHECK(score.objectives.at(0).earned == 0);
}

TEST_CASE("'no order before evidence' scores when the seizure waits for the key",
          "[session][jurisdiction][evidence]") {
    Session s(load_ok(world_case()));
    obtain_kyc(s);
    REQUIRE(s.apply(request("search_warrant", "host", {"addr-k", "r1"})).accepted);
    answered(s);
    REQUIRE(s.apply(request("seizure_warrant", "agency", {"addr-k", "key-file"})).accepted);
    CHECK(last_request(s).legal_instrument == "mx-aseguramiento");  // the kind, mapped
    CHECK(answered(s).status == RequestStatus::Frozen);
    CHECK(s.score().objectives.at(0).earned == 10);
    CHECK(s.score().penalties.empty());
}

TEST_CASE("an expired record is gone unless preserved in time", "[session][retention]") {
    const std::string text = replace_once(
        world_case(),
        "      - {id: r2, kind: login_ips, subject: addr-b, content: {en: IPs, es: IPs}}",
        "      - {id: r2, kind: login_ips, subject: addr-b, deleted_at: +30h, content: {en: IPs, "
        "es: IPs}}");
    const auto scenario = load_ok(text);
    SECTION("not preserved: the records order lands after the deletion") {
        Session s(scenario);
        obtain_kyc(s);
        REQUIRE(s.apply(request("court_order", "ex", {"addr-b", "r1"})).accepted);
        const LegalRequestFile& file = answered(s);
        REQUIRE(file.records.size() == 1);
        CHECK(file.records[0].id == "r1");  // r2 was deleted at +30h
    }
    SECTION("preserved first: kept past its deletion") {
        Session s(scenario);
        REQUIRE(s.apply(request("mx-solicitud-conservacion", "ex", {"addr-b"})).accepted);
        const LegalRequestFile& kept = answered(s);
        CHECK(kept.response.key == "legal.preservation.kept");
        obtain_kyc(s);
        REQUIRE(s.apply(request("court_order", "ex", {"addr-b", "r1"})).accepted);
        CHECK(answered(s).records.size() == 2);
    }
    SECTION("preserved too late, only deleted records asked for: the answer says they are gone") {
        Session s(scenario);
        REQUIRE(s.apply(wait_action(hours(40))).accepted);
        REQUIRE(s.apply(request("preservation", "ex", {"addr-b"})).accepted);
        answered(s);
        REQUIRE(s.apply(request("emergency_disclosure", "ex", {"addr-b"})).accepted);
        const LegalRequestFile& file = answered(s);
        CHECK(file.status == RequestStatus::NothingFound);
        CHECK(file.response.key == "legal.records.deleted");
        CHECK(file.records.empty());
    }
}

TEST_CASE("a tip-off moves the funds early unless the order forbids notice", "[session][tipoff]") {
    std::string text = replace_once(world_case(),
                                    "    decline_reason: {en: Not honoured, es: No se atiende}\n"
                                    "    records:\n      - {id: r1",
                                    "    decline_reason: {en: Not honoured, es: No se atiende}\n"
                                    "    notifies_user: true\n    records:\n      - {id: r1");
    text = replace_once(
        text, "{id: e1, kind: move_funds, at: +100h, holding: h1,",
        "{id: e1, kind: move_funds, at: +300h, tip_off: {service: ex, reaction_hours: 2}, "
        "holding: h1,");
    const auto scenario = load_ok(text);
    SECTION("a records request tells the user, who withdraws two hours later") {
        Session s(scenario);
        obtain_kyc(s);  // answered at +121h
        REQUIRE(s.apply(wait_action(hours(3))).accepted);
        REQUIRE(s.apply(request("freeze_request", "ex", {"addr-b"})).accepted);
        CHECK(answered(s).response.key == "legal.freeze.withdrawn");
        // The trainee is not told of the notice, nor of the hidden move, before submitting.
        for (const TimelineEntry& e : s.casefile().timeline)
            CHECK(e.text.key.find("tip") == std::string::npos);
        CHECK(s.casefile().adversary_moves.empty());
        Action done;
        done.type = ActionType::Submit;
        done.text = "findings";
        REQUIRE(s.apply(done).accepted);
        // The debrief shows the tip-off and the move it brought forward (from +300h).
        REQUIRE(s.casefile().adversary_moves.size() == 1);
        const AdversaryMove& move = s.casefile().adversary_moves[0];
        REQUIRE(move.tip_off_at);
        CHECK(*move.tip_off_at == hours(121));
        CHECK(move.tipped_by.en == "Exchange");
        CHECK(move.at == hours(123));
        CHECK(move.due);
        CHECK_FALSE(move.prevented);
        const CasefileParse copy = casefile_from_json(to_json(s.casefile()));
        REQUIRE(copy.casefile);
        CHECK(copy.casefile->adversary_moves[0].tip_off_at == hours(121));
    }
    SECTION("an order that forbids notice does not tip the user off") {
        Session s(scenario);
        // Evidence from the host (which tells nobody), then the judge's order to the exchange.
        REQUIRE(s.apply(request("subpoena", "host", {"addr-k"})).accepted);
        REQUIRE(answered(s).records.size() == 1);
        REQUIRE(s.apply(request("mx-orden-juez-control", "ex", {"addr-b", "host-log"})).accepted);
        CHECK(answered(s).records.size() == 2);
        REQUIRE(s.apply(wait_action(hours(3))).accepted);
        REQUIRE(s.apply(request("freeze_request", "ex", {"addr-b"})).accepted);
        CHECK(answered(s).response.key == "legal.freeze.held");
    }
}

TEST_CASE("a tip-off move on chain happens only when the notice came in time",
          "[session][tipoff]") {
    std::string text = replace_once(world_case(), "  - entity: agency\n    honours:\n",
                                    "  - entity: agency\n    notifies_user: true\n    honours:\n");
    text = replace_once(text, "services:\n",
                        "  - {id: t-run, chain: bitcoin, time: +10h, inputs: [{from_tx: t1, vout: "
                        "1}], outputs: [{address: addr-z, amount: \"0.4\"}]}\nservices:\n");
    text = replace_once(text, "events:\n",
                        "events:\n  - {id: run, kind: move_funds, transaction: t-run, tip_off: "
                        "{service: agency, reaction_hours: 1}, holding: h2, visible: false}\n");
    const auto scenario = load_ok(text);
    Action explore;
    explore.type = ActionType::ExploreAddress;
    explore.target = "addr-k";
    SECTION("no notice: the transaction never happens and the address keeps its funds") {
        Session s(scenario);
        REQUIRE(s.apply(wait_action(hours(12))).accepted);
        REQUIRE(s.apply(explore).accepted);
        CHECK(s.casefile().transactions.count("t-run") == 0);
    }
}

TEST_CASE("every instrument of both packs is served and answered on its pack's timing",
          "[session][jurisdiction]") {
    for (const std::string& pack_id : shipped_jurisdictions()) {
        const auto scenario = load_ok(world_case(pack_id));
        for (const LegalInstrument& in : scenario->jurisdiction.instruments) {
            INFO(in.id);
            Session s(scenario);
            obtain_kyc(s);
            std::string target = "ex";
            std::vector<std::string> ids = {"addr-b", "r1"};
            if (in.kind == Instrument::SearchWarrant) target = "host";
            if (in.kind == Instrument::SearchWarrant) ids = {"addr-k", "r1"};
            if (in.kind == Instrument::SeizureWarrant) {
                REQUIRE(s.apply(request("search_warrant", "host", {"addr-k", "r1"})).accepted);
                answered(s);
                target = "agency";
                ids = {"addr-k", "key-file"};
            }
            const std::size_t penalties = s.score().penalties.size();
            REQUIRE(s.apply(request(in.id, target, ids)).accepted);
            const LegalRequestFile& file = last_request(s);
            CHECK(file.legal_instrument == in.id);
            CHECK(file.instrument_name.en == in.name.en);
            const ServiceTerms& terms = scenario->find_service(target)->honours.at(in.kind);
            const SimSeconds expected =
                (in.judge ? in.judge->value : 0) + terms.turnaround.value_or(in.turnaround.value);
            CHECK(file.due_at - file.sent_at == expected);
            const LegalRequestFile& done = answered(s);
            CHECK(done.status != RequestStatus::Declined);
            CHECK(s.score().penalties.size() == penalties);
        }
    }
}

TEST_CASE("paging reaches the first of 400 payments", "[session][explorer]") {
    std::string payments;
    for (int i = 0; i < 400; ++i)
        payments += "  - {id: pay" + std::to_string(i) + ", chain: bitcoin, time: +" +
                    std::to_string(i + 1) + "m, inputs: [{address: payer" + std::to_string(i) +
                    ", amount: \"0.001\"}], outputs: [{address: addr-scam, amount: \"0.001\"}]}\n";
    std::string text = replace_once(world_case(), "services:\n", payments + "services:\n");
    text = replace_once(text, "addresses: [addr-a, addr-b, addr-k]", "addresses: [addr-scam]");
    Session s(load_ok(text));
    REQUIRE(s.apply(wait_action(hours(8))).accepted);
    Action first_page;
    first_page.type = ActionType::ExploreAddress;
    first_page.direction = Direction::In;
    first_page.target = "addr-scam";
    REQUIRE(s.apply(first_page).accepted);
    CHECK(s.casefile().transactions.count("pay399"));
    CHECK(s.casefile().transactions.count("pay200"));
    CHECK(!s.casefile().transactions.count("pay0"));
    CHECK(s.casefile().addresses.at("addr-scam").transaction_total == 400);
    Action second_page = first_page;
    second_page.page = 1;
    const SimSeconds before = s.casefile().now;
    REQUIRE(s.apply(second_page).accepted);
    CHECK(s.casefile().now - before == minutes(5));  // each page costs an explorer's time
    CHECK(s.casefile().transactions.count("pay0"));
    CHECK(s.casefile().transactions.count("pay199"));
}

TEST_CASE("a label learned for an entity applies to its addresses found later",
          "[session][labels]") {
    // The KYC record identifies the thief, whose addr-z appears only later on chain.
    std::string text = replace_once(world_case(), "content: {en: Name, es: Nombre}}",
                                    "reveals_entity: thief, content: {en: Name, es: Nombre}}");
    text =
        replace_once(text, "addresses: [addr-a, addr-k]}", "addresses: [addr-a, addr-k, addr-z]}");
    text = replace_once(text, "services:\n",
                        "  - {id: t-z, chain: bitcoin, time: +200h, inputs: [{address: addr-a, "
                        "amount: \"0.1\"}], outputs: [{address: addr-z, amount: \"0.1\"}]}\n"
                        "services:\n");
    Session s(load_ok(text));
    obtain_kyc(s);
    REQUIRE(s.apply(wait_action(hours(100))).accepted);
    Action explore;
    explore.type = ActionType::ExploreAddress;
    explore.target = "addr-a";
    REQUIRE(s.apply(explore).accepted);
    const KnownAddress& z = s.casefile().addresses.at("addr-z");
    REQUIRE(z.attribution);
    CHECK(z.attribution->entity_id == "thief");
    CHECK(z.attribution->source == "r1");
}
