#pragma once
// The loader's side of the ledger cache (ledger_cache.hpp): which image belongs to a case, reading
// it in place of the transaction sections, and writing it after a clean load.
#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string_view>

#include "model/ledger_image.hpp"
#include "scenario/ledger_cache.hpp"
#include "scenario/load_state.hpp"

namespace mt::scenario_detail {

// The image key of a case (XXH3-128 of the case file's size and text, then the ledger file's
// bytes), fed with the ledger file's bytes as they are read.
class LedgerKeyHash {
  public:
    explicit LedgerKeyHash(std::string_view yaml);
    ~LedgerKeyHash();
    LedgerKeyHash(const LedgerKeyHash&) = delete;
    LedgerKeyHash& operator=(const LedgerKeyHash&) = delete;
    void add(std::string_view ledger_bytes);
    LedgerImageKey key() const;
    std::uint64_t ledger_bytes() const { return ledger_bytes_; }

  private:
    struct State;
    std::unique_ptr<State> state_;
    std::uint64_t ledger_bytes_ = 0;
};

struct CachedLedger {
    std::filesystem::path directory;
    // XXH3-64 of the case file's text: with the ledger file's size it starts an image's name, so
    // a load can tell that no image can match without reading the ledger file.
    std::uint64_t yaml_hash = 0;
    // Hashed before the parse (an image of this case file and ledger size exists, so the load
    // may read it), or by the parse from the blocks it reads (no image can match).
    bool hashed_before_parse = false;
    std::shared_ptr<LedgerKeyHash> hash;
};

// The image for this case: only when the cache is on and the case names a ledger file of at least
// the cache's minimum size. When an image of this case file and ledger file size exists, reads the
// ledger file once to hash it; else the CSV reader hashes the blocks it parses (it hands them to
// `state.ledger_bytes_read`). Reports nothing: problems with the ledger file are the loader's to
// report.
std::optional<CachedLedger> find_cached_ledger(const LedgerCacheOptions& options, LoadState& state,
                                               const MapReader& root, std::string_view yaml);
// Reads the image into the scenario's ledger (which holds the case's chains and assets). True
// when it was used: the transactions are then in the ledger, finalized.
bool restore_cached_ledger(const CachedLedger& cached, LoadState& state);
// Writes the image of a cleanly loaded ledger, then deletes the least recently used images beyond
// the cache's limit. A cache that cannot be written is skipped: it only ever saves time.
void store_cached_ledger(const CachedLedger& cached, const Ledger& ledger,
                         const LedgerCacheOptions& options);

}  // namespace mt::scenario_detail
