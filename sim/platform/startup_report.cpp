#include "platform/startup_report.hpp"

#include <chrono>
#include <cstdio>
#include <ctime>

#include "i18n/catalogue.hpp"

namespace mt::platform {
namespace {

double cpu_ms(clockid_t clock) {
    timespec t{};
    clock_gettime(clock, &t);
    return static_cast<double>(t.tv_sec) * 1e3 + static_cast<double>(t.tv_nsec) * 1e-6;
}

// When the program started: set during static initialisation, after the dynamic loader has mapped
// the libraries and just before main. The process's CPU at that moment is kept too.
const std::chrono::steady_clock::time_point g_program_start = std::chrono::steady_clock::now();
const double g_program_start_cpu_ms = cpu_ms(CLOCK_PROCESS_CPUTIME_ID);

std::string row(double wall, double cpu, double phase_wall, double phase_cpu, const char* name) {
    char numbers[80];
    std::snprintf(numbers, sizeof numbers, "%8.1f %8.1f %8.1f %8.1f  ", wall, cpu, phase_wall,
                  phase_cpu);
    return std::string(numbers) + name + "\n";
}

}  // namespace

void StartupReport::mark(const char* key) {
    const double wall = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() -
                                                                  g_program_start)
                            .count();
    marks_.push_back(
        {key, wall, cpu_ms(CLOCK_PROCESS_CPUTIME_ID), cpu_ms(CLOCK_THREAD_CPUTIME_ID)});
}

std::string StartupReport::text() const {
    std::string out = std::string(tr("platform.startup.title")) + "\n";
    out += std::string(tr("platform.startup.columns")) + "\n";
    out += row(0.0, g_program_start_cpu_ms, 0.0, g_program_start_cpu_ms,
               tr("platform.startup.program"));
    double wall = 0.0, cpu = g_program_start_cpu_ms;
    for (const Mark& m : marks_) {
        out += row(m.wall_ms, m.cpu_ms, m.wall_ms - wall, m.cpu_ms - cpu, tr(m.key));
        wall = m.wall_ms;
        cpu = m.cpu_ms;
    }
    if (!marks_.empty()) {
        // The main thread runs the program and the driver's shader compiler; the others are the
        // driver's (llvmpipe's rasteriser threads, for software OpenGL).
        const Mark& last = marks_.back();
        const double main_thread = last.thread_cpu_ms;
        char main_text[32], others_text[32];
        std::snprintf(main_text, sizeof main_text, "%.1f", main_thread);
        std::snprintf(others_text, sizeof others_text, "%.1f", last.cpu_ms - main_thread);
        out += trf("platform.startup.threads", {main_text, others_text}) + "\n";
    }
    return out;
}

}  // namespace mt::platform
