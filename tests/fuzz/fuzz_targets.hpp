#pragma once
// The fuzz targets' entry points: the case loader (YAML text, CSV side file) and the seminar's
// request parsing, each called exactly as the program calls it. libFuzzer drives them in the
// `fuzz` build (fuzz_main.cpp); fuzz_corpus_test replays every kept input through them in the
// normal test build. Each returns what invariant an input broke, or an empty string.
#include <string>
#include <string_view>

namespace mt::fuzz {

// load_scenario_text on the bytes: either a scenario and no diagnostic, or diagnostics with a
// message each and no scenario; never a throw.
std::string case_yaml(std::string_view data);
// The bytes as the CSV ledger file of a small case.
std::string case_csv(std::string_view data);
// The first byte picks the request (join, action, inject, rejoin code) and whether a header
// token is sent; the rest is the body. A refusal has a 4xx status, a key and a message; an
// accepted action survives its JSON round trip.
std::string seminar_request(std::string_view data);

}  // namespace mt::fuzz
