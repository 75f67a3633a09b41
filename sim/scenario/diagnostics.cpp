#include "scenario/diagnostics.hpp"

#include <algorithm>
#include <map>

#include "scenario/limits.hpp"

namespace mt {

namespace scenario_detail {

void Diagnostics::error(const Where& where, Message message) {
    if (items_.size() >= scenario_limits::kMaxDiagnostics) {
        ++dropped_;
        return;
    }
    items_.push_back(Diagnostic{std::string(where.file), where.line, where.column,
                                std::move(message), where.path});
}

std::vector<Diagnostic> Diagnostics::take() {
    std::map<std::string, std::size_t> file_rank;
    for (const Diagnostic& d : items_) file_rank.try_emplace(d.file, file_rank.size());
    std::stable_sort(items_.begin(), items_.end(), [&](const Diagnostic& a, const Diagnostic& b) {
        const std::size_t ra = file_rank[a.file], rb = file_rank[b.file];
        if (ra != rb) return ra < rb;
        if (a.line != b.line) return a.line < b.line;
        return a.column < b.column;
    });
    std::vector<Diagnostic> out = std::move(items_);
    if (dropped_ > 0) {
        Diagnostic note;
        note.file = out.empty() ? std::string() : out.front().file;
        note.message = Message("case_error.more_not_listed").arg("count", dropped_);
        out.push_back(std::move(note));
    }
    items_.clear();
    dropped_ = 0;
    return out;
}

}  // namespace scenario_detail
}  // namespace mt
