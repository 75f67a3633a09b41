#include "import/etherscan.hpp"

#include <algorithm>
#include <array>
#include <optional>

#include "import/csv_records.hpp"
#include "import/import_error.hpp"
#include "import/json_fields.hpp"
#include "import/token_slug.hpp"
#include "model/time.hpp"

namespace mt::import {
namespace {

bool starts_with(std::string_view s, std::string_view prefix) {
    return s.substr(0, prefix.size()) == prefix;
}

enum Column : std::size_t {
    Hash,
    Unix,
    DateTime,
    From,
    To,
    ValueIn,
    ValueOut,
    Value,
    Fee,
    Symbol,
    Contract,
    Status,
    ErrCode,
    kColumns
};

// The columns' names as Etherscan spells them, for the bad-header message.
constexpr std::array<std::string_view, kColumns> kAccepted{"Txhash / Transaction Hash",
                                                           "UnixTimestamp",
                                                           "DateTime (UTC)",
                                                           "From",
                                                           "To / TxTo",
                                                           "Value_IN(ETH)",
                                                           "Value_OUT(ETH)",
                                                           "TokenValue / Quantity",
                                                           "TxnFee(ETH)",
                                                           "TokenSymbol",
                                                           "ContractAddress",
                                                           "Status",
                                                           "ErrCode"};

std::optional<Column> meaning_of(const std::string& n) {
    if (n == "txhash" || n == "transactionhash" || n == "txnhash" || n == "hash") return Hash;
    if (n == "unixtimestamp") return Unix;
    if (starts_with(n, "datetime")) return DateTime;
    if (n == "from") return From;
    if (n == "to" || n == "txto") return To;
    if (starts_with(n, "valuein")) return ValueIn;
    if (starts_with(n, "valueout")) return ValueOut;
    if (n == "tokenvalue" || n == "quantity" || n == "value") return Value;
    if (starts_with(n, "txnfee") && n.find("usd") == std::string::npos) return Fee;
    if (n == "tokensymbol") return Symbol;
    if (n == "contractaddress") return Contract;
    if (n == "status") return Status;
    if (n == "errcode") return ErrCode;
    return std::nullopt;
}

struct Header {
    std::array<std::optional<std::size_t>, kColumns> at{};
    bool internal = false;  // ParentTxFrom / TxTo: internal transactions
    bool token = false;
};

Header read_header(const std::string& file, const CsvRecord& record) {
    Header h;
    std::string names;
    for (std::size_t i = 0; i < record.fields.size(); ++i) {
        const std::string n = letters_and_digits(record.fields[i]);
        names += (names.empty() ? "" : ",") + record.fields[i];
        if (n == "parenttxfrom" || n == "txto") h.internal = true;
        if (auto m = meaning_of(n); m && !h.at[*m]) h.at[*m] = i;
    }
    h.token = h.at[Value].has_value() && !h.at[ValueIn] && !h.at[ValueOut];
    auto require = [&](bool ok, std::string_view accepted) {
        if (ok) return;
        Message m = file_error("import.error.csv_header", file, "1");
        m.arg("accepted", accepted).arg("header", names);
        throw ImportFailure(m);
    };
    require(h.at[Hash].has_value(), kAccepted[Hash]);
    require(h.at[Unix] || h.at[DateTime], "UnixTimestamp / DateTime (UTC)");
    require(h.at[From].has_value(), kAccepted[From]);
    require(h.at[To].has_value(), kAccepted[To]);
    require(h.at[Value] || h.at[ValueIn] || h.at[ValueOut],
            "Value_IN(ETH) / Value_OUT(ETH) / TokenValue / Quantity");
    return h;
}

[[noreturn]] void bad_value(const std::string& file, int line, std::string_view key,
                            std::string_view column, const std::string& value) {
    Message m = file_error(std::string(key), file, std::to_string(line));
    m.arg("column", column).arg("value", value);
    throw ImportFailure(m);
}

std::string lower(std::string s) {
    for (char& c : s)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return s;
}

bool is_eth_address(const std::string& s) {
    return s.size() == 42 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X') &&
           std::all_of(s.begin() + 2, s.end(), [](char c) {
               return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
           });
}

// Token decimals are not in the export: USDT and USDC use 6, ERC-20's default is 18.
int token_decimals(const std::string& symbol) {
    return symbol == "USDT" || symbol == "USDC" ? 6 : 18;
}

}  // namespace

bool looks_like_etherscan_csv(std::string_view text) {
    const std::string first(text.substr(0, text.find('\n')));
    int known = 0;
    std::size_t start = 0;
    while (start <= first.size()) {
        const std::size_t comma = std::min(first.find(',', start), first.size());
        if (meaning_of(letters_and_digits(first.substr(start, comma - start)))) ++known;
        start = comma + 1;
    }
    return known >= 3;
}

void read_etherscan_csv(const std::string& file, std::string_view text, DraftLedger& ledger) {
    const std::vector<CsvRecord> records = read_csv_records(file, text);
    if (records.empty()) {
        Message m = file_error("import.error.csv_header", file, "1");
        m.arg("accepted", kAccepted[Hash]).arg("header", "");
        throw ImportFailure(m);
    }
    const Header h = read_header(file, records.front());
    ledger.add_chain(ethereum_chain(), ether_asset());
    const std::size_t width = records.front().fields.size();
    for (std::size_t r = 1; r < records.size(); ++r) {
        const CsvRecord& rec = records[r];
        // Etherscan ends some rows with a separator the header does not have.
        if (rec.fields.size() != width &&
            !(rec.fields.size() == width + 1 && rec.fields.back().empty())) {
            Message m = file_error("import.error.csv_columns", file, std::to_string(rec.line));
            m.arg("expected", width).arg("found", rec.fields.size());
            throw ImportFailure(m);
        }
        auto cell = [&](Column c) -> std::string {
            return h.at[c] ? rec.fields[*h.at[c]] : std::string();
        };
        auto column_name = [&](Column c) -> std::string {
            return records.front().fields[*h.at[c]];
        };
        const std::string status = lower(cell(Status));
        if (!cell(ErrCode).empty() || starts_with(status, "error") || starts_with(status, "fail"))
            continue;  // a failed transaction moved no value

        DraftTransaction tx;
        tx.chain = "ethereum";
        tx.origin = {file, std::to_string(rec.line)};
        tx.id = lower(cell(Hash));
        if (!is_hex_hash(tx.id, true))
            bad_value(file, rec.line, "import.error.csv_hash", column_name(Hash), tx.id);
        if (h.at[Unix]) {
            const std::string t = cell(Unix);
            if (t.empty() || t.size() > 12 ||
                !std::all_of(t.begin(), t.end(), [](char c) { return c >= '0' && c <= '9'; }))
                bad_value(file, rec.line, "import.error.csv_time", column_name(Unix), t);
            tx.unix_time = std::stoll(t);
        } else {
            std::string t = cell(DateTime);
            std::string iso = t;
            if (iso.size() > 10 && iso[10] == ' ') iso[10] = 'T';
            if (!iso.empty() && iso.back() != 'Z') iso += 'Z';
            const auto parsed = parse_utc(iso);
            if (!parsed)
                bad_value(file, rec.line, "import.error.csv_time", column_name(DateTime), t);
            tx.unix_time = *parsed;
        }
        tx.from = lower(cell(From));
        tx.to = lower(cell(To));
        if (!is_eth_address(tx.from))
            bad_value(file, rec.line, "import.error.csv_address", column_name(From), tx.from);
        if (!is_eth_address(tx.to))
            bad_value(file, rec.line, "import.error.csv_address", column_name(To), tx.to);

        int decimals = 18;
        if (h.token) {
            const std::string symbol = cell(Symbol).empty() ? "TOKEN" : cell(Symbol);
            decimals = token_decimals(symbol);
            tx.asset = token_slug(symbol) + "-eth";
            ledger.add_asset({tx.asset, symbol, "ethereum", decimals});
        } else {
            tx.asset = "eth";
        }
        auto amount = [&](Column c) -> Units {
            std::string digits = cell(c);
            digits.erase(std::remove(digits.begin(), digits.end(), ','),
                         digits.end());  // "1,637,211.32"
            if (digits.empty()) return 0;
            const auto units = parse_amount(digits, decimals);
            if (!units)
                bad_value(file, rec.line, "import.error.csv_amount", column_name(c), cell(c));
            return *units;
        };
        tx.amount = h.token || h.at[Value] ? amount(Value) : 0;
        if (tx.amount == 0 && h.at[ValueIn]) tx.amount = amount(ValueIn);
        if (tx.amount == 0 && h.at[ValueOut]) tx.amount = amount(ValueOut);
        if (!h.token && !h.internal && h.at[Fee]) {
            std::string fee = cell(Fee);
            fee.erase(std::remove(fee.begin(), fee.end(), ','), fee.end());
            const auto units = fee.empty() ? std::optional<Units>(0) : parse_amount(fee, 18);
            if (!units)
                bad_value(file, rec.line, "import.error.csv_amount", column_name(Fee), cell(Fee));
            tx.fee = *units;
        }
        if (tx.amount == 0) continue;  // a contract call that moved no value in this asset
        ledger.transactions.push_back(std::move(tx));
    }
}

}  // namespace mt::import
