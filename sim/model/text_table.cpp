#include "model/text_table.hpp"

#include <functional>
#include <stdexcept>

namespace mt {
namespace {

constexpr std::uint64_t kEmpty = 0;

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
    return static_cast<std::size_t>(h >> (64 - bits));
}

}  // namespace

std::uint64_t TextTable::hash(std::string_view text) {
    // libstdc++'s string hash, mixed so that its high bits (slot choice and tag) are well spread.
    std::uint64_t h = std::hash<std::string_view>{}(text);
    h ^= h >> 33;
    h *= 0xff51afd7ed558ccdULL;
    h ^= h >> 33;
    return h;
}

std::size_t TextTable::slot_of(std::string_view text, std::uint64_t h) const {
    const std::size_t mask = slots_.size() - 1;
    for (std::size_t i = home_slot(h, bits_);; i = (i + 1) & mask) {
        const Slot slot = slots_[i];
        if (slot == kEmpty) return i;
        if (same_tag(slot, h) && at(slot_entry(slot)) == text) return i;
    }
}

void TextTable::prefetch(std::string_view text) const {
    if (!slots_.empty()) __builtin_prefetch(&slots_[home_slot(hash(text), bits_)]);
}

TextTable::Entry TextTable::find(std::string_view text) const {
    if (slots_.empty()) return kAbsent;
    const Slot slot = slots_[slot_of(text, hash(text))];
    return slot == kEmpty ? kAbsent : slot_entry(slot);
}

std::pair<TextTable::Entry, bool> TextTable::intern(std::string_view text) {
    if ((size() + 1) * 4 > slots_.size() * 3) grow_index();
    const std::uint64_t h = hash(text);
    const std::size_t i = slot_of(text, h);
    if (slots_[i] != kEmpty) return {slot_entry(slots_[i]), false};
    if (arena_.size() + text.size() > std::numeric_limits<std::uint32_t>::max() ||
        size() + 1 >= kAbsent)
        throw std::length_error("TextTable: more than 4 GiB of text or entries");
    const auto entry = static_cast<Entry>(size());
    arena_.insert(arena_.end(), text.begin(), text.end());
    begin_.push_back(static_cast<std::uint32_t>(arena_.size()));
    slots_[i] = make_slot(entry, h);
    return {entry, true};
}

void TextTable::grow_index() {
    const int bits = slots_.empty() ? 4 : bits_ + 1;
    std::vector<Slot> old(std::size_t{1} << bits, kEmpty);
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
