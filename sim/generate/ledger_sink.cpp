#include "generate/ledger_sink.hpp"

#include <charconv>
#include <stdexcept>

#include "generate/identifiers.hpp"

namespace mt::generate {
namespace {

constexpr std::size_t kFlushBytes = std::size_t{1} << 20;

void append_integer(std::string& out, std::int64_t value) {
    char digits[24];
    const auto end = std::to_chars(digits, digits + sizeof digits, value).ptr;
    out.append(digits, end);
}

}  // namespace

void append_amount(std::string& out, std::int64_t units, int decimals) {
    std::int64_t scale = 1;
    for (int i = 0; i < decimals; ++i) scale *= 10;
    append_integer(out, units / scale);
    std::int64_t fraction = units % scale;
    if (fraction == 0) return;
    int places = decimals;
    while (fraction % 10 == 0) {
        fraction /= 10;
        --places;
    }
    out += '.';
    char digits[24];
    const auto end = std::to_chars(digits, digits + sizeof digits, fraction).ptr;
    const auto written = static_cast<int>(end - digits);
    out.append(static_cast<std::size_t>(places - written), '0');
    out.append(digits, end);
}

std::string amount_text(std::int64_t units, int decimals) {
    std::string s;
    append_amount(s, units, decimals);
    return s;
}

void append_offset(std::string& out, SimSeconds offset) {
    if (offset == 0) {
        out += '0';
        return;
    }
    out += offset < 0 ? '-' : '+';
    std::int64_t rest = offset < 0 ? -offset : offset;
    constexpr std::pair<std::int64_t, char> kUnits[] = {
        {86400, 'd'}, {3600, 'h'}, {60, 'm'}, {1, 's'}};
    for (const auto& [seconds, unit] : kUnits) {
        if (rest < seconds) continue;
        append_integer(out, rest / seconds);
        out += unit;
        rest %= seconds;
    }
}

LedgerSink::LedgerSink(std::ostream& out, std::uint64_t salt) : out_(out), salt_(salt) {
    buffer_.reserve(kFlushBytes + 64 * 1024);
    buffer_ += "id,chain,asset,time,fee,inputs,outputs\n";
}

LedgerSink::~LedgerSink() {
    flush();
}

bool LedgerSink::flush() {
    out_.write(buffer_.data(), static_cast<std::streamsize>(buffer_.size()));
    buffer_.clear();
    return static_cast<bool>(out_);
}

std::string LedgerSink::address_text(AddressKey key) const {
    return is_tron(key) ? tron_address(key & ~kTronKeyBit, salt_) : bitcoin_address(key, salt_);
}

std::string LedgerSink::transaction_text(TxKey tx) const {
    return transaction_hash(tx, salt_);
}

void LedgerSink::append_address(AddressKey key) {
    if (is_tron(key))
        append_tron_address(buffer_, key & ~kTronKeyBit, salt_);
    else
        append_bitcoin_address(buffer_, key, salt_);
}

void LedgerSink::begin_row(SimSeconds time, std::string_view chain, std::string_view asset,
                           std::int64_t fee) {
    if (time < last_time_)
        throw std::logic_error("generator: transactions written out of time order");
    last_time_ = time;
    append_transaction_hash(buffer_, rows_, salt_);
    buffer_ += ',';
    buffer_ += chain;
    buffer_ += ',';
    buffer_ += asset;
    buffer_ += ',';
    append_offset(buffer_, time);
    buffer_ += ',';
    if (fee > 0) append_amount(buffer_, fee, chain == "bitcoin" ? kBtcDecimals : kTronDecimals);
    buffer_ += ',';
}

TxKey LedgerSink::utxo(SimSeconds time, std::span<const Coin> inputs,
                       std::span<const Payment> outputs, std::int64_t fee) {
    std::int64_t in = 0;
    std::int64_t out = 0;
    for (const Coin& c : inputs) {
        if (c.amount <= 0 || (c.tx != kOutsideFunds && c.tx >= rows_))
            throw std::logic_error("generator: an input is empty or spends a later transaction");
        in += c.amount;
    }
    for (const Payment& p : outputs) {
        if (p.amount <= 0 || is_tron(p.address))
            throw std::logic_error("generator: a bad Bitcoin output");
        out += p.amount;
    }
    if (inputs.empty() || outputs.empty() || fee < 0 || in != out + fee)
        throw std::logic_error("generator: a Bitcoin transaction does not balance");
    begin_row(time, "bitcoin", "", fee);
    for (std::size_t i = 0; i < inputs.size(); ++i) {
        if (i > 0) buffer_ += ';';
        const Coin& c = inputs[i];
        if (c.tx == kOutsideFunds) {
            append_address(c.address);
            buffer_ += '=';
            append_amount(buffer_, c.amount, kBtcDecimals);
        } else {
            append_transaction_hash(buffer_, c.tx, salt_);
            buffer_ += ':';
            append_integer(buffer_, c.vout);
        }
    }
    buffer_ += ',';
    for (std::size_t i = 0; i < outputs.size(); ++i) {
        if (i > 0) buffer_ += ';';
        append_address(outputs[i].address);
        buffer_ += '=';
        append_amount(buffer_, outputs[i].amount, kBtcDecimals);
    }
    buffer_ += '\n';
    if (buffer_.size() >= kFlushBytes) flush();
    return rows_++;
}

void LedgerSink::open_balance(AddressKey address, TronAsset asset, std::int64_t amount) {
    if (!is_tron(address) || amount <= 0)
        throw std::logic_error("generator: a bad opening balance");
    tron_balances_[address][static_cast<std::size_t>(asset)] += amount;
    opening_.push_back({address, asset, amount});
}

std::int64_t LedgerSink::balance(AddressKey address, TronAsset asset) const {
    auto it = tron_balances_.find(address);
    return it == tron_balances_.end() ? 0 : it->second[static_cast<std::size_t>(asset)];
}

TxKey LedgerSink::transfer(SimSeconds time, TronAsset asset, AddressKey from, AddressKey to,
                           std::int64_t amount, std::int64_t fee) {
    if (amount <= 0 || fee < 0 || !is_tron(from) || !is_tron(to) || from == to)
        throw std::logic_error("generator: a bad Tron transfer");
    auto& sender = tron_balances_[from];
    auto& held = sender[static_cast<std::size_t>(asset)];
    auto& trx = sender[static_cast<std::size_t>(TronAsset::Trx)];
    if (held < amount || trx < fee || (asset == TronAsset::Trx && held < amount + fee))
        throw std::logic_error("generator: a Tron transfer overdraws its sender");
    held -= amount;
    trx -= fee;
    tron_balances_[to][static_cast<std::size_t>(asset)] += amount;
    begin_row(time, "tron", asset == TronAsset::Usdt ? "usdt-tron" : "", fee);
    append_address(from);
    buffer_ += ',';
    append_address(to);
    buffer_ += '=';
    append_amount(buffer_, amount, kTronDecimals);
    buffer_ += '\n';
    if (buffer_.size() >= kFlushBytes) flush();
    return rows_++;
}

}  // namespace mt::generate
