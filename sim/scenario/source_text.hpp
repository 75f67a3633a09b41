#pragma once
// Raw text of case files before any parsing: bounded reads, encoding checks, and the map from
// byte offsets to the line and column an editor shows.
#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/message.hpp"
#include "model/regular_file.hpp"

namespace mt::scenario_detail {

struct FileRead {
    std::string text;
    Message error;  // empty on success: "cannot open ...", "is 20.0 MiB; the limit is 16.0 MiB"
};
// "'name' is 20.0 MiB; the limit is 16.0 MiB", in exact bytes when rounding would hide the excess.
Message size_over_limit(std::string_view name, std::uintmax_t bytes, std::size_t limit);
// Reads a regular file (never a pipe or device, which could block) of at most `limit` bytes
// without ever reading more than limit + 1.
FileRead read_bounded_file(const std::filesystem::path& path, std::size_t limit);

// Reads a file of at most `limit` bytes block by block, each block ending after a line feed (or at
// the end of the file), so a big ledger file is never held whole.
class LineBlocks {
  public:
    LineBlocks(const std::filesystem::path& path, std::size_t limit,
               std::size_t block_bytes = std::size_t{4} << 20);
    // Why the file cannot be read (checked on opening and on each read); empty while all is well.
    const Message& error() const { return error_; }
    std::uintmax_t file_size() const { return size_; }
    // The next block of whole lines; nullopt at the end of the file or after an error. The view
    // is valid until the next call.
    std::optional<std::string_view> next();

  private:
    std::filesystem::path path_;
    std::size_t limit_;
    std::size_t block_bytes_;
    std::uintmax_t size_ = 0;
    std::uintmax_t read_ = 0;
    RegularFile file_;
    bool at_end_ = false;
    std::string buffer_;
    std::size_t handed_out_ = 0;
    Message error_;
};

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
    Message message;
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
