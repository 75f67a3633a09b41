#pragma once
// Opening files that the user or a case names, without trusting what they are. A named pipe, a
// device or a socket put where a case, a ledger file or a cached ledger image is expected would
// block a plain open() or read() forever: these open without blocking, check with fstat that the
// file is a regular one, and only then read or write it.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>

namespace mt {

struct StdioCloser {
    void operator()(std::FILE* file) const { std::fclose(file); }
};
using StdioFile = std::unique_ptr<std::FILE, StdioCloser>;

class RegularFile {
  public:
    // Opens `path` (symbolic links followed) for reading. On failure is_open() is false and
    // error() says why: "cannot open 'x': no such file", "cannot read 'x': it is not a regular
    // file", or the system's reason.
    static RegularFile open_for_reading(const std::filesystem::path& path);
    // Creates or truncates `path` for writing; refuses a symbolic link or anything not regular.
    static RegularFile open_for_writing(const std::filesystem::path& path);

    RegularFile() = default;
    RegularFile(RegularFile&& other) noexcept;
    RegularFile& operator=(RegularFile&& other) noexcept;
    RegularFile(const RegularFile&) = delete;
    RegularFile& operator=(const RegularFile&) = delete;
    ~RegularFile();

    bool is_open() const { return fd_ >= 0; }
    const std::string& error() const { return error_; }
    std::uintmax_t size() const { return size_; }  // when opened

    // Reads up to `bytes`; 0 at the end of the file, -1 on an error (then error() says which).
    std::ptrdiff_t read(char* data, std::size_t bytes);
    // The rest of the file; nothing on an error (then error() says which).
    std::optional<std::string> read_all();
    // Hands the descriptor to a stdio stream ("rb" or "wb"); this object is closed after.
    StdioFile to_stdio(const char* mode);

  private:
    static RegularFile open_checked(const std::filesystem::path& path, int flags);
    void close();

    int fd_ = -1;
    std::uintmax_t size_ = 0;
    std::string path_;
    std::string error_;
};

}  // namespace mt
