#pragma once
// An array indexed like a dense vector whose storage is allocated a page at a time on first write.
// Taint on a million-transaction ledger may touch a few hundred outputs or most of them; paging
// keeps the first case cheap (no 40 MB zero-fill per analysis) and the second as fast as a vector.
// A page is one huge page (model/large_array.hpp), so filling it costs one fault, not 512.
#include <bit>
#include <cstddef>
#include <vector>

#include "model/large_array.hpp"

namespace mt {

template <typename T>
class PagedArray {
  public:
    static constexpr std::size_t kPageSize = large_array::kMinBytes / sizeof(T);
    static_assert((kPageSize & (kPageSize - 1)) == 0, "elements of a power-of-two size");
    static constexpr std::size_t kPageBits = std::countr_zero(kPageSize);

    void reset(std::size_t size) {
        pages_.clear();
        pages_.resize((size >> kPageBits) + 1);
    }
    // Value-initialised (zero) where never written.
    T get(std::size_t i) const {
        const auto& page = pages_[i >> kPageBits];
        return page.empty() ? T{} : page[i & (kPageSize - 1)];
    }
    T& at(std::size_t i) {
        auto& page = pages_[i >> kPageBits];
        if (page.empty()) page.resize(kPageSize);  // value-initialised: zeros
        return page[i & (kPageSize - 1)];
    }

  private:
    std::vector<LargeVector<T, large_array::Pages::Huge>> pages_;
};

}  // namespace mt
