#pragma once
// A fresh directory under the system temp dir, removed with everything in it at scope exit.
#include <filesystem>
#include <string>
#include <string_view>

namespace mt::testing {

class TempDir {
  public:
    // `tag` names the folder ("mt-<tag>-<pid>-<n>") so a left-over one tells which tests made it.
    explicit TempDir(std::string_view tag = "test");
    ~TempDir();
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    const std::filesystem::path& path() const { return path_; }
    std::filesystem::path file(const char* name) const { return path_ / name; }
    // Writes `content` as the file `name` in this folder.
    void write(const std::string& name, std::string_view content) const;

  private:
    std::filesystem::path path_;
};

// The whole content of a file, as bytes.
std::string file_bytes(const std::filesystem::path& path);

}  // namespace mt::testing
