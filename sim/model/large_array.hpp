#pragma once
// Storage for the ledger's big arrays (hundreds of MB for a million transactions). Each array of
// 2 MiB or more gets its own mapping, given back to the kernel whole when freed.
//
// Pages::Small (the default) leaves the mapping in 4 KiB pages. Pages::Huge aligns it to 2 MiB
// and offers it to the kernel for transparent huge pages: one fault per 2 MiB instead of 512, and
// fewer TLB misses. On the development VM (a Firecracker guest whose free 8 MiB blocks are
// handed back to the host, `page_reporting_order=11`) a huge page is often cut from such a
// block, and zeroing it then waits for the host: 300 MB of fresh huge pages cost 0.015 s to
// 2.6 s of kernel time from one run to the next, the same 300 MB in 4 KiB pages 0.09 to 0.11 s
// every time (docs/performance.md, "Large ledgers"). The ledger load writes 280 MB of fresh
// memory, so it takes the predictable small pages; a consumer that fills pages on demand a few
// at a time (forensics' PagedArray) keeps huge ones.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <new>
#include <vector>

namespace mt {

namespace large_array {
// Arrays smaller than one huge page come from the ordinary heap.
inline constexpr std::size_t kMinBytes = std::size_t{2} << 20;
enum class Pages : std::uint8_t { Small, Huge };
// Returns `bytes` (>= kMinBytes) of zeroed memory, page-aligned (Small) or aligned to 2 MiB and
// advised for huge pages (Huge); throws std::bad_alloc.
void* map(std::size_t bytes, Pages pages);
void unmap(void* memory, std::size_t bytes) noexcept;
// Has the kernel back the pages of [begin, begin + bytes) now, zeroed as a first write would
// find them, so that another thread writing there later does not wait for the faults. Advice:
// nothing happens where the kernel refuses it, and the memory's content is never changed.
void prefault(const void* begin, std::size_t bytes) noexcept;
}  // namespace large_array

template <class T, large_array::Pages kPages = large_array::Pages::Small>
struct LargePageAllocator {
    using value_type = T;

    LargePageAllocator() = default;
    template <class U>
    LargePageAllocator(const LargePageAllocator<U, kPages>&) noexcept {}
    template <class U>
    struct rebind {
        using other = LargePageAllocator<U, kPages>;
    };

    T* allocate(std::size_t n) {
        if (n > std::size_t(-1) / sizeof(T)) throw std::bad_array_new_length();
        if (n * sizeof(T) < large_array::kMinBytes) return std::allocator<T>{}.allocate(n);
        return static_cast<T*>(large_array::map(n * sizeof(T), kPages));
    }
    void deallocate(T* p, std::size_t n) noexcept {
        if (n * sizeof(T) < large_array::kMinBytes)
            std::allocator<T>{}.deallocate(p, n);
        else
            large_array::unmap(p, n * sizeof(T));
    }
    template <class U>
    bool operator==(const LargePageAllocator<U, kPages>&) const noexcept {
        return true;
    }
};

template <class T, large_array::Pages kPages = large_array::Pages::Small>
using LargeVector = std::vector<T, LargePageAllocator<T, kPages>>;

}  // namespace mt
