#include "scenario/csv_row_parser.hpp"

#include <array>
#include <charconv>
#include <cstring>

#include "scenario/limits.hpp"
#include "scenario/yaml_reader.hpp"

namespace mt::scenario_detail {
namespace {

enum CharClass : std::uint8_t { kIdChar = 1, kAddressChar = 2 };

constexpr std::array<std::uint8_t, 256> char_classes() {
    std::array<std::uint8_t, 256> classes{};
    for (int c = 0x21; c < 0x7F; ++c)
        if (c != ';' && c != '=') classes[static_cast<std::size_t>(c)] |= kAddressChar;
    for (int c = 0; c < 256; ++c)
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
            c == '-' || c == '_' || c == '.' || c == ':')
            classes[static_cast<std::size_t>(c)] |= kIdChar;
    return classes;
}
constexpr std::array<std::uint8_t, 256> kCharClasses = char_classes();

bool all_of_class(std::string_view text, std::uint8_t wanted) {
    if (text.empty() || text.size() > scenario_limits::kMaxIdBytes) return false;
    std::uint8_t all = wanted;
    for (const char c : text) all &= kCharClasses[static_cast<unsigned char>(c)];
    return all == wanted;
}

// The next item of a ';'-separated list, as the loader's row checks split it.
std::string_view next_item(std::string_view& rest, bool& last) {
    const std::size_t end = std::min(rest.find(';'), rest.size());
    const std::string_view item = rest.substr(0, end);
    last = end >= rest.size();
    if (!last) rest.remove_prefix(end + 1);
    return item;
}

}  // namespace

bool is_csv_id(std::string_view text) {
    return all_of_class(text, kIdChar);
}

bool is_csv_address(std::string_view text) {
    return all_of_class(text, kAddressChar);
}

CsvCaseFacts CsvCaseFacts::of(const Ledger& ledger, std::optional<std::int64_t> start_unix) {
    CsvCaseFacts facts;
    for (const Chain& c : ledger.chains())
        facts.chains.push_back({c.id, c.model == ChainModel::Utxo, c.native_asset});
    for (const Asset& a : ledger.assets()) facts.assets.push_back({a.id, a.chain, a.decimals});
    facts.start_unix = start_unix;
    return facts;
}

void CsvRowParser::parse(CsvBlock& block) {
    block.lines_before = lines_;
    const std::string_view bytes(block.bytes.data(), block.bytes.size());
    block.text = lines_ == 0 ? without_bom(bytes) : bytes;
    block.problem = find_text_problem(block.text);
    block.rows.clear();
    block.legs.clear();
    block.ends_with_skipped_line = false;
    if (block.problem) return;
    // Room for every key's packed bytes (never more than the text they pack) and one key's
    // scratch, so the keys' views stay put; kept from block to block (not cleared and zeroed
    // again each time).
    const std::size_t room = block.text.size() + TextTable::kMaxPackedBytes;
    if (block.packed.size() < room) block.packed.resize(room);
    packed_used_ = 0;
    const std::string_view text = block.text;
    int line = block.lines_before;
    std::size_t pos = 0;
    while (pos < text.size()) {
        const char* start = text.data() + pos;
        const void* newline = std::memchr(start, '\n', text.size() - pos);
        const std::size_t end =
            newline ? static_cast<std::size_t>(static_cast<const char*>(newline) - text.data())
                    : text.size();
        std::string_view row_text = text.substr(pos, end - pos);
        pos = end + 1;
        ++line;
        if (!row_text.empty() && row_text.back() == '\r') row_text.remove_suffix(1);
        if (row_text.empty() || row_text.front() == '#') {
            block.ends_with_skipped_line = true;
            continue;
        }
        block.ends_with_skipped_line = false;
        CsvRow& row = block.rows.emplace_back();
        row.line = line;
        row.text = row_text;
        if (!header_seen_) {
            header_seen_ = true;
            row.kind = CsvRow::Kind::Header;
            continue;
        }
        const std::size_t legs = block.legs.size();
        const std::size_t packed = packed_used_;
        if (parse_rows_ && parse_row(block, row)) {
            row.kind = CsvRow::Kind::Parsed;
            ++parsed_.rows;
            parsed_.inputs += row.input_count;
            parsed_.outputs += row.output_count;
        } else {
            row.kind = CsvRow::Kind::Unparsed;
            block.legs.resize(legs);
            packed_used_ = packed;
        }
    }
    lines_ = line;
}

TextTable::Key CsvRowParser::key_of(CsvBlock& block, std::string_view text) {
    char* scratch = block.packed.data() + packed_used_;
    const TextTable::Key key = TextTable::key(text, Ledger::kTextPacking, scratch);
    if (key.stored.data() == scratch) packed_used_ += key.stored.size();
    return key;
}

