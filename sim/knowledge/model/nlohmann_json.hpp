#pragma once
// nlohmann-json, as every project file includes it. With JSON_DIAGNOSTICS on (CMakeLists.txt),
// GCC 12 to 14 at -O2 and above warn that basic_json's set_parents(), inlined after a value is
// built from a string, reads a std::map out of the string's 32-byte allocation: a path its switch
// on the value's type never takes (nlohmann/json#4657, #4704, #4819; gone in GCC 15). The warning
// is silenced for the library's own lines only: the standard headers it uses are included first,
// so their code inlined anywhere else is still checked. A precompiled header drops the pragma
// (GCC 12), so optimised builds keep this header out of theirs (CMakeLists.txt).
#include <algorithm>
#include <array>
#include <forward_list>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <valarray>
#include <vector>

#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Warray-bounds"
#include <nlohmann/json.hpp>
#pragma GCC diagnostic pop
#else
#include <nlohmann/json.hpp>
#endif
