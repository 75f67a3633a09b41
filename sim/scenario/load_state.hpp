#pragma once
// What the section parsers of one load share: the scenario being built, the transactions waiting
// to be checked and added to its ledger, and the ids declared so far.
#include <array>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <set>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "model/world.hpp"
#include "scenario/diagnostics.hpp"
#include "scenario/yaml_reader.hpp"

namespace mt::scenario_detail {

// Where a pending transaction was written: a CSV row (its line, and the column its inputs start
// at) or an item of the YAML `transactions` list (its line and column; its index is kept in
// PendingTransactions::yaml_items). Eight bytes: there is one per row of a big ledger file.
struct TxOrigin {
    std::uint32_t line = 0;
    std::uint16_t column = 0;
    bool csv = false;
};

// Where a YAML input was written (CSV inputs are placed by their row).
struct YamlInputOrigin {
    int line = 0;
    int column = 0;
    std::uint32_t index = 0;  // position among its transaction's inputs
};

// Marks an input whose spent transaction is named by id and resolved by build_ledger (its id
// had not been read yet when the input was).
inline constexpr TxIndex kSpendByName = kNoTx - 1;

struct NamedSpend {
    std::uint32_t input = 0;  // position in PendingTransactions::inputs
    std::string tx_id;
};

// Transactions as they are read, before build_ledger checks them and hands them to the ledger.
// They are kept in the ledger's own compact form, so the legs are written once: records name
// their id by entry in `tx_ids` (entry == position in `txs`), and inputs that spend an earlier
// output hold the spent transaction's position in `txs` (or kSpendByName) until build_ledger
// turns it into a ledger index and fills in the spent output's address and amount.
struct PendingTransactions {
    LargeVector<TxRecord> txs;
    TextTable tx_ids{Ledger::kTextPacking};  // handed to the ledger as they are
    LargeVector<TxInput> inputs;
    LargeVector<TxOutput> outputs;
    LargeVector<TxOrigin> origins;          // by position in txs
    std::vector<std::uint32_t> yaml_items;  // list index, by position (YAML txs come first)
    std::vector<bool> valid;                // every field read; invalid ones are skipped
    std::vector<NamedSpend> named_spends;   // in input order
    std::vector<YamlInputOrigin> yaml_input_origins;  // by input position: YAML inputs come first
    bool handed_to_ledger = false;  // build_ledger moved txs, tx_ids and legs into the ledger

    std::size_t size() const { return txs.size(); }
    TextTable::Text id(std::uint32_t pending) const { return tx_ids.at(pending); }
    // The output `vout` of the transaction with this id, for the input about to be added: by
    // position when the id was read already, else by name (resolved by build_ledger).
    OutPoint spend(std::string_view tx_id, std::uint32_t vout);
    OutPoint spend(std::string_view tx_id, const TextTable::Key& key, std::uint32_t vout);
    // The id text of the transaction a named input spends.
    std::string_view spend_name(std::uint32_t input) const;
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
    PendingTransactions pending;
    std::string csv_name;  // the side file as named in diagnostics
    // Called with every block of the ledger file as it is read (the ledger cache hashes them).
    std::function<void(std::string_view)> ledger_bytes_read;
    // The ledger file could not be read: references into the ledger are not reported one by one
    // (they would bury the one error that matters), only counted.
    bool ledger_file_rejected = false;
    std::size_t unchecked_ledger_references = 0;
    std::vector<OpeningBalance> opening;

    // Chains and assets that were declared but are broken (already reported): references to them
    // make the referrer invalid without a second "unknown" error.
    std::set<std::string, std::less<>> broken_chains;
    std::set<std::string, std::less<>> broken_assets;
    std::vector<std::pair<AssetId, Slot>> issuer_refs;  // checked once the entities are read

    std::set<std::string, std::less<>> record_ids;
    std::set<std::string, std::less<>> event_ids;
    std::set<std::string, std::less<>> objective_ids;

    // Where each holding (scenario.holdings, same order) and its `amount` were written, for the
    // custody checks against the ledger once the events are read.
    struct HoldingSlots {
        Slot item;
        std::optional<Slot> amount;
        bool complete = false;  // custodian, subject and asset all resolved
    };
    std::vector<HoldingSlots> holding_slots;
    bool ledger_complete = true;             // false when a transaction was dropped for a problem
    std::map<std::string, Slot> move_slots;  // holding id -> the move_funds event that moves it
    // Record ids that services' terms require before an instrument, checked once all records
    // are read.
    std::vector<std::pair<std::string, Slot>> required_record_refs;

    Where csv_where(int line, int column, std::string column_name) const {
        return Where{csv_name, line, column, std::move(column_name)};
    }
    // Where a pending transaction (or its input number `input`, when >= 0) was written.
    Where tx_where(std::uint32_t tx, int input = -1) const;

