#pragma once
// Raw text of case files before any parsing: bounded reads, encoding checks, and the map from
// byte offsets to the line and column an editor shows.
#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace mt::scenario_detail {

struct FileRead {
    std::string text;
    std::string error;  // empty on success: "cannot open ...", "is 20.0 MiB; the limit is 16 MiB"
};
// Reads a regular file of at most `limit` bytes without ever reading more than limit + 1.
FileRead read_bounded_file(const std::filesystem::path& path, std::size_t limit);

// 1-based line and column; columns count characters (UTF-8 code points), as editors do.
struct TextPosition {
    int line = 0;
    int column = 0;
};

class LineIndex {
  public:
    explicit LineIndex(std::string_view text);
    TextPosition at_offset(std::size_t offset) const;
    // The position of 0-based line `line` and byte offset `offset` as yaml-cpp reports them; falls
    // back to the byte column when the two disagree.
    TextPosition at(int line, int byte_column, std::size_t offset) const;

  private:
    std::string_view text_;
    std::vector<std::size_t> starts_;
};

struct TextProblem {
    std::size_t offset = 0;
    std::string message;
};
// The first byte that is not valid UTF-8, or a control character YAML and CSV do not allow
// (anything below 0x20 except tab, line feed and carriage return, and DEL).
std::optional<TextProblem> find_text_problem(std::string_view text);

// At most `max_chars` characters of `text` for quoting in a message, cut at a character boundary,
// with anything that is not printable UTF-8 shown as '?' and "..." when cut short.
std::string excerpt(std::string_view text, std::size_t max_chars);

// Drops a leading UTF-8 byte-order mark, which editors add and nobody sees.
std::string_view without_bom(std::string_view text);

}  // namespace mt::scenario_detail
