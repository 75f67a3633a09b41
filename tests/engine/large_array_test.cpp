#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdint>
#include <numeric>

#include "model/large_array.hpp"

using namespace mt;

TEMPLATE_TEST_CASE_SIG(
    "A large array starts on a page boundary (a huge-page one when asked), zeroed, and keeps its "
    "values as it grows",
    "", ((large_array::Pages kPages), kPages), (large_array::Pages::Small),
    (large_array::Pages::Huge)) {
    // 3 MiB of elements: above the size that gets its own mapping.
    LargeVector<std::uint32_t, kPages> values(3u << 18, 0);
    REQUIRE(values.size() * sizeof(std::uint32_t) >= large_array::kMinBytes);
    const std::uintptr_t alignment =
        kPages == large_array::Pages::Huge ? std::uintptr_t{2} << 20 : std::uintptr_t{4096};
    CHECK(reinterpret_cast<std::uintptr_t>(values.data()) % alignment == 0);
    CHECK(std::all_of(values.begin(), values.end(), [](std::uint32_t v) { return v == 0; }));
    std::iota(values.begin(), values.end(), 0u);
    // Growing past the capacity moves everything to a new mapping and frees the old one.
    const std::size_t before = values.size();
    for (std::uint32_t i = 0; i < before; ++i)
        values.push_back(static_cast<std::uint32_t>(before) + i);
    REQUIRE(values.size() == 2 * before);
    for (std::size_t i = 0; i < values.size(); ++i) REQUIRE(values[i] == i);
    values.clear();
    values.shrink_to_fit();
    CHECK(values.capacity() == 0);
}

TEST_CASE("A large array below the huge-page size works as an ordinary vector") {
    LargeVector<char> small(100, 'x');
    small.push_back('y');
    CHECK(small.size() == 101);
    CHECK(small.back() == 'y');
    CHECK(small.front() == 'x');
}
