#include "generate/identifiers.hpp"

#include <array>

#include "generate/random.hpp"
#include "model/base58.hpp"
#include "model/bech32.hpp"

namespace mt::generate {
namespace {

// Fills `bytes` from `key`: the first eight bytes are a bijection of (key, salt), which makes
// the result unique per key; the rest are further mixing for a random look.
template <std::size_t N>
std::array<std::uint8_t, N> expand(std::uint64_t key, std::uint64_t salt) {
    static_assert(N >= 8);
    std::array<std::uint8_t, N> bytes{};
    std::uint64_t word = mix64(key ^ salt);
    for (std::size_t i = 0; i < N; ++i) {
        if (i > 0 && i % 8 == 0) word = mix64(word + i);
        bytes[i] = static_cast<std::uint8_t>(word >> (8 * (i % 8)));
    }
    return bytes;
}

}  // namespace

void append_bitcoin_address(std::string& out, std::uint64_t key, std::uint64_t salt) {
    const auto program = expand<20>(key, salt ^ 0xB17C0111ull);
    // Witness version 0, then the 160-bit program regrouped into 32 five-bit values.
    std::array<std::uint8_t, 33 + 6> data{};
    data[0] = 0;
    std::uint32_t accumulator = 0;
    int bits = 0;
    std::size_t n = 1;
    for (std::uint8_t byte : program) {
        accumulator = (accumulator << 8) | byte;
        bits += 8;
        while (bits >= 5) {
            bits -= 5;
            data[n++] = static_cast<std::uint8_t>((accumulator >> bits) & 31);
        }
    }
    bech32::Checksum checksum("bc");
    for (std::uint8_t v : data) checksum.add(v);  // the six trailing zeros included
    const std::uint32_t polymod = checksum.value() ^ bech32::kBech32Constant;
    for (std::size_t i = 0; i < 6; ++i)
        data[33 + i] = static_cast<std::uint8_t>((polymod >> (5 * (5 - i))) & 31);
    out += "bc1";
    for (std::uint8_t v : data) out += bech32::kAlphabet[v];
}

void append_tron_address(std::string& out, std::uint64_t key, std::uint64_t salt) {
    auto bytes = expand<25>(key, salt ^ 0x7E0A11ull);
    bytes[0] = 0x41;  // Tron's mainnet prefix: every address starts with 'T'
    base58::append(out, bytes);
}

void append_transaction_hash(std::string& out, std::uint64_t key, std::uint64_t salt) {
    constexpr std::string_view kHex = "0123456789abcdef";
    const auto bytes = expand<32>(key, salt ^ 0x7A5ull);
    for (std::uint8_t b : bytes) {
        out += kHex[b >> 4];
        out += kHex[b & 15];
    }
}

bool has_valid_bech32_checksum(const std::string& address) {
    if (address.size() < 8 || address.compare(0, 3, "bc1") != 0) return false;
    std::string_view data(address);
    data.remove_prefix(3);
    bech32::Checksum checksum("bc");
    for (char c : data) {
        const auto v = bech32::kAlphabet.find(c);
        if (v == std::string_view::npos) return false;
        checksum.add(static_cast<std::uint8_t>(v));
    }
    return checksum.value() == bech32::kBech32Constant;
}

}  // namespace mt::generate
