#include "seminar/credentials.hpp"

#include <cstdint>
#include <random>

namespace mt::seminar {
namespace {

std::string random_text(std::string_view alphabet, std::size_t length) {
    std::random_device source;  // /dev/urandom on Linux
    std::string out;
    out.reserve(length);
    // Rejection sampling keeps every character equally likely.
    const auto limit = static_cast<unsigned>(256 - 256 % alphabet.size());
    while (out.size() < length) {
        const unsigned byte = source() & 0xFFu;
        if (byte < limit) out.push_back(alphabet[byte % alphabet.size()]);
    }
    return out;
}

}  // namespace

std::string make_join_code() {
    return random_text(kUnambiguousAlphabet, kJoinCodeLength);
}

std::string make_instructor_secret() {
    return random_text(kUnambiguousAlphabet, 24);
}

std::string make_session_token() {
    return random_text("0123456789abcdef", 32);
}

std::string rejoin_code_of(std::string_view token) {
    std::uint64_t bits = 0;
    for (std::size_t i = 0; i < 8 && i < token.size(); ++i) {
        const char c = token[i];
        const unsigned digit = c >= '0' && c <= '9'   ? static_cast<unsigned>(c - '0')
                               : c >= 'a' && c <= 'f' ? static_cast<unsigned>(c - 'a' + 10)
                                                      : static_cast<unsigned>(c) & 0xFu;
        bits = bits << 4 | digit;
    }
    std::string code(kJoinCodeLength, ' ');
    for (char& c : code) {
        c = kUnambiguousAlphabet[bits % kUnambiguousAlphabet.size()];
        bits /= kUnambiguousAlphabet.size();
    }
    return code;
}

std::string normalize_join_code(std::string_view typed) {
    std::string out;
    for (char c : typed) {
        if (c == ' ' || c == '-' || c == '\t') continue;
        out.push_back(c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c);
    }
    return out;
}

bool constant_time_equal(std::string_view given, std::string_view expected) {
    unsigned diff = given.size() == expected.size() ? 0u : 1u;
    for (std::size_t i = 0; i < expected.size(); ++i) {
        const unsigned g = i < given.size() ? static_cast<unsigned char>(given[i]) : 0u;
        diff |= g ^ static_cast<unsigned char>(expected[i]);
    }
    return diff == 0;
}

}  // namespace mt::seminar
