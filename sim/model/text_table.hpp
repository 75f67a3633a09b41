#pragma once
// Interned text for the ledger's millions of transaction ids and addresses: the texts sit back to
// back in one arena with an offset each, found through an open-addressing index, instead of two
// heap strings per entry in a node-based hash map.
//
// A table made with Packing::Compact stores the usual spellings of hashes and addresses in fewer
// bytes: lowercase hex (transaction hashes, with or without "0x") as its bytes, half the size, and
// bech32 addresses ("bc1q...") at 5 bits a character. For a million transactions that is 32 MB
// less for their hashes and 15 MB less for their addresses. Reading an entry gives a Text, which
// spells a packed text out again on demand.
#include <cstdint>
#include <iosfwd>
#include <limits>
#include <string>
#include <string_view>
#include <utility>

#include "model/large_array.hpp"

namespace mt {

class TextTable {
  public:
    using Entry = std::uint32_t;
    static constexpr Entry kAbsent = std::numeric_limits<Entry>::max();

    enum class Packing : std::uint8_t { None, Compact };
    // Texts that Packing::Compact packs, each exactly as it reads back:
    // - an even number (16 to 64) of lowercase hex digits, optionally after "0x";
    // - lowercase bech32: a human-readable part of 1 to 8 letters, "1", then 6 to 80 characters of
    //   bech32's alphabet (checksums are not checked: a case may invent its addresses).
    // Anything else is stored as written.
    static constexpr std::size_t kMaxPackedText = 89;

    // An entry's text, read from the table only when asked for: making and copying a Text costs
    // no memory access, so loops over a million transactions that never read their ids do not pay
    // for them. Holds the spelled-out characters of a packed entry itself, so view() lives as
    // long as this object; an unpacked entry's view() points into the table. Valid while the
    // table's texts are (like a string_view into it: moving the table keeps them).
    class Text {
      public:
        Text() = default;
        // A copy spells a packed text again when asked.
        Text(const Text& other) : arena_(other.arena_), ends_(other.ends_), entry_(other.entry_) {}
        Text& operator=(const Text& other) {
            arena_ = other.arena_;
            ends_ = other.ends_;
            entry_ = other.entry_;
            spelled_ = false;
            return *this;
        }
        std::string_view view() const;
        std::string str() const { return std::string(view()); }
        std::size_t size() const;
        bool empty() const { return size() == 0; }
        friend bool operator==(const Text& a, std::string_view b) { return a.view() == b; }
        friend bool operator==(const Text& a, const Text& b) { return a.view() == b.view(); }
        friend std::ostream& operator<<(std::ostream& out, const Text& text);

      private:
        friend class TextTable;
        std::string_view stored() const;
        std::uint8_t form() const;
        const char* arena_ = nullptr;          // the table's arena
        const std::uint32_t* ends_ = nullptr;  // the table's begin_; null for an empty Text
        Entry entry_ = 0;
        mutable bool spelled_ = false;
        mutable char spelled_out_[kMaxPackedText];  // written by view() before it is read
    };

    // A text as the table stores and finds it: its hash and its stored (possibly packed) bytes.
    // Making one needs no table, so a bulk loader makes them on another thread and looks them up
    // on its own; a key is only valid for tables of the packing it was made for.
    struct Key {
        std::string_view stored;  // the packed bytes (in the maker's scratch), or the text
        std::uint64_t hash = 0;
        std::uint8_t form = 0;
        Packing packing = Packing::None;
    };
    // The most bytes a packed text takes (in the `scratch` given to key()).
    static constexpr std::size_t kMaxPackedBytes = 64;
    // The key of `text` for a table of this packing; packed bytes are written to `scratch`
    // (kMaxPackedBytes), which must outlive the key.
    static Key key(std::string_view text, Packing packing, char* scratch);

    explicit TextTable(Packing packing = Packing::None) : packing_(packing) {}
    Packing packing() const { return packing_; }

    // The entry holding `text`, adding it when absent; `second` is true when it was added.
    std::pair<Entry, bool> intern(std::string_view text);
    std::pair<Entry, bool> intern(const Key& key);
    // The entry holding `text`, or kAbsent.
    Entry find(std::string_view text) const;
    Entry find(const Key& key) const;
    // Starts loading the index slot where `text` would be, so a find or intern of it soon after
    // does not wait for memory (a bulk loader names several texts per row).
    void prefetch(std::string_view text) const;
    // A lookup of an entry already present waits for three loads in turn: the index slot, the
    // entry's offsets, its text. A bulk loader that knows its keys rows ahead asks for each
    // step some rows apart (slot first, text last), each step reading what the one before
    // loaded, so the misses of many lookups overlap.
    enum class Step : std::uint8_t { Slot, Offsets, Text };
    void prefetch(const Key& key, Step step) const;

    Text at(Entry entry) const;
    std::size_t size() const { return begin_.size() - 1; }
    // Room for this many entries of this many bytes in all, so a bulk load does not copy them.
    void reserve(std::size_t entries, std::size_t bytes);
    // Bytes in use (arena, offsets, index), for memory figures.
    std::size_t memory_bytes() const;

  private:
    friend class LedgerImage;  // writes and reads these arrays as they are (ledger_image.cpp)

    // A slot holds an entry and the high half of its text's hash, so a probe compares texts only
    // when the hashes agree.
    using Slot = std::uint64_t;
    // Packs `text` into `scratch` when it has a packed form, setting the key's bytes and form.
    static void pack(std::string_view text, Key& key, char* scratch);
    static std::uint64_t hash(std::string_view stored, std::uint8_t form);
    void check_packing(const Key& key) const;
    void grow_index();
    // Why the arrays cannot be a table's (offsets out of order, an impossible packed entry, an
    // index without free slots), or an empty string: checked before using a table read from disk.
    std::string check_structure() const;
    std::size_t slot_of(const Key& key) const;
    // Slots of a probe that prefetch() looks at: one cache line's worth.
    static constexpr std::size_t kProbeHint = 8;
    bool holds(Entry entry, const Key& key) const;

    // begin_[e + 1] is where entry e ends in the arena (low 30 bits) and how it is stored (top 2).
    static constexpr std::uint32_t kOffsetBits = 30;
    static constexpr std::uint32_t kOffsetMask = (std::uint32_t{1} << kOffsetBits) - 1;
    std::uint32_t offset(std::size_t i) const { return begin_[i] & kOffsetMask; }
    std::uint8_t form(Entry e) const {
        return static_cast<std::uint8_t>(begin_[e + 1] >> kOffsetBits);
    }

    LargeVector<char> arena_;
    LargeVector<std::uint32_t> begin_{0};
    LargeVector<Slot> slots_;  // 2^bits_ slots, at most 3/4 full
    int bits_ = 0;
    Packing packing_;
};

}  // namespace mt
