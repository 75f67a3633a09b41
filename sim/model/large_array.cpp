#include "model/large_array.hpp"

#include <sys/mman.h>
#include <unistd.h>

#include <cstdint>

namespace mt::large_array {
namespace {

constexpr std::size_t kHugePage = std::size_t{2} << 20;

std::size_t round_up(std::size_t n, std::size_t to) {
    return (n + to - 1) / to * to;
}

std::size_t page_size() {
    static const std::size_t size = static_cast<std::size_t>(sysconf(_SC_PAGESIZE));
    return size;
}

}  // namespace

void* map(std::size_t bytes, Pages pages) {
    const std::size_t length = round_up(bytes, page_size());
    if (pages == Pages::Small) {
        void* const mapped =
            mmap(nullptr, length, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
        if (mapped == MAP_FAILED) throw std::bad_alloc();
        return mapped;
    }
    // Map one huge page more than needed, then trim the ends so the array starts on a 2 MiB
    // boundary (the kernel only backs whole aligned 2 MiB ranges with huge pages).
    void* const mapped = mmap(nullptr, length + kHugePage, PROT_READ | PROT_WRITE,
                              MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (mapped == MAP_FAILED) throw std::bad_alloc();
    const auto base = reinterpret_cast<std::uintptr_t>(mapped);
    const std::uintptr_t start = round_up(base, kHugePage);
    if (start > base) munmap(mapped, start - base);
    const std::uintptr_t end = base + length + kHugePage;
    if (end > start + length) munmap(reinterpret_cast<void*>(start + length), end - start - length);
#ifdef MADV_HUGEPAGE
    // Only whole huge pages: a partly used last one would count 2 MiB resident for a few bytes.
    // Advice, not a requirement: where it is refused, the array simply uses small pages.
    if (const std::size_t whole = bytes / kHugePage * kHugePage; whole > 0)
        madvise(reinterpret_cast<void*>(start), whole, MADV_HUGEPAGE);
#endif
    return reinterpret_cast<void*>(start);
}

void unmap(void* memory, std::size_t bytes) noexcept {
    munmap(memory, round_up(bytes, page_size()));
}

void prefault(const void* begin, std::size_t bytes) noexcept {
#ifdef MADV_POPULATE_WRITE
    if (bytes == 0) return;
    const auto first = reinterpret_cast<std::uintptr_t>(begin) / page_size() * page_size();
    const std::uintptr_t end =
        round_up(reinterpret_cast<std::uintptr_t>(begin) + bytes, page_size());
    madvise(reinterpret_cast<void*>(first), end - first, MADV_POPULATE_WRITE);
#else
    (void)begin;
    (void)bytes;
#endif
}

}  // namespace mt::large_array
