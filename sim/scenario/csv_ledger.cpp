// The ledger side file: one transaction per CSV row, for ledgers too big for yaml-cpp.
//
//   id,chain,asset,time,fee,inputs,outputs
//   tx-1,bitcoin,,-2h,0.0001,ext-addr=1.5,bc1qa=1.0;bc1qb=0.4999
//   tx-2,bitcoin,,-1h,0.00005,tx-1:0,bc1qc=0.99995
//   tx-3,tron,usdt-tron,+3h,1.1,TSender,TReceiver=500
//
// UTXO inputs are `txid:vout` (an earlier output) or `address=amount` (funds from outside the
// case), separated by ';'. Account rows name the sender alone under inputs and one
// `address=amount` under outputs. An empty asset is the chain's native asset, an empty fee zero.
#include <algorithm>
#include <array>
#include <charconv>
#include <deque>
#include <new>
#include <stdexcept>

#include "model/narrow.hpp"
#include "scenario/csv_block_reader.hpp"
#include "scenario/limits.hpp"
#include "scenario/load_state.hpp"
#include "scenario/source_text.hpp"

namespace mt::scenario_detail {
namespace {

constexpr std::string_view kHeader = kCsvHeader;
constexpr std::size_t kColumns = 7;
constexpr std::array<std::string_view, kColumns> kColumnNames{"id",  "chain",  "asset",  "time",
                                                              "fee", "inputs", "outputs"};

struct Field {
    std::string_view text;
    std::size_t offset = 0;  // byte offset of the field in its line
};

// Splits one line into fields; a field may be double-quoted with "" for a quote inside. The
// unquoted text of a quoted field is kept in `scratch`.
bool split_fields(std::string_view line, std::vector<Field>& fields,
                  std::deque<std::string>& scratch, Message& error) {
    scratch.clear();
    fields.clear();
    std::size_t i = 0;
    while (true) {
        Field f;
        f.offset = i;
        if (i < line.size() && line[i] == '"') {
            std::string text;
            ++i;
            while (true) {
                if (i >= line.size()) {
                    error = Message("case_error.ledger.quote_not_closed");
                    return false;
                }
                if (line[i] == '"') {
                    if (i + 1 < line.size() && line[i + 1] == '"') {
                        text += '"';
                        i += 2;
                        continue;
                    }
                    ++i;
                    break;
                }
                text += line[i++];
            }
            if (i < line.size() && line[i] != ',') {
                error = Message("case_error.ledger.text_after_quote");
                return false;
            }
            f.text = scratch.emplace_back(std::move(text));
        } else {
            const std::size_t end = std::min(line.find(',', i), line.size());
            f.text = line.substr(i, end - i);
            i = end;
        }
        fields.push_back(f);
        if (i >= line.size()) return true;
        ++i;                                  // the comma
        if (fields.size() > 64) return true;  // already far too many; the count check reports it
    }
}

class CsvLedgerReader {
  public:
    explicit CsvLedgerReader(LoadState& state) : state_(state), out_(state.yaml.diagnostics()) {}

    // Adds the rows of one block: parsed ones as they are, the others through the row checks.
    // False once reading should stop (a bad header, a text problem or too many errors).
    bool read(const CsvBlock& block) {
        if (block.problem) {
            report_text_problem(block, *block.problem);
            return false;
        }
        for (std::size_t r = 0; r < block.rows.size(); ++r) {
            if (out_.count() >= scenario_limits::kMaxDiagnostics) return false;
            prefetch_ahead(block, r);
            const CsvRow& row = block.rows[r];
            line_number_ = row.line;
            line_ = row.text;
            switch (row.kind) {
                case CsvRow::Kind::Header:
                    header_seen_ = true;
                    if (line_ != kHeader) {
                        error(0, "",
                              Message("case_error.ledger.header_first").arg("header", kHeader));
                        return false;
                    }
                    break;
                case CsvRow::Kind::Parsed:
                    add_parsed(block, row);
                    break;
                case CsvRow::Kind::Unparsed:
                    read_row();
                    break;
            }
        }
        // The row checks stop before any line once there are too many problems, blank ones too.
        return !block.ends_with_skipped_line || out_.count() < scenario_limits::kMaxDiagnostics;
    }

