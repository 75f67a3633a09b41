#include "model/regular_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>

#include "model/narrow.hpp"

namespace mt {

RegularFile RegularFile::open_checked(const std::filesystem::path& path, int flags) {
    RegularFile file;
    file.path_ = path.string();
    // O_NONBLOCK: opening a named pipe with no writer would otherwise wait for one forever.
    const int fd = ::open(path.c_str(), flags | O_NONBLOCK | O_CLOEXEC, 0644);
    if (fd < 0) {
        const int why = errno;
        if (why == ENOENT)
            file.failure_ = Failure::no_such_file;
        else if (why == EISDIR || why == ELOOP || why == ENXIO)
            file.failure_ = Failure::not_regular;
        else
            file.fail(Failure::cannot_open, why);
        return file;
    }
    struct stat info {};
    if (::fstat(fd, &info) != 0 || !S_ISREG(info.st_mode)) {
        ::close(fd);
        file.failure_ = Failure::not_regular;
        return file;
    }
    // A regular file never blocks; clear the flag so reads behave as usual.
    const int status = ::fcntl(fd, F_GETFL);
    if (status >= 0) ::fcntl(fd, F_SETFL, status & ~O_NONBLOCK);
    file.fd_ = fd;
    file.size_ = static_cast<std::uintmax_t>(info.st_size);
    return file;
}

RegularFile RegularFile::open_for_reading(const std::filesystem::path& path) {
    return open_checked(path, O_RDONLY);
}

RegularFile RegularFile::open_for_writing(const std::filesystem::path& path) {
    return open_checked(path, O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW);
}

RegularFile::RegularFile(RegularFile&& other) noexcept {
    *this = std::move(other);
}

RegularFile& RegularFile::operator=(RegularFile&& other) noexcept {
    if (this != &other) {
        close();
        fd_ = other.fd_;
        size_ = other.size_;
        path_ = std::move(other.path_);
        failure_ = other.failure_;
        system_error_ = other.system_error_;
        other.fd_ = -1;
    }
    return *this;
}

RegularFile::~RegularFile() {
    close();
}

void RegularFile::fail(Failure failure, int system_error) {
    failure_ = failure;
    system_error_ = system_error;
}

void RegularFile::close() {
    if (fd_ >= 0) ::close(fd_);
    fd_ = -1;
}

std::ptrdiff_t RegularFile::read(char* data, std::size_t bytes) {
    if (fd_ < 0) return -1;
    while (true) {
        const ssize_t got = ::read(fd_, data, bytes);
        if (got >= 0) return got;
        if (errno == EINTR) continue;
        fail(Failure::cannot_read, errno);
        return -1;
    }
}

std::optional<std::string> RegularFile::read_all() {
    std::string text;
    text.reserve(narrow<std::size_t>(size_));
    char block[1 << 16];
    while (true) {
        const std::ptrdiff_t got = read(block, sizeof block);
        if (got < 0) return std::nullopt;
        if (got == 0) return text;
        text.append(block, static_cast<std::size_t>(got));
    }
}

StdioFile RegularFile::to_stdio(const char* mode) {
    if (fd_ < 0) return nullptr;
    std::FILE* stream = ::fdopen(fd_, mode);
    if (stream) fd_ = -1;  // the stream owns the descriptor now
    return StdioFile(stream);
}

}  // namespace mt
