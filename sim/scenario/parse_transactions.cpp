// Transactions written in the YAML file. UTXO: {id, chain, time, inputs, outputs, fee}; account:
// {id, chain, asset, time, from, to, amount, fee}. They wait in LoadState until build_ledger.
#include <array>

#include "scenario/limits.hpp"
#include "scenario/load_state.hpp"

namespace mt::scenario_detail {
namespace {

constexpr std::array<std::string_view, 7> kUtxoKeys{"id",      "chain", "time", "inputs",
                                                    "outputs", "fee",   "asset"};
constexpr std::array<std::string_view, 8> kAccountKeys{"id",   "chain", "asset",  "time",
                                                       "from", "to",    "amount", "fee"};
constexpr std::array<std::string_view, 10> kAnyTxKeys{
    "id", "chain", "asset", "time", "inputs", "outputs", "from", "to", "amount", "fee"};

// The chain named by a transaction map, read before the map is checked against the keys of
// that chain's model.
std::optional<std::string> peek_chain(const YAML::Node& node) {
    if (!node.IsMap()) return std::nullopt;
    for (const auto& kv : node)
        if (kv.first.IsScalar() && kv.first.Scalar() == "chain" && kv.second.IsScalar())
            return kv.second.Scalar();
    return std::nullopt;
}

TxOrigin origin_of(const YamlReader& yaml, const Slot& slot) {
    const Where w = yaml.where(slot);
    return TxOrigin{static_cast<std::uint32_t>(w.line), static_cast<std::uint16_t>(w.column),
                    false};
}

class YamlTransactionReader {
  public:
    explicit YamlTransactionReader(LoadState& state) : state_(state), yaml_(state.yaml) {}

    void read(const Slot& item, std::uint32_t index) {
        const Ledger& ledger = state_.scenario.ledger;
        std::optional<ChainId> chain;
        if (auto name = peek_chain(item.node)) chain = ledger.find_chain(*name);
        const bool utxo = chain && ledger.chain(*chain).model == ChainModel::Utxo;
        MapReader map(yaml_, item,
                      chain ? (utxo ? What("case_error.what.utxo_transaction")
                                    : What("case_error.what.account_transaction"))
                            : What("case_error.what.transaction"),
                      chain ? (utxo ? std::span<const std::string_view>(kUtxoKeys)
                                    : std::span<const std::string_view>(kAccountKeys))
                            : std::span<const std::string_view>(kAnyTxKeys));
        if (!map.is_map()) return;

        PendingTransactions& pending = state_.pending;
        TxRecord tx;
        const TxOrigin origin = origin_of(yaml_, item);
        tx.first_input = static_cast<std::uint32_t>(pending.inputs.size());
        tx.first_output = static_cast<std::uint32_t>(pending.outputs.size());
        bool ok = true;
        std::optional<std::string> id;
        if (auto v = map.need("id")) id = yaml_.id(*v, "case_error.what.transaction_id");
        if (auto v = map.need("chain")) {
            auto resolved = resolve_chain(state_, *v);
            ok = ok && resolved.has_value();
        } else {
            ok = false;
        }
        if (auto v = map.need("time")) {
            auto t = yaml_.time(*v, state_.start_unix);
            if (t) tx.time = *t;
            ok = ok && t.has_value();
        } else {
            ok = false;
        }
        if (chain) {
            tx.chain = *chain;
            const Chain& c = ledger.chain(*chain);
            const Asset& native = ledger.asset(c.native_asset);
            if (auto v = map.get("fee")) {
                auto fee = yaml_.amount(*v, native.decimals, native.symbol);
                if (fee) tx.fee = *fee;
                ok = ok && fee.has_value();
            }
            ok = (utxo ? read_utxo_legs(map, tx) : read_transfer(map, tx, origin)) && ok;
        }
        tx.input_count = static_cast<std::uint32_t>(pending.inputs.size()) - tx.first_input;
        tx.output_count = static_cast<std::uint32_t>(pending.outputs.size()) - tx.first_output;
        if (!id) return;
        state_.add_pending(
            *id, tx, origin, ok && chain.has_value(), [&] { return yaml_.where(*map.get("id")); },
            index);
    }

