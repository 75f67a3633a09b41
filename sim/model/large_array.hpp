#pragma once
// Storage for the ledger's big arrays (hundreds of MB for a million transactions). Each array of
// 2 MiB or more gets its own mapping, aligned to 2 MiB and offered to the kernel for transparent
// huge pages. On the development VM, writing 300 MB of fresh memory one 4 KiB page at a time cost
// about 1 s of faults, a quarter of the 1M-transaction load; in 2 MiB pages it costs a few
// hundredths of a second, and random index lookups miss the TLB less (docs/performance.md).
#include <cstddef>
#include <memory>
#include <new>
#include <vector>

namespace mt {

namespace large_array {
// Arrays smaller than one huge page come from the ordinary heap.
inline constexpr std::size_t kMinBytes = std::size_t{2} << 20;
// Returns `bytes` (>= kMinBytes) of zeroed memory aligned to 2 MiB; throws std::bad_alloc.
void* map(std::size_t bytes);
void unmap(void* memory, std::size_t bytes) noexcept;
// Has the kernel back the pages of [begin, begin + bytes) now, zeroed as a first write would
// find them, so that another thread writing there later does not wait for the faults. Advice:
// nothing happens where the kernel refuses it, and the memory's content is never changed.
void prefault(const void* begin, std::size_t bytes) noexcept;
}  // namespace large_array

template <class T>
struct LargePageAllocator {
    using value_type = T;

    LargePageAllocator() = default;
    template <class U>
    LargePageAllocator(const LargePageAllocator<U>&) noexcept {}

    T* allocate(std::size_t n) {
        if (n > std::size_t(-1) / sizeof(T)) throw std::bad_array_new_length();
        if (n * sizeof(T) < large_array::kMinBytes) return std::allocator<T>{}.allocate(n);
        return static_cast<T*>(large_array::map(n * sizeof(T)));
    }
    void deallocate(T* p, std::size_t n) noexcept {
        if (n * sizeof(T) < large_array::kMinBytes)
            std::allocator<T>{}.deallocate(p, n);
        else
            large_array::unmap(p, n * sizeof(T));
    }
    template <class U>
    bool operator==(const LargePageAllocator<U>&) const noexcept {
        return true;
    }
};

template <class T>
using LargeVector = std::vector<T, LargePageAllocator<T>>;

}  // namespace mt
