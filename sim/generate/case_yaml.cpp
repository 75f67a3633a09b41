#include "generate/case_yaml.hpp"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>

#include <yaml-cpp/yaml.h>

#include "generate/yaml_text.hpp"
#include "model/money.hpp"
#include "model/time.hpp"

namespace mt::generate {
namespace {

// Tool costs the case states (the engine's defaults) and the services' turnarounds; the
// expert's timing and the adversary's cash-out are computed from them.
constexpr SimSeconds kExploreCost = minutes(5);
constexpr SimSeconds kLookupCost = minutes(15);
constexpr SimSeconds kAnalysisCost = minutes(45);
constexpr SimSeconds kDraftCost = hours(1);
constexpr int kFreezeHours = 6;
constexpr int kSubpoenaHours = 120;

LocalizedText both(std::string en, std::string es) {
    return {std::move(en), std::move(es)};
}

struct StageText {
    std::string checkpoint_id;
    LocalizedText title;  // learning objective and rubric objective
    LocalizedText name;   // the technique, for summaries
    LocalizedText debrief;
};

StageText stage_text(Typology t) {
    switch (t) {
        case Typology::PeelChain:
            return {"peel-change",
                    both("Tell the change from the payment in the peel chain",
                         "Distinguir el cambio del pago en la cadena de pelado"),
                    both("a peel chain", "una cadena de pelado"),
                    both("Following the change output hop by hop keeps the trace on the "
                         "affiliate's money.",
                         "Seguir la salida de cambio salto por salto mantiene el rastreo sobre el "
                         "dinero del afiliado.")};
        case Typology::CoinJoin:
            return {"coinjoin-change",
                    both("Follow the affiliate through the CoinJoin",
                         "Seguir al afiliado a través del CoinJoin"),
                    both("a CoinJoin", "un CoinJoin"),
                    both("Toxic change, and spending it together with mixed coins, are the usual "
                         "ways a CoinJoin is undone.",
                         "El cambio tóxico, y gastarlo junto con monedas mezcladas, son las formas "
                         "habituales de deshacer un CoinJoin.")};
        case Typology::FanOut:
            return {"mule-count",
                    both("Recognise the fan-out to money mules",
                         "Reconocer la dispersión hacia mulas de dinero"),
                    both("a fan-out to money mules", "una dispersión hacia mulas de dinero"),
                    both("Counting the mules tells investigators how many people to identify and "
                         "interview.",
                         "Contar las mulas indica a los investigadores cuántas personas "
                         "identificar y entrevistar.")};
        case Typology::FanIn:
            return {
                "collector",
                both("Find the collector of the fan-in",
                     "Encontrar la dirección recolectora de la concentración"),
                both("a fan-in to a collector", "una concentración en una dirección recolectora"),
                both("A collector address links wallets that otherwise look unrelated.",
                     "Una dirección recolectora vincula carteras que de otro modo parecerían no "
                     "relacionadas.")};
        case Typology::ScatterGather:
            return {"gather-address",
                    both("Find where the scattered funds gather again",
                         "Encontrar dónde se reúnen los fondos dispersos"),
                    both("a scatter-gather", "una dispersión y reagrupación"),
                    both("Scatter-gather hides one transfer behind many small ones; the common "
                         "destination gives it away.",
                         "La dispersión y reagrupación oculta una transferencia tras muchas "
                         "pequeñas; el destino común la delata.")};
        case Typology::Cycle:
            return {"cycle-origin", both("Recognise the cycle", "Reconocer el ciclo"),
                    both("a cycle", "un ciclo"),
                    both("A cycle adds hops but no distance: the funds end where they started.",
                         "Un ciclo agrega saltos pero no distancia: los fondos terminan donde "
                         "empezaron.")};
        case Typology::BridgeHop:
            return {"bridge-payout",
                    both("Follow the money across the swap to Tron",
                         "Seguir el dinero a través del intercambio hacia Tron"),
                    both("a swap from Bitcoin to USDT on Tron",
                         "un intercambio de Bitcoin a USDT en Tron"),
                    both("Chain hopping breaks a trace only for investigators who stop at the "
                         "first chain.",
                         "Saltar de cadena solo interrumpe el rastreo de quien se detiene en la "
                         "primera cadena.")};
        case Typology::ExchangeConsolidation:
            return {
                "deposit-address",
                both(
                    "Identify the deposit address behind the exchange's sweep",
                    "Identificar la dirección de depósito detrás de la concentración del exchange"),
                both("an exchange's consolidation sweep",
                     "la concentración de depósitos de un exchange"),
                both("Exchanges answer about accounts; deposit addresses point to accounts, hot "
                     "wallets do not.",
                     "Los exchanges responden sobre cuentas; las direcciones de depósito apuntan a "
                     "cuentas, las carteras calientes no.")};
    }
    return {};
}

std::string join(const std::vector<std::string>& items, const std::string& last_word) {
    std::string out;
    for (std::size_t i = 0; i < items.size(); ++i) {
        if (i > 0) out += i + 1 == items.size() ? " " + last_word + " " : ", ";
        out += items[i];
    }
    return out;
}

std::string offset_text(SimSeconds t) {
    std::string s;
    append_offset(s, t);
    return s;
}

std::string btc(std::int64_t sats) {
    return amount_text(sats, kBtcDecimals);
}
std::string cents_text(std::int64_t cents) {
    return std::to_string(cents / 100) + "." + (cents % 100 < 10 ? "0" : "") +
           std::to_string(cents % 100);
}

class CaseWriter {
  public:
    CaseWriter(const CaseSpec& spec, const TrailFacts& trail, const CaseNames& names,
               const LedgerSink& sink, const Background& background)
        : spec_(spec), trail_(trail), names_(names), sink_(sink), background_(background) {
        deposit_ = sink.address_text(trail.deposit);
        exchange_ = names.exchanges[kCashOutExchange];
        foreign_ = names.exchanges[kForeignExchange];
        out_.SetIndent(2);
        plan_expert();
    }

