#include "sample_casefile.hpp"

namespace mt::test {
namespace {

KnownTransaction transfer(std::string id, SimSeconds time, std::vector<KnownLeg> inputs,
                          std::vector<KnownLeg> outputs) {
    KnownTransaction tx;
    tx.id = std::move(id);
    tx.chain = "bitcoin";
    tx.asset = "BTC";
    tx.decimals = 8;
    tx.time = time;
    tx.fee = 1000;
    tx.fee_asset = "BTC";
    tx.fee_decimals = 8;
    tx.inputs = std::move(inputs);
    tx.outputs = std::move(outputs);
    return tx;
}

void add_address(Casefile& c, const std::string& text, bool in, bool out) {
    KnownAddress a;
    a.address = text;
    a.chain = "bitcoin";
    a.explored_in = in;
    a.explored_out = out;
    c.addresses[text] = a;
}

}  // namespace

Casefile sample_casefile() {
    Casefile c;
    CaseBriefing& b = c.briefing;
    b.scenario_id = "sample-peel";
    b.title = {"A ransom paid in bitcoin", "Un rescate pagado en bitcoin"};
    b.briefing = {"A clinic paid 2 BTC to regain its files.",
                  "Una clínica pagó 2 BTC para recuperar sus archivos."};
    b.difficulty = "beginner";
    b.estimated_minutes = 30;
    b.typologies = {"ransomware", "peel_chain"};
    b.objective_titles = {{"Trace the ransom", "Rastrear el rescate"}};
    b.learning_objectives = {{"Follow a peel chain", "Seguir una cadena de pelado"}};
    b.home_jurisdiction = "MX";
    b.start_unix = 1620484200;  // 2021-05-08 14:30 UTC
    b.time_budget = hours(72);
    b.hints_available = 2;
    c.now = hours(3);

    add_address(c, kVictim, false, true);
    add_address(c, kSuspect, true, true);
    add_address(c, kHop1, false, false);
    add_address(c, kHop2, false, false);
    add_address(c, kMule, false, false);
    add_address(c, kDeposit, false, false);
    Attribution exchange;
    exchange.entity_id = kExchange;
    exchange.name = {"CoinBay", "CoinBay"};
    exchange.kind = EntityKind::Exchange;
    exchange.jurisdiction = "MX";
    exchange.source = "lookup";
    c.addresses[kDeposit].attribution = exchange;
    c.addresses[kDeposit].note = "deposit wallet";

    c.transactions[kRansomTx] =
        transfer(kRansomTx, -hours(20), {{kVictim, 200000000}}, {{kSuspect, 200000000}});
    c.transactions["tx-peel-1"] = transfer("tx-peel-1", -hours(10), {{kSuspect, 200000000}},
                                           {{kMule, 20000000}, {kHop1, 179990000}});
    c.transactions["tx-peel-2"] = transfer("tx-peel-2", -hours(5), {{kHop1, 179990000}},
                                           {{kDeposit, 50000000}, {kHop2, 129980000}});

    KnownService service;
    service.entity_id = kExchange;
    service.name = {"CoinBay", "CoinBay"};
    service.kind = EntityKind::Exchange;
    service.jurisdiction = "MX";
    service.published_instruments = {Instrument::Preservation, Instrument::Subpoena};
    c.services[kExchange] = service;

    LegalRequestFile pending;
    pending.id = "req-1";
    pending.instrument = Instrument::Preservation;
    pending.service = kExchange;
    pending.service_name = service.name;
    pending.identifiers = {kDeposit};
    pending.justification = "Ransom proceeds deposited";
    pending.sent_at = hours(1);
    pending.due_at = hours(13);
    c.requests.push_back(pending);
    LegalRequestFile done = pending;
    done.id = "req-2";
    done.instrument = Instrument::Subpoena;
    done.status = RequestStatus::Fulfilled;
    done.response =
        Message("legal.records.produced").arg("service", done.service_name).arg("count", 1);
    done.records.push_back(
        {"rec-kyc-1", RecordKind::Kyc, kDeposit, {"Name: J. Doe", "Nombre: J. Doe"}});
    c.requests.push_back(done);

    AnalysisReport report;
    report.id = "analysis-1";
    report.tool = AnalysisTool::Taint;
    report.method = "haircut";
    report.subject = kSuspect;
    report.at = hours(2);
    report.summary = {Message("forensic.taint.reached")
                          .term("method", "forensic.method.haircut")
                          .arg("target", kSuspect)
                          .arg("seeded", "2 BTC")
                          .arg("count", 3)};
    report.rows.push_back({kDeposit,
                           "0.5 BTC",
                           {Message("forensic.part.share").arg("share", "25%"),
                            Message("forensic.part.hops").arg("count", 2)}});
    c.analyses.push_back(report);

    OpenCheckpoint choice;
    choice.id = "cp-typology";
    choice.kind = "choice";
    choice.question = {"Which pattern moves the funds?", "¿Qué patrón mueve los fondos?"};
    choice.options = {{"peel", {"A peel chain", "Una cadena de pelado"}},
                      {"mix", {"A mixer", "Un mezclador"}}};
    c.checkpoints.push_back(choice);
    OpenCheckpoint where;
    where.id = "cp-deposit";
    where.kind = "address";
    where.question = {"Where were funds cashed out?", "¿Dónde se cobraron los fondos?"};
    c.checkpoints.push_back(where);

    c.hints.push_back({"Look at the larger output.", "Mira la salida mayor."});
    c.timeline.push_back(
        {0, TimelineKind::Message, Message("timeline.case_opened").arg("title", c.briefing.title)});
    c.timeline.push_back({hours(1), TimelineKind::Action,
                          Message("timeline.request_sent")
                              .arg("number", 1)
                              .term("instrument", "instrument.preservation")
                              .arg("service", LocalizedText{"CoinBay", "CoinBay"})});
    c.timeline.push_back({hours(2), TimelineKind::Response,
                          Message("timeline.request_answered")
                              .arg("number", 1)
                              .term("instrument", "instrument.preservation")
                              .arg("service", LocalizedText{"CoinBay", "CoinBay"})});
    c.frozen.push_back({"0.5 BTC held at CoinBay", "0.5 BTC retenidos en CoinBay"});
    c.actions_taken = 7;
    return c;
}

Casefile submitted_casefile() {
    Casefile c = sample_casefile();
    c.submitted = true;
    c.checkpoints[0].answer = "peel";
    ScoreReport score;
    score.objectives.push_back({"trace",
                                {"Trace the ransom", "Rastrear el rescate"},
                                40,
                                40,
                                {"You followed the chain.", "Seguiste la cadena."}});
    score.objectives.push_back(
        {"freeze",
         {"Freeze the funds", "Congelar los fondos"},
         30,
         0,
         {"The funds left before a freeze.", "Los fondos salieron antes de congelarlos."}});
    score.penalties.push_back({PenaltyKind::Hint, 3, "hint 1"});
    score.checkpoints.push_back({"cp-typology",
                                 {"Which pattern?", "¿Qué patrón?"},
                                 "peel",
                                 "peel",
                                 true,
                                 {"Peel chains peel.", "Las cadenas de pelado pelan."}});
    score.checkpoints.push_back({"cp-deposit",
                                 {"Where?", "¿Dónde?"},
                                 "",
                                 kDeposit,
                                 false,
                                 {"The exchange deposit.", "El depósito del exchange."}});
    score.recovery_points = 30;
    score.recovery_earned = 10;
    score.frozen_usd_cents = 2500000;
    score.at_stake_usd_cents = 7500000;
    score.total = 47;
    score.max = 100;
    score.percent = 47;
    score.grade = {"Needs practice", "Requiere práctica"};
    c.score = score;
    Action explore;
    explore.type = ActionType::ExploreAddress;
    explore.target = kSuspect;
    explore.direction = Direction::Out;
    c.expert_solution.push_back(explore);
    Action request;
    request.type = ActionType::LegalRequest;
    request.instrument = Instrument::FreezeRequest;
    request.target = kExchange;
    request.identifiers = {kDeposit};
    c.expert_solution.push_back(request);
    c.expert_summary = {"Freeze first, then subpoena.", "Primero congelar, luego citar."};
    c.expert_times = {minutes(30), minutes(50)};
    // The withdrawal at +36 h, the trainee's freeze answered at +44 h: too late.
    AdversaryMove withdrawal;
    withdrawal.at = hours(36);
    withdrawal.holding = {"0.5 BTC at CoinBay", "0.5 BTC en CoinBay"};
    withdrawal.custodian = {"CoinBay", "CoinBay"};
    withdrawal.due = true;
    withdrawal.freeze_landed_at = hours(44);
    c.adversary_moves.push_back(withdrawal);
    return c;
}

Casefile large_casefile(int columns, int width) {
    Casefile c;
    c.briefing.scenario_id = "large";
    c.briefing.start_unix = 1620484200;
    auto name = [](int col, int row) {
        return "addr-" + std::to_string(col) + "-" + std::to_string(row);
    };
    for (int col = 0; col < columns; ++col)
        for (int row = 0; row < width; ++row)
            add_address(c, name(col, row), true, col + 1 < columns);
    int n = 0;
    for (int col = 0; col + 1 < columns; ++col) {
        for (int row = 0; row < width; ++row) {
            const std::string id = "tx-" + std::to_string(n++);
            c.transactions[id] = transfer(
                id, hours(col) + row, {{name(col, row), 1000000}},
                {{name(col + 1, row), 600000}, {name(col + 1, (row + 1) % width), 399000}});
        }
    }
    c.actions_taken = static_cast<std::size_t>(n);
    return c;
}

}  // namespace mt::test
