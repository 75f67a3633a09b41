#pragma once
// Collects loader diagnostics: bounded in number, reported in file order.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "scenario/loader.hpp"

namespace mt::scenario_detail {

// Where a diagnostic points: a file, a 1-based line and column (0 = the whole file), a YAML path.
struct Where {
    std::string_view file;
    int line = 0;
    int column = 0;
    std::string path;
};

class Diagnostics {
  public:
    void error(const Where& where, Message message);
    std::size_t count() const { return items_.size() + dropped_; }
    // The diagnostics sorted by file (in order of first mention), line and column, with a final
    // note when some were dropped past the limit.
    std::vector<Diagnostic> take();

  private:
    std::vector<Diagnostic> items_;
    std::size_t dropped_ = 0;
};

}  // namespace mt::scenario_detail
