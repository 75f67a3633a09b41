#pragma once
// Helpers for loader tests: a small valid case to mutate, exact text edits, and finding where a
// piece of text sits so diagnostics can be checked against real line and column numbers.
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include "i18n/catalogue.hpp"
#include "i18n/diagnostic_text.hpp"
#include "scenario/loader.hpp"
#include "temp_dir.hpp"

namespace mt::test {

// A complete, valid case of one bitcoin transaction, one exchange, one holding and one objective.
std::string tiny_case();

// `text` with the single occurrence of `from` replaced by `to` (the test fails if `from` does not
// occur exactly once).
std::string replace_once(const std::string& text, std::string_view from, std::string_view to);

struct TextPos {
    int line = 0;
    int column = 0;
};
// 1-based line and character column of the `occurrence`-th (0-based) appearance of `needle`.
TextPos position_of(const std::string& text, std::string_view needle, int occurrence = 0);

// The first diagnostic whose message contains `part`, or null.
// The diagnostic's problem in English, as `validate --lang en` prints it.
std::string english(const Diagnostic& d);
const Diagnostic* find_error(const LoadResult& result, std::string_view part);
// The same for a temporary result: a copy, so it outlives the result.
std::optional<Diagnostic> find_error(LoadResult&& result, std::string_view part);
// All diagnostics formatted, one per line, for test failure messages.
std::string describe(const LoadResult& result);

LoadResult load(const std::string& yaml, const std::filesystem::path& base_dir = {});

// The shared scratch folder (tests/support), under the name these tests have always used.
using mt::testing::TempDir;

std::filesystem::path default_case_path();

}  // namespace mt::test
