#pragma once
// The checksummed encodings of chain identifiers the importer reads and, when anonymising, writes:
// Bitcoin's Base58Check (P2PKH "1...", P2SH "3...", Tron "T...") and SegWit's bech32/bech32m
// ("bc1q...", "bc1p..."; BIP 173 and BIP 350). SHA-256 is here only for Base58Check's checksum.
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace mt::import {

std::array<std::uint8_t, 32> sha256(const std::uint8_t* data, std::size_t size);

// Base58Check: a version byte, a payload and the first four bytes of SHA-256(SHA-256(...)).
std::string base58check_encode(std::uint8_t version, const std::vector<std::uint8_t>& payload);
struct Base58Check {
    std::uint8_t version = 0;
    std::vector<std::uint8_t> payload;
};
// Empty when `text` is not Base58, is too short or its checksum does not match.
std::optional<Base58Check> base58check_decode(std::string_view text);

// A SegWit address: human-readable part ("bc", "tb"), witness version 0 to 16 and the program.
struct SegwitAddress {
    std::string hrp;
    int version = 0;
    std::vector<std::uint8_t> program;
};
// Version 0 uses bech32's checksum constant, later versions bech32m's.
std::string segwit_encode(const SegwitAddress& address);
// Empty unless `text` is a lowercase SegWit address with the right checksum for its version.
std::optional<SegwitAddress> segwit_decode(std::string_view text);

}  // namespace mt::import
