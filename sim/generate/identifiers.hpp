#pragma once
// Deterministic, unique, realistic-looking identifiers for generated cases: native SegWit
// (P2WPKH, "bc1q...", 42 characters, valid bech32 checksum) Bitcoin addresses, Tron base58
// addresses ("T...", 34 characters) and 64-hex-digit transaction hashes.
//
// Each is derived from a 64-bit key through a bijection, so distinct keys always give distinct
// identifiers. Tron addresses carry random check bytes instead of the double-SHA-256 checksum:
// they look right to a person but no wallet accepts them, so a generated address can never be
// paid by mistake.
#include <cstdint>
#include <string>

namespace mt::generate {

// Appends the identifier for `key` to `out` (appending avoids a string per call when writing
// millions of ledger rows). `salt` separates the identifier spaces of different cases.
void append_bitcoin_address(std::string& out, std::uint64_t key, std::uint64_t salt);
void append_tron_address(std::string& out, std::uint64_t key, std::uint64_t salt);
void append_transaction_hash(std::string& out, std::uint64_t key, std::uint64_t salt);

inline std::string bitcoin_address(std::uint64_t key, std::uint64_t salt) {
    std::string s;
    append_bitcoin_address(s, key, salt);
    return s;
}
inline std::string tron_address(std::uint64_t key, std::uint64_t salt) {
    std::string s;
    append_tron_address(s, key, salt);
    return s;
}
inline std::string transaction_hash(std::uint64_t key, std::uint64_t salt) {
    std::string s;
    append_transaction_hash(s, key, salt);
    return s;
}

// Bech32 checksum check of a bc1 address (BIP 173), for tests.
bool has_valid_bech32_checksum(const std::string& address);

}  // namespace mt::generate
