// The CSV ledger's rows are parsed on a second thread while the loader adds the rows before them.
// Whatever the threads' timing, the ledger and the problems reported must be those of reading
// every row through the loader's own row checks (the way the loader read them before).
#include <catch2/catch.hpp>

#include <algorithm>
#include <fstream>
#include <sstream>

#include "generate/generator.hpp"
#include "i18n/catalogue.hpp"
#include "i18n/diagnostic_text.hpp"
#include "same_ledger.hpp"
#include "scenario/csv_block_reader.hpp"
#include "scenario/loader.hpp"
#include "temp_dir.hpp"

using namespace mt;
using mt::scenario_detail::CsvRowReading;
using mt::testing::file_bytes;
using mt::testing::require_same_ledger;
using mt::testing::TempDir;

namespace {

const char* name_of(CsvRowReading way) {
    switch (way) {
        case CsvRowReading::SecondThread:
            return "second thread";
        case CsvRowReading::SameThread:
            return "same thread";
        case CsvRowReading::Checked:
            return "row checks alone";
    }
    return "?";
}

// Loads with one way of reading rows, and puts the default back after.
LoadResult load_with(CsvRowReading way, const std::filesystem::path& case_file,
                     const LedgerCacheOptions& cache = {}) {
    scenario_detail::set_csv_row_reading(way);
    LoadResult result = load_scenario_file(case_file, cache);
    scenario_detail::set_csv_row_reading(CsvRowReading::SecondThread);
    return result;
}

// A generated case whose ledger file spans several of the loader's read blocks (over 4 MiB).
generate::GenerateResult make_case(const std::filesystem::path& dir) {
    generate::GenerateOptions o;
    o.seed = 5;
    o.transactions = 20'000;
    o.out_dir = dir;
    o.id = "two-blocks";
    return generate::generate_case(o);
}

std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> lines;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) lines.push_back(line);
    return lines;
}

std::vector<std::string> field_of_rows(const std::vector<std::string>& lines, std::size_t field) {
    std::vector<std::string> values;
    for (const std::string& line : lines) {
        std::istringstream row(line);
        std::string value;
        for (std::size_t f = 0; f <= field && std::getline(row, value, ','); ++f) {
        }
        values.push_back(value);
    }
    return values;
}

std::vector<std::string> formatted(const LoadResult& result) {
    std::vector<std::string> errors;
    for (const Diagnostic& d : result.errors) errors.push_back(render(d));
    return errors;
}

}  // namespace

TEST_CASE("Rows parsed on a second thread build the ledger the row checks alone build",
          "[csv][cache]") {
    TempDir dir;
    const auto made = make_case(dir.path());
    REQUIRE(made.ok());
    REQUIRE(std::filesystem::file_size(made.ledger_file) > (std::size_t{4} << 20));

    LedgerCacheOptions cache;
    cache.min_ledger_bytes = 0;
    cache.directory = dir.path() / "checked";
    const LoadResult checked = load_with(CsvRowReading::Checked, made.case_file, cache);
    INFO((checked.errors.empty() ? std::string() : render(checked.errors.front())));
    REQUIRE(checked.ok());
    const std::filesystem::path image =
        std::filesystem::directory_iterator(cache.directory)->path();
    for (const CsvRowReading way : {CsvRowReading::SecondThread, CsvRowReading::SameThread}) {
        INFO(name_of(way));
        cache.directory = dir.path() / name_of(way);
        const LoadResult loaded = load_with(way, made.case_file, cache);
        REQUIRE(loaded.ok());
        CHECK_FALSE(loaded.ledger_from_cache);
        require_same_ledger(checked.scenario->ledger, loaded.scenario->ledger);
        // The ledger cache's image, every index slot included, is the same byte for byte.
        const auto written = std::filesystem::directory_iterator(cache.directory)->path();
        CHECK(written.filename() == image.filename());
        CHECK(file_bytes(written) == file_bytes(image));
    }
}

TEST_CASE("Problems in rows parsed ahead are reported as the row checks report them", "[csv]") {
    TempDir dir;
    const auto made = make_case(dir.path());
    REQUIRE(made.ok());
    std::vector<std::string> lines = lines_of(file_bytes(made.ledger_file));
    REQUIRE(lines.size() > 19'000);
    const std::vector<std::string> ids = field_of_rows(lines, 0);
    const std::vector<std::string> chains = field_of_rows(lines, 1);
    const std::vector<std::string> senders = field_of_rows(lines, 5);
    std::string tron_address;
    for (std::size_t i = 1; i < lines.size() && tron_address.empty(); ++i)
        if (chains[i] == "tron") tron_address = senders[i];
    REQUIRE_FALSE(tron_address.empty());

    // Problems of every kind, in a late read block (past 4 MiB) and in the first.
    const std::size_t late = 19'000;
    const std::string bad_amount = "late-bad-amount,bitcoin,,-1h,,ext-a=1,ext-b=1.5x";
    lines.insert(lines.begin() + static_cast<std::ptrdiff_t>(late), bad_amount);
    lines.insert(lines.begin() + static_cast<std::ptrdiff_t>(late + 1),
                 ids[5] + ",bitcoin,,-1h,,ext-c=1,ext-d=1");  // a repeated id
    lines.insert(lines.begin() + static_cast<std::ptrdiff_t>(late + 2),
                 "late-chain,bitcoin,,-1h,,ext-e=1," + tron_address + "=1");  // on another chain
    lines.insert(lines.begin() + static_cast<std::ptrdiff_t>(late + 3),
                 "\"late-quoted\",bitcoin,,-1h,,ext-f=1,ext-g=1");  // fine, with quotes
    lines.insert(lines.begin() + static_cast<std::ptrdiff_t>(late + 4), "# a comment");
    lines.insert(lines.begin() + 100, "early-bad-time,bitcoin,,soon,,ext-h=1,ext-i=1");
    std::string csv;
    for (const std::string& line : lines) csv += line + "\n";
    std::ofstream(made.ledger_file, std::ios::binary | std::ios::trunc) << csv;
    REQUIRE(csv.find(bad_amount) > (std::size_t{4} << 20));

    const LoadResult checked = load_with(CsvRowReading::Checked, made.case_file);
    REQUIRE_FALSE(checked.ok());
    const std::vector<std::string> expected = formatted(checked);
    // The bad amount's line: its index (after the early insertion) plus one.
    const auto amount = std::find_if(checked.errors.begin(), checked.errors.end(), [](auto& d) {
        return render(d.message, "en").find("found '1.5x'") != std::string::npos;
    });
    REQUIRE(amount != checked.errors.end());
    CHECK(amount->line == static_cast<int>(late + 2));
    CHECK(amount->file.find("ledger") != std::string::npos);
    CHECK(std::any_of(expected.begin(), expected.end(), [&](const std::string& e) {
        return e.find("transaction id '" + ids[5] + "' is already used") != std::string::npos;
    }));
    CHECK(std::any_of(expected.begin(), expected.end(), [&](const std::string& e) {
        return e.find("is on chain 'tron' elsewhere") != std::string::npos;
    }));
    for (const CsvRowReading way : {CsvRowReading::SecondThread, CsvRowReading::SameThread}) {
        INFO(name_of(way));
        CHECK(formatted(load_with(way, made.case_file)) == expected);
    }
}