    // After the last block; false when the file held no header.
    bool finish() {
        if (header_seen_) return true;
        out_.error(Where{state_.csv_name, 0, 0, ""},
                   Message("case_error.ledger.empty").arg("header", kHeader));
        return false;
    }

  private:
    void report_text_problem(const CsvBlock& block, const TextProblem& problem) {
        const TextPosition p = LineIndex(block.text).at_offset(problem.offset);
        out_.error(Where{state_.csv_name, block.lines_before + p.line, p.column, ""},
                   problem.message);
    }

    // The column (in characters) of byte `offset` of the current line.
    int column_at(std::size_t offset) const {
        int col = 1;
        for (std::size_t i = 0; i < offset && i < line_.size(); ++i)
            if ((static_cast<unsigned char>(line_[i]) & 0xC0) != 0x80) ++col;
        return col;
    }

    void error(std::size_t offset, std::string column, Message message) {
        out_.error(Where{state_.csv_name, line_number_, column_at(offset), std::move(column)},
                   std::move(message));
    }
    void field_error(std::size_t index, Message message) {
        error(fields_[index].offset, std::string(kColumnNames[index]), std::move(message));
    }

    void read_row() {
        Message split_error;
        // Quoted fields are unescaped into per-row text; ids and addresses are copied from it.
        if (!split_fields(line_, fields_, quoted_text_, split_error)) {
            error(0, "", split_error);
            return;
        }
        if (fields_.size() != kColumns) {
            error(0, "",
                  Message("case_error.ledger.column_count")
                      .arg("columns", kColumns)
                      .arg("header", kHeader)
                      .arg("found", fields_.size()));
            return;
        }
        const Ledger& ledger = state_.scenario.ledger;
        PendingTransactions& pending = state_.pending;
        prefetch_lookups();
        TxRecord tx;
        tx.first_input = static_cast<std::uint32_t>(pending.inputs.size());
        tx.first_output = static_cast<std::uint32_t>(pending.outputs.size());
        bool ok = true;

        const std::string_view id = fields_[0].text;
        if (!is_csv_id(id)) {
            field_error(0, Message("case_error.ledger.bad_id"));
            return;
        }
        std::optional<ChainId> chain;
        if (fields_[1].text == last_chain_name_ && last_chain_) {
            chain = last_chain_;
        } else {
            chain = ledger.find_chain(fields_[1].text);
            if (chain) {
                last_chain_name_ = std::string(fields_[1].text);
                last_chain_ = chain;
            } else if (state_.broken_chains.count(fields_[1].text) == 0) {
                field_error(1, Message("case_error.ledger.unknown_chain")
                                   .arg("chain", excerpt(fields_[1].text, 60)));
            }
        }
        if (!chain) ok = false;
        if (ok) {
            tx.chain = *chain;
            const Chain& c = ledger.chain(*chain);
            tx.asset = c.native_asset;
            if (!fields_[2].text.empty()) {
                auto asset = ledger.find_asset(fields_[2].text);
                if (!asset) {
                    if (state_.broken_assets.count(fields_[2].text) == 0)
                        field_error(2, Message("case_error.ledger.unknown_asset")
                                           .arg("asset", excerpt(fields_[2].text, 60)));
                    ok = false;
                } else if (ledger.asset(*asset).chain != *chain) {
                    field_error(2, Message("case_error.ledger.asset_on_other_chain")
                                       .arg("asset", excerpt(fields_[2].text, 60))
                                       .arg("chain", c.id));
                    ok = false;
                } else if (c.model == ChainModel::Utxo && *asset != c.native_asset) {
                    field_error(2,
                                Message("case_error.ledger.utxo_native_only").arg("chain", c.id));
                    ok = false;
                } else {
                    tx.asset = *asset;
                }
            }
        }
        if (auto t = read_time(fields_[3].text))
            tx.time = *t;
        else
            ok = false;
        if (ok) {
            const Asset& native = ledger.asset(ledger.chain(tx.chain).native_asset);
            if (!fields_[4].text.empty()) {
                auto fee = parse_amount(fields_[4].text, native.decimals);
                if (fee)
                    tx.fee = *fee;
                else {
                    field_error(4, Message("case_error.ledger.bad_fee")
                                       .arg("symbol", native.symbol)
                                       .arg("count", native.decimals));
                    ok = false;
                }
            }
            const bool utxo = ledger.chain(tx.chain).model == ChainModel::Utxo;
            ok = (utxo ? read_utxo_legs(tx) : read_transfer(tx)) && ok;
        }
        tx.input_count = static_cast<std::uint32_t>(pending.inputs.size()) - tx.first_input;
        tx.output_count = static_cast<std::uint32_t>(pending.outputs.size()) - tx.first_output;
        // A valid row is ASCII up to its inputs (ids, chain and asset ids, times and fees allow
        // nothing else), so its column is the byte offset; only rows in error count characters.
        const int inputs_column = ok ? static_cast<int>(fields_[5].offset) + 1 : column_of(5);
        const TxOrigin origin{static_cast<std::uint32_t>(line_number_),
                              static_cast<std::uint16_t>(std::min(inputs_column, 0xFFFF)), true};
        state_.add_pending(id, tx, origin, ok,
                           [&] { return state_.csv_where(line_number_, 1, "id"); });
    }