  private:
    bool read_utxo_legs(MapReader& map, TxRecord& tx) {
        const Ledger& ledger = state_.scenario.ledger;
        const Asset& asset = ledger.asset(ledger.chain(tx.chain).native_asset);
        tx.asset = ledger.chain(tx.chain).native_asset;
        bool ok = true;
        if (auto v = map.get("asset")) {
            auto named = resolve_asset(state_, *v);
            if (named && *named != tx.asset) {
                yaml_.error(*v, Message("case_error.transactions.utxo_asset")
                                    .arg("chain", ledger.chain(tx.chain).id)
                                    .arg("native", asset.id)
                                    .arg("found", ledger.asset(*named).id));
                ok = false;
            }
        }
        std::vector<Slot> inputs, outputs;
        ok = read_leg_list(map, "inputs", "case_error.what.inputs",
                           "case_error.transactions.no_inputs",
                           "case_error.transactions.too_many_inputs", inputs) &&
             ok;
        for (std::size_t i = 0; i < inputs.size(); ++i)
            ok = read_utxo_input(inputs[i], tx.chain, asset, static_cast<std::uint32_t>(i)) && ok;
        ok = read_leg_list(map, "outputs", "case_error.what.outputs",
                           "case_error.transactions.no_outputs",
                           "case_error.transactions.too_many_outputs", outputs) &&
             ok;
        for (const Slot& output : outputs) ok = read_output(output, tx.chain, asset) && ok;
        return ok;
    }

    // The items of the list `key` (inputs or outputs), at most the leg bound of them, into
    // `items`; false after reporting it missing, not a list, empty (`none`) or longer than the
    // bound (`too_many`), whose first items are still read for their own problems.
    bool read_leg_list(MapReader& map, std::string_view key, What what, const char* none,
                       const char* too_many, std::vector<Slot>& items) {
        const auto slot = map.need(key);
        if (!slot) return false;
        auto list = yaml_.list(*slot, what);
        if (!list) return false;
        const std::size_t count = list->size();
        if (count > scenario_limits::kMaxLegs) list->resize(scenario_limits::kMaxLegs);
        items = std::move(*list);
        if (count == 0) {
            yaml_.error(*slot, Message(none));
            return false;
        }
        if (count > scenario_limits::kMaxLegs) {
            yaml_.error(*slot, Message(too_many).arg("count", scenario_limits::kMaxLegs));
            return false;
        }
        return true;
    }

    bool read_utxo_input(const Slot& item, ChainId chain, const Asset& asset, std::uint32_t index) {
        MapReader map(yaml_, item, "case_error.what.input",
                      {"from_tx", "vout", "address", "amount"});
        if (!map.is_map()) return false;
        TxInput in;
        if (map.has("from_tx")) {
            for (std::string_view extra : {"address", "amount"})
                if (auto v = map.get(extra))
                    yaml_.error(*v, Message("case_error.transactions.spend_with_address"));
            auto prev = yaml_.id(*map.get("from_tx"), "case_error.what.transaction_id");
            std::optional<std::int64_t> vout;
            if (auto v = map.need("vout"))
                vout = yaml_.integer(*v, 0, scenario_limits::kMaxLegs - 1,
                                     "case_error.what.output_index");
            if (!prev || !vout || map.has("address") || map.has("amount")) return false;
            in.prev = state_.pending.spend(*prev, static_cast<std::uint32_t>(*vout));
        } else {
            if (auto v = map.get("vout"))
                yaml_.error(*v, Message("case_error.transactions.vout_without_from_tx"));
            auto leg = read_address_amount(map, chain, asset);
            if (!leg || map.has("vout")) return false;
            in.address = leg->address;
            in.amount = leg->amount;
        }
        add_input(in, yaml_.where(item), index);
        return true;
    }

    void add_input(const TxInput& in, const Where& where, std::uint32_t index) {
        state_.pending.inputs.push_back(in);
        state_.pending.yaml_input_origins.push_back({where.line, where.column, index});
    }