    std::string write() {
        header();
        ledger();
        entities();
        services();
        holdings_and_events();
        checkpoints();
        hints_and_knowledge();
        rubric();
        expert();
        out_ << YAML::EndMap;
        return std::string(out_.c_str()) + "\n";
    }

  private:
    struct ExpertAction {
        YAML::Node yaml;  // the action, written as a flow map
        SimSeconds cost = 0;
    };

    bool has(Typology t) const {
        return std::find(spec_.typologies.begin(), spec_.typologies.end(), t) !=
               spec_.typologies.end();
    }
    std::string address(AddressKey key) const { return sink_.address_text(key); }
    std::string tx(TxKey key) const { return sink_.transaction_text(key); }
    const StageFacts* stage(Typology t) const {
        for (const StageFacts& s : trail_.stages)
            if (s.typology == t) return &s;
        return nullptr;
    }

    // The value that follows is the value of `name` in the map being written.
    YAML::Emitter& key(std::string_view name) {
        return out_ << YAML::Key << std::string(name) << YAML::Value;
    }
    // Amounts and times are quoted, as docs/scenario-format.md asks, so YAML keeps them as text.
    void quoted(std::string_view name, const std::string& value) {
        key(name) << YAML::DoubleQuoted << value;
    }
    void text(std::string_view name, const LocalizedText& t) {
        key(name);
        emit_localized(out_, t);
    }
    void inline_text(std::string_view name, const LocalizedText& t) {
        key(name);
        emit_localized(out_, t, true);
    }
    // A flow map of plain keys and values, as the format's short entries are written.
    void flow_map(std::initializer_list<std::pair<std::string_view, std::string>> entries) {
        out_ << YAML::Flow << YAML::BeginMap;
        for (const auto& [name, value] : entries) key(name) << value;
        out_ << YAML::EndMap;
    }
    static YAML::Node step(std::initializer_list<std::pair<const char*, std::string>> fields) {
        YAML::Node node;
        for (const auto& [name, value] : fields) node[name] = value;
        node.SetStyle(YAML::EmitterStyle::Flow);
        return node;
    }

    // The expert's path, with the simulated time each action ends at, so the cash-out can be set
    // after the expert's freeze lands and the time budget after the expert's submission.
    void plan_expert() {
        auto add = [&](YAML::Node yaml, SimSeconds cost) {
            expert_.push_back({std::move(yaml), cost});
        };
        auto request = [&](const char* instrument, std::string text) {
            YAML::Node r = step(
                {{"type", "legal_request"}, {"instrument", instrument}, {"target", exchange_.id}});
            r["identifiers"].push_back(deposit_);
            r["text"] = std::move(text);
            add(std::move(r), kDraftCost);
        };
        for (std::size_t i = 0; i < trail_.path.size(); ++i) {
            const std::string hop = tx(trail_.path[i]);
            add(step({{"type", "explore_transaction"}, {"target", hop}}), kExploreCost);
            if (trail_.coinjoin_at == i)
                add(step({{"type", "run_analysis"}, {"tool", "coinjoin"}, {"target", hop}}),
                    kAnalysisCost);
            for (const StageFacts& s : trail_.stages)
                if (s.answer_after == i)
                    add(step({{"type", "answer_checkpoint"},
                              {"target", stage_text(s.typology).checkpoint_id},
                              {"answer", answer_of(s)}}),
                        0);
        }
        add(step({{"type", "lookup"}, {"target", deposit_}}), kLookupCost);
        add(step({{"type", "answer_checkpoint"},
                  {"target", "first-service"},
                  {"answer", exchange_.id}}),
            0);
        request("freeze_request", "Ransomware proceeds paid by " + names_.victim.en +
                                      " were traced into this deposit address; please hold the "
                                      "account's balance pending a judicial order.");
        freeze_sent_ = elapsed();
        request("subpoena",
                "Subscriber information and login IP addresses for the account credited by this "
                "deposit address, which received the proceeds of a ransomware extortion.");
        add(step({{"type", "wait"}, {"duration", std::to_string(kSubpoenaHours) + "h"}}),
            hours(kSubpoenaHours));
        add(step({{"type", "submit"},
                  {"text",
                   "The ransom paid by " + names_.victim.en + " was split between the " +
                       names_.ransomware +
                       " developers and the affiliate, whose share passed through " +
                       technique_list(false) + " into deposit address " + deposit_ + " at " +
                       exchange_.brand +
                       ". The account was frozen before the withdrawal and its KYC record names " +
                       names_.affiliate.full_name + "."}}),
            0);
        // The affiliate withdraws a day after the expert's freeze lands, on the hour.
        const SimSeconds lands = freeze_sent_ + hours(kFreezeHours);
        cash_out_at_ = (lands + hours(1) - 1) / hours(1) * hours(1) + hours(18);
        budget_hours_ = static_cast<int>((elapsed() + hours(1) - 1) / hours(1)) + 24;
    }
    SimSeconds elapsed() const {
        SimSeconds t = 0;
        for (const ExpertAction& a : expert_) t += a.cost;
        return t;
    }

    std::string answer_of(const StageFacts& s) const {
        switch (s.typology) {
            case Typology::FanOut:
                return 'n' + std::to_string(s.count);
            case Typology::BridgeHop:
                return tx(s.transaction);
            default:
                return address(s.address);
        }
    }