    // Big ledgers spend their load waiting for the id and address indexes: ask for every slot
    // this row will look at before looking at any.
    void prefetch_lookups() const {
        const PendingTransactions& pending = state_.pending;
        const Ledger& ledger = state_.scenario.ledger;
        pending.tx_ids.prefetch(fields_[0].text);
        for (const std::size_t column : {std::size_t{5}, std::size_t{6}}) {
            std::string_view rest = fields_[column].text;
            while (!rest.empty()) {
                const std::size_t end = std::min(rest.find(';'), rest.size());
                const std::string_view item = rest.substr(0, end);
                if (const auto eq = item.rfind('='); eq != std::string_view::npos)
                    ledger.prefetch_address(item.substr(0, eq));
                else if (const auto colon = item.rfind(':'); colon != std::string_view::npos)
                    pending.tx_ids.prefetch(item.substr(0, colon));
                else
                    ledger.prefetch_address(item);
                rest.remove_prefix(std::min(end + 1, rest.size()));
            }
        }
    }

    std::optional<SimSeconds> read_time(std::string_view text) {
        if (auto offset = parse_offset(text)) return offset;
        if (auto instant = parse_utc(text)) {
            if (!state_.start_unix) return std::nullopt;
            const std::int64_t offset = *instant - *state_.start_unix;
            if (offset >= -scenario_limits::kMaxTimeOffset &&
                offset <= scenario_limits::kMaxTimeOffset)
                return offset;
        }
        field_error(3, Message("case_error.ledger.bad_time").arg("found", excerpt(text, 40)));
        return std::nullopt;
    }

    // `address=amount` in the asset's units.
    std::optional<TxOutput> read_pair(std::size_t column, std::string_view item,
                                      const TxRecord& tx) {
        const Asset& asset = state_.scenario.ledger.asset(tx.asset);
        const auto eq = item.rfind('=');
        if (eq == std::string_view::npos) {
            field_error(column,
                        Message("case_error.ledger.not_a_pair").arg("found", excerpt(item, 60)));
            return std::nullopt;
        }
        const std::string_view address = item.substr(0, eq);
        const std::string_view amount_text = item.substr(eq + 1);
        if (!is_csv_address(address)) {
            field_error(
                column,
                Message("case_error.ledger.bad_address").arg("found", excerpt(address, 60)));
            return std::nullopt;
        }
        auto amount = parse_amount(amount_text, asset.decimals);
        if (!amount || *amount == 0) {
            field_error(column, Message("case_error.ledger.bad_amount")
                                    .arg("symbol", asset.symbol)
                                    .arg("count", asset.decimals)
                                    .arg("address", address)
                                    .arg("found", excerpt(amount_text, 40)));
            return std::nullopt;
        }
        auto id = state_.intern(address, tx.chain, [&] {
            return state_.csv_where(line_number_, 1, std::string(kColumnNames[column]));
        });
        if (!id) return std::nullopt;
        return TxOutput{*id, *amount};
    }

