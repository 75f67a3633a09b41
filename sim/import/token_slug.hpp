#pragma once
// The lower-case letters and digits of a name, for matching export columns whatever their spelling
// and for naming a token's asset after its symbol.
#include <string>
#include <string_view>

namespace mt::import {

// "Value_IN(ETH)" -> "valueineth": ASCII letters lower-cased, digits kept, everything else left
// out.
std::string letters_and_digits(std::string_view text);

// A token's symbol as the start of its asset id ("USDT" -> "usdt"); "token" when the symbol has no
// letter or digit.
std::string token_slug(std::string_view symbol);

}  // namespace mt::import
