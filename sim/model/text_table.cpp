#include "model/text_table.hpp"

#include <algorithm>
#include <array>
#include <bit>
#include <cstring>
#include <ostream>
#include <stdexcept>

// XXH3 compiled in here: the ledger hashes millions of short keys, where the call into the
// shared library costs as much as the hash.
#define XXH_INLINE_ALL
#include <xxhash.h>

#include "model/bech32.hpp"
#include "model/narrow.hpp"

namespace mt {
namespace {

constexpr std::uint64_t kEmpty = 0;

// How an entry is stored (the top bits of its end offset).
enum Form : std::uint8_t { kAsWritten = 0, kHex = 1, kPrefixedHex = 2, kBech32 = 3 };

// A slot holds the high half of its text's hash (the tag) above its entry plus one, so a zero
// slot is empty. The tag's top bits choose the slot, so the index regrows without rehashing.
constexpr std::uint64_t make_slot(TextTable::Entry entry, std::uint64_t h) {
    return (h & 0xFFFF'FFFF'0000'0000ULL) | (std::uint64_t{entry} + 1);
}
constexpr TextTable::Entry slot_entry(std::uint64_t slot) {
    return static_cast<TextTable::Entry>((slot & 0xFFFF'FFFFULL) - 1);
}
constexpr bool same_tag(std::uint64_t slot, std::uint64_t h) {
    return (slot >> 32) == (h >> 32);
}

// The first slot to probe for hash (or slot) `h` in a table of 2^bits slots.
constexpr std::size_t home_slot(std::uint64_t h, int bits) {
    return narrow<std::size_t>(h >> (64 - bits));
}

constexpr char kDigits[] = "0123456789abcdef";

constexpr std::string_view kBech32Alphabet = bech32::kAlphabet;
constexpr std::size_t kMaxHrp = 8;
constexpr std::size_t kMinBech32Data = 6;
constexpr std::size_t kMaxBech32Data = 80;
// Hex texts that pack: this many digits (after any "0x"), in pairs.
constexpr std::size_t kMinHexDigits = 16;
constexpr std::size_t kMaxHexDigits = 64;

bool is_hrp(std::string_view hrp) {
    return std::all_of(hrp.begin(), hrp.end(), [](char c) { return c >= 'a' && c <= 'z'; });
}

// Bytes a packed bech32 entry takes: its two lengths, its prefix and its data at 5 bits each.
constexpr std::size_t bech32_stored_size(std::size_t hrp, std::size_t data) {
    return 2 + hrp + (data * 5 + 7) / 8;
}

// Character values for packing: a digit's value, or kNotInAlphabet. Packing ORs every value into
// one flag and checks it once at the end, so a row of a million hashes runs without branches.
constexpr std::uint8_t kNotInAlphabet = 0x80;
constexpr std::array<std::uint8_t, 256> values_of(std::string_view alphabet) {
    std::array<std::uint8_t, 256> values{};
    for (auto& v : values) v = kNotInAlphabet;
    for (std::size_t i = 0; i < alphabet.size(); ++i)
        values[static_cast<unsigned char>(alphabet[i])] = static_cast<std::uint8_t>(i);
    return values;
}
constexpr std::array<std::uint8_t, 256> kHexValues = values_of(kDigits);
constexpr std::array<std::uint8_t, 256> kBech32Values = values_of(kBech32Alphabet);

std::uint8_t value_in(const std::array<std::uint8_t, 256>& values, char c) {
    return values[static_cast<unsigned char>(c)];
}

// Eight lowercase hex digits packed into four bytes at once (SWAR, a little-endian word);
// false when one of them is not a lowercase hex digit.
bool pack_hex8(const char* digits, char* out) {
    static_assert(std::endian::native == std::endian::little);
    constexpr std::uint64_t kOnes = 0x0101'0101'0101'0101ULL;
    constexpr std::uint64_t kHighBits = 0x8080'8080'8080'8080ULL;
    std::uint64_t w = 0;
    std::memcpy(&w, digits, 8);
    // Bit 7 of a byte below 0x80 is set in w + (0x80 - low) when the byte is at least `low`, and
    // in w + (0x7F - high) when it is above `high` (no carry between such bytes; a byte of 0x80
    // or more fails the check below whatever its neighbours read).
    const auto at_least = [&](std::uint64_t low) { return w + (0x80 - low) * kOnes; };
    const auto above = [&](std::uint64_t high) { return w + (0x7F - high) * kOnes; };
    const std::uint64_t digit = at_least('0') & ~above('9');
    const std::uint64_t letter = at_least('a') & ~above('f');
    const bool valid = ((digit | letter) & ~w & kHighBits) == kHighBits;
    // '0'-'9' are their low nibble; 'a'-'f' (0x61-0x66, bit 6 set) their low nibble plus 9.
    const std::uint64_t values = (w & 0x0F * kOnes) + ((w >> 6) & kOnes) * 9;
    // Each pair of digits into the low byte of its 16-bit lane, then the four lanes' bytes
    // side by side.
    constexpr std::uint64_t kEvenBytes = 0x00FF'00FF'00FF'00FFULL;
    const std::uint64_t pairs = ((values & kEvenBytes) << 4) | ((values >> 8) & kEvenBytes);
    std::uint64_t packed = (pairs | (pairs >> 8)) & 0x0000'FFFF'0000'FFFFULL;
    packed = (packed | (packed >> 16)) & 0xFFFF'FFFFULL;
    const auto bytes = static_cast<std::uint32_t>(packed);
    std::memcpy(out, &bytes, 4);
    return valid;
}

// Packs hex digits (an even number) as bytes into `out`; false when a character is not a
// lowercase hex digit.
bool pack_hex(std::string_view digits, char* out) {
    std::size_t i = 0;
    for (; i + 8 <= digits.size(); i += 8)
        if (!pack_hex8(digits.data() + i, out + i / 2)) return false;
    std::uint8_t seen = 0;
    for (; i < digits.size(); i += 2) {
        const std::uint8_t high = value_in(kHexValues, digits[i]);
        const std::uint8_t low = value_in(kHexValues, digits[i + 1]);
        seen |= high | low;
        out[i / 2] = static_cast<char>(high << 4 | low);
    }
    return (seen & kNotInAlphabet) == 0;
}

// Bech32 is stored as [hrp length][hrp][data length][data at 5 bits a character, high bits first];
// returns the stored size, or 0 when `text` is not lowercase bech32.
std::size_t pack_bech32(std::string_view text, char* out) {
    // The human-readable part is letters only, so the separator is the first '1'.
    std::size_t separator = 0;
    while (separator < text.size() && separator <= kMaxHrp && text[separator] != '1') ++separator;
    if (separator == 0 || separator > kMaxHrp || separator == text.size()) return 0;
    const std::string_view hrp = text.substr(0, separator);
    const std::string_view data = text.substr(separator + 1);
    if (data.size() < kMinBech32Data || data.size() > kMaxBech32Data) return 0;
    if (!is_hrp(hrp)) return 0;
    char* p = out;
    *p++ = static_cast<char>(hrp.size());
    p = std::copy(hrp.begin(), hrp.end(), p);
    *p++ = static_cast<char>(data.size());
    std::uint8_t seen = 0;
    // Eight characters are 40 bits, five whole bytes: most of the data goes in such groups.
    std::size_t grouped = 0;
    for (; grouped + 8 <= data.size(); grouped += 8) {
        std::uint64_t group = 0;
        for (std::size_t k = 0; k < 8; ++k) {
            const std::uint8_t value = value_in(kBech32Values, data[grouped + k]);
            seen |= value;
            group = group << 5 | (value & 31u);
        }
        for (int k = 4; k >= 0; --k) *p++ = static_cast<char>(group >> (8 * k));
    }
    std::uint32_t bits = 0;
    int pending = 0;
    for (const char c : data.substr(grouped)) {
        const std::uint8_t value = value_in(kBech32Values, c);
        seen |= value;
        bits = bits << 5 | (value & 31u);
        pending += 5;
        if (pending >= 8) {
            pending -= 8;
            *p++ = static_cast<char>(bits >> pending);
        }
    }
    if (pending > 0) *p++ = static_cast<char>(bits << (8 - pending));
    return (seen & kNotInAlphabet) == 0 ? static_cast<std::size_t>(p - out) : 0;
}

std::size_t bech32_size(const char* stored) {
    const auto hrp = static_cast<std::size_t>(stored[0]);
    return hrp + 1 + static_cast<std::size_t>(stored[1 + hrp]);
}

char* spell_bech32(const char* stored, char* out) {
    const auto hrp = static_cast<std::size_t>(stored[0]);
    out = std::copy(stored + 1, stored + 1 + hrp, out);
    *out++ = '1';
    const auto count = static_cast<std::size_t>(stored[1 + hrp]);
    const auto* bytes = reinterpret_cast<const unsigned char*>(stored + 2 + hrp);
    std::uint32_t bits = 0;
    int available = 0;
    for (std::size_t i = 0; i < count; ++i) {
        if (available < 5) {
            bits = bits << 8 | *bytes++;
            available += 8;
        }
        available -= 5;
        *out++ = kBech32Alphabet[(bits >> available) & 31];
    }
    return out;
}

}  // namespace

TextTable::Key TextTable::key(std::string_view text, Packing packing, char* scratch) {
    Key key;
    key.stored = text;
    key.packing = packing;
    if (packing == Packing::Compact) pack(text, key, scratch);
    key.hash = hash(key.stored, key.form);
    return key;
}

void TextTable::pack(std::string_view text, Key& key, char* scratch) {
    if (text.size() > kMaxPackedText) return;
    const bool prefixed = text.size() >= 2 && text[0] == '0' && text[1] == 'x';
    const std::string_view digits = prefixed ? text.substr(2) : text;
    if (digits.size() >= kMinHexDigits && digits.size() <= kMaxHexDigits &&
        digits.size() % 2 == 0 && pack_hex(digits, scratch)) {
        key.form = prefixed ? kPrefixedHex : kHex;
        key.stored = std::string_view(scratch, digits.size() / 2);
    } else if (const std::size_t size = pack_bech32(text, scratch); size > 0) {
        key.form = kBech32;
        key.stored = std::string_view(scratch, size);
    }
}

void TextTable::check_packing(const Key& key) const {
    if (key.packing != packing_)
        throw std::logic_error("TextTable: a key made for another packing");
}

std::uint64_t TextTable::hash(std::string_view stored, std::uint8_t form) {
    // The stored bytes, half the text of a packed hash or less, with XXH3 (fast on short input,
    // its high bits well spread for the slot choice and tag); the form seeds it, so a packed
    // entry and a text written as the same bytes differ.
    return XXH3_64bits_withSeed(stored.data(), stored.size(), form);
}

bool TextTable::holds(Entry entry, const Key& key) const {
    if (form(entry) != key.form) return false;
    const std::string_view stored = key.stored;
    const std::uint32_t begin = offset(entry);
    return offset(entry + 1) - begin == stored.size() &&
           std::string_view(arena_.data() + begin, stored.size()) == stored;
}

std::size_t TextTable::slot_of(const Key& key) const {
    const std::size_t mask = slots_.size() - 1;
    for (std::size_t i = home_slot(key.hash, bits_);; i = (i + 1) & mask) {
        const Slot slot = slots_[i];
        if (slot == kEmpty) return i;
        if (same_tag(slot, key.hash) && holds(slot_entry(slot), key)) return i;
    }
}

void TextTable::prefetch(std::string_view text) const {
    if (slots_.empty()) return;
    std::array<char, kMaxPackedBytes> scratch;
    __builtin_prefetch(&slots_[home_slot(key(text, packing_, scratch.data()).hash, bits_)]);
}

void TextTable::prefetch(const Key& key, Step step) const {
    if (slots_.empty()) return;
    const std::size_t home = home_slot(key.hash, bits_);
    if (step == Step::Slot) {
        // The probe may run past the home slot's cache line: ask for the next one too.
        __builtin_prefetch(&slots_[home]);
        __builtin_prefetch(&slots_[(home + kProbeHint - 1) & (slots_.size() - 1)]);
        return;
    }
    // The first slot of the probe with the key's tag (the entry a lookup will compare), among
    // the few slots the Slot step loaded.
    const std::size_t mask = slots_.size() - 1;
    Slot found = kEmpty;
    for (std::size_t n = 0, i = home; n < kProbeHint; ++n, i = (i + 1) & mask) {
        const Slot slot = slots_[i];
        if (slot == kEmpty) return;
        if (same_tag(slot, key.hash)) {
            found = slot;
            break;
        }
    }
    if (found == kEmpty) return;
    const Entry entry = slot_entry(found);
    if (step == Step::Offsets) {
        __builtin_prefetch(&begin_[entry]);
        __builtin_prefetch(&begin_[entry + 1]);
        return;
    }
    // A text may straddle two cache lines.
    const std::uint32_t begin = offset(entry);
    const std::uint32_t end = offset(entry + 1);
    __builtin_prefetch(arena_.data() + begin);
    if (end > begin) __builtin_prefetch(arena_.data() + end - 1);
}

TextTable::Entry TextTable::find(std::string_view text) const {
    std::array<char, kMaxPackedBytes> scratch;
    return find(key(text, packing_, scratch.data()));
}

TextTable::Entry TextTable::find(const Key& key) const {
    check_packing(key);
    if (slots_.empty()) return kAbsent;
    const Slot slot = slots_[slot_of(key)];
    return slot == kEmpty ? kAbsent : slot_entry(slot);
}

std::pair<TextTable::Entry, bool> TextTable::intern(std::string_view text) {
    std::array<char, kMaxPackedBytes> scratch;
    return intern(key(text, packing_, scratch.data()));
}

std::pair<TextTable::Entry, bool> TextTable::intern(const Key& key) {
    check_packing(key);
    if ((size() + 1) * 4 > slots_.size() * 3) grow_index();
    const std::size_t i = slot_of(key);
    if (slots_[i] != kEmpty) return {slot_entry(slots_[i]), false};
    const std::string_view stored = key.stored;
    if (arena_.size() + stored.size() > kOffsetMask || size() + 1 >= kAbsent)
        throw std::length_error("TextTable: more than 1 GiB of text or 4 G entries");
    const auto entry = static_cast<Entry>(size());
    arena_.insert(arena_.end(), stored.begin(), stored.end());
    begin_.push_back(static_cast<std::uint32_t>(arena_.size()) | std::uint32_t{key.form}
                                                                     << kOffsetBits);
    slots_[i] = make_slot(entry, key.hash);
    return {entry, true};
}

TextTable::Text TextTable::at(Entry entry) const {
    Text text;
    text.arena_ = arena_.data();
    text.ends_ = begin_.data();
    text.entry_ = entry;
    return text;
}

std::uint8_t TextTable::Text::form() const {
    return ends_ ? static_cast<std::uint8_t>(ends_[entry_ + 1] >> kOffsetBits)
                 : std::uint8_t{kAsWritten};
}

std::string_view TextTable::Text::stored() const {
    if (!ends_) return {};
    const std::uint32_t begin = ends_[entry_] & kOffsetMask;
    return {arena_ + begin, (ends_[entry_ + 1] & kOffsetMask) - begin};
}

std::size_t TextTable::Text::size() const {
    const std::string_view bytes = stored();
    switch (form()) {
        case kHex:
            return bytes.size() * 2;
        case kPrefixedHex:
            return bytes.size() * 2 + 2;
        case kBech32:
            return bech32_size(bytes.data());
        default:
            return bytes.size();
    }
}

std::string_view TextTable::Text::view() const {
    const std::string_view bytes = stored();
    const std::uint8_t packed = form();
    if (packed == kAsWritten) return bytes;
    if (!spelled_) {
        char* out = spelled_out_;
        if (packed == kBech32) {
            spell_bech32(bytes.data(), out);
        } else {
            if (packed == kPrefixedHex) {
                *out++ = '0';
                *out++ = 'x';
            }
            for (const char c : bytes) {
                const auto byte = static_cast<unsigned char>(c);
                *out++ = kDigits[byte >> 4];
                *out++ = kDigits[byte & 15];
            }
        }
        spelled_ = true;
    }
    return {spelled_out_, size()};
}

std::ostream& operator<<(std::ostream& out, const TextTable::Text& text) {
    return out << text.view();
}

std::string TextTable::check_structure() const {
    if (begin_.empty() || begin_[0] != 0) return "no first offset";
    if (offset(size()) != arena_.size()) return "offsets do not end with the text";
    for (Entry e = 0; e < size(); ++e) {
        if (offset(e + 1) < offset(e)) return "offsets out of order";
        const std::size_t stored = offset(e + 1) - offset(e);
        const char* text = arena_.data() + offset(e);
        switch (form(e)) {
            case kAsWritten:
                break;
            case kHex:
            case kPrefixedHex:
                if (stored < kMinHexDigits / 2 || stored > kMaxHexDigits / 2)
                    return "a packed hash of impossible length";
                break;
            case kBech32: {
                const auto hrp = stored >= 1 ? static_cast<std::size_t>(text[0]) : 0;
                if (stored < 2 + hrp || hrp < 1 || hrp > kMaxHrp)
                    return "a packed address of impossible length";
                if (!is_hrp(std::string_view(text + 1, hrp)))
                    return "a packed address with an impossible prefix";
                const auto data = static_cast<std::size_t>(text[1 + hrp]);
                if (data < kMinBech32Data || data > kMaxBech32Data ||
                    stored != bech32_stored_size(hrp, data))
                    return "a packed address of impossible length";
                break;
            }
            default:
                return "an entry of unknown form";
        }
    }
    if (slots_.empty()) return size() == 0 ? std::string() : "entries without an index";
    if (bits_ < 4 || bits_ > 31 || slots_.size() != std::size_t{1} << bits_)
        return "an index of impossible size";
    std::size_t used = 0;
    for (const Slot slot : slots_) {
        if (slot == kEmpty) continue;
        if (slot_entry(slot) >= size()) return "an index slot naming no entry";
        ++used;
    }
    // Every search stops at a free slot, so the index must keep some.
    if (used != size() || used * 4 > slots_.size() * 3)
        return "an index that does not fit its entries";
    return {};
}

void TextTable::grow_index() {
    const int bits = slots_.empty() ? 4 : bits_ + 1;
    LargeVector<Slot> old(std::size_t{1} << bits, kEmpty);
    old.swap(slots_);
    bits_ = bits;
    const std::size_t mask = slots_.size() - 1;
    for (const Slot slot : old) {
        if (slot == kEmpty) continue;
        std::size_t i = home_slot(slot, bits_);  // the tag is the hash's high half
        while (slots_[i] != kEmpty) i = (i + 1) & mask;
        slots_[i] = slot;
    }
}

void TextTable::reserve(std::size_t entries, std::size_t bytes) {
    // The index is left to grow: regrowing it moves slots without hashing texts again.
    arena_.reserve(bytes);
    begin_.reserve(entries + 1);
}

std::size_t TextTable::memory_bytes() const {
    return arena_.size() + begin_.size() * sizeof(std::uint32_t) + slots_.size() * sizeof(Slot);
}

}  // namespace mt