    std::string technique_list(bool spanish) const {
        std::vector<std::string> names;
        for (Typology t : spec_.typologies) {
            const StageText st = stage_text(t);
            names.push_back(spanish ? st.name.es : st.name.en);
        }
        if (names.empty()) return spanish ? "transferencias directas" : "direct transfers";
        return join(names, spanish ? "y" : "and");
    }

    void header() {
        const std::string n = std::to_string(spec_.transactions);
        const std::string count = group_thousands(std::to_string(spec_.transactions));
        const std::string ransom = btc(trail_.ransom);
        const std::string paid_at = format_utc(*parse_utc(kCaseStart) + trail_.first_time);
        std::string command = "moneytrail generate --seed " + std::to_string(spec_.seed) +
                              " --transactions " + n + " --days " + std::to_string(spec_.days) +
                              " --id " + spec_.id + " --typologies ";
        for (std::size_t i = 0; i < spec_.typologies.size(); ++i) {
            if (i) command += ',';
            command += slug_of(spec_.typologies[i]);
        }
        if (spec_.typologies.empty()) command += "none";
        out_ << YAML::Comment("Generated by `" + command +
                              "` (all names, people, addresses and hashes are fictional).")
             << YAML::Newline
             << YAML::Comment("Format: docs/scenario-format.md. The bulk of the ledger is in " +
                              spec_.ledger_file + ".")
             << YAML::Newline << YAML::BeginMap;
        key("format_version") << 1;
        key("id") << spec_.id;
        text("title", both("Ransom in a haystack: " + names_.victim.en,
                           "Rescate en un pajar: " + names_.victim.es));
        text("summary",
             both(names_.victim.en + " paid " + ransom + " BTC to the " + names_.ransomware +
                      " ransomware. Follow the affiliate's share through " + technique_list(false) +
                      " among " + count +
                      " unrelated transactions, freeze it at the exchange and identify the account "
                      "holder.",
                  names_.victim.es + " pagó " + ransom + " BTC al ransomware " + names_.ransomware +
                      ". Sigue la parte del afiliado a través de " + technique_list(true) +
                      " entre " + count +
                      " transacciones ajenas, congélala en el exchange e identifica al titular de "
                      "la cuenta."));
        text("briefing",
             both("On " + paid_at + ", " + names_.victim.en + " in " + names_.city +
                      " paid a ransom of " + ransom + " BTC to the " + names_.ransomware +
                      " ransomware, at the address in the ransom note, " +
                      address(trail_.ransom_address) + ", in transaction " + tx(trail_.ransom_tx) +
                      ". " + names_.ransomware +
                      " is sold as ransomware-as-a-service: its developers keep a cut of every "
                      "ransom and the affiliate who ran the attack receives the rest. The ledger "
                      "you can explore holds " +
                      count +
                      " transactions on Bitcoin and Tron, nearly all of them ordinary business. "
                      "The prosecutor's office asks your unit to trace the affiliate's share, "
                      "secure whatever can still be secured and identify who controls it. Your "
                      "legal requests go out under Mexican law: domestic services must answer "
                      "them; foreign services may not.",
                  "El " + paid_at + ", " + names_.victim.es + ", en " + names_.city +
                      ", pagó un rescate de " + ransom + " BTC al ransomware " + names_.ransomware +
                      ", a la dirección de la nota de rescate, " + address(trail_.ransom_address) +
                      ", en la transacción " + tx(trail_.ransom_tx) + ". " + names_.ransomware +
                      " se vende como ransomware como servicio: sus desarrolladores se quedan con "
                      "una parte de cada rescate y el afiliado que ejecutó el ataque recibe el "
                      "resto. El registro que puedes explorar tiene " +
                      count +
                      " transacciones en Bitcoin y Tron, casi todas de negocios ordinarios. La "
                      "fiscalía pide a tu unidad rastrear la parte del afiliado, asegurar lo que "
                      "todavía se pueda asegurar e identificar a quién la controla. Tus "
                      "solicitudes se emiten conforme a la ley mexicana: los servicios nacionales "
                      "deben atenderlas; los extranjeros no están obligados."));
        const std::size_t k = spec_.typologies.size();
        key("difficulty") << (k <= 2 ? "beginner" : k <= 5 ? "intermediate" : "advanced");
        key("estimated_minutes") << 20 + 10 * k;
        key("learning_objectives") << YAML::BeginSeq;
        for (Typology t : spec_.typologies) emit_localized(out_, stage_text(t).title);
        emit_localized(out_, both("Choose the service and the legal instrument that can still stop "
                                  "the money, in time.",
                                  "Elegir el servicio y el instrumento legal que todavía pueden "
                                  "detener el dinero, a tiempo."));
        out_ << YAML::EndSeq;
        key("typologies") << YAML::Flow << YAML::BeginSeq << "ransomware";
        for (Typology t : spec_.typologies) out_ << std::string(slug_of(t));
        out_ << "exchange_cash_out" << YAML::EndSeq;
        key("home_jurisdiction") << "MX";
        quoted("start", std::string(kCaseStart));
        key("time_budget_hours") << budget_hours_;
        key("emergency_justified") << false;
    }

