#pragma once
// The loader's side of the ledger cache (ledger_cache.hpp): which image belongs to a case, reading
// it in place of the transaction sections, and writing it after a clean load.
#include <filesystem>
#include <optional>
#include <string_view>

#include "model/ledger_image.hpp"
#include "scenario/ledger_cache.hpp"
#include "scenario/load_state.hpp"

namespace mt::scenario_detail {

struct CachedLedger {
    std::filesystem::path image;
    LedgerImageKey key;
};

// The image for this case: only when the cache is on and the case names a ledger file of at least
// the cache's minimum size. Reads the ledger file once to hash it. Reports nothing: problems with
// the ledger file are the loader's to report.
std::optional<CachedLedger> find_cached_ledger(const LedgerCacheOptions& options,
                                               const LoadState& state, const MapReader& root,
                                               std::string_view yaml);
// Reads the image into the scenario's ledger (which holds the case's chains and assets). True
// when it was used: the transactions are then in the ledger, finalized.
bool restore_cached_ledger(const CachedLedger& cached, LoadState& state);
// Writes the image of a cleanly loaded ledger, then deletes the least recently used images beyond
// the cache's limit. A cache that cannot be written is skipped: it only ever saves time.
void store_cached_ledger(const CachedLedger& cached, const Ledger& ledger,
                         const LedgerCacheOptions& options);

}  // namespace mt::scenario_detail
