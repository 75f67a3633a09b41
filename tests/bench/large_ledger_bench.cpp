// Large generated ledgers: how long a case with 10k, 100k and 1M transactions takes to load and
// how much memory it needs, how fast the trainee's explorer expands an address on the 1M ledger,
// and what the usual alternative (Python's csv module over the same file) takes on the same data.
//
// Cases come from `moneytrail generate` (seed 7, every typology) and are cached in
// $MT_BENCH_DATA or <temp>/moneytrail-bench. Peak memory is measured in a forked child that only
// loads the case, so it is the load's own high-water mark (getrusage ru_maxrss of the child,
// which also counts the few MB inherited from this process, reported as base_rss_MB). The first
// load is compared with Python's csv scan in paired rounds (a load in a fresh child, a scan of the
// same file), reported as medians with the best and worst round.
// Results and the exact commands are in docs/performance.md ("Large ledgers").
#include <benchmark/benchmark.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include "bench_common.hpp"
#include "i18n/diagnostic_text.hpp"
#include "scenario/loader.hpp"
#include "session/session.hpp"

namespace {

using namespace mt;
using bench::data_dir;
using bench::Dataset;
using bench::dataset;
using bench::process_cpu_seconds;
namespace fs = std::filesystem;

double rss_mb_now() {
    std::ifstream statm("/proc/self/statm");
    long pages = 0, resident = 0;
    statm >> pages >> resident;
    return static_cast<double>(resident) * static_cast<double>(sysconf(_SC_PAGESIZE)) /
           (1024.0 * 1024.0);
}

double load_average() {
    double one_minute = -1;
    if (std::FILE* file = std::fopen("/proc/loadavg", "r")) {
        if (std::fscanf(file, "%lf", &one_minute) != 1) one_minute = -1;
        std::fclose(file);
    }
    return one_minute;
}

struct PythonRun {
    double seconds = -1;      // wall clock
    double cpu_seconds = -1;  // what to compare on a loaded machine
    double peak_rss_mb = -1;
};

// Times the Python baseline script (tests/bench/python_csv_baseline.py) with Debian's python3.
PythonRun python_baseline(const char* mode, const fs::path& csv) {
    const fs::path script = fs::path(MT_SOURCE_DIR) / "tests" / "bench" / "python_csv_baseline.py";
    const std::string command =
        "/usr/bin/python3 '" + script.string() + "' " + mode + " '" + csv.string() + "'";
    PythonRun run;
    FILE* pipe = popen(command.c_str(), "r");
    if (!pipe) return run;
    long rows = 0;
    double seconds = 0;
    double cpu = 0;
    long rss_kib = 0;
    if (std::fscanf(pipe, "%ld %lf %lf %ld", &rows, &seconds, &cpu, &rss_kib) == 4) {
        run.seconds = seconds;
        run.cpu_seconds = cpu;
        run.peak_rss_mb = static_cast<double>(rss_kib) / 1024.0;
    }
    pclose(pipe);
    return run;
}

double system_seconds() {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return bench::seconds_of(usage.ru_stime);
}

// One first load in a forked child, as in a freshly started program (no memory this process
// freed earlier to reuse): its wall, CPU (both threads) and kernel seconds, timed by the child.
struct ChildLoad {
    double wall = -1;
    double cpu = -1;
    double system = -1;
};
ChildLoad first_load_in_child(const fs::path& case_file) {
    int fds[2];
    if (pipe(fds) != 0) return {};
    std::fflush(nullptr);
    const pid_t pid = fork();
    if (pid == 0) {
        close(fds[0]);
        const auto start = std::chrono::steady_clock::now();
        const double cpu_start = process_cpu_seconds();
        const double system_start = system_seconds();
        const bool ok = load_scenario_file(case_file, LedgerCacheOptions{}).ok();
        ChildLoad times;
        times.cpu = process_cpu_seconds() - cpu_start;
        times.system = system_seconds() - system_start;
        times.wall =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        const bool sent = ok && write(fds[1], &times, sizeof times) == sizeof times;
        _exit(sent ? 0 : 1);
    }
    close(fds[1]);
    ChildLoad times;
    if (pid > 0 && read(fds[0], &times, sizeof times) != sizeof times) times = {};
    close(fds[0]);
    if (pid > 0) waitpid(pid, nullptr, 0);
    return times;
}

// The load against Python's scan, paired: each round times one first load (in a child) and one
// scan of the same file right after each other, alternating which goes first, so both see the
// same machine. MT_BENCH_ROUNDS rounds (5 unless set).
struct Rounds {
    std::vector<ChildLoad> loads;
    std::vector<PythonRun> scans;
};
Rounds paired_rounds(const fs::path& case_file, const fs::path& csv) {
    int count = 5;
    if (const char* env = std::getenv("MT_BENCH_ROUNDS"); env && std::atoi(env) > 0)
        count = std::atoi(env);
    Rounds rounds;
    for (int r = 0; r < count; ++r) {
        if (r % 2 == 1) rounds.scans.push_back(python_baseline("scan", csv));
        rounds.loads.push_back(first_load_in_child(case_file));
        if (r % 2 == 0) rounds.scans.push_back(python_baseline("scan", csv));
    }
    return rounds;
}

template <typename Item, typename Field>
std::vector<double> values_of(const std::vector<Item>& items, Field field) {
    std::vector<double> values;
    for (const Item& item : items) values.push_back(item.*field);
    std::sort(values.begin(), values.end());
    return values;
}
double median(const std::vector<double>& sorted) {
    if (sorted.empty()) return -1;
    const std::size_t n = sorted.size();
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
}

// Measured once per size, before this process holds any ledger.
struct SizeFacts {
    double peak_rss_mb = 0;
    double base_rss_mb = 0;
    double csv_mb = 0;
    double ledger_mb = 0;      // what the loaded ledger holds (Ledger::memory_bytes)
    double first_touch_s = 0;  // CPU to write that much fresh memory once, in a child

