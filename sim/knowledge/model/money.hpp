#pragma once
// Exact money: integer base units (satoshi, wei, sun, ...). 128 bits because 18-decimal assets
// overflow 64 bits at about 9.2 ETH. Never floating point for balances.
#include <cstdint>
#include <cstring>
#include <optional>
#include <string>
#include <string_view>

namespace mt {

__extension__ typedef __int128 Units;

// A Units value stored as four 32-bit parts, for records kept by the million (ledger legs):
// Units' own 16-byte alignment would pad each of them. Converts to and from Units implicitly.
class PackedUnits {
  public:
    PackedUnits() = default;
    PackedUnits(Units value) { std::memcpy(parts_, &value, sizeof value); }  // NOLINT: implicit
    operator Units() const {                                                 // NOLINT: implicit
        Units value;
        std::memcpy(&value, parts_, sizeof value);
        return value;
    }

  private:
    std::uint32_t parts_[4] = {};
};

// The largest amount a case may state: 10^30 base units (a trillion coins of an 18-decimal asset),
// far beyond any real supply yet small enough that sums of millions of amounts cannot overflow.
Units max_amount();

// Parses a decimal amount in whole-asset notation ("0.5", "1200", "0.000546") into base units.
// Rejects signs, exponents, more fractional digits than `decimals`, and values above max_amount().
std::optional<Units> parse_amount(std::string_view text, int decimals);

// Formats base units as a decimal in whole-asset notation, trimming trailing zeros ("0.5").
std::string format_amount(Units amount, int decimals);

// "1,234.5 BTC": format_amount with thousands grouped (the same in English and Mexican Spanish),
// as a trainee reads an amount; without the asset when `asset` is empty.
std::string display_amount(Units amount, int decimals, std::string_view asset);
// "1234567" -> "1,234,567" (digits only, no sign).
std::string group_thousands(std::string_view digits);

// Decimal string of a base-unit count, for JSON and journals ("50000000").
std::string to_string(Units amount);
std::optional<Units> parse_units(std::string_view digits);

}  // namespace mt