    // Interns `text` on `chain`, reporting an address already used on another chain at the place
    // `where()` names (built only when needed, since CSV rows intern millions of addresses).
    template <typename MakeWhere>
    std::optional<AddressId> intern(std::string_view text, ChainId chain, MakeWhere&& where) {
        std::array<char, TextTable::kMaxPackedBytes> scratch;
        return intern(text, TextTable::key(text, Ledger::kTextPacking, scratch.data()), chain,
                      where);
    }
    // The same with the text's key made already (the CSV reader makes them on another thread).
    template <typename MakeWhere>
    std::optional<AddressId> intern(std::string_view text, const TextTable::Key& key, ChainId chain,
                                    MakeWhere&& where) {
        // One hash lookup: interning returns the existing id, whose chain may differ.
        const AddressId id = scenario.ledger.intern_address(key, chain);
        if (scenario.ledger.address_chain(id) == chain) return id;
        report_chain_conflict(text, id, chain, where());
        return std::nullopt;
    }
    void report_chain_conflict(std::string_view text, AddressId existing, ChainId chain,
                               const Where& where);
    // Adds a read transaction under its id, reporting a repeated id (and dropping that
    // transaction) at the place `where()` names. False when the id was a repeat.
    template <typename MakeWhere>
    bool add_pending(std::string_view id, TxRecord record, TxOrigin origin, bool valid,
                     MakeWhere&& where, std::uint32_t yaml_item = 0) {
        std::array<char, TextTable::kMaxPackedBytes> scratch;
        return add_pending(id, TextTable::key(id, Ledger::kTextPacking, scratch.data()), record,
                           origin, valid, where, yaml_item);
    }
    template <typename MakeWhere>
    bool add_pending(std::string_view id, const TextTable::Key& key, TxRecord record,
                     TxOrigin origin, bool valid, MakeWhere&& where, std::uint32_t yaml_item = 0) {
        const auto [entry, added] = pending.tx_ids.intern(key);
        if (!added) {
            report_repeated_tx(id, entry, where());
            return false;
        }
        record.id_entry = entry;
        pending.txs.push_back(record);
        pending.origins.push_back(origin);
        if (!origin.csv) pending.yaml_items.push_back(yaml_item);
        pending.valid.push_back(valid);
        return true;
    }
    void report_repeated_tx(std::string_view id, std::uint32_t first, const Where& where);
    // The id of an address that appears somewhere in the case, reporting it when unknown.
    std::optional<AddressId> known_address(const Slot& slot);
    // A transaction id read from the case (in the ledger once build_ledger has handed it over).
    bool is_known_tx(std::string_view id) const;
    // Reports that `slot` names an address or transaction the ledger lacks; only counts it when
    // the ledger file was rejected (the ledger is incomplete, so the reference may be right).
    void missing_from_ledger(const Slot& slot, Message message);
};

// The items of the optional top-level list `key`: nullopt when the case leaves it out or its value
// is not a list (reported).
std::optional<std::vector<Slot>> section_items(LoadState& state, const MapReader& root,
                                               std::string_view key, What what);
// A chain or asset reference: its id, or nullopt after reporting an unknown one (silently for a
// broken declaration).
std::optional<ChainId> resolve_chain(LoadState& state, const Slot& slot);
std::optional<AssetId> resolve_asset(LoadState& state, const Slot& slot);

// Section parsers, in the order the loader calls them (later ones refer back to earlier ones).
void read_header(LoadState& state, MapReader& root);
// `jurisdiction`: the home pack (assets/jurisdictions) and the case's timing overrides.
void read_jurisdiction(LoadState& state, MapReader& root);
// An instrument key of a case (`honours`, rubric conditions): a kind ("subpoena") or an
// instrument id of the case's pack ("mx-aseguramiento", read as its kind). Reports anything else.
std::optional<Instrument> read_instrument_key(LoadState& state, const Slot& slot);
void read_chains_and_assets(LoadState& state, MapReader& root);
void read_yaml_transactions(LoadState& state, MapReader& root);
void read_ledger_file(LoadState& state, MapReader& root);
// Where the side file `name` of a case in `base_dir` is; nullopt when the name leaves the case's
// folder (absolute, with "..", or through a symbolic link that points out of it).
std::optional<std::filesystem::path> side_file_path(const std::filesystem::path& base_dir,
                                                    const std::string& name);
void read_entities(LoadState& state, MapReader& root);
void read_opening_balances(LoadState& state, MapReader& root);
// `prices`: USD quotes per asset, for the values the graph shows.
void read_prices(LoadState& state, MapReader& root);
// Sorts the transactions by time, resolves the outputs they spend, checks balances and double
// spends, adds them to the ledger and finalizes it.
void build_ledger(LoadState& state);
void read_services(LoadState& state, MapReader& root);
void read_holdings(LoadState& state, MapReader& root);
void read_events(LoadState& state, MapReader& root);
// Every holding against the ledger: the declared amount is in custody when it is at stake, the
// adversary's move spends it; an omitted amount is read from the ledger.
void check_custody(LoadState& state);
void read_checkpoints(LoadState& state, MapReader& root);
void read_start_knowledge(LoadState& state, MapReader& root);
void read_hints(LoadState& state, MapReader& root);
void read_rubric(LoadState& state, MapReader& root);
void read_tool_costs(LoadState& state, MapReader& root);
void read_expert_solution(LoadState& state, MapReader& root);

// The keys a case file may have at the top level. The first kHeaderKeyCount are the ones
// read_header() reads, all the case picker reads of a file (scenario/catalog.cpp).
inline constexpr std::array<std::string_view, 31> kTopLevelKeys{"format_version",
                                                                "id",
                                                                "title",
                                                                "summary",
                                                                "briefing",
                                                                "difficulty",
                                                                "estimated_minutes",
                                                                "learning_objectives",
                                                                "typologies",
                                                                "home_jurisdiction",
                                                                "jurisdiction",
                                                                "start",
                                                                "time_budget_hours",
                                                                "emergency_justified",
                                                                "expert_summary",
                                                                "chains",
                                                                "assets",
                                                                "entities",
                                                                "opening_balances",
                                                                "prices",
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
                                                                "expert_solution"};
inline constexpr std::size_t kHeaderKeyCount = 15;
inline constexpr std::span<const std::string_view, kHeaderKeyCount> kHeaderKeys =
    std::span(kTopLevelKeys).first<kHeaderKeyCount>();

}  // namespace mt::scenario_detail