    Rounds rounds;
    PythonRun index;
};

// CPU and wall seconds of one load, averaged over the benchmark's iterations; the benchmark is
// stopped with `problem` when a load fails or is not `from_cache` as expected.
struct LoadTimes {
    double cpu = 0;
    double wall = 0;
    double system = 0;  // the kernel's share of cpu: mostly zeroing the ledger's fresh pages
};

LoadTimes time_loads(benchmark::State& state, const fs::path& case_file,
                     const LedgerCacheOptions& cache, bool from_cache) {
    LoadTimes times;
    for (auto _ : state) {
        const auto start = std::chrono::steady_clock::now();
        const double cpu_start = process_cpu_seconds();
        const double system_start = system_seconds();
        LoadResult loaded = load_scenario_file(case_file, cache);
        times.cpu += process_cpu_seconds() - cpu_start;
        times.system += system_seconds() - system_start;
        times.wall +=
            std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        if (!loaded.ok()) {
            state.SkipWithError(
                ("the generated case does not load: " +
                 (loaded.errors.empty() ? std::string("?") : render(loaded.errors.front())))
                    .c_str());
            break;
        }
        if (loaded.ledger_from_cache != from_cache) {
            state.SkipWithError(from_cache ? "the case was not read from the ledger cache"
                                           : "the case was read from a ledger cache");
            break;
        }
        benchmark::DoNotOptimize(loaded.scenario->ledger.transaction_count());
    }
    const auto runs =
        static_cast<double>(std::max<benchmark::IterationCount>(state.iterations(), 1));
    times.cpu /= runs;
    times.wall /= runs;
    times.system /= runs;
    return times;
}

// The first load of a case: the ledger cache is off, so every row is parsed and checked.
void BM_LoadCase(benchmark::State& state) {
    const auto transactions = static_cast<std::uint64_t>(state.range(0));
    const Dataset& d = dataset(transactions);
    const LedgerCacheOptions no_cache;
    static std::map<std::uint64_t, SizeFacts> measured;
    if (!measured.count(transactions)) {
        SizeFacts f;
        f.base_rss_mb = rss_mb_now();
        f.peak_rss_mb = bench::in_child([&] {
                            return load_scenario_file(d.case_file, no_cache).ok();
                        }).peak_rss_mb;
        // On a virtual machine the first write to each fresh page is costly; this puts a figure
        // on that share of the load: writing as many new bytes as the ledger holds, nothing else.
        const LoadResult once = load_scenario_file(d.case_file, no_cache);
        if (once.ok()) {
            const std::size_t bytes = once.scenario->ledger.memory_bytes();
            f.ledger_mb = static_cast<double>(bytes) / (1024.0 * 1024.0);
            f.first_touch_s = bench::in_child([bytes] {
                                  std::vector<char> fresh(bytes, 1);
                                  benchmark::DoNotOptimize(fresh.data());
                                  return true;
                              }).cpu_seconds;
        }
        f.csv_mb = static_cast<double>(fs::file_size(d.ledger_file)) / (1024.0 * 1024.0);
        f.rounds = paired_rounds(d.case_file, d.ledger_file);
        f.index = python_baseline("index", d.ledger_file);
        measured[transactions] = f;
    }
    const SizeFacts& f = measured[transactions];
    const LoadTimes in_process = time_loads(state, d.case_file, no_cache, false);
    const Rounds& r = f.rounds;
    const std::vector<double> load_walls = values_of(r.loads, &ChildLoad::wall);
    const std::vector<double> scan_walls = values_of(r.scans, &PythonRun::seconds);
    std::vector<double> ratios;  // each round's load over the scan next to it
    for (std::size_t i = 0; i < r.loads.size() && i < r.scans.size(); ++i)
        ratios.push_back(r.loads[i].wall / r.scans[i].seconds);
    std::sort(ratios.begin(), ratios.end());
    state.counters["peak_rss_MB"] = f.peak_rss_mb;
    state.counters["base_rss_MB"] = f.base_rss_mb;
    state.counters["csv_MB"] = f.csv_mb;
    state.counters["ledger_MB"] = f.ledger_mb;
    state.counters["first_touch_cpu_s"] = f.first_touch_s;
    // A load in this process (Google Benchmark's own timing: memory freed by earlier loads may
    // be reused).
    state.counters["reload_wall_s"] = in_process.wall;
    // The paired rounds: medians, and the fastest and slowest of the first loads in a child.
    state.counters["rounds"] = static_cast<double>(ratios.size());
    state.counters["load_wall_s"] = median(load_walls);
    state.counters["load_wall_min_s"] = load_walls.empty() ? -1 : load_walls.front();
    state.counters["load_wall_max_s"] = load_walls.empty() ? -1 : load_walls.back();
    state.counters["load_cpu_s"] = median(values_of(r.loads, &ChildLoad::cpu));
    state.counters["load_system_cpu_s"] = median(values_of(r.loads, &ChildLoad::system));
    state.counters["load_system_cpu_max_s"] =
        r.loads.empty() ? -1 : values_of(r.loads, &ChildLoad::system).back();
    state.counters["py_scan_wall_s"] = median(scan_walls);
    state.counters["py_scan_cpu_s"] = median(values_of(r.scans, &PythonRun::cpu_seconds));
    state.counters["py_index_cpu_s"] = f.index.cpu_seconds;
    state.counters["py_index_rss_MB"] = f.index.peak_rss_mb;
    // The first load's wall time over the wall time Python's csv module takes merely to read the
    // same file's rows, in the same run: below 1, the full load (parse, validate, index) is
    // faster. The median load over the median scan; _min and _max are the best and worst of the
    // rounds' own ratios. Wall time is what a trainee waits (the load parses on a second
    // thread); the CPU ratio counts both threads' work.
    state.counters["ratio_to_python_scan"] = median(load_walls) / median(scan_walls);
    state.counters["ratio_min"] = ratios.empty() ? -1 : ratios.front();
    state.counters["ratio_max"] = ratios.empty() ? -1 : ratios.back();
    state.counters["cpu_ratio_to_python_scan"] =
        median(values_of(r.loads, &ChildLoad::cpu)) /
        median(values_of(r.scans, &PythonRun::cpu_seconds));
    // Above 1: moneytrail's full load takes that many times less CPU than Python's indexing.
    state.counters["py_index_over_load"] =
        f.index.cpu_seconds / median(values_of(r.loads, &ChildLoad::cpu));
    // The machine's load average over the last minute, as the timing ended (other processes
    // competing for the cores make wall times longer).
    state.counters["load_average_1m"] = load_average();
    if (d.generate_seconds > 0) state.counters["generate_wall_s"] = d.generate_seconds;
}
BENCHMARK(BM_LoadCase)
    ->Arg(10'000)
    ->Arg(100'000)
    ->Arg(1'000'000)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();

// Every later load of the same case: the checked ledger is read back from the ledger cache's
// image (written by one load before the timing, into $MT_BENCH_DATA/ledger-cache).
void BM_LoadCaseCached(benchmark::State& state) {
    const auto transactions = static_cast<std::uint64_t>(state.range(0));
    const Dataset& d = dataset(transactions);
    LedgerCacheOptions cache;
    cache.directory = data_dir() / "ledger-cache";
    cache.min_ledger_bytes = 0;
    cache.max_images = 8;
    if (!load_scenario_file(d.case_file, cache).ok()) {
        state.SkipWithError("the generated case does not load");
        return;
    }
    const double peak_rss_mb = bench::in_child([&] {
                                   return load_scenario_file(d.case_file, cache).ledger_from_cache;
                               }).peak_rss_mb;
    const LoadTimes times = time_loads(state, d.case_file, cache, true);
    // This case's image is the one read last (reading an image marks it used).
    std::uintmax_t image_bytes = 0;
    auto newest = fs::file_time_type::min();
    for (const auto& entry : fs::directory_iterator(cache.directory))
        if (entry.path().extension() == ".ledger" && entry.last_write_time() >= newest) {
            newest = entry.last_write_time();
            image_bytes = entry.file_size();
        }
    state.counters["load_cpu_s"] = times.cpu;
    state.counters["load_wall_s"] = times.wall;
    state.counters["peak_rss_MB"] = peak_rss_mb;
    state.counters["image_MB"] = static_cast<double>(image_bytes) / (1024.0 * 1024.0);
}
BENCHMARK(BM_LoadCaseCached)
    ->Arg(10'000)
    ->Arg(100'000)
    ->Arg(1'000'000)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();

// The 1M case, loaded once and shared by the explorer benchmarks.
struct Explorer {
    std::shared_ptr<const Scenario> scenario;
    std::string hub;   // the address with the most transactions (an exchange hot wallet)
    std::string leaf;  // an address with a single transaction
    std::size_t hub_transactions = 0;
};

const Explorer& explorer() {
    static const Explorer e = [] {
        Explorer x;
        x.scenario = bench::loaded_case(1'000'000);
        const Ledger& ledger = x.scenario->ledger;
        AddressId hub = 0;
        std::optional<AddressId> leaf;
        for (AddressId a = 0; a < ledger.address_count(); ++a) {
            const std::size_t n = ledger.transactions_of(a).size();
            if (n > ledger.transactions_of(hub).size()) hub = a;
            if (!leaf && n == 1) leaf = a;
        }
        x.hub = ledger.address_text(hub).str();
        x.leaf = ledger.address_text(leaf.value_or(0)).str();
        x.hub_transactions = ledger.transactions_of(hub).size();
        return x;
    }();
    return e;
}

void explore(benchmark::State& state, const std::string& target, Direction direction) {
    const Explorer& e = explorer();
    Action action;
    action.type = ActionType::ExploreAddress;
    action.target = target;
    action.direction = direction;
    std::size_t listed = 0;
    for (auto _ : state) {
        state.PauseTiming();
        auto session = std::make_unique<Session>(e.scenario);
        const std::size_t before = session->casefile().transactions.size();
        state.ResumeTiming();
        const ActionOutcome outcome = session->apply(action);
        state.PauseTiming();
        if (!outcome.accepted) {
            state.SkipWithError(outcome.reason.key.c_str());
            break;
        }
        listed = session->casefile().transactions.size() - before;
        session.reset();
        state.ResumeTiming();
    }
    state.counters["listed_tx"] = static_cast<double>(listed);
    state.counters["address_tx"] = static_cast<double>(
        e.scenario->ledger.transactions_of(*e.scenario->ledger.find_address(target)).size());
}

void BM_ExploreHub(benchmark::State& state) {
    explore(state, explorer().hub, Direction::Both);
}
void BM_ExploreHubOutgoing(benchmark::State& state) {
    explore(state, explorer().hub, Direction::Out);
}
void BM_ExploreLeaf(benchmark::State& state) {
    explore(state, explorer().leaf, Direction::Both);
}
// The part of an exploration that reads the whole history: Ledger::balance for each asset of the
// hub's chain, as explore_address computes the balances it shows.
void BM_HubBalances(benchmark::State& state) {
    const Explorer& e = explorer();
    const Ledger& ledger = e.scenario->ledger;
    const AddressId hub = *ledger.find_address(e.hub);
    for (auto _ : state) {
        Units total = 0;
        for (std::size_t i = 0; i < ledger.assets().size(); ++i)
            if (ledger.asset(static_cast<AssetId>(i)).chain == ledger.address_chain(hub))
                total += ledger.balance(hub, static_cast<AssetId>(i), 0);
        benchmark::DoNotOptimize(total);
    }
    state.counters["address_tx"] = static_cast<double>(ledger.transactions_of(hub).size());
}

BENCHMARK(BM_ExploreHub)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_HubBalances)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_ExploreHubOutgoing)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_ExploreLeaf)->Unit(benchmark::kMicrosecond);

}  // namespace