    template <typename Visit>
    bool for_each_item(std::size_t column, Visit&& visit) {
        std::string_view rest = fields_[column].text;
        if (rest.empty()) {
            field_error(column, Message("case_error.ledger.no_items"));
            return false;
        }
        bool ok = true;
        std::size_t count = 0;
        while (true) {
            const std::size_t end = std::min(rest.find(';'), rest.size());
            if (++count > scenario_limits::kMaxLegs) {
                field_error(column, Message("case_error.ledger.too_many_legs")
                                        .arg("max", scenario_limits::kMaxLegs));
                return false;
            }
            ok = visit(rest.substr(0, end), static_cast<std::uint32_t>(count - 1)) && ok;
            if (end >= rest.size()) break;
            rest.remove_prefix(end + 1);
        }
        return ok;
    }

    bool read_utxo_legs(TxRecord& tx) {
        PendingTransactions& pending = state_.pending;
        bool ok = for_each_item(5, [&](std::string_view item, std::uint32_t) {
            TxInput in;
            if (item.find('=') != std::string_view::npos) {
                auto pair = read_pair(5, item, tx);
                if (!pair) return false;
                in.address = pair->address;
                in.amount = pair->amount;
            } else {
                const auto colon = item.rfind(':');
                std::uint32_t vout = 0;
                const char* vout_begin =
                    item.data() + (colon == std::string_view::npos ? 0 : colon + 1);
                const char* vout_end = item.data() + item.size();
                const auto parsed = std::from_chars(vout_begin, vout_end, vout);
                if (colon == std::string_view::npos || !is_csv_id(item.substr(0, colon)) ||
                    parsed.ec != std::errc() || parsed.ptr != vout_end ||
                    vout >= scenario_limits::kMaxLegs) {
                    field_error(
                        5, Message("case_error.ledger.bad_input").arg("found", excerpt(item, 60)));
                    return false;
                }
                in.prev = pending.spend(item.substr(0, colon), vout);
            }
            pending.inputs.push_back(in);
            return true;
        });
        ok = for_each_item(6,
                           [&](std::string_view item, std::uint32_t) {
                               auto pair = read_pair(6, item, tx);
                               if (!pair) return false;
                               pending.outputs.push_back(*pair);
                               return true;
                           }) &&
             ok;
        return ok;
    }

    bool read_transfer(TxRecord& tx) {
        const std::string_view from = fields_[5].text;
        if (!is_csv_address(from)) {
            field_error(5, Message("case_error.ledger.bad_sender").arg("found", excerpt(from, 60)));
            return false;
        }
        const std::string_view to = fields_[6].text;
        if (to.find(';') != std::string_view::npos) {
            field_error(6, Message("case_error.ledger.one_receiver"));
            return false;
        }
        auto pair = read_pair(6, to, tx);
        if (!pair) return false;
        auto sender = state_.intern(
            from, tx.chain, [&] { return state_.csv_where(line_number_, column_of(5), "inputs"); });
        if (!sender) return false;
        state_.pending.inputs.push_back(TxInput{*sender, pair->amount, {}});
        state_.pending.outputs.push_back(*pair);
        return true;
    }

    int column_of(std::size_t field) const { return column_at(fields_[field].offset); }

    // Rows ahead of the one being added ask for the index memory their lookups will read, one
    // step at a time (TextTable::Step), so the cache misses of many lookups overlap.
    static constexpr std::size_t kSlotAhead = 12;
    static constexpr std::size_t kOffsetsAhead = 8;
    static constexpr std::size_t kTextAhead = 4;
    void prefetch_ahead(const CsvBlock& block, std::size_t row) const {
        prefetch_row(block, row + kSlotAhead, TextTable::Step::Slot);
        prefetch_row(block, row + kOffsetsAhead, TextTable::Step::Offsets);
        prefetch_row(block, row + kTextAhead, TextTable::Step::Text);
    }
    void prefetch_row(const CsvBlock& block, std::size_t r, TextTable::Step step) const {
        if (r >= block.rows.size() || block.rows[r].kind != CsvRow::Kind::Parsed) return;
        const CsvRow& row = block.rows[r];
        const TextTable& ids = state_.pending.tx_ids;
        ids.prefetch(row.id_key, step);
        const CsvLeg* legs = block.legs.data() + row.first_leg;
        for (std::uint32_t i = 0; i < row.input_count + row.output_count; ++i) {
            if (legs[i].spend)
                ids.prefetch(legs[i].key, step);
            else
                state_.scenario.ledger.prefetch_address(legs[i].key, step);
        }
    }