    bool read_output(const Slot& item, ChainId chain, const Asset& asset) {
        MapReader map(yaml_, item, "case_error.what.output", {"address", "amount"});
        if (!map.is_map()) return false;
        auto leg = read_address_amount(map, chain, asset);
        if (!leg) return false;
        state_.pending.outputs.push_back(*leg);
        return true;
    }

    // The {address, amount} of an output, or of an input from outside the case: both read (each
    // problem reported), the amount above zero and the address interned on `chain`.
    std::optional<TxOutput> read_address_amount(MapReader& map, ChainId chain, const Asset& asset) {
        auto address_slot = map.need("address");
        auto amount_slot = map.need("amount");
        std::optional<std::string> address;
        Units amount = 0;
        if (address_slot) address = yaml_.address(*address_slot);
        if (amount_slot) amount = read_leg_amount(*amount_slot, asset);
        if (!address || amount == 0) return std::nullopt;
        auto id = state_.intern(*address, chain, [&] { return yaml_.where(*address_slot); });
        if (!id) return std::nullopt;
        return TxOutput{*id, amount};
    }

    // The asset of an account transfer: declared, and on the transfer's chain.
    std::optional<AssetId> read_transfer_asset(MapReader& map, ChainId chain) {
        const Ledger& ledger = state_.scenario.ledger;
        auto v = map.need("asset");
        if (!v) return std::nullopt;
        auto asset = resolve_asset(state_, *v);
        if (!asset || ledger.asset(*asset).chain == chain) return asset;
        yaml_.error(*v, Message("case_error.transactions.asset_on_other_chain")
                            .arg("asset", ledger.asset(*asset).id)
                            .arg("asset_chain", ledger.chain(ledger.asset(*asset).chain).id)
                            .arg("chain", ledger.chain(chain).id));
        return std::nullopt;
    }

    bool read_transfer(MapReader& map, TxRecord& tx, const TxOrigin& origin) {
        const std::optional<AssetId> asset = read_transfer_asset(map, tx.chain);
        auto read_party = [&](std::string_view key) -> std::optional<AddressId> {
            auto v = map.need(key);
            if (!v) return std::nullopt;
            auto text = yaml_.address(*v);
            if (!text) return std::nullopt;
            return state_.intern(*text, tx.chain, [&] { return yaml_.where(*v); });
        };
        const std::optional<AddressId> from = read_party("from");
        const std::optional<AddressId> to = read_party("to");
        Units amount = 0;
        if (auto v = map.need("amount"); v && asset)
            amount = read_leg_amount(*v, state_.scenario.ledger.asset(*asset));
        if (!asset || !from || !to || amount == 0) return false;
        tx.asset = *asset;
        add_input(
            TxInput{*from, amount, {}},
            Where{yaml_.file(), static_cast<int>(origin.line), static_cast<int>(origin.column), ""},
            0);
        state_.pending.outputs.push_back({*to, amount});
        return true;
    }

    // The amount a leg moves, above zero; 0 after reporting why it is not one. (Not an optional:
    // GCC's flow analysis took the optional's value for possibly unset where it was checked.)
    Units read_leg_amount(const Slot& slot, const Asset& asset) {
        const std::optional<Units> amount = yaml_.amount(slot, asset.decimals, asset.symbol);
        if (!amount) return 0;
        if (*amount <= 0) {
            yaml_.error(slot, Message("case_error.transactions.amount_not_positive"));
            return 0;
        }
        return *amount;
    }

    LoadState& state_;
    YamlReader& yaml_;
};

}  // namespace

void read_yaml_transactions(LoadState& state, MapReader& root) {
    auto s = root.get("transactions");
    if (!s) {
        if (!root.has("ledger_file"))
            state.yaml.error(root.self(), Message("case_error.transactions.none"));
        return;
    }
    auto items = state.yaml.list(*s, "case_error.what.transactions");
    if (!items) return;
    YamlTransactionReader reader(state);
    for (std::size_t i = 0; i < items->size(); ++i)
        reader.read((*items)[i], static_cast<std::uint32_t>(i));
}

}  // namespace mt::scenario_detail
