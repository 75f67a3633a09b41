#pragma once
// An array indexed like a dense vector whose storage is allocated a page at a time on first write.
// Taint on a million-transaction ledger may touch a few hundred outputs or most of them; paging
// keeps the first case cheap (no 40 MB zero-fill per analysis) and the second as fast as a vector.
#include <cstddef>
#include <memory>
#include <vector>

namespace mt {

template <typename T>
class PagedArray {
  public:
    static constexpr std::size_t kPageBits = 14;
    static constexpr std::size_t kPageSize = std::size_t{1} << kPageBits;

    void reset(std::size_t size) {
        pages_.clear();
        pages_.resize((size >> kPageBits) + 1);
    }
    // Value-initialised (zero) where never written.
    T get(std::size_t i) const {
        const auto& page = pages_[i >> kPageBits];
        return page ? page[i & (kPageSize - 1)] : T{};
    }
    T& at(std::size_t i) {
        auto& page = pages_[i >> kPageBits];
        if (!page) page = std::make_unique<T[]>(kPageSize);  // value-initialised: zeros
        return page[i & (kPageSize - 1)];
    }

  private:
    std::vector<std::unique_ptr<T[]>> pages_;
};

}  // namespace mt
