#pragma once
// `play --startup-report`: how long the desktop program takes to reach its first frame, phase by
// phase. Each mark records the wall time (steady clock) since the program started (static
// initialisation, just before main) and the CPU time of the whole process (every thread, the
// OpenGL driver's included) since the process started. The report is printed once, after the first
// frame is swapped, as one line per phase: wall ms, CPU ms, then the phase's name in the interface
// language (numbers first, so scripts read them whatever the language).
#include <string>
#include <vector>

namespace mt::platform {

class StartupReport {
  public:
    // The phase that just ended; `key` is a catalogue key ("platform.startup.fonts").
    void mark(const char* key);
    // The report of every mark so far, in the interface language.
    std::string text() const;
    bool empty() const { return marks_.empty(); }

  private:
    struct Mark {
        const char* key;
        double wall_ms;
        double cpu_ms;
        double thread_cpu_ms;
    };
    std::vector<Mark> marks_;
};

}  // namespace mt::platform