    void ledger() {
        key("chains") << YAML::BeginSeq;
        flow_map(
            {{"id", "bitcoin"}, {"name", "Bitcoin"}, {"model", "utxo"}, {"native_asset", "btc"}});
        flow_map({{"id", "tron"}, {"name", "Tron"}, {"model", "account"}, {"native_asset", "trx"}});
        out_ << YAML::EndSeq;
        key("assets") << YAML::BeginSeq;
        flow_map({{"id", "btc"}, {"symbol", "BTC"}, {"chain", "bitcoin"}, {"decimals", "8"}});
        flow_map({{"id", "trx"}, {"symbol", "TRX"}, {"chain", "tron"}, {"decimals", "6"}});
        flow_map({{"id", "usdt-tron"},
                  {"symbol", "USDT"},
                  {"chain", "tron"},
                  {"decimals", "6"},
                  {"issuer", "tether"}});
        out_
            << YAML::EndSeq << YAML::Newline
            << YAML::Comment(
                   "What the exchanges' and the swap service's Tron wallets held before the case.");
        key("opening_balances") << YAML::BeginSeq;
        for (const auto& b : sink_.opening_balances()) {
            out_ << YAML::Flow << YAML::BeginMap;
            key("address") << address(b.address);
            key("asset") << (b.asset == TronAsset::Usdt ? "usdt-tron" : "trx");
            quoted("amount", amount_text(b.amount, kTronDecimals));
            out_ << YAML::EndMap;
        }
        out_ << YAML::EndSeq;
        key("ledger_file") << spec_.ledger_file;
    }

    void entity(const std::string& id, std::string_view kind, const LocalizedText& name,
                const std::string& country, std::string_view attribution, bool involved,
                const std::vector<AddressKey>& listed,
                const std::vector<AddressKey>& wallets = {}) {
        out_ << YAML::BeginMap;
        key("id") << id;
        key("kind") << std::string(kind);
        inline_text("name", name);
        if (!country.empty()) key("jurisdiction") << country;
        key("attribution") << std::string(attribution);
        key("involved") << involved;
        if (!listed.empty() || !wallets.empty()) {
            key("addresses") << YAML::BeginSeq;
            // A customer may have deposited twice before a sweep: list each address once.
            std::vector<AddressKey> seen;
            for (AddressKey a : listed) {
                if (std::find(seen.begin(), seen.end(), a) != seen.end()) continue;
                seen.push_back(a);
                out_ << address(a);
            }
            // Long-lived wallets, written with their chain in case this ledger never touches them.
            for (AddressKey a : wallets)
                flow_map({{"address", address(a)}, {"chain", is_tron(a) ? "tron" : "bitcoin"}});
            out_ << YAML::EndSeq;
        }
        out_ << YAML::EndMap;
    }

    void entities() {
        key("entities") << YAML::BeginSeq;
        entity("victim", "victim", names_.victim, "MX", "public", true, {trail_.victim});
        entity("ransomware-operators", "suspect",
               both(names_.ransomware + " ransomware operators",
                    "Operadores del ransomware " + names_.ransomware),
               "", "public", true, {trail_.ransom_address, trail_.developer});
        entity("affiliate", "suspect",
               both(names_.ransomware + " affiliate", "Afiliado de " + names_.ransomware), "MX",
               "legal", true, trail_.affiliate);
        if (!trail_.mules.empty())
            entity("money-mules", "money_mule",
                   both("Money mules recruited by the affiliate",
                        "Mulas de dinero reclutadas por el afiliado"),
                   "MX", "hidden", true, trail_.mules);
        for (std::size_t e = 0; e < kExchanges; ++e) {
            const Organisation& x = names_.exchanges[e];
            std::vector<AddressKey> listed;
            if (e == kCashOutExchange) listed = trail_.cash_out_exchange;
            if (e == kForeignExchange) listed = {trail_.foreign_deposit};
            entity(x.id, "exchange", x.name, x.jurisdiction, "lookup",
                   e == kCashOutExchange || e == kForeignExchange, listed,
                   {background_.exchange_hot_wallet(e), background_.exchange_tron_hot_wallet(e)});
        }
        if (has(Typology::BridgeHop))
            entity(names_.bridge.id, "bridge", names_.bridge.name, names_.bridge.jurisdiction,
                   "public", true, trail_.bridge);
        std::vector<std::vector<AddressKey>> invoices(kMerchants);
        for (const auto& [merchant, invoice] : trail_.merchants_paid)
            invoices[merchant].push_back(invoice);
        for (std::size_t m = 0; m < kMerchants; ++m)
            if (!invoices[m].empty())
                entity(names_.merchants[m].id, "merchant", names_.merchants[m].name, "MX", "lookup",
                       true, invoices[m]);
        entity("tether", "stablecoin_issuer",
               both("Tether (USDT issuer)", "Tether (emisor de USDT)"), "VG", "public", false, {});
        out_ << YAML::EndSeq;
    }

    struct Honour {
        std::string_view instrument;
        int turnaround_hours = 0;
        std::vector<std::string_view> returns;
    };
    void honours(const std::vector<Honour>& terms) {
        key("honours") << YAML::BeginMap;
        for (const Honour& h : terms) {
            key(h.instrument) << YAML::Flow << YAML::BeginMap;
            key("turnaround_hours") << h.turnaround_hours;
            if (!h.returns.empty()) {
                key("returns") << YAML::Flow << YAML::BeginSeq;
                for (std::string_view r : h.returns) out_ << std::string(r);
                out_ << YAML::EndSeq;
            }
            out_ << YAML::EndMap;
        }
        out_ << YAML::EndMap;
    }

