// Every input kept in tests/fuzz/corpus/<target>/ (seeds, and what the fuzzers found worth
// keeping, crashes included once fixed) replayed through the same entry points, so a fixed
// finding stays fixed without running a fuzzer.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <functional>
#include <iterator>

#include "fuzz_targets.hpp"

namespace {

std::size_t replay(const std::string& target,
                   const std::function<std::string(std::string_view)>& run) {
    const std::filesystem::path folder =
        std::filesystem::path(MT_TEST_DATA_DIR) / "corpus" / target;
    std::size_t count = 0;
    for (const auto& entry : std::filesystem::directory_iterator(folder)) {
        if (!entry.is_regular_file()) continue;
        std::ifstream in(entry.path(), std::ios::binary);
        const std::string data((std::istreambuf_iterator<char>(in)),
                               std::istreambuf_iterator<char>());
        INFO(entry.path().string());
        CHECK(run(data).empty());
        ++count;
    }
    return count;
}

}  // namespace

TEST_CASE("the case YAML corpus loads or fails cleanly", "[fuzz]") {
    CHECK(replay("case_yaml", mt::fuzz::case_yaml) >= 5);
}

TEST_CASE("the CSV ledger corpus loads or fails cleanly", "[fuzz]") {
    CHECK(replay("case_csv", mt::fuzz::case_csv) >= 5);
}

TEST_CASE("the seminar request corpus is parsed or refused cleanly", "[fuzz]") {
    CHECK(replay("seminar_request", mt::fuzz::seminar_request) >= 5);
}