bool CsvRowParser::parse_row(CsvBlock& block, CsvRow& row) {
    // Exactly seven plain fields: quotes and miscounts are for the loader's checks to report.
    const std::string_view line = row.text;
    if (line.find('"') != std::string_view::npos) return false;
    std::array<std::string_view, 7> fields;
    std::size_t start = 0;
    for (std::size_t f = 0; f < fields.size(); ++f) {
        const std::size_t comma = line.find(',', start);
        const bool last = f + 1 == fields.size();
        if (last != (comma == std::string_view::npos)) return false;
        const std::size_t end = last ? line.size() : comma;
        fields[f] = line.substr(start, end - start);
        if (f == 5) row.inputs_offset = static_cast<std::uint32_t>(start);
        start = end + 1;
    }
    const auto [id, chain_name, asset_name, time, fee, inputs, outputs] = fields;
    if (!is_csv_id(id)) return false;
    row.id = id;

    const CsvCaseFacts::ChainFacts* chain = nullptr;
    for (std::size_t c = 0; c < facts_.chains.size() && !chain; ++c)
        if (facts_.chains[c].id == chain_name) {
            chain = &facts_.chains[c];
            row.chain = static_cast<ChainId>(c);
        }
    if (!chain) return false;
    row.utxo = chain->utxo;
    row.asset = chain->native_asset;
    if (!asset_name.empty()) {
        bool found = false;
        for (std::size_t a = 0; a < facts_.assets.size() && !found; ++a)
            if (facts_.assets[a].id == asset_name) {
                found = true;
                row.asset = static_cast<AssetId>(a);
            }
        if (!found || facts_.assets[row.asset].chain != row.chain) return false;
        if (chain->utxo && row.asset != chain->native_asset) return false;
    }

    if (auto offset = parse_offset(time)) {
        row.time = *offset;
    } else {
        const auto instant = parse_utc(time);
        if (!instant || !facts_.start_unix) return false;
        const std::int64_t from_start = *instant - *facts_.start_unix;
        if (from_start < -scenario_limits::kMaxTimeOffset ||
            from_start > scenario_limits::kMaxTimeOffset)
            return false;
        row.time = from_start;
    }
    row.fee = 0;
    if (!fee.empty()) {
        const auto parsed = parse_amount(fee, facts_.assets.at(chain->native_asset).decimals);
        if (!parsed) return false;
        row.fee = *parsed;
    }
    row.id_key = key_of(block, id);
    return parse_legs(block, row, inputs, outputs, facts_.assets.at(row.asset).decimals);
}

bool CsvRowParser::add_pair(CsvBlock& block, std::string_view item, int decimals) {
    const auto eq = item.rfind('=');
    if (eq == std::string_view::npos) return false;
    const std::string_view address = item.substr(0, eq);
    if (!is_csv_address(address)) return false;
    const auto amount = parse_amount(item.substr(eq + 1), decimals);
    if (!amount || *amount == 0) return false;
    CsvLeg& leg = block.legs.emplace_back();
    leg.text = address;
    leg.key = key_of(block, address);
    leg.amount = *amount;
    return true;
}

bool CsvRowParser::parse_legs(CsvBlock& block, CsvRow& row, std::string_view inputs,
                              std::string_view outputs, int decimals) {
    row.first_leg = static_cast<std::uint32_t>(block.legs.size());
    if (!row.utxo) {
        // The sender alone, then one address=amount.
        if (!is_csv_address(inputs) || outputs.find(';') != std::string_view::npos) return false;
        CsvLeg& sender = block.legs.emplace_back();
        sender.text = inputs;
        sender.key = key_of(block, inputs);
        if (!add_pair(block, outputs, decimals)) return false;
        row.input_count = 1;
        row.output_count = 1;
        return true;
    }
    if (inputs.empty() || outputs.empty()) return false;
    bool last = false;
    row.input_count = 0;
    while (!last) {
        const std::string_view item = next_item(inputs, last);
        if (++row.input_count > scenario_limits::kMaxLegs) return false;
        if (item.find('=') != std::string_view::npos) {
            if (!add_pair(block, item, decimals)) return false;
            continue;
        }
        const auto colon = item.rfind(':');
        if (colon == std::string_view::npos) return false;
        const std::string_view spent = item.substr(0, colon);
        std::uint32_t vout = 0;
        const char* vout_end = item.data() + item.size();
        const auto parsed = std::from_chars(item.data() + colon + 1, vout_end, vout);
        if (!is_csv_id(spent) || parsed.ec != std::errc() || parsed.ptr != vout_end ||
            vout >= scenario_limits::kMaxLegs)
            return false;
        CsvLeg& leg = block.legs.emplace_back();
        leg.text = spent;
        leg.key = key_of(block, spent);
        leg.vout = vout;
        leg.spend = true;
    }
    last = false;
    row.output_count = 0;
    while (!last) {
        if (++row.output_count > scenario_limits::kMaxLegs) return false;
        if (!add_pair(block, next_item(outputs, last), decimals)) return false;
    }
    return true;
}

}  // namespace mt::scenario_detail