    void services() {
        const Person& p = names_.affiliate;
        key("services") << YAML::BeginSeq << YAML::BeginMap;
        key("entity") << exchange_.id;
        honours({{"preservation", 4, {}},
                 {"freeze_request", kFreezeHours, {}},
                 {"subpoena", kSubpoenaHours, {"kyc", "login_ips"}}});
        text("decline_reason",
             both(exchange_.brand + "'s compliance team answers preservation and freeze requests "
                                    "and subpoenas from the Mexican authorities; for anything else "
                                    "it asks for the corresponding court order first.",
                  "El equipo de cumplimiento de " + exchange_.brand +
                      " atiende solicitudes de preservación y de congelamiento y requerimientos de "
                      "las autoridades mexicanas; para cualquier otra cosa pide primero la orden "
                      "judicial correspondiente."));
        key("decline_turnaround_hours") << 24;
        key("records") << YAML::BeginSeq << YAML::BeginMap;
        key("id") << exchange_.id + "-kyc";
        key("kind") << "kyc";
        key("subject") << deposit_;
        key("reveals_entity") << "affiliate";
        text("content",
             both("Account " + names_.account_number +
                      ", verified at level 2. Holder: " + p.full_name + ", born " + p.born +
                      ". Identity document: INE voter card with CURP " + p.curp + ". Address: " +
                      p.street_address + ". Phone " + p.phone + "; e-mail " + p.email +
                      ". Deposit address " + deposit_ + " is assigned to this account only.",
                  "Cuenta " + names_.account_number + ", verificada en nivel 2. Titular: " +
                      p.full_name + (p.female ? ", nacida el " : ", nacido el ") + p.born_es +
                      ". Identificación: credencial del INE con CURP " + p.curp +
                      ". Domicilio: " + p.street_address + ". Teléfono " + p.phone + "; correo " +
                      p.email + ". La dirección de depósito " + deposit_ +
                      " está asignada solo a esta cuenta."));
        out_ << YAML::EndMap << YAML::BeginMap;
        key("id") << exchange_.id + "-login-ips";
        key("kind") << "login_ips";
        key("subject") << deposit_;
        text("content",
             both("Logins over the last month: most from 198.51.100.23 (residential fibre, "
                  "Zapopan, Jalisco), a few from 203.0.113.77 (a commercial VPN exit). The last "
                  "one, hours before the case opened, viewed the withdrawal page.",
                  "Inicios de sesión del último mes: la mayoría desde 198.51.100.23 (fibra "
                  "residencial, Zapopan, Jalisco), algunos desde 203.0.113.77 (salida de una VPN "
                  "comercial). El último, horas antes de abrirse el caso, abrió la página de "
                  "retiros."));
        out_ << YAML::EndMap << YAML::EndSeq << YAML::EndMap;
        const LocalizedText mlat_only = both(
            "This exchange is registered abroad and answers compulsory process from Mexico only "
            "when it arrives through mutual legal assistance; it keeps records if asked to "
            "preserve them.",
            "Este exchange está registrado en el extranjero y solo atiende mandatos de México "
            "cuando llegan por asistencia jurídica mutua; conserva los registros si se le pide "
            "preservarlos.");
        for (std::size_t e = 0; e < kExchanges; ++e) {
            if (e == kCashOutExchange) continue;
            const Organisation& x = names_.exchanges[e];
            const bool domestic = x.jurisdiction == "MX";
            out_ << YAML::BeginMap;
            key("entity") << x.id;
            if (domestic)
                honours({{"preservation", 12, {}},
                         {"freeze_request", 24, {}},
                         {"subpoena", 240, {"kyc"}}});
            else
                honours({{"preservation", 24, {}}, {"mlat", 6570, {"kyc", "login_ips"}}});
            text("decline_reason",
                 domestic ? both("The exchange answers preservation, freeze requests and "
                                 "subpoenas; for anything else it asks for a court order.",
                                 "El exchange atiende preservaciones, congelamientos y "
                                 "requerimientos; para lo demás pide una orden judicial.")
                          : mlat_only);
            key("decline_turnaround_hours") << 72;
            out_ << YAML::EndMap;
        }
        if (has(Typology::BridgeHop)) {
            out_ << YAML::BeginMap;
            key("entity") << names_.bridge.id;
            honours({{"preservation", 48, {}}});
            text("decline_reason",
                 both("The swap service is registered in Seychelles, asks no identity below its "
                      "limits and hands nothing over without a request through mutual legal "
                      "assistance.",
                      "El servicio de intercambio está registrado en Seychelles, no pide "
                      "identificación por debajo de sus límites y no entrega nada sin una "
                      "solicitud de asistencia jurídica mutua."));
            key("decline_turnaround_hours") << 120;
            out_ << YAML::EndMap;
        }
        out_ << YAML::BeginMap;
        key("entity") << "tether";
        honours({{"freeze_request", 24, {}}});
        text("decline_reason",
             both("Tether freezes USDT at addresses named by law enforcement; it holds no customer "
                  "records for wallets it does not serve.",
                  "Tether congela USDT en direcciones señaladas por las autoridades; no tiene "
                  "expedientes de clientes de carteras a las que no da servicio."));
        out_ << YAML::EndMap << YAML::EndSeq;
    }

    void holdings_and_events() {
        const bool tron = trail_.deposit_on_tron;
        const std::string amount =
            amount_text(trail_.deposited, tron ? kTronDecimals : kBtcDecimals);
        const std::string symbol = tron ? "USDT" : "BTC";
        key("holdings") << YAML::BeginSeq << YAML::BeginMap;
        key("id") << "affiliate-account";
        key("custodian") << exchange_.id;
        key("subject") << deposit_;
        key("asset") << (tron ? "usdt-tron" : "btc");
        quoted("amount", amount);
        quoted("value_usd", cents_text(trail_.deposited_usd_cents));
        text("description", both("Balance of the " + exchange_.brand +
                                     " account credited by deposit address " + deposit_ + ".",
                                 "Saldo de la cuenta de " + exchange_.brand +
                                     " que acredita la dirección de depósito " + deposit_ + "."));
        out_ << YAML::EndMap << YAML::EndSeq;
        key("events") << YAML::BeginSeq << YAML::BeginMap;
        key("id") << "negotiation-chat";
        key("kind") << "message";
        quoted("at", "+12h");
        text("message",
             both("The victim's IT team forwards the ransom negotiation chat. The operators wrote: "
                  "\"our partner cashes out at home, in a couple of days it is all gone\".",
                  "El equipo de sistemas de la víctima reenvía el chat de la negociación del "
                  "rescate. Los operadores escribieron: \"nuestro socio cobra en casa; en un par "
                  "de días ya no queda nada\"."));
        out_ << YAML::EndMap << YAML::BeginMap;
        key("id") << "cash-out";
        key("kind") << "move_funds";
        quoted("at", offset_text(cash_out_at_));
        key("holding") << "affiliate-account";
        key("visible") << true;
        text("message",
             both(exchange_.brand + "'s hot wallet has just paid out a " + amount + " " + symbol +
                      " withdrawal: the account behind deposit address " + deposit_ +
                      " has been emptied.",
                  "La cartera caliente de " + exchange_.brand + " acaba de pagar un retiro de " +
                      amount + " " + symbol + ": la cuenta detrás de la dirección de depósito " +
                      deposit_ + " quedó vacía."));
        out_ << YAML::EndMap << YAML::EndSeq;
    }