    // A row the parser read whole: only what the ledger can tell is left to check (an address
    // used on another chain, a repeated id), in the order the row checks look at it.
    void add_parsed(const CsvBlock& block, const CsvRow& row) {
        PendingTransactions& pending = state_.pending;
        TxRecord tx;
        tx.first_input = static_cast<std::uint32_t>(pending.inputs.size());
        tx.first_output = static_cast<std::uint32_t>(pending.outputs.size());
        tx.chain = row.chain;
        tx.asset = row.asset;
        tx.time = row.time;
        tx.fee = row.fee;
        const CsvLeg* legs = block.legs.data() + row.first_leg;
        // The fields before the inputs are ASCII in a parsed row (ids, times, amounts), so the
        // inputs' column is their byte offset.
        const int inputs_column = static_cast<int>(row.inputs_offset) + 1;
        const auto where = [&](int column, const char* name) {
            return [this, column, name] { return state_.csv_where(line_number_, column, name); };
        };
        bool ok = true;
        if (row.utxo) {
            for (std::uint32_t i = 0; i < row.input_count; ++i) {
                const CsvLeg& leg = legs[i];
                TxInput in;
                if (leg.spend) {
                    in.prev = pending.spend(leg.text, leg.key, leg.vout);
                } else {
                    const auto id = state_.intern(leg.text, leg.key, tx.chain, where(1, "inputs"));
                    if (!id) {
                        ok = false;
                        continue;
                    }
                    in.address = *id;
                    in.amount = leg.amount;
                }
                pending.inputs.push_back(in);
            }
            for (std::uint32_t o = 0; o < row.output_count; ++o) {
                const CsvLeg& leg = legs[row.input_count + o];
                const auto id = state_.intern(leg.text, leg.key, tx.chain, where(1, "outputs"));
                if (id)
                    pending.outputs.push_back(TxOutput{*id, leg.amount});
                else
                    ok = false;
            }
        } else {
            // The receiver is interned first, as the row checks do.
            const CsvLeg& sender = legs[0];
            const CsvLeg& receiver = legs[1];
            const auto to =
                state_.intern(receiver.text, receiver.key, tx.chain, where(1, "outputs"));
            const auto from = to ? state_.intern(sender.text, sender.key, tx.chain,
                                                 where(inputs_column, "inputs"))
                                 : std::nullopt;
            if (from) {
                pending.inputs.push_back(TxInput{*from, receiver.amount, {}});
                pending.outputs.push_back(TxOutput{*to, receiver.amount});
            } else {
                ok = false;
            }
        }
        tx.input_count = static_cast<std::uint32_t>(pending.inputs.size()) - tx.first_input;
        tx.output_count = static_cast<std::uint32_t>(pending.outputs.size()) - tx.first_output;
        const TxOrigin origin{static_cast<std::uint32_t>(line_number_),
                              static_cast<std::uint16_t>(std::min(inputs_column, 0xFFFF)), true};
        state_.add_pending(row.id, row.id_key, tx, origin, ok, where(1, "id"));
    }

