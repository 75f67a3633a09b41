#pragma once
// The exportable case report: the trainee's casefile written out as Markdown in the interface
// language, for a supervisor, a prosecutor's file or the trainee's own notes. It says only what the
// casefile holds, so it can never carry the case's hidden answers.
#include <string>

#include "model/casefile.hpp"

namespace mt::ui {

// `graph_image` is the file name of the funds-graph picture saved next to the report; empty
// leaves the picture out.
std::string case_report_markdown(const Casefile& casefile, const std::string& graph_image);

// "ransomware-peel-chain-report-d1-0840": a file name stem that orders reports by simulated time.
std::string case_report_stem(const Casefile& casefile);

}  // namespace mt::ui
