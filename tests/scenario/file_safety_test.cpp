// Files a case names are opened only when they are what they claim (no pipe blocks a load, no
// link leads out of the case's folder), a hostile YAML file is refused before it costs seconds,
// and messages about refused files say what is really wrong.
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <fstream>
#include <functional>
#include <thread>

#include <catch2/catch.hpp>

#include "scenario/limits.hpp"
#include "test_support.hpp"

using namespace mt;
using namespace mt::test;

namespace {

const std::string kHeader = "id,chain,asset,time,fee,inputs,outputs\n";

// The tiny case with its one transaction moved to the CSV side file `ledger.csv`.
std::string case_with_csv_transaction() {
    std::string text = tiny_case();
    const std::size_t from = text.find("transactions:\n");
    const std::size_t to = text.find("services:\n");
    REQUIRE(from != std::string::npos);
    REQUIRE(to != std::string::npos);
    text.replace(from, to - from, "ledger_file: ledger.csv\ntransactions: []\n");
    return text;
}
const std::string kCsvTransaction =
    "t1,bitcoin,btc,-2h,0.0001,addr-a=1.0001,addr-b=0.6;addr-c=0.4\n";

// Runs `load` while a named pipe exists at `fifo`. Should the load block on the pipe (the bug),
// the guard opens its other end after a while so the load sees the end of the file and the
// test can fail instead of hanging. Returns whether the guard had to step in.
bool blocked_on_pipe(const std::filesystem::path& fifo, const std::function<void()>& load) {
    std::atomic<bool> done{false};
    std::thread loader([&] {
        load();
        done = true;
    });
    bool unblocked = false;
    for (int waited_ms = 0; !done && waited_ms < 20'000; waited_ms += 10)
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    while (!done) {
        const int writer = ::open(fifo.c_str(), O_WRONLY | O_NONBLOCK);
        if (writer >= 0) {
            unblocked = true;
            ::close(writer);
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    loader.join();
    return unblocked;
}

}  // namespace

TEST_CASE("a named pipe as the ledger file is refused without blocking", "[scenario][files]") {
    TempDir dir("fifo-side");
    REQUIRE(::mkfifo((dir.path() / "ledger.csv").c_str(), 0600) == 0);
    LoadResult r;
    CHECK_FALSE(blocked_on_pipe(dir.path() / "ledger.csv",
                                [&] { r = load(case_with_csv_transaction(), dir.path()); }));
    CHECK(find_error(r, "it is not a regular file"));
}

TEST_CASE("a named pipe in the ledger cache folder does not block a load", "[scenario][files]") {
    TempDir dir("fifo-cache");
    dir.write("ledger.csv", kHeader + kCsvTransaction);
    LedgerCacheOptions cache;
    cache.directory = dir.path() / "cache";
    cache.min_ledger_bytes = 0;
    const std::string text = case_with_csv_transaction();
    const LoadResult first = load_scenario_text(text, "case.yaml", dir.path(), cache);
    INFO(describe(first));
    REQUIRE(first.ok());
    std::filesystem::path image;
    for (const auto& entry : std::filesystem::directory_iterator(cache.directory))
        if (entry.path().extension() == ".ledger") image = entry.path();
    REQUIRE(!image.empty());
    // Someone replaced the image with a pipe: the load parses the CSV again instead of waiting.
    std::filesystem::remove(image);
    REQUIRE(::mkfifo(image.c_str(), 0600) == 0);
    LoadResult again;
    CHECK_FALSE(blocked_on_pipe(
        image, [&] { again = load_scenario_text(text, "case.yaml", dir.path(), cache); }));
    INFO(describe(again));
    CHECK(again.ok());
    CHECK_FALSE(again.ledger_from_cache);
}

TEST_CASE("a symbolic link cannot lead the ledger file out of the case's folder",
          "[scenario][files]") {
    TempDir outside("link-target");
    outside.write("secret.csv", kHeader + kCsvTransaction);
    TempDir dir("link-case");
    std::filesystem::create_symlink(outside.path() / "secret.csv", dir.path() / "ledger.csv");
    const LoadResult r = load(case_with_csv_transaction(), dir.path());
    CHECK_FALSE(r.ok());
    CHECK(find_error(r, "symbolic links out of the folder are refused"));

    SECTION("a folder link out is refused too; a link that stays inside is followed") {
        std::filesystem::create_directory_symlink(outside.path(), dir.path() / "data");
        CHECK(find_error(
            load(replace_once(case_with_csv_transaction(), "ledger.csv", "data/secret.csv"),
                 dir.path()),
            "symbolic links out of the folder are refused"));
        std::filesystem::remove(dir.path() / "ledger.csv");
        dir.write("real.csv", kHeader + kCsvTransaction);
        std::filesystem::create_symlink("real.csv", dir.path() / "ledger.csv");
        const LoadResult inside = load(case_with_csv_transaction(), dir.path());
        INFO(describe(inside));
        CHECK(inside.ok());
    }
}

TEST_CASE("a file one byte over a limit says so in bytes", "[scenario][files]") {
    TempDir dir("one-over");
    auto sparse = [&](const std::string& name, std::uintmax_t size) {
        std::ofstream out(dir.path() / name, std::ios::binary);
        out.seekp(static_cast<std::streamoff>(size - 1));
        out.put('\n');
    };
    sparse("big.yaml", scenario_limits::kMaxYamlBytes + 1);
    const LoadResult yaml = load_scenario_file(dir.path() / "big.yaml");
    REQUIRE(yaml.errors.size() == 1);
    CHECK(
        english(yaml.errors[0]).find("is 16777217 bytes; the limit is 16777216 bytes (16.0 MiB)") !=
        std::string::npos);

    sparse("ledger.csv", scenario_limits::kMaxCsvBytes + 1);
    const auto csv = find_error(load(case_with_csv_transaction(), dir.path()),
                                "is 536870913 bytes; the limit is 536870912 bytes (512.0 MiB)");
    CHECK(csv);

    // Far over, MiB say it well enough.
    sparse("huge.yaml", scenario_limits::kMaxYamlBytes * 2);
    const LoadResult huge = load_scenario_file(dir.path() / "huge.yaml");
    REQUIRE(huge.errors.size() == 1);
    CHECK(english(huge.errors[0]).find("is 32.0 MiB; the limit is 16.0 MiB") != std::string::npos);
}

TEST_CASE("a rejected ledger file is the one error reported about the ledger",
          "[scenario][files]") {
    TempDir dir("rejected-ledger");
    dir.write("ledger.csv", "tx,chain\n" + kCsvTransaction);
    const LoadResult r = load(case_with_csv_transaction(), dir.path());
    INFO(describe(r));
    REQUIRE(r.errors.size() == 2);
    CHECK(english(r.errors[0]).find("the first row must be the header") != std::string::npos);
    CHECK(english(r.errors[1])
              .find("references to addresses or transactions were not checked "
                    "because the ledger file could not be read") != std::string::npos);
    CHECK_FALSE(find_error(r, "appears in no transaction"));
    CHECK_FALSE(find_error(r, "unknown transaction"));
    CHECK_FALSE(find_error(r, "unknown address"));
}

TEST_CASE("YAML tags are refused by name", "[scenario][files]") {
    const std::string binary = replace_once(tiny_case(), "id: tiny", "id: !!binary dGlueQ==");
    const auto d =
        find_error(load(binary), "YAML tags like '!!binary' are not part of the case format");
    REQUIRE(d);
    CHECK(d->line == 2);
    CHECK(find_error(
        load(replace_once(tiny_case(), "difficulty: beginner", "difficulty: !evil beginner")),
        "YAML tags like '!evil'"));
    CHECK(find_error(load(replace_once(tiny_case(), "hints:\n", "hints: !!seq\n")),
                     "YAML tags like '!!seq'"));
    // Quoted values are not tagged.
    const LoadResult quoted = load(replace_once(tiny_case(), "id: tiny", "id: \"tiny\""));
    INFO(describe(quoted));
    CHECK(quoted.ok());
}

TEST_CASE("a YAML file with too many values is refused before parsing, by its real limit",
          "[scenario][files]") {
    const std::size_t items = scenario_limits::kMaxYamlValues + 10;
    SECTION("a flow list of integers") {
        std::string text = "format_version: 1\nhints: [";
        text.reserve(items * 2 + 64);
        for (std::size_t i = 0; i < items; ++i) text += i ? ",1" : "1";
        text += "]\n";
        const LoadResult r = load(text);
        REQUIRE(r.errors.size() == 1);
        CHECK(english(r.errors[0]).find("holds more than 500000 values") != std::string::npos);
        CHECK(english(r.errors[0]).find("alias") == std::string::npos);
        CHECK(r.errors[0].line == 2);
    }
    SECTION("a block list") {
        std::string text = "format_version: 1\nhints:\n";
        text.reserve(items * 4 + 64);
        for (std::size_t i = 0; i < items; ++i) text += "- 1\n";
        const LoadResult r = load(text);
        REQUIRE(r.errors.size() == 1);
        CHECK(english(r.errors[0]).find("holds more than 500000 values") != std::string::npos);
        CHECK(r.errors[0].line > 100'000);
    }
    SECTION("values hidden in quotes, comments and block scalars still count") {
        std::string text = "format_version: 1\nsummary: |\n  '\nnote: \"# \", x: [";
        for (std::size_t i = 0; i < items; ++i) text += "1,";
        text += "1]\n";
        CHECK(find_error(load(text), "holds more than 500000 values"));
    }
}

TEST_CASE("the case picker parses only each case's header", "[scenario][files]") {
    TempDir dir("picker");
    dir.write("a-good.yaml", tiny_case());
    // A case whose header is fine but whose body would cost the parser dearly (an alias bomb
    // after the header): the picker does not read that far.
    std::string heavy = replace_once(tiny_case(), "id: tiny", "id: heavy");
    heavy += "noise0: &a0 [x, x, x, x, x, x, x, x, x, x]\n";
    for (int level = 1; level <= 9; ++level) {
        heavy += "noise" + std::to_string(level) + ": &a" + std::to_string(level) + " [";
        for (int i = 0; i < 10; ++i) heavy += (i ? ", *a" : "*a") + std::to_string(level - 1);
        heavy += "]\n";
    }
    dir.write("b-heavy.yaml", heavy);
    // A header error is still reported at its real line.
    dir.write("c-broken.yaml",
              replace_once(tiny_case(), "difficulty: beginner", "difficulty: easy"));
    const std::vector<ScenarioSummary> list = list_scenarios(dir.path());
    REQUIRE(list.size() == 3);
    CHECK(list[0].id == "tiny");
    CHECK(list[0].errors.empty());
    CHECK(list[1].id == "heavy");
    CHECK(list[1].errors.empty());
    CHECK(list[1].title.en == "Tiny case");
    REQUIRE(list[2].errors.size() == 1);
    CHECK(english(list[2].errors[0]).find("unknown difficulty 'easy'") != std::string::npos);
    CHECK(list[2].errors[0].line == 6);
}