    LoadState& state_;
    Diagnostics& out_;
    std::string_view line_;
    int line_number_ = 0;
    bool header_seen_ = false;
    std::vector<Field> fields_;
    std::deque<std::string> quoted_text_;  // the unquoted text of this row's quoted fields
    std::string last_chain_name_;
    std::optional<ChainId> last_chain_;
};

// Reserves room for the whole file from its first block (rows alike in size: the generator's, an
// export's), so the big arrays are not copied as they grow. Room reserved but never written is
// not resident, so a generous estimate costs address space only.
void reserve_for(LoadState& state, std::string_view first_block, std::uintmax_t file_size) {
    const auto lines =
        static_cast<std::size_t>(std::count(first_block.begin(), first_block.end(), '\n'));
    if (lines == 0 || first_block.size() >= file_size) return;
    const double scale =
        1.1 * static_cast<double>(file_size) / static_cast<double>(first_block.size());
    // A first block of blank or comment lines must not make a huge estimate: no row is shorter
    // than "t,c,,1h,,a=1,b=1".
    constexpr std::size_t kShortestRow = 16;
    const auto rows = std::min(static_cast<std::size_t>(static_cast<double>(lines) * scale),
                               narrow<std::size_t>(file_size / kShortestRow));
    const auto bytes = narrow<std::size_t>(file_size);
    PendingTransactions& pending = state.pending;
    try {
        pending.txs.reserve(pending.txs.size() + rows);
        pending.origins.reserve(pending.origins.size() + rows);
        pending.valid.reserve(pending.valid.size() + rows);
        // Each row has an id and at least one leg per side; ids and addresses are under a third
        // of a row's bytes each in any realistic export.
        pending.tx_ids.reserve(pending.tx_ids.size() + rows, bytes / 3);
        pending.inputs.reserve(pending.inputs.size() + 2 * rows);
        pending.outputs.reserve(pending.outputs.size() + 3 * rows);
        state.scenario.ledger.reserve_addresses(2 * rows, bytes / 2);
    } catch (const std::bad_alloc&) {
        // Only an optimisation: the arrays grow as they are filled instead.
    } catch (const std::length_error&) {
    }
}

// The room reserved for rows in the pending arrays, for the reading thread to have backed.
template <typename T>
CsvBlockReader::RowMemory room_of(const LargeVector<T>& array, CsvBlockReader::RowMemory::Per per) {
    return {array.data() + array.size(), (array.capacity() - array.size()) * sizeof(T), sizeof(T),
            per};
}

void prefault_rows(const PendingTransactions& pending, CsvBlockReader& blocks) {
    using Per = CsvBlockReader::RowMemory::Per;
    blocks.prefault({room_of(pending.txs, Per::Row), room_of(pending.origins, Per::Row),
                     room_of(pending.inputs, Per::Input), room_of(pending.outputs, Per::Output)});
}

}  // namespace

std::optional<std::filesystem::path> side_file_path(const std::filesystem::path& base_dir,
                                                    const std::string& name) {
    const std::filesystem::path relative(name);
    bool escapes = relative.empty() || relative.is_absolute() || relative.has_root_name();
    for (const auto& part : relative)
        if (part == "..") escapes = true;
    if (escapes) return std::nullopt;
    const std::filesystem::path joined = base_dir.empty() ? relative : base_dir / relative;
    // The name stays inside the folder, but a symbolic link on the way may not: compare where
    // both really are (link.csv -> /etc/passwd is refused).
    std::error_code error;
    const std::filesystem::path folder =
        std::filesystem::weakly_canonical(base_dir.empty() ? "." : base_dir, error);
    if (error) return std::nullopt;
    const std::filesystem::path real = std::filesystem::weakly_canonical(joined, error);
    if (error) return std::nullopt;
    const auto [folder_end, real_at] =
        std::mismatch(folder.begin(), folder.end(), real.begin(), real.end());
    if (folder_end != folder.end() || real_at == real.end()) return std::nullopt;
    return joined;
}

void read_ledger_file(LoadState& state, MapReader& root) {
    YamlReader& yaml = state.yaml;
    auto s = root.get("ledger_file");
    if (!s) return;
    auto name = yaml.scalar(*s, "case_error.what.ledger_file_path");
    if (!name) {
        state.ledger_file_rejected = true;
        return;
    }
    const std::optional<std::filesystem::path> found = side_file_path(state.base_dir, *name);
    if (!found) {
        yaml.error(*s, Message("case_error.ledger.path_outside").arg("found", *name));
        state.ledger_file_rejected = true;
        return;
    }
    const std::filesystem::path& path = *found;
    state.csv_name = path.generic_string();
    CsvBlockReader blocks(path, scenario_limits::kMaxCsvBytes,
                          CsvCaseFacts::of(state.scenario.ledger, state.start_unix),
                          csv_row_reading(), state.ledger_bytes_read);
    CsvLedgerReader reader(state);
    bool reserved = false;
    while (const CsvBlock* block = blocks.next()) {
        if (!reserved) {
            reserve_for(state, std::string_view(block->bytes.data(), block->bytes.size()),
                        blocks.file_size());
            prefault_rows(state.pending, blocks);
            reserved = true;
        }
        if (!reader.read(*block)) {
            state.ledger_file_rejected = true;
            return;
        }
    }
    if (!blocks.error().empty()) {
        yaml.error(*s, Message("case_error.yaml.ledger_file").clause("problem", blocks.error()));
        state.ledger_file_rejected = true;
        return;
    }
    state.ledger_file_rejected = !reader.finish();
}

}  // namespace mt::scenario_detail