    struct CheckpointText {
        std::string_view kind;
        LocalizedText question;
        LocalizedText explanation;
    };
    CheckpointText checkpoint_text(Typology t, const StageFacts& s) const {
        const std::string count = std::to_string(s.count);
        switch (t) {
            case Typology::PeelChain:
                return {
                    "address",
                    both("The affiliate's share moves through a peel chain. Which address receives "
                         "the change of its first hop, the output that stays with the affiliate?",
                         "La parte del afiliado avanza por una cadena de pelado. ¿Qué dirección "
                         "recibe el cambio de su primer salto, la salida que se queda con el "
                         "afiliado?"),
                    both("Each hop pays out a small, often round amount and sends the larger "
                         "remainder to a fresh address that the next hop spends: that is the "
                         "change. The chain has " +
                             count + " hops.",
                         "Cada salto paga un monto pequeño, a menudo redondo, y envía el resto "
                         "mayor a una dirección nueva que el siguiente salto gasta: ese es el "
                         "cambio. La cadena tiene " +
                             count + " saltos.")};
            case Typology::CoinJoin:
                return {
                    "address",
                    both("The affiliate joins a CoinJoin with " + std::to_string(s.count - 1) +
                             " other participants. Which output of the CoinJoin is the affiliate's "
                             "change?",
                         "El afiliado participa en un CoinJoin con otros " +
                             std::to_string(s.count - 1) +
                             " participantes. ¿Qué salida del CoinJoin es el cambio del afiliado?"),
                    both("The equal outputs cannot be told apart, but change is not mixed: it "
                         "stays linked to the input it came from. The affiliate then spent that "
                         "change together with a mixed output, which links both (common-input "
                         "ownership) and undoes the mix.",
                         "Las salidas iguales no se pueden distinguir, pero el cambio no se "
                         "mezcla: sigue vinculado a la entrada de la que salió. Después el "
                         "afiliado gastó ese cambio junto con una salida mezclada, lo que vincula "
                         "ambas (propiedad común de entradas) y deshace la mezcla.")};
            case Typology::FanOut:
                return {"choice",
                        both("Into how many money-mule wallets is the money split?",
                             "¿Entre cuántas carteras de mulas de dinero se reparte el dinero?"),
                        both("One transaction pays similar amounts to " + count +
                                 " fresh addresses: a fan-out to money mules, each of whom "
                                 "forwards the money.",
                             "Una transacción paga montos similares a " + count +
                                 " direcciones nuevas: una dispersión hacia mulas de dinero, cada "
                                 "una de las cuales reenvía el dinero.")};
            case Typology::FanIn:
                return {
                    "address",
                    both("Where do the " + count + " separate flows of money come together?",
                         "¿Dónde se juntan los " + count + " flujos de dinero separados?"),
                    both(count + " wallets each send their balance to the same address: a fan-in "
                                 "to a collector the crew controls.",
                         count +
                             " carteras envían cada una su saldo a la misma dirección: una "
                             "concentración en una dirección recolectora que controla la banda.")};
            case Typology::ScatterGather:
                return {"address",
                        both("The money is scattered over " + count +
                                 " new addresses. Which address gathers it again?",
                             "El dinero se dispersa en " + count +
                                 " direcciones nuevas. ¿Qué dirección lo vuelve a reunir?"),
                        both("One transaction splits the funds over " + count +
                                 " intermediate addresses, each of which forwards its part to a "
                                 "single address within hours: scatter-gather.",
                             "Una transacción divide los fondos entre " + count +
                                 " direcciones intermedias, y cada una reenvía su parte a una sola "
                                 "dirección en pocas horas: dispersión y reagrupación.")};
            case Typology::Cycle:
                return {"address",
                        both("The funds pass through " + count +
                                 " hops and come back to an address they had already visited. "
                                 "Which address?",
                             "Los fondos pasan por " + count +
                                 " saltos y regresan a una dirección por la que ya habían pasado. "
                                 "¿Cuál?"),
                        both("The money leaves an address and returns to it after " + count +
                                 " transfers: a cycle meant to look like trade between unrelated "
                                 "wallets.",
                             "El dinero sale de una dirección y vuelve a ella después de " + count +
                                 " transferencias: un ciclo que quiere parecer comercio entre "
                                 "carteras no relacionadas.")};
            case Typology::BridgeHop:
                return {
                    "transaction",
                    both("The affiliate swaps the bitcoin at " + names_.bridge.brand +
                             " for USDT on Tron. Which Tron transaction pays the affiliate?",
                         "El afiliado cambia los bitcoin en " + names_.bridge.brand +
                             " por USDT en Tron. ¿Qué transacción de Tron le paga al afiliado?"),
                    both("The swap service's Tron wallet pays several customers; the payout worth "
                         "the deposited bitcoin at the day's price (67,250 USD, less a 0.6 % "
                         "spread), minutes after the deposit, is the affiliate's.",
                         "La cartera de Tron del servicio de intercambio paga a varios clientes; "
                         "el pago que equivale a los bitcoin depositados al precio del día (67,250 "
                         "USD, menos un margen del 0.6 %), minutos después del depósito, es el del "
                         "afiliado.")};
            case Typology::ExchangeConsolidation:
                return {"address",
                        both(exchange_.brand +
                                 " sweeps the affiliate's deposit into the hot wallet where it "
                                 "collects every customer's deposits. Which address identifies the "
                                 "affiliate's account in a request to the exchange?",
                             exchange_.brand +
                                 " concentra el depósito del afiliado en la cartera caliente donde "
                                 "reúne los depósitos de todos sus clientes. ¿Qué dirección "
                                 "identifica la cuenta del afiliado en una solicitud al exchange?"),
                        both("The deposit address belongs to one customer account; the hot wallet "
                             "holds everyone's funds, so naming it would be a fishing request.",
                             "La dirección de depósito pertenece a una sola cuenta; la cartera "
                             "caliente tiene los fondos de todos, así que nombrarla sería una "
                             "solicitud indiscriminada.")};
        }
        return {};
    }

