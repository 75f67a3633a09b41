#pragma once
// What the section parsers of one load share: the scenario being built, the transactions waiting
// to be checked and added to its ledger, and the ids declared so far.
#include <array>
#include <cstdint>
#include <deque>
#include <filesystem>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "model/world.hpp"
#include "scenario/diagnostics.hpp"
#include "scenario/yaml_reader.hpp"

namespace mt::scenario_detail {

// Where a transaction or one of its legs was written: a YAML list item or a CSV row.
struct Origin {
    bool csv = false;
    int line = 0;
    int column = 0;
    std::uint32_t item = 0;  // index in the YAML `transactions` list (unused for CSV)
};

struct PendingInput {
    std::string_view prev_tx;  // empty: funds from outside the case, address and amount given
    std::uint32_t vout = 0;
    AddressId address = 0;
    Units amount = 0;
    Origin origin;
    std::uint32_t index = 0;  // position among the transaction's inputs
};

struct PendingOutput {
    AddressId address = 0;
    Units amount = 0;
};

struct PendingTx {
    std::string_view id;
    ChainId chain = 0;
    AssetId asset = 0;
    SimSeconds time = 0;
    Units fee = 0;
    std::uint32_t first_input = 0;
    std::uint32_t input_count = 0;
    std::uint32_t first_output = 0;
    std::uint32_t output_count = 0;
    bool valid = false;  // every field read; invalid ones are skipped by the ledger checks
    Origin origin;
};

struct OpeningBalance {
    AddressId address = 0;
    AssetId asset = 0;
    Units amount = 0;
};

struct LoadState {
    LoadState(YamlReader& yaml_reader, Scenario& built, std::filesystem::path dir)
        : yaml(yaml_reader), scenario(built), base_dir(std::move(dir)) {}

    YamlReader& yaml;
    Scenario& scenario;
    std::filesystem::path base_dir;
    std::optional<std::int64_t> start_unix;  // empty when `start` was missing or wrong

    // Transactions in the order they were written (YAML list first, then the CSV rows).
    std::vector<PendingTx> txs;
    std::vector<PendingInput> inputs;
    std::vector<PendingOutput> outputs;
    std::unordered_map<std::string_view, std::uint32_t> tx_by_id;  // into txs
    std::deque<std::string> owned_text;  // backs the string_views of YAML-defined transactions
    std::string csv_text;                // backs those of CSV rows
    std::string csv_name;                // the side file as named in diagnostics
    std::vector<OpeningBalance> opening;

    // Chains and assets that were declared but are broken (already reported): references to them
    // make the referrer invalid without a second "unknown" error.
    std::set<std::string, std::less<>> broken_chains;
    std::set<std::string, std::less<>> broken_assets;
    std::vector<std::pair<AssetId, Slot>> issuer_refs;  // checked once the entities are read

    std::set<std::string, std::less<>> record_ids;
    std::set<std::string, std::less<>> event_ids;
    std::set<std::string, std::less<>> objective_ids;

    Where csv_where(const Origin& origin, std::string column) const {
        return Where{csv_name, origin.line, origin.column, std::move(column)};
    }
    // Where a transaction (or one of its inputs, index >= 0) was written.
    Where tx_where(const PendingTx& tx, int input = -1) const;
    std::string_view keep(std::string text) { return owned_text.emplace_back(std::move(text)); }

    // Interns `text` on `chain`, reporting an address already used on another chain at the place
    // `where()` names (built only when needed, since CSV rows intern millions of addresses).
    template <typename MakeWhere>
    std::optional<AddressId> intern(std::string_view text, ChainId chain, MakeWhere&& where) {
        // One hash lookup: interning returns the existing id, whose chain may differ.
        const AddressId id = scenario.ledger.intern_address(text, chain);
        if (scenario.ledger.address_chain(id) == chain) return id;
        report_chain_conflict(text, id, chain, where());
        return std::nullopt;
    }
    void report_chain_conflict(std::string_view text, AddressId existing, ChainId chain,
                               const Where& where);
    // Registers a transaction id, reporting a repeated one. False when it was a repeat.
    bool register_tx(std::string_view id, std::uint32_t index, const Where& where);
    // The id of an address that appears somewhere in the case, reporting it when unknown.
    std::optional<AddressId> known_address(const Slot& slot);
    bool is_known_tx(std::string_view id) const { return tx_by_id.count(id) > 0; }
};

std::optional<std::string> read_country(YamlReader& yaml, const Slot& slot);
// A chain or asset reference: its id, or nullopt after reporting an unknown one (silently for a
// broken declaration).
std::optional<ChainId> resolve_chain(LoadState& state, const Slot& slot);
std::optional<AssetId> resolve_asset(LoadState& state, const Slot& slot);

// Section parsers, in the order the loader calls them (later ones refer back to earlier ones).
void read_header(LoadState& state, MapReader& root);
void read_chains_and_assets(LoadState& state, MapReader& root);
void read_yaml_transactions(LoadState& state, MapReader& root);
void read_ledger_file(LoadState& state, MapReader& root);
void read_entities(LoadState& state, MapReader& root);
void read_opening_balances(LoadState& state, MapReader& root);
// Sorts the transactions by time, resolves the outputs they spend, checks balances and double
// spends, adds them to the ledger and finalizes it.
void build_ledger(LoadState& state);
void read_services(LoadState& state, MapReader& root);
void read_holdings(LoadState& state, MapReader& root);
void read_events(LoadState& state, MapReader& root);
void read_checkpoints(LoadState& state, MapReader& root);
void read_start_knowledge(LoadState& state, MapReader& root);
void read_hints(LoadState& state, MapReader& root);
void read_rubric(LoadState& state, MapReader& root);
void read_tool_costs(LoadState& state, MapReader& root);
void read_expert_solution(LoadState& state, MapReader& root);

// The keys a case file may have at the top level.
inline constexpr std::array<std::string_view, 29> kTopLevelKeys{"format_version",
                                                                "id",
                                                                "title",
                                                                "summary",
                                                                "briefing",
                                                                "difficulty",
                                                                "estimated_minutes",
                                                                "learning_objectives",
                                                                "typologies",
                                                                "home_jurisdiction",
                                                                "start",
                                                                "time_budget_hours",
                                                                "emergency_justified",
                                                                "chains",
                                                                "assets",
                                                                "entities",
                                                                "opening_balances",
                                                                "transactions",
                                                                "ledger_file",
                                                                "services",
                                                                "holdings",
                                                                "events",
                                                                "checkpoints",
                                                                "hints",
                                                                "start_knowledge",
                                                                "rubric",
                                                                "tool_costs",
                                                                "expert_solution",
                                                                "expert_summary"};

}  // namespace mt::scenario_detail
