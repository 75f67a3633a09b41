#pragma once
// Loads jurisdiction packs (assets/jurisdictions/<id>.yaml, compiled into the program) with the
// same bounds and one-pass diagnostics as case files. The format is in docs/scenario-format.md.
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "model/jurisdiction.hpp"
#include "scenario/loader.hpp"

namespace mt {

struct PackLoad {
    std::shared_ptr<const JurisdictionPack> pack;  // null when any error was found
    std::vector<Diagnostic> errors;
};

// `name` stands for the file in diagnostics; `id` is the pack's expected id (its file name).
PackLoad load_jurisdiction_text(std::string_view yaml, const std::string& name,
                                std::string_view id);
// A shipped pack by id ("mx", "us"); an unknown id is an error listing the shipped ones.
PackLoad load_jurisdiction(std::string_view id);
// The ids of the shipped packs, sorted.
std::vector<std::string> shipped_jurisdictions();

}  // namespace mt
