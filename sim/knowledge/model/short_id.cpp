#include "model/short_id.hpp"

namespace mt {

std::string short_id(std::string_view id, std::size_t keep) {
    if (id.size() <= keep || keep < 8) return std::string(id);
    const std::size_t tail = keep / 3;
    const std::size_t head = keep - tail;
    std::string out(id.substr(0, head));
    out += "…";
    out += id.substr(id.size() - tail);
    return out;
}

}  // namespace mt
