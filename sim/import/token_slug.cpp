#include "import/token_slug.hpp"

namespace mt::import {

std::string letters_and_digits(std::string_view text) {
    std::string out;
    for (char c : text) {
        if (c >= 'A' && c <= 'Z')
            out += static_cast<char>(c - 'A' + 'a');
        else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
            out += c;
    }
    return out;
}

std::string token_slug(std::string_view symbol) {
    std::string out = letters_and_digits(symbol);
    return out.empty() ? "token" : out;
}

}  // namespace mt::import
