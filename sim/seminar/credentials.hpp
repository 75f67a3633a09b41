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

// The short code that lets a trainee rejoin their session from another program or computer
// (kJoinCodeLength characters of the unambiguous alphabet), shown only to that trainee and, on
// request, to the instructor. It is derived from the first 8 hex digits of the session token, so
// it needs no storage and survives a restart; knowing it reveals at most 32 of the token's 128
// bits.
std::string rejoin_code_of(std::string_view token);

// What a trainee typed, as the code to compare: letters upper-cased, spaces and dashes dropped.
std::string normalize_join_code(std::string_view typed);
// Compares in time that depends only on the expected value's length, so a secret cannot be guessed
// a character at a time from response times.
bool constant_time_equal(std::string_view given, std::string_view expected);

}  // namespace mt::seminar
