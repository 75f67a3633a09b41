#pragma once
// Shared by the benchmarks over generated cases: where the cases live, generating them once,
// loading them once per process, measuring a child process's peak memory and CPU.
//
// Cases come from `moneytrail generate` (seed 7, every typology) and are cached in
// $MT_BENCH_DATA or <temp>/moneytrail-bench, never in the source tree.
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <map>
#include <memory>
#include <stdexcept>
#include <string>

#include "generate/generator.hpp"
#include "model/world.hpp"
#include "scenario/loader.hpp"

namespace mt::bench {

namespace fs = std::filesystem;

inline fs::path data_dir() {
    if (const char* env = std::getenv("MT_BENCH_DATA"); env && *env) return env;
    return fs::temp_directory_path() / "moneytrail-bench";
}

inline double process_cpu_seconds() {
    timespec t{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
    return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_nsec) * 1e-9;
}

struct ChildRun {
    bool ok = false;
    double peak_rss_mb = -1;  // getrusage ru_maxrss of the child
    double cpu_seconds = -1;  // user + system CPU of the child
    double wall_seconds = -1;
};

inline double seconds_of(const timeval& t) {
    return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_usec) * 1e-6;
}

inline ChildRun wait_child(pid_t pid, std::chrono::steady_clock::time_point start) {
    ChildRun run;
    int status = 0;
    rusage usage{};
    if (pid < 0 || wait4(pid, &status, 0, &usage) != pid) return run;
    run.wall_seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    run.ok = WIFEXITED(status) && WEXITSTATUS(status) == 0;
    run.peak_rss_mb = static_cast<double>(usage.ru_maxrss) / 1024.0;
    run.cpu_seconds = seconds_of(usage.ru_utime) + seconds_of(usage.ru_stime);
    return run;
}

// Runs `work` in a forked child; its peak resident set is the work's own high-water mark (plus
// what the child inherits from this process).
template <typename Work>
ChildRun in_child(Work&& work) {
    std::fflush(nullptr);
    const auto start = std::chrono::steady_clock::now();
    const pid_t pid = fork();
    if (pid == 0) _exit(work() ? 0 : 1);
    return wait_child(pid, start);
}

// Runs a program in a child with at most `cpu_limit_seconds` of CPU (0: no limit), its output
// sent to /dev/null. ok is false when it failed or hit the limit.
inline ChildRun run_program(const std::vector<std::string>& argv, int cpu_limit_seconds) {
    std::fflush(nullptr);
    const auto start = std::chrono::steady_clock::now();
    const pid_t pid = fork();
    if (pid == 0) {
        if (cpu_limit_seconds > 0) {
            rlimit limit{static_cast<rlim_t>(cpu_limit_seconds),
                         static_cast<rlim_t>(cpu_limit_seconds)};
            setrlimit(RLIMIT_CPU, &limit);
        }
        if (!std::freopen("/dev/null", "w", stdout)) _exit(127);
        std::vector<char*> args;
        for (const std::string& a : argv) args.push_back(const_cast<char*>(a.c_str()));
        args.push_back(nullptr);
        execvp(args[0], args.data());
        _exit(127);
    }
    return wait_child(pid, start);
}

struct Dataset {
    fs::path case_file;
    fs::path ledger_file;
    double generate_seconds = 0;  // 0 when it came from the cache
};

// The generated case of `transactions` rows (seed 7, every typology), generated in a child (to
// keep this process small) unless cached.
inline const Dataset& dataset(std::uint64_t transactions) {
    static std::map<std::uint64_t, Dataset> cache;
    auto it = cache.find(transactions);
    if (it != cache.end()) return it->second;
    Dataset d;
    const std::string id = "bench-" + std::to_string(transactions);
    d.case_file = data_dir() / (id + ".yaml");
    d.ledger_file = data_dir() / (id + "-ledger.csv");
    if (!fs::exists(d.case_file) || !fs::exists(d.ledger_file)) {
        const auto start = std::chrono::steady_clock::now();
        const ChildRun run = in_child([&] {
            generate::GenerateOptions o;
            o.seed = 7;
            o.transactions = transactions;
            o.id = id;
            o.out_dir = data_dir();
            return generate::generate_case(o).ok();
        });
        if (!run.ok) throw std::runtime_error("generating " + id + " failed");
        d.generate_seconds =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    }
    return cache.emplace(transactions, d).first->second;
}

// The generated case, loaded once per process and shared by the benchmarks that need it.
inline std::shared_ptr<const Scenario> loaded_case(std::uint64_t transactions) {
    static std::map<std::uint64_t, std::shared_ptr<const Scenario>> cache;
    auto it = cache.find(transactions);
    if (it != cache.end()) return it->second;
    LoadResult loaded = load_scenario_file(dataset(transactions).case_file, LedgerCacheOptions{});
    if (!loaded.ok())
        throw std::runtime_error("the generated case of " + std::to_string(transactions) +
                                 " transactions does not load");
    return cache.emplace(transactions, loaded.scenario).first->second;
}

}  // namespace mt::bench
