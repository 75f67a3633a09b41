#pragma once
// Keyed, consistent anonymisation of a trail, so a real incident can be taught without pointing
// at real people: every address and transaction id becomes a different one of the same kind
// (a valid bech32/bech32m or Base58Check address of the same type and network, a 0x-hex Ethereum
// address, a Tron address, a hash of the same length), amounts are scaled by one factor and each
// jittered, times are shifted by one offset and each jittered (order kept). Derived from the key
// with XXH3 (seeded by a hash of the key), so the same key gives the same case byte for byte.
//
// XXH3 is fast, not cryptographic: this hides identifiers from a reader of the case, but the
// trail's shape (hops, fan-outs, the number of outputs, relative amounts and timing) survives by
// design and can be matched against the real chain by someone who searches for it. See
// docs/case-authoring.md.
#include <cstdint>
#include <map>
#include <string>

#include <nlohmann/json_fwd.hpp>

#include "import/trail.hpp"

namespace mt::import {

class Anonymiser {
  public:
    explicit Anonymiser(std::string_view key);

    // Rewrites `trail` in place (transactions, seeds, paths, last addresses).
    void apply(Trail& trail);
    std::string address(const std::string& original);
    std::string transaction(const std::string& original);

    // The private mapping: anonymised -> original for addresses and transactions, and the
    // factors used. Written to a file the author keeps out of the case.
    nlohmann::json mapping() const;

  private:
    std::uint64_t hash64(std::string_view domain, std::string_view text) const;
    std::string hex_bytes(std::string_view domain, std::string_view text, std::size_t bytes,
                          int attempt) const;
    std::string fresh_address(const std::string& original, int attempt) const;
    Units scaled(Units amount, std::string_view context) const;

    std::uint64_t seed_;
    std::uint64_t scale_permille_;                     // 500 to 2000
    std::int64_t shift_seconds_;                       // 30 to 730 days, either way
    std::map<std::string, std::string> addresses_;     // original -> anonymised
    std::map<std::string, std::string> transactions_;  // original -> anonymised
    std::map<std::string, std::string> used_;          // anonymised -> original
};

}  // namespace mt::import
