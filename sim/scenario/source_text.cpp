#include "scenario/source_text.hpp"

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <system_error>

namespace mt::scenario_detail {
namespace {

std::string mebibytes(std::uintmax_t bytes) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f MiB", static_cast<double>(bytes) / (1024.0 * 1024.0));
    return buf;
}

std::string hex_byte(unsigned char c) {
    char buf[8];
    std::snprintf(buf, sizeof buf, "0x%02X", c);
    return buf;
}

}  // namespace

Message size_over_limit(std::string_view name, std::uintmax_t bytes, std::size_t limit) {
    const std::string size = mebibytes(bytes);
    const std::string most = mebibytes(limit);
    // One byte over rounds to the limit itself: then only exact byte counts show the difference.
    if (size == most)
        return Message("case_error.yaml.file_too_large_bytes")
            .arg("file", name)
            .arg("bytes", std::to_string(bytes))
            .arg("limit", limit)
            .arg("limit_mib", most);
    return Message("case_error.yaml.file_too_large")
        .arg("file", name)
        .arg("size", size)
        .arg("limit", most);
}

namespace {

// Opens `path` as a regular file of at most `limit` bytes, or says why not.
// Why a file cannot be read: missing, not a regular file, or the system's own reason.
Message unreadable(const RegularFile& file) {
    switch (file.failure()) {
        case RegularFile::Failure::no_such_file:
            return Message("case_error.yaml.no_such_file").arg("file", file.path());
        case RegularFile::Failure::not_regular:
            return Message("case_error.yaml.not_a_regular_file").arg("file", file.path());
        case RegularFile::Failure::cannot_read:
        case RegularFile::Failure::cannot_open:
        case RegularFile::Failure::none:
            break;
    }
    const bool reading = file.failure() == RegularFile::Failure::cannot_read;
    return Message(reading ? "case_error.yaml.read_failed" : "case_error.yaml.cannot_open")
        .arg("file", file.path())
        .arg("reason", std::strerror(file.system_error()));
}

RegularFile open_bounded(const std::filesystem::path& path, std::size_t limit, Message& error) {
    RegularFile file = RegularFile::open_for_reading(path);
    if (!file.is_open())
        error = unreadable(file);
    else if (file.size() > limit)
        error = size_over_limit(path.string(), file.size(), limit);
    return file;
}

Message larger_than(const std::filesystem::path& path, std::size_t limit) {
    return Message("case_error.yaml.file_grew_too_large")
        .arg("file", path.string())
        .arg("limit", limit)
        .arg("limit_mib", mebibytes(limit));
}

}  // namespace

FileRead read_bounded_file(const std::filesystem::path& path, std::size_t limit) {
    FileRead out;
    RegularFile file = open_bounded(path, limit, out.error);
    if (!out.error.empty()) return out;
    // Read in chunks up to limit + 1 so a file that grows while being read still cannot exceed it.
    std::string text;
    text.reserve(static_cast<std::size_t>(std::min<std::uintmax_t>(file.size(), limit)) + 1);
    char chunk[1 << 16];
    while (text.size() <= limit) {
        const std::ptrdiff_t got = file.read(chunk, sizeof chunk);
        if (got < 0) {
            out.error = unreadable(file);
            return out;
        }
        if (got == 0) break;
        text.append(chunk, static_cast<std::size_t>(got));
    }
    if (text.size() > limit) {
        out.error = larger_than(path, limit);
        return out;
    }
    out.text = std::move(text);
    return out;
}

LineBlocks::LineBlocks(const std::filesystem::path& path, std::size_t limit,
                       std::size_t block_bytes)
    : path_(path), limit_(limit), block_bytes_(block_bytes) {
    file_ = open_bounded(path, limit, error_);
    size_ = file_.size();
}

std::optional<std::string_view> LineBlocks::next() {
    if (!error_.empty()) return std::nullopt;
    // Drop the block handed out last; keep the partial line after it.
    buffer_.erase(0, handed_out_);
    handed_out_ = 0;
    while (true) {
        const std::size_t last_newline = buffer_.rfind('\n');
        if (last_newline != std::string::npos && buffer_.size() >= block_bytes_) {
            handed_out_ = last_newline + 1;
            return std::string_view(buffer_).substr(0, handed_out_);
        }
        if (at_end_) {  // what is left is the last line
            handed_out_ = buffer_.size();
            if (handed_out_ == 0) return std::nullopt;
            return std::string_view(buffer_);
        }
        // Grow by a block (a line longer than a block just makes the buffer longer).
        const std::size_t old_size = buffer_.size();
        buffer_.resize(old_size + block_bytes_);
        const std::ptrdiff_t got = file_.read(buffer_.data() + old_size, block_bytes_);
        if (got < 0) {
            error_ = unreadable(file_);
            return std::nullopt;
        }
        buffer_.resize(old_size + static_cast<std::size_t>(got));
        at_end_ = got == 0;
        read_ += static_cast<std::uintmax_t>(got);
        if (read_ > limit_) {
            error_ = larger_than(path_, limit_);
            return std::nullopt;
        }
    }
}

