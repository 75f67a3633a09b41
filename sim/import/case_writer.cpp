#include "import/case_writer.hpp"

#include <algorithm>
#include <map>
#include <set>

#include <yaml-cpp/yaml.h>

#include "generate/ledger_sink.hpp"
#include "generate/yaml_text.hpp"
#include "i18n/catalogue.hpp"
#include "import/tagpack.hpp"
#include "model/text.hpp"

namespace mt::import {
namespace {

constexpr std::int64_t kHour = 3600;

// Case text in both case languages from a catalogue message.
LocalizedText both(const Message& m) {
    return {render(m, "en"), render(m, "es")};
}

// `flow`: the map being written is a flow map (generate::emit_localized).
void key_text(YAML::Emitter& e, std::string_view key, const LocalizedText& t, bool flow = false) {
    e << YAML::Key << std::string(key) << YAML::Value;
    generate::emit_localized(e, t, flow);
}

void key_quoted(YAML::Emitter& e, std::string_view key, const std::string& value) {
    e << YAML::Key << std::string(key) << YAML::Value << YAML::DoubleQuoted << value;
}

std::string offset_text(std::int64_t offset) {
    std::string out;
    generate::append_offset(out, offset);
    return out;
}

std::string short_address(const std::string& a) {
    return a.size() <= 14 ? a : a.substr(0, 8) + "…" + a.substr(a.size() - 4);
}

std::string csv_cell(const std::string& v) {
    if (v.find_first_of(",\"\n;=") == std::string::npos) return v;
    std::string out = "\"";
    for (char c : v) out += c == '"' ? std::string("\"\"") : std::string(1, c);
    return out + "\"";
}

struct Balance {
    Units now = 0;
    Units lowest = 0;
};

// What each account-chain address must have held before the export begins so no transfer
// overdraws it: the exports show a slice of a longer history.
std::vector<std::tuple<std::string, std::string, Units>> opening_balances(
    const Trail& trail, const DraftLedger& ledger) {
    std::map<std::pair<std::string, std::string>, Balance> balances;  // (address, asset)
    std::vector<std::pair<std::string, std::string>> order;
    auto move = [&](const std::string& address, const std::string& asset, Units delta) {
        auto [it, fresh] = balances.try_emplace({address, asset});
        if (fresh) order.push_back({address, asset});
        it->second.now += delta;
        it->second.lowest = std::min(it->second.lowest, it->second.now);
    };
    for (const DraftTransaction& tx : trail.transactions) {
        if (tx.utxo()) continue;
        move(tx.from, tx.asset, -tx.amount);
        if (tx.fee > 0) move(tx.from, ledger.chain(tx.chain)->native_asset, -tx.fee);
        move(tx.to, tx.asset, tx.amount);
    }
    std::vector<std::tuple<std::string, std::string, Units>> out;
    for (const auto& key : order)
        if (balances[key].lowest < 0)
            out.emplace_back(key.first, key.second, -balances[key].lowest);
    return out;
}

int decimals_of(const DraftLedger& ledger, const std::string& asset) {
    return ledger.asset(asset)->decimals;
}

std::string native_of(const DraftLedger& ledger, const std::string& chain) {
    return ledger.chain(chain)->native_asset;
}

void emit_transaction(YAML::Emitter& e, const DraftTransaction& tx, const DraftLedger& ledger,
                      const std::set<std::string>& kept, std::int64_t start) {
    const int native = decimals_of(ledger, native_of(ledger, tx.chain));
    e << YAML::Flow << YAML::BeginMap;
    key_quoted(e, "id", tx.id);
    e << YAML::Key << "chain" << YAML::Value << tx.chain;
    if (!tx.utxo()) e << YAML::Key << "asset" << YAML::Value << tx.asset;
    key_quoted(e, "time", offset_text(tx.unix_time - start));
    if (tx.utxo()) {
        e << YAML::Key << "inputs" << YAML::Value << YAML::BeginSeq;
        for (const DraftInput& in : tx.inputs) {
            e << YAML::Flow << YAML::BeginMap;
            if (kept.count(in.from_tx)) {
                key_quoted(e, "from_tx", in.from_tx);
                e << YAML::Key << "vout" << YAML::Value << in.vout;
            } else {
                key_quoted(e, "address", in.address);
                key_quoted(e, "amount", format_amount(in.amount, native));
            }
            e << YAML::EndMap;
        }
        e << YAML::EndSeq << YAML::Key << "outputs" << YAML::Value << YAML::BeginSeq;
        for (const DraftOutput& out : tx.outputs) {
            e << YAML::Flow << YAML::BeginMap;
            key_quoted(e, "address", out.address);
            key_quoted(e, "amount", format_amount(out.amount, native));
            e << YAML::EndMap;
        }
        e << YAML::EndSeq;
    } else {
        key_quoted(e, "from", tx.from);
        key_quoted(e, "to", tx.to);
        key_quoted(e, "amount", format_amount(tx.amount, decimals_of(ledger, tx.asset)));
    }
    if (tx.fee > 0) key_quoted(e, "fee", format_amount(tx.fee, native));
    e << YAML::EndMap;
}

std::string csv_ledger(const Trail& trail, const DraftLedger& ledger,
                       const std::set<std::string>& kept, std::int64_t start) {
    std::string out = "id,chain,asset,time,fee,inputs,outputs\n";
    for (const DraftTransaction& tx : trail.transactions) {
        const int native = decimals_of(ledger, native_of(ledger, tx.chain));
        out += csv_cell(tx.id) + "," + tx.chain + "," + (tx.utxo() ? "" : tx.asset) + "," +
               offset_text(tx.unix_time - start) + "," +
               (tx.fee > 0 ? format_amount(tx.fee, native) : "") + ",";
        if (tx.utxo()) {
            std::string legs;
            for (const DraftInput& in : tx.inputs) {
                if (!legs.empty()) legs += ';';
                legs += kept.count(in.from_tx)
                            ? in.from_tx + ":" + std::to_string(in.vout)
                            : in.address + "=" + format_amount(in.amount, native);
            }
            out += csv_cell(legs) + ",";
            legs.clear();
            for (const DraftOutput& o : tx.outputs)
                legs +=
                    (legs.empty() ? "" : ";") + o.address + "=" + format_amount(o.amount, native);
            out += csv_cell(legs) + "\n";
        } else {
            out += csv_cell(tx.from) + "," +
                   csv_cell(tx.to + "=" + format_amount(tx.amount, decimals_of(ledger, tx.asset))) +
                   "\n";
        }
    }
    return out;
}

}  // namespace

std::string iso_utc(std::int64_t unix_seconds) {
    // Civil date from days since 1970-01-01 (Howard Hinnant's algorithm).
    const std::int64_t days = (unix_seconds >= 0 ? unix_seconds : unix_seconds - 86399) / 86400;
    const std::int64_t secs = unix_seconds - days * 86400;
    const std::int64_t z = days + 719468;
    const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const std::int64_t doe = z - era * 146097;
    const std::int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const std::int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const std::int64_t mp = (5 * doy + 2) / 153;
    const std::int64_t d = doy - (153 * mp + 2) / 5 + 1;
    const std::int64_t m = mp < 10 ? mp + 3 : mp - 9;
    const std::int64_t y = yoe + era * 400 + (m <= 2 ? 1 : 0);
    char buffer[96];
    std::snprintf(buffer, sizeof buffer, "%04lld-%02lld-%02lldT%02lld:%02lld:%02lldZ",
                  static_cast<long long>(y), static_cast<long long>(m), static_cast<long long>(d),
                  static_cast<long long>(secs / 3600), static_cast<long long>(secs / 60 % 60),
                  static_cast<long long>(secs % 60));
    return buffer;
}

CaseFiles write_case(const Trail& source, const DraftLedger& ledger,
                     const CaseWriteOptions& options) {
    Trail trail = source;
    for (DraftTransaction& tx : trail.transactions) tx.unix_time += options.shift_seconds;
    std::int64_t last = trail.transactions.front().unix_time;
    for (const DraftTransaction& tx : trail.transactions) last = std::max(last, tx.unix_time);
    // The briefing comes the hour after the last transaction: the whole trail is history.
    const std::int64_t start = (last / kHour + 2) * kHour;

    std::set<std::string> kept;
    for (const DraftTransaction& tx : trail.transactions) kept.insert(tx.id);
    std::set<std::string> on_path;  // addresses of the path's transactions: involved
    std::set<std::string> path_ids;
    for (const ChainTrail& c : trail.chains) path_ids.insert(c.path.begin(), c.path.end());
    std::vector<std::pair<std::string, std::string>> addresses;  // address, chain; first-seen order
    std::set<std::string> seen;
    auto note = [&](const std::string& a, const std::string& chain, bool path) {
        if (a == "coinbase") return;
        if (path) on_path.insert(a);
        if (seen.insert(a).second) addresses.push_back({a, chain});
    };
    for (const DraftTransaction& tx : trail.transactions) {
        const bool path = path_ids.count(tx.id) > 0;
        for (const DraftInput& in : tx.inputs) note(in.address, tx.chain, path);
        for (const DraftOutput& out : tx.outputs) note(out.address, tx.chain, path);
        if (!tx.utxo()) {
            note(tx.from, tx.chain, path);
            note(tx.to, tx.chain, path);
        }
    }

    std::vector<std::string> chain_names;
    for (const DraftChain& c : ledger.chains)
        if (std::any_of(trail.transactions.begin(), trail.transactions.end(),
                        [&](const DraftTransaction& t) { return t.chain == c.id; }))
            chain_names.push_back(c.name);
    std::string chain_list;
    for (const std::string& n : chain_names) chain_list += (chain_list.empty() ? "" : ", ") + n;
    std::string last_addresses;
    for (const ChainTrail& c : trail.chains)
        last_addresses += (last_addresses.empty() ? "" : ", ") + c.last_address;
    const ChainTrail& first = trail.chains.front();
    const std::size_t count = trail.transactions.size();

    CaseFiles files;
    files.start_unix = start;
    YAML::Emitter e;
    e.SetIndent(2);
    e << YAML::BeginMap;
    e << YAML::Key << "format_version" << YAML::Value << 1;
    e << YAML::Key << "id" << YAML::Value << options.id;
    key_text(e, "title", both(Message("import.case.title").arg("id", options.id)));
    key_text(e, "summary",
             both(Message("import.case.summary").arg("count", count).arg("chains", chain_list)));
    key_text(e, "briefing",
             both(Message("import.case.briefing")
                      .arg("count", count)
                      .arg("chains", chain_list)
                      .arg("seed", first.seed_address)
                      .arg("tx", first.path.front())));
    e << YAML::Key << "difficulty" << YAML::Value << "beginner";
    e << YAML::Key << "estimated_minutes" << YAML::Value << 30;
    e << YAML::Key << "learning_objectives" << YAML::Value << YAML::BeginSeq;
    generate::emit_localized(e, both(Message("import.case.learning_objective")));
    e << YAML::EndSeq;
    e << YAML::Key << "typologies" << YAML::Value << YAML::Flow << YAML::BeginSeq << "imported"
      << YAML::EndSeq;
    e << YAML::Key << "home_jurisdiction" << YAML::Value << options.home_jurisdiction;
    key_quoted(e, "start", iso_utc(start));
    e << YAML::Key << "time_budget_hours" << YAML::Value << 48;

    e << YAML::Key << "chains" << YAML::Value << YAML::BeginSeq;
    for (const DraftChain& c : ledger.chains) {
        e << YAML::Flow << YAML::BeginMap << YAML::Key << "id" << YAML::Value << c.id << YAML::Key
          << "name" << YAML::Value << c.name << YAML::Key << "model" << YAML::Value
          << (c.utxo ? "utxo" : "account") << YAML::Key << "native_asset" << YAML::Value
          << c.native_asset << YAML::EndMap;
    }
    e << YAML::EndSeq << YAML::Key << "assets" << YAML::Value << YAML::BeginSeq;
    for (const DraftAsset& a : ledger.assets)
        e << YAML::Flow << YAML::BeginMap << YAML::Key << "id" << YAML::Value << a.id << YAML::Key
          << "symbol" << YAML::Value << a.symbol << YAML::Key << "chain" << YAML::Value << a.chain
          << YAML::Key << "decimals" << YAML::Value << a.decimals << YAML::EndMap;
    e << YAML::EndSeq;

    const auto openings = opening_balances(trail, ledger);
    if (!openings.empty()) {
        e << YAML::Key << "opening_balances" << YAML::Value << YAML::BeginSeq;
        for (const auto& [address, asset, amount] : openings) {
            e << YAML::Flow << YAML::BeginMap;
            key_quoted(e, "address", address);
            e << YAML::Key << "asset" << YAML::Value << asset;
            key_quoted(e, "amount", format_amount(amount, decimals_of(ledger, asset)));
            e << YAML::EndMap;
        }
        e << YAML::EndSeq;
    }

    // Entities: attribution data names an address's owner (one entity per label); every other
    // address is an unknown entity of its own, for the author to merge and name.
    std::map<std::string, const AttributionTag*> tag_of;
    for (const AttributionTag& t : ledger.tags) tag_of.emplace(t.address, &t);
    e << YAML::Key << "entities" << YAML::Value << YAML::BeginSeq;
    std::map<std::string, std::vector<std::string>> labelled;  // label -> addresses
    std::vector<std::string> label_order;
    for (const auto& [address, chain] : addresses)
        if (auto it = tag_of.find(address); it != tag_of.end()) {
            if (!labelled.count(it->second->label)) label_order.push_back(it->second->label);
            labelled[it->second->label].push_back(address);
        }
    int entity = 0;
    for (const std::string& label : label_order) {
        const AttributionTag& tag = *tag_of[labelled[label].front()];
        const bool involved =
            std::any_of(labelled[label].begin(), labelled[label].end(),
                        [&](const std::string& a) { return on_path.count(a) > 0; });
        e << YAML::BeginMap;
        e << YAML::Key << "id" << YAML::Value << "tagged-" + std::to_string(++entity);
        e << YAML::Key << "kind" << YAML::Value
          << std::string(name_of(kind_for_category(tag.category)));
        key_text(e, "name", {label, label});
        e << YAML::Key << "attribution" << YAML::Value << "lookup";
        e << YAML::Key << "involved" << YAML::Value << involved;
        e << YAML::Key << "addresses" << YAML::Value << YAML::Flow << YAML::BeginSeq;
        for (const std::string& a : labelled[label]) e << YAML::DoubleQuoted << a;
        e << YAML::EndSeq << YAML::EndMap;
    }
    entity = 0;
    for (const auto& [address, chain] : addresses) {
        if (tag_of.count(address)) continue;
        e << YAML::Flow << YAML::BeginMap;
        e << YAML::Key << "id" << YAML::Value << "unknown-" + std::to_string(++entity);
        e << YAML::Key << "kind" << YAML::Value << "unknown";
        key_text(e, "name",
                 both(Message("import.case.unknown_entity").arg("address", short_address(address))),
                 true);
        e << YAML::Key << "attribution" << YAML::Value << "hidden";
        e << YAML::Key << "involved" << YAML::Value << (on_path.count(address) > 0);
        e << YAML::Key << "addresses" << YAML::Value << YAML::Flow << YAML::BeginSeq
          << YAML::DoubleQuoted << address << YAML::EndSeq;
        e << YAML::EndMap;
    }
    e << YAML::EndSeq;

    if (count > options.csv_threshold) {
        files.ledger_file_name = options.id + "-ledger.csv";
        files.ledger_csv = csv_ledger(trail, ledger, kept, start);
        e << YAML::Key << "ledger_file" << YAML::Value << files.ledger_file_name;
    } else {
        e << YAML::Key << "transactions" << YAML::Value << YAML::BeginSeq;
        for (const DraftTransaction& tx : trail.transactions)
            emit_transaction(e, tx, ledger, kept, start);
        e << YAML::EndSeq;
    }

    e << YAML::Key << "start_knowledge" << YAML::Value << YAML::BeginMap;
    e << YAML::Key << "addresses" << YAML::Value << YAML::Flow << YAML::BeginSeq;
    for (const ChainTrail& c : trail.chains)
        if (c.seed_address != "coinbase") e << YAML::DoubleQuoted << c.seed_address;
    e << YAML::EndSeq << YAML::Key << "transactions" << YAML::Value << YAML::Flow << YAML::BeginSeq;
    for (const ChainTrail& c : trail.chains) e << YAML::DoubleQuoted << c.path.front();
    e << YAML::EndSeq << YAML::EndMap;

    int hops = 0;
    for (const ChainTrail& c : trail.chains) hops += c.hops;
    e << YAML::Key << "rubric" << YAML::Value << YAML::BeginMap;
    e << YAML::Key << "objectives" << YAML::Value << YAML::BeginSeq << YAML::BeginMap;
    e << YAML::Key << "id" << YAML::Value << "trace-to-last-hop";
    key_text(e, "title", both(Message("import.case.objective_title")));
    e << YAML::Key << "points" << YAML::Value << 100;
    e << YAML::Key << "conditions" << YAML::Value << YAML::BeginSeq;
    for (const ChainTrail& c : trail.chains)
        e << YAML::Flow << YAML::BeginMap << YAML::Key << "address_discovered" << YAML::Value
          << YAML::DoubleQuoted << c.last_address << YAML::EndMap;
    e << YAML::EndSeq;
    key_text(e, "debrief",
             both(Message("import.case.objective_debrief")
                      .arg("addresses", last_addresses)
                      .arg("count", hops)));
    e << YAML::EndMap << YAML::EndSeq;
    e << YAML::Key << "grades" << YAML::Value << YAML::BeginSeq;
    e << YAML::Flow << YAML::BeginMap << YAML::Key << "min_percent" << YAML::Value << 100
      << YAML::Key << "label" << YAML::Value;
    generate::emit_localized(e, both(Message("import.case.grade_traced")), true);
    e << YAML::EndMap;
    e << YAML::Flow << YAML::BeginMap << YAML::Key << "min_percent" << YAML::Value << 0 << YAML::Key
      << "label" << YAML::Value;
    generate::emit_localized(e, both(Message("import.case.grade_practice")), true);
    e << YAML::EndMap << YAML::EndSeq << YAML::EndMap;

    e << YAML::Key << "expert_solution" << YAML::Value << YAML::BeginSeq;
    for (const ChainTrail& c : trail.chains)
        for (const std::string& id : c.path) {
            e << YAML::Flow << YAML::BeginMap << YAML::Key << "type" << YAML::Value
              << "explore_transaction";
            key_quoted(e, "target", id);
            e << YAML::EndMap;
        }
    e << YAML::BeginMap << YAML::Key << "type" << YAML::Value << "submit" << YAML::Key << "text"
      << YAML::Value << render(Message("import.case.submit").arg("addresses", last_addresses), "en")
      << YAML::EndMap;
    e << YAML::EndSeq;
    key_text(e, "expert_summary",
             both(Message("import.case.expert_summary")
                      .arg("seed", first.seed_address)
                      .arg("addresses", last_addresses)
                      .arg("count", hops)));
    e << YAML::EndMap;
    files.yaml = std::string(e.c_str()) + "\n";
    return files;
}

}  // namespace mt::import
