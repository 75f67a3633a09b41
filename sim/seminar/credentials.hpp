#pragma once
// The seminar's secrets: the join code read out to the room, the instructor's secret, and the
// per-trainee session tokens. All come from the operating system's random source.
#include <string>
#include <string_view>

namespace mt::seminar {

// Letters and digits that cannot be mistaken for one another when read off a projector
// (no 0/O, 1/I/L, 5/S, 2/Z, 8/B).
inline constexpr std::string_view kUnambiguousAlphabet = "ACDEFGHJKMNPQRTUVWXY34679";
inline constexpr std::size_t kJoinCodeLength = 6;

std::string make_join_code();
// 24 characters of the unambiguous alphabet (about 111 bits).
std::string make_instructor_secret();
// 32 hex digits (128 bits).
std::string make_session_token();

// What a trainee typed, as the code to compare: letters upper-cased, spaces and dashes dropped.
std::string normalize_join_code(std::string_view typed);
// Compares in time that depends only on the expected value's length, so a secret cannot be guessed
// a character at a time from response times.
bool constant_time_equal(std::string_view given, std::string_view expected);

}  // namespace mt::seminar
