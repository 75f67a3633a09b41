#pragma once
// A case-file diagnostic in words, compiler style: "file:line:col: error: what (at yaml.path)",
// in the interface language or a given one.
#include <string>
#include <string_view>

#include "model/diagnostic.hpp"

namespace mt {

std::string render(const Diagnostic& diagnostic);
std::string render(const Diagnostic& diagnostic, std::string_view language);

}  // namespace mt
