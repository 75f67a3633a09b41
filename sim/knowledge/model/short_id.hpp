#pragma once
// Long identifiers (addresses, transaction hashes) shortened for display: the views and the
// session's timeline shorten them by one rule.
#include <cstddef>
#include <string>
#include <string_view>

namespace mt {

// "bc1qxy2kgdy…x0wlh": the first two thirds and the last third of `keep` characters, joined by an
// ellipsis; identifiers of at most `keep` characters (or any, when keep < 8) stay whole.
std::string short_id(std::string_view id, std::size_t keep = 16);

}  // namespace mt