    // Opens the checkpoint's map; the caller adds its answer and explanation and closes it.
    void checkpoint_head(const std::string& id, std::string_view kind,
                         const LocalizedText& question) {
        out_ << YAML::BeginMap;
        key("id") << id;
        key("kind") << std::string(kind);
        quoted("opens_at", "0");
        text("question", question);
    }
    void option(const std::string& id, const LocalizedText& text) {
        out_ << YAML::Flow << YAML::BeginMap;
        key("id") << id;
        inline_text("text", text);
        out_ << YAML::EndMap;
    }

    void checkpoints() {
        key("checkpoints") << YAML::BeginSeq;
        for (Typology t : spec_.typologies) {
            const StageFacts* s = stage(t);
            if (!s) continue;
            const CheckpointText c = checkpoint_text(t, *s);
            checkpoint_head(stage_text(t).checkpoint_id, c.kind, c.question);
            if (t == Typology::FanOut) {
                key("options") << YAML::BeginSeq;
                for (int n = std::max(2, s->count - 2); n <= s->count + 1; ++n)
                    option('n' + std::to_string(n),
                           both(std::to_string(n) + " wallets", std::to_string(n) + " carteras"));
                out_ << YAML::EndSeq;
            }
            key("answer") << answer_of(*s);
            text("explanation", c.explanation);
            out_ << YAML::EndMap;
        }
        checkpoint_head("first-service", "choice",
                        both("Which service should receive your first request?",
                             "¿A qué servicio debe ir tu primera solicitud?"));
        key("options") << YAML::BeginSeq;
        option(exchange_.id, both(exchange_.brand + ", where the affiliate's money was deposited",
                                  exchange_.brand + ", donde se depositó el dinero del afiliado"));
        option(foreign_.id, both(foreign_.brand + ", where the developers' cut went",
                                 foreign_.brand + ", adonde fue la parte de los desarrolladores"));
        if (has(Typology::BridgeHop))
            option(names_.bridge.id, both(names_.bridge.brand + ", the swap service",
                                          names_.bridge.brand + ", el servicio de intercambio"));
        out_ << YAML::EndSeq;
        key("answer") << exchange_.id;
        text("explanation",
             both(exchange_.brand +
                      " is Mexican, holds the affiliate's deposit and freezes accounts within "
                      "hours on request, while the affiliate is about to withdraw. " +
                      foreign_.brand +
                      " is abroad and answers only through mutual legal assistance, which takes "
                      "months.",
                  exchange_.brand +
                      " es mexicano, tiene el depósito del afiliado y congela cuentas en horas "
                      "cuando se le solicita, y el afiliado está por retirar. " +
                      foreign_.brand +
                      " está en el extranjero y solo responde por asistencia jurídica mutua, que "
                      "tarda meses."));
        out_ << YAML::EndMap << YAML::EndSeq;
    }

    void hints_and_knowledge() {
        key("hints") << YAML::BeginSeq;
        emit_localized(out_, both("Explore the ransom transaction, then follow the affiliate's "
                                  "output, not the developers' cut.",
                                  "Explora la transacción del rescate y sigue la salida del "
                                  "afiliado, no la parte de los desarrolladores."));
        emit_localized(
            out_, both("Run an attribution lookup on the address where the trail stops moving.",
                       "Haz una consulta de atribución sobre la dirección donde el rastro deja de "
                       "moverse."));
        emit_localized(out_, both("A domestic exchange can freeze an account within hours; a "
                                  "foreign one needs months of mutual legal assistance.",
                                  "Un exchange nacional puede congelar una cuenta en horas; uno "
                                  "extranjero requiere meses de asistencia jurídica mutua."));
        out_ << YAML::EndSeq;
        key("start_knowledge") << YAML::BeginMap;
        key("addresses") << YAML::Flow << YAML::BeginSeq << address(trail_.ransom_address)
                         << address(trail_.victim) << YAML::EndSeq;
        key("transactions") << YAML::Flow << YAML::BeginSeq << tx(trail_.ransom_tx) << YAML::EndSeq;
        out_ << YAML::EndMap;
    }

    // `conditions`: (condition, its argument) as the format's one-key maps.
    void objective(const std::string& id, const LocalizedText& title, int points,
                   const std::vector<std::pair<std::string_view, std::string>>& conditions,
                   const LocalizedText& debrief) {
        out_ << YAML::BeginMap;
        key("id") << id;
        inline_text("title", title);
        key("points") << points;
        key("conditions") << YAML::BeginSeq;
        for (const auto& [condition, argument] : conditions) flow_map({{condition, argument}});
        out_ << YAML::EndSeq;
        text("debrief", debrief);
        out_ << YAML::EndMap;
    }

