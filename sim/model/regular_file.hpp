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
    // Why a file could not be opened or read; the words are the caller's (catalogue messages).
    enum class Failure { none, no_such_file, not_regular, cannot_open, cannot_read };

    // Opens `path` (symbolic links followed) for reading. On failure is_open() is false and
    // failure() says why, system_error() the errno behind cannot_open and cannot_read.
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
    Failure failure() const { return failure_; }
    int system_error() const { return system_error_; }
    const std::string& path() const { return path_; }
    std::uintmax_t size() const { return size_; }  // when opened

    // Reads up to `bytes`; 0 at the end of the file, -1 on an error (then failure() says which).
    std::ptrdiff_t read(char* data, std::size_t bytes);
    // The rest of the file; nothing on an error (then failure() says which).
    std::optional<std::string> read_all();
    // Hands the descriptor to a stdio stream ("rb" or "wb"); this object is closed after.
    StdioFile to_stdio(const char* mode);

  private:
    static RegularFile open_checked(const std::filesystem::path& path, int flags);
    void close();
    void fail(Failure failure, int system_error);

    int fd_ = -1;
    std::uintmax_t size_ = 0;
    std::string path_;
    Failure failure_ = Failure::none;
    int system_error_ = 0;
};

}  // namespace mt
