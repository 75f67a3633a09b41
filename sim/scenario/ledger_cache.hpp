#pragma once
// Loading a big case again in a fraction of a second. After a case whose CSV ledger file is big
// loads without a problem, its checked ledger is written to a cache folder as an image
// (model/ledger_image.hpp), named by a hash of the case file's and the ledger file's bytes. The
// next load of the same bytes reads the image instead of parsing and checking every row again.
// Changing either file gives another name; a damaged image is refused and replaced.
#include <cstddef>
#include <cstdint>
#include <filesystem>

namespace mt {

struct LedgerCacheOptions {
    std::filesystem::path directory;                             // empty: no cache
    std::uintmax_t min_ledger_bytes = std::uintmax_t{16} << 20;  // smaller files parse fast enough
    std::size_t max_images = 4;  // beyond this, the least recently used images are deleted
};

// $MT_LEDGER_CACHE (a folder, or "off"), else $XDG_CACHE_HOME/moneytrail/ledgers, else
// $HOME/.cache/moneytrail/ledgers; no cache when none of them is set.
LedgerCacheOptions default_ledger_cache();

}  // namespace mt
