#include "sample_case.hpp"

namespace mt::testing {

std::shared_ptr<Scenario> make_sample_case() {
    auto s = std::make_shared<Scenario>();
    s->info.id = "sample-ransomware";
    s->info.title = {"Sample ransomware", "Ransomware de muestra"};
    s->info.briefing = {"A clinic paid a ransom.", "Una clínica pagó un rescate."};
    s->info.home_jurisdiction = "MX";
    s->info.time_budget = days(7);

    Ledger& l = s->ledger;
    const ChainId btc = l.add_chain({"bitcoin", "Bitcoin", ChainModel::Utxo, 0});
    l.add_asset({"btc", "BTC", btc, 8, ""});
    const AddressId victim = l.intern_address(kVictim, btc);
    const AddressId ransom = l.intern_address(kRansom, btc);
    const AddressId change = l.intern_address(kChange, btc);
    const AddressId deposit = l.intern_address(kDeposit, btc);
    const AddressId offshore = l.intern_address(kOffshore, btc);
    const AddressId stranger = l.intern_address(kStranger, btc);
    const TxIndex pay = l.add_transaction({"tx-ransom",
                                           btc,
                                           0,
                                           -hours(3),
                                           2'000,
                                           {{victim, 100'002'000, {}}},
                                           {{ransom, 100'000'000}}});
    const TxIndex peel = l.add_transaction({"tx-peel",
                                            btc,
                                            0,
                                            -hours(2),
                                            3'000,
                                            {{ransom, 100'000'000, {pay, 0}}},
                                            {{deposit, 60'000'000}, {change, 39'997'000}}});
    l.add_transaction({"tx-offshore",
                       btc,
                       0,
                       -hours(1),
                       1'000,
                       {{change, 39'997'000, {peel, 1}}},
                       {{offshore, 39'996'000}}});
    l.add_transaction(
        {"tx-later", btc, 0, hours(50), 1'000, {{stranger, 5'000'000, {}}}, {{change, 4'999'000}}});
    l.finalize();

    s->entities.push_back({"clinic",
                           EntityKind::Victim,
                           {"Clinic", "Clínica"},
                           "MX",
                           {victim},
                           Disclosure::Hidden,
                           true});
    s->entities.push_back({"crew",
                           EntityKind::Suspect,
                           {"Ransomware crew", "Banda de ransomware"},
                           "",
                           {ransom, change},
                           Disclosure::Hidden,
                           true});
    s->entities.push_back({"bitnova",
                           EntityKind::Exchange,
                           {"Bitnova", "Bitnova"},
                           "MX",
                           {deposit},
                           Disclosure::Lookup,
                           true});
    s->entities.push_back({"offshorex",
                           EntityKind::Exchange,
                           {"Offshorex", "Offshorex"},
                           "SC",
                           {offshore},
                           Disclosure::Public,
                           false});
    s->entities.push_back({"stranger",
                           EntityKind::Unknown,
                           {"Someone", "Alguien"},
                           "",
                           {stranger},
                           Disclosure::Hidden,
                           false});

    Service bitnova;
    bitnova.entity = "bitnova";
    bitnova.honours[Instrument::Preservation] = {hours(4), {}};
    bitnova.honours[Instrument::Subpoena] = {days(5), {RecordKind::Kyc, RecordKind::LoginIps}};
    bitnova.honours[Instrument::FreezeRequest] = {hours(6), {}};
    bitnova.decline_reason = {"Bitnova cannot act on that instrument.",
                              "Bitnova no puede actuar con ese instrumento."};
    bitnova.records.push_back({"rec-kyc",
                               RecordKind::Kyc,
                               deposit,
                               {"Account holder: Juan Pérez", "Titular: Juan Pérez"},
                               "crew"});
    s->services.push_back(bitnova);
    Service offshorex;
    offshorex.entity = "offshorex";
    offshorex.honours[Instrument::Preservation] = {hours(24), {}};
    offshorex.honours[Instrument::Mlat] = {days(270), {RecordKind::Kyc}};
    offshorex.decline_reason = {"Offshorex requires an MLAT.",
                                "Offshorex requiere una solicitud de asistencia jurídica."};
    s->services.push_back(offshorex);

    s->holdings.push_back({"h-bitnova",
                           "bitnova",
                           deposit,
                           0,
                           60'000'000,
                           3'000'000'00,
                           {"0.6 BTC at Bitnova", "0.6 BTC en Bitnova"},
                           Custody::Account,
                           {}});
    s->events.push_back({"withdraw",
                         EventKind::MoveFunds,
                         hours(36),
                         "h-bitnova",
                         true,
                         {"Bitnova balance withdrawn", "Saldo de Bitnova retirado"},
                         kNoTx});
    s->events.push_back({"note",
                         EventKind::Message,
                         hours(10),
                         "",
                         true,
                         {"Instructor: check the change", "Instructor: revisa el cambio"},
                         kNoTx});

    Checkpoint change_cp;
    change_cp.id = "cp-change";
    change_cp.kind = CheckpointKind::Address;
    change_cp.opens_at = 0;
    change_cp.question = {"Which output of tx-peel is change?",
                          "¿Qué salida de tx-peel es el cambio?"};
    change_cp.answer = kChange;
    s->checkpoints.push_back(change_cp);
    Checkpoint first_cp;
    first_cp.id = "cp-first";
    first_cp.kind = CheckpointKind::Choice;
    first_cp.opens_at = hours(1);
    first_cp.question = {"What first?", "¿Qué primero?"};
    first_cp.options = {{"freeze", {"Freeze", "Congelar"}}, {"mlat", {"MLAT", "MLAT"}}};
    first_cp.answer = "freeze";
    s->checkpoints.push_back(first_cp);

    s->hints = {{"Look at the larger output", "Mira la salida mayor"}};
    s->start_transactions = {pay};

    Rubric& r = s->rubric;
    r.objectives.push_back({"trace",
                            {"Trace to the deposit", "Rastrear al depósito"},
                            20,
                            {{ConditionKind::AddressDiscovered, kDeposit, {}, {}}},
                            {"", ""}});
    r.objectives.push_back({"kyc",
                            {"Identify the account holder", "Identificar al titular"},
                            30,
                            {{ConditionKind::RecordObtained, "rec-kyc", {}, {}}},
                            {"", ""}});
    r.objectives.push_back({"change",
                            {"Spot the change", "Detectar el cambio"},
                            10,
                            {{ConditionKind::CheckpointCorrect, "cp-change", {}, {}}},
                            {"", ""}});
    r.objectives.push_back({"first",
                            {"Act first where funds are", "Actuar primero donde están los fondos"},
                            10,
                            {{ConditionKind::CheckpointCorrect, "cp-first", {}, {}}},
                            {"", ""}});
    r.recovery_points = 30;
    r.grades = {
        {90, {"Excellent", "Excelente"}}, {60, {"Pass", "Aprobado"}}, {0, {"Fail", "Reprobado"}}};

    Action explore = explore_address_action(kRansom, Direction::Out);
    const Action freeze = legal_request_action(Instrument::FreezeRequest, {}, "bitnova", {kDeposit},
                                               "Ransom proceeds deposited at this address");
    Action subpoena = freeze;
    subpoena.instrument = Instrument::Subpoena;
    Action spot_change = answer_action("cp-change", kChange);
    Action first = answer_action("cp-first", "freeze");
    const Action wait = wait_action(days(5));
    s->expert_solution = {explore, lookup_action(kDeposit), spot_change, freeze, first, subpoena,
                          wait,    submit_action("")};
    return s;
}

}  // namespace mt::testing
