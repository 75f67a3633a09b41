#pragma once
// A checked ledger written out as its arrays, so that loading the same case again reads them back
// in a fraction of a second instead of parsing and checking millions of CSV rows (the scenario
// loader's ledger cache decides when; see scenario/ledger_cache.hpp).
//
// The image holds the transactions, their legs and the id and address tables. The chains and
// assets come from the case file and must already be in the ledger it is read into; the indexes
// are rebuilt by finalize(). An image is only read back for the key it was written under, in
// full, with a matching checksum, and with every index in range: a damaged or foreign file is
// refused with a reason, never trusted.
#include <cstdint>
#include <filesystem>
#include <string>

#include "model/ledger.hpp"

namespace mt {

// What the image was made from (the caller's hash of the case's bytes), 128 bits.
struct LedgerImageKey {
    std::uint64_t low = 0;
    std::uint64_t high = 0;
    bool operator==(const LedgerImageKey&) const = default;
};

class LedgerImage {
  public:
    // The file: a header of kHeaderBytes ending with the XXH3-64 checksum of the rest, then the
    // arrays, each as its element count (8 bytes) and its elements.
    static constexpr std::size_t kHeaderBytes = 72;

    // Writes a finalized `ledger` to `path` through a temporary file renamed into place, so a
    // reader never sees half an image. Returns what went wrong, or an empty string.
    static std::string write(const Ledger& ledger, const std::filesystem::path& path,
                             const LedgerImageKey& key);
    // Reads the image at `path` into `ledger` (which holds the case's chains and assets and
    // nothing else yet) and finalizes it. Returns why the image was not used, or an empty string;
    // when not used, `ledger` is unchanged.
    static std::string read(Ledger& ledger, const std::filesystem::path& path,
                            const LedgerImageKey& key);

  private:
    // Why the arrays read into `ledger` cannot be a ledger's (an index out of range, legs out of
    // order), or an empty string.
    static std::string check(const Ledger& ledger);
};

}  // namespace mt
