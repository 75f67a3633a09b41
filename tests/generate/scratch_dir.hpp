#pragma once
// A fresh folder under the system temp dir for generated cases, removed at scope exit.
#include <filesystem>
#include <string>

namespace mt::testing {

class ScratchDir {
  public:
    ScratchDir();
    ~ScratchDir();
    ScratchDir(const ScratchDir&) = delete;
    ScratchDir& operator=(const ScratchDir&) = delete;
    const std::filesystem::path& path() const { return path_; }

  private:
    std::filesystem::path path_;
};

// The whole content of a file, as bytes.
std::string file_bytes(const std::filesystem::path& path);

}  // namespace mt::testing
