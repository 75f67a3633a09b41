#pragma once
// Interned text for the ledger's millions of transaction ids and addresses: the texts sit back to
// back in one arena with an offset each, found through an open-addressing index, instead of two
// heap strings per entry in a node-based hash map.
#include <cstdint>
#include <limits>
#include <string_view>
#include <utility>
#include <vector>

namespace mt {

class TextTable {
  public:
    using Entry = std::uint32_t;
    static constexpr Entry kAbsent = std::numeric_limits<Entry>::max();

    // The entry holding `text`, adding it when absent; `second` is true when it was added.
    std::pair<Entry, bool> intern(std::string_view text);
    // The entry holding `text`, or kAbsent.
    Entry find(std::string_view text) const;
    // Starts loading the index slot where `text` would be, so a find or intern of it soon after
    // does not wait for memory (a bulk loader names several texts per row).
    void prefetch(std::string_view text) const;

    std::string_view at(Entry entry) const {
        return {arena_.data() + begin_[entry], begin_[entry + 1] - begin_[entry]};
    }
    std::size_t size() const { return begin_.size() - 1; }
    // Room for this many entries of this many bytes in all, so a bulk load does not copy them.
    void reserve(std::size_t entries, std::size_t bytes);
    // Bytes in use (arena, offsets, index), for memory figures.
    std::size_t memory_bytes() const;

  private:
    // A slot holds an entry and the high half of its text's hash, so a probe compares texts only
    // when the hashes agree.
    using Slot = std::uint64_t;
    static std::uint64_t hash(std::string_view text);
    void grow_index();
    std::size_t slot_of(std::string_view text, std::uint64_t h) const;

    std::vector<char> arena_;
    std::vector<std::uint32_t> begin_{0};  // entry e is arena_[begin_[e], begin_[e + 1])
    std::vector<Slot> slots_;              // 2^bits_ slots, at most 3/4 full
    int bits_ = 0;
};

}  // namespace mt
