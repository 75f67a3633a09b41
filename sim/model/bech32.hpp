#pragma once
// Bech32 (BIP 173) and bech32m (BIP 350): the alphabet of SegWit addresses and their checksum. One
// definition for the ledger's packed texts, the case generator, the importer and the seminar's
// per-trainee variants.
#include <array>
#include <cstdint>
#include <string_view>

namespace mt::bech32 {

inline constexpr std::string_view kAlphabet = "qpzry9x8gf2tvdw0s3jn54khce6mua7l";
// What the checksum of a valid address comes to: bech32 (witness version 0), bech32m (later).
inline constexpr std::uint32_t kBech32Constant = 1;
inline constexpr std::uint32_t kBech32mConstant = 0x2bc830a3;

// The checksum's polymod over the expanded human-readable part, then 5-bit values fed in order.
class Checksum {
  public:
    explicit constexpr Checksum(std::string_view hrp) {
        for (const char c : hrp) add(static_cast<std::uint8_t>(static_cast<unsigned char>(c) >> 5));
        add(0);
        for (const char c : hrp) add(static_cast<std::uint8_t>(c & 31));
    }
    constexpr void add(std::uint8_t value) {
        constexpr std::array<std::uint32_t, 5> kGenerator{0x3b6a57b2, 0x26508e6d, 0x1ea119fa,
                                                          0x3d4233dd, 0x2a1462b3};
        const std::uint32_t top = chk_ >> 25;
        chk_ = ((chk_ & 0x1ffffff) << 5) ^ value;
        for (std::size_t i = 0; i < kGenerator.size(); ++i)
            if ((top >> i) & 1) chk_ ^= kGenerator[i];
    }
    constexpr std::uint32_t value() const { return chk_; }

  private:
    std::uint32_t chk_ = 1;
};

}  // namespace mt::bech32
