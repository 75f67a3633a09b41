// The ledger cache: a case read back from its image is the case that was parsed, and any change
// to the case's files, or any damage to the image, makes the loader parse the files again.
#include <catch2/catch.hpp>

#include <fstream>

#include "generate/generator.hpp"
#include "same_ledger.hpp"
#include "scenario/loader.hpp"
#include "session/expert_check.hpp"
#include "temp_dir.hpp"

using namespace mt;
using mt::testing::file_bytes;
using mt::testing::require_same_ledger;
using mt::testing::TempDir;

namespace {

generate::GenerateResult make_case(const std::filesystem::path& dir, std::uint64_t seed) {
    generate::GenerateOptions o;
    o.seed = seed;
    o.transactions = 3'000;
    o.typologies = {generate::all_typologies().begin(), generate::all_typologies().end()};
    o.out_dir = dir;
    o.id = "cached-" + std::to_string(seed);
    return generate::generate_case(o);
}

LedgerCacheOptions cache_in(const std::filesystem::path& dir) {
    LedgerCacheOptions cache;
    cache.directory = dir;
    cache.min_ledger_bytes = 0;
    return cache;
}

std::vector<std::filesystem::path> images_in(const std::filesystem::path& dir) {
    std::vector<std::filesystem::path> images;
    if (!std::filesystem::exists(dir)) return images;
    for (const auto& entry : std::filesystem::directory_iterator(dir))
        if (entry.path().extension() == ".ledger") images.push_back(entry.path());
    return images;
}

void write_bytes(const std::filesystem::path& path, const std::string& bytes) {
    std::ofstream(path, std::ios::binary | std::ios::trunc) << bytes;
}

}  // namespace

TEST_CASE("A case read back from the ledger cache is the case that was parsed", "[cache]") {
    TempDir dir;
    const auto made = make_case(dir.path(), 11);
    REQUIRE(made.ok());
    const LedgerCacheOptions cache = cache_in(dir.path() / "cache");

    const LoadResult parsed = load_scenario_file(made.case_file, cache);
    REQUIRE(parsed.ok());
    CHECK_FALSE(parsed.ledger_from_cache);
    REQUIRE(images_in(cache.directory).size() == 1);

    const LoadResult cached = load_scenario_file(made.case_file, cache);
    REQUIRE(cached.ok());
    CHECK(cached.ledger_from_cache);
    require_same_ledger(parsed.scenario->ledger, cached.scenario->ledger);
    CHECK(cached.scenario->entities.size() == parsed.scenario->entities.size());
    // The cached case plays like the parsed one: the expert solution scores the maximum.
    const ExpertReplay replay = replay_expert_solution(cached.scenario);
    CHECK(replay.problems.empty());
    CHECK(replay.score.total == replay_expert_solution(parsed.scenario).score.total);

    // The cache is off when it has no folder, and for ledger files under its minimum size.
    CHECK_FALSE(load_scenario_file(made.case_file, LedgerCacheOptions{}).ledger_from_cache);
    LedgerCacheOptions big_only = cache;
    big_only.min_ledger_bytes = std::filesystem::file_size(made.ledger_file) + 1;
    CHECK_FALSE(load_scenario_file(made.case_file, big_only).ledger_from_cache);
}

TEST_CASE("A changed case or ledger file is parsed again, never read from an old image",
          "[cache]") {
    TempDir dir;
    const auto made = make_case(dir.path(), 12);
    REQUIRE(made.ok());
    LedgerCacheOptions cache = cache_in(dir.path() / "cache");
    const LoadResult first = load_scenario_file(made.case_file, cache);
    REQUIRE(first.ok());
    const std::size_t transactions = first.scenario->ledger.transaction_count();

    SECTION("a ledger file with one more row") {
        const std::string csv = file_bytes(made.ledger_file);
        // The last row again under a new id: a double spend (reported) or one more transfer.
        const std::size_t last_row = csv.rfind('\n', csv.size() - 2) + 1;
        std::string again = csv.substr(last_row);
        again.replace(0, again.find(','), "ffff" + std::string(60, '0'));
        write_bytes(made.ledger_file, csv + again);
        const LoadResult changed = load_scenario_file(made.case_file, cache);
        CHECK_FALSE(changed.ledger_from_cache);
        if (changed.ok())
            CHECK(changed.scenario->ledger.transaction_count() == transactions + 1);
        else
            CHECK_FALSE(changed.errors.empty());
    }
    SECTION("a case file with another title") {
        std::string yaml = file_bytes(made.case_file);
        const std::size_t title = yaml.find("title:");
        REQUIRE(title != std::string::npos);
        yaml.insert(yaml.find('\n', title), " ");
        write_bytes(made.case_file, yaml);
        const LoadResult changed = load_scenario_file(made.case_file, cache);
        CHECK(changed.ok());
        CHECK_FALSE(changed.ledger_from_cache);
        CHECK(images_in(cache.directory).size() == 2);
        // Only the most recently used images are kept.
        cache.max_images = 1;
        const auto other = make_case(dir.path(), 13);
        REQUIRE(load_scenario_file(other.case_file, cache).ok());
        const auto kept = images_in(cache.directory);
        REQUIRE(kept.size() == 1);
        CHECK(load_scenario_file(other.case_file, cache).ledger_from_cache);
    }
}

TEST_CASE("A damaged ledger image is refused and replaced", "[cache]") {
    TempDir dir;
    const auto made = make_case(dir.path(), 14);
    REQUIRE(made.ok());
    const LedgerCacheOptions cache = cache_in(dir.path() / "cache");
    const LoadResult parsed = load_scenario_file(made.case_file, cache);
    REQUIRE(parsed.ok());
    const auto images = images_in(cache.directory);
    REQUIRE(images.size() == 1);
    const std::string image = file_bytes(images[0]);

    std::string damaged = image;
    SECTION("one flipped bit in the transactions") {
        damaged[image.size() / 2] ^= 0x10;
    }
    SECTION("cut short") {
        damaged.resize(image.size() / 3);
    }
    SECTION("only a header") {
        damaged.resize(72);
    }
    SECTION("empty") {
        damaged.clear();
    }
    SECTION("another program's file") {
        damaged.replace(0, 8, "NOTMINE!");
    }
    write_bytes(images[0], damaged);

    const LoadResult reloaded = load_scenario_file(made.case_file, cache);
    REQUIRE(reloaded.ok());
    CHECK_FALSE(reloaded.ledger_from_cache);
    require_same_ledger(parsed.scenario->ledger, reloaded.scenario->ledger);
    // The parse wrote a good image again.
    CHECK(file_bytes(images[0]) == image);
    CHECK(load_scenario_file(made.case_file, cache).ledger_from_cache);
}