LineIndex::LineIndex(std::string_view text) : text_(text) {
    starts_.push_back(0);
    for (std::size_t i = 0; i < text.size(); ++i)
        if (text[i] == '\n') starts_.push_back(i + 1);
}

TextPosition LineIndex::at_offset(std::size_t offset) const {
    offset = std::min(offset, text_.size());
    const auto it = std::upper_bound(starts_.begin(), starts_.end(), offset);
    const auto line = static_cast<std::size_t>(it - starts_.begin()) - 1;
    int column = 1;
    for (std::size_t i = starts_[line]; i < offset; ++i)
        if ((static_cast<unsigned char>(text_[i]) & 0xC0) != 0x80) ++column;
    return {static_cast<int>(line) + 1, column};
}

TextPosition LineIndex::at(int line, int byte_column, std::size_t offset) const {
    if (line < 0) return {};
    const auto l = static_cast<std::size_t>(line);
    if (l < starts_.size() && offset >= starts_[l] && offset <= text_.size() &&
        (l + 1 >= starts_.size() || offset < starts_[l + 1]))
        return at_offset(offset);
    return {line + 1, byte_column + 1};
}

std::optional<TextProblem> find_text_problem(std::string_view text) {
    const auto* s = reinterpret_cast<const unsigned char*>(text.data());
    const std::size_t n = text.size();
    std::size_t i = 0;
    while (i < n) {
        // Fast path for big files: skip 8 printable ASCII bytes at a time (no byte below 0x20,
        // none at 0x7F or above); anything else is looked at byte by byte below.
        constexpr std::uint64_t kOnes = 0x0101010101010101ULL, kHigh = 0x8080808080808080ULL;
        while (i + 8 <= n) {
            std::uint64_t w;
            std::memcpy(&w, s + i, 8);
            const std::uint64_t below_space = (w - 0x20 * kOnes) & ~w & kHigh;
            const std::uint64_t del_or_more = (w + 0x01 * kOnes) & kHigh;  // 0x7F..0xFF set bit 7
            if ((below_space | del_or_more | (w & kHigh)) != 0) break;
            i += 8;
        }
        if (i >= n) break;
        const unsigned char c = s[i];
        if (c < 0x80) {
            if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F)
                return TextProblem{
                    i, Message("case_error.yaml.control_character").arg("byte", hex_byte(c))};
            ++i;
            continue;
        }
        // Lengths and the valid range of the second byte per lead byte (RFC 3629, table 3-7 of
        // the Unicode standard): this rejects overlong forms, surrogates and values past U+10FFFF.
        std::size_t length = 0;
        unsigned char low = 0x80, high = 0xBF;
        if (c >= 0xC2 && c <= 0xDF) {
            length = 2;
        } else if (c >= 0xE0 && c <= 0xEF) {
            length = 3;
            if (c == 0xE0) low = 0xA0;
            if (c == 0xED) high = 0x9F;
        } else if (c >= 0xF0 && c <= 0xF4) {
            length = 4;
            if (c == 0xF0) low = 0x90;
            if (c == 0xF4) high = 0x8F;
        }
        bool valid = length > 0 && i + length <= n;
        for (std::size_t k = 1; valid && k < length; ++k) {
            const unsigned char b = s[i + k];
            valid = k == 1 ? (b >= low && b <= high) : (b >= 0x80 && b <= 0xBF);
        }
        if (!valid)
            return TextProblem{i, Message("case_error.yaml.invalid_utf8").arg("byte", hex_byte(c))};
        i += length;
    }
    return std::nullopt;
}

std::string excerpt(std::string_view text, std::size_t max_chars) {
    std::string out;
    std::size_t chars = 0;
    while (!text.empty()) {
        if (chars == max_chars) {
            out += "...";
            break;
        }
        // The length of one valid character, or 0 for a byte that does not start one.
        std::size_t length = 0;
        for (std::size_t n = 1; n <= 4 && n <= text.size() && length == 0; ++n)
            if (!find_text_problem(text.substr(0, n))) length = n;
        if (length == 0) {
            out += '?';
            text.remove_prefix(1);
        } else {
            out.append(text.substr(0, length));
            text.remove_prefix(length);
        }
        ++chars;
    }
    return out;
}

std::string_view without_bom(std::string_view text) {
    if (text.size() >= 3 && text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
    return text;
}

}  // namespace mt::scenario_detail