    void rubric() {
        key("rubric") << YAML::BeginMap;
        key("objectives") << YAML::BeginSeq;
        objective(
            "trace-to-exchange",
            both("Trace the affiliate's share to the exchange deposit address",
                 "Rastrear la parte del afiliado hasta la dirección de depósito del exchange"),
            20, {{"address_discovered", deposit_}, {"entity_identified", exchange_.id}},
            both("The affiliate's share ended at " + exchange_.brand + " deposit address " +
                     deposit_ + ".",
                 "La parte del afiliado terminó en la dirección de depósito de " + exchange_.brand +
                     " " + deposit_ + "."));
        for (Typology t : spec_.typologies) {
            if (!stage(t)) continue;
            const StageText st = stage_text(t);
            objective(st.checkpoint_id, st.title, 10, {{"checkpoint_correct", st.checkpoint_id}},
                      st.debrief);
        }
        objective("right-service-first",
                  both("Approach the right service first", "Acudir primero al servicio correcto"),
                  10, {{"checkpoint_correct", "first-service"}},
                  both("The domestic exchange holding the money and able to freeze it comes first.",
                       "Primero va el exchange nacional que tiene el dinero y puede congelarlo."));
        objective("freeze-in-time",
                  both("Freeze the funds before they are withdrawn",
                       "Congelar los fondos antes del retiro"),
                  30, {{"holding_frozen", "affiliate-account"}},
                  both("A freeze request to " + exchange_.brand + " takes about " +
                           std::to_string(kFreezeHours) + " hours; the affiliate withdrew " +
                           format_duration(cash_out_at_) + " after the briefing.",
                       "Una solicitud de congelamiento a " + exchange_.brand + " tarda unas " +
                           std::to_string(kFreezeHours) + " horas; el afiliado retiró " +
                           format_duration(cash_out_at_) + " después de la sesión informativa."));
        objective("identify-holder",
                  both("Obtain the account holder's KYC record",
                       "Obtener el expediente KYC del titular de la cuenta"),
                  15, {{"record_obtained", exchange_.id + "-kyc"}},
                  both("A subpoena naming the deposit address returns the holder's identity in "
                       "about five days.",
                       "Un requerimiento que cite la dirección de depósito devuelve la identidad "
                       "del titular en unos cinco días."));
        out_ << YAML::EndSeq;
        key("penalties") << YAML::Flow << YAML::BeginMap;
        for (const auto& [penalty, points] : {std::pair{"uninvolved_request", 10},
                                              {"overbroad_request", 5},
                                              {"wrong_instrument", 5},
                                              {"wrong_jurisdiction", 8},
                                              {"hint", 3},
                                              {"per_hour_over_budget", 1},
                                              {"max_time_penalty", 20}})
            key(penalty) << points;
        out_ << YAML::EndMap;
        key("recovery_points") << 15;
        key("grades") << YAML::BeginSeq;
        for (const auto& [percent, label] :
             {std::pair{90, both("Excellent", "Excelente")},
              {75, both("Good", "Bien")},
              {60, both("Sufficient", "Suficiente")},
              {0, both("Needs more practice", "Requiere más práctica")}}) {
            out_ << YAML::Flow << YAML::BeginMap;
            key("min_percent") << percent;
            inline_text("label", label);
            out_ << YAML::EndMap;
        }
        out_ << YAML::EndSeq << YAML::EndMap;
        key("tool_costs") << YAML::Flow << YAML::BeginMap;
        key("explore") << kExploreCost / 60;
        key("lookup") << kLookupCost / 60;
        key("analysis") << kAnalysisCost / 60;
        key("draft_request") << kDraftCost / 60;
        out_ << YAML::EndMap;
    }

    void expert() {
        key("expert_solution") << YAML::BeginSeq;
        for (const ExpertAction& a : expert_) out_ << a.yaml;
        out_ << YAML::EndSeq;
        text("expert_summary",
             both("Follow the affiliate's output from the split through " + technique_list(false) +
                      " to deposit address " + deposit_ + ", confirm it with a lookup, and send " +
                      exchange_.brand +
                      " a freeze request at once and a subpoena right after: the freeze lands "
                      "hours before the " +
                      offset_text(cash_out_at_) +
                      " withdrawal, and the KYC record arrives five days later.",
                  "Sigue la salida del afiliado desde el reparto a través de " +
                      technique_list(true) + " hasta la dirección de depósito " + deposit_ +
                      ", confírmala con una consulta de atribución y envía a " + exchange_.brand +
                      " de inmediato una solicitud de congelamiento y enseguida un requerimiento: "
                      "el congelamiento llega horas antes del retiro a las " +
                      offset_text(cash_out_at_) +
                      ", y el expediente KYC llega cinco días después."));
    }

    const CaseSpec& spec_;
    const TrailFacts& trail_;
    const CaseNames& names_;
    const LedgerSink& sink_;
    const Background& background_;
    std::string deposit_;
    Organisation exchange_;
    Organisation foreign_;
    std::vector<ExpertAction> expert_;
    SimSeconds freeze_sent_ = 0;
    SimSeconds cash_out_at_ = 0;
    int budget_hours_ = 0;
    YAML::Emitter out_;
};

}  // namespace

std::string case_yaml(const CaseSpec& spec, const TrailFacts& trail, const CaseNames& names,
                      const LedgerSink& sink, const Background& background) {
    return CaseWriter(spec, trail, names, sink, background).write();
}

}  // namespace mt::generate
