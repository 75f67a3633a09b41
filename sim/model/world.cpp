#include "model/world.hpp"

#include <algorithm>

namespace mt {
namespace {
template <typename T>
const T* find_by_id(const std::vector<T>& items, std::string_view id) {
    auto it = std::find_if(items.begin(), items.end(), [&](const T& item) { return item.id == id; });
    return it == items.end() ? nullptr : &*it;
}
}  // namespace

const Entity* Scenario::find_entity(std::string_view id) const { return find_by_id(entities, id); }
const Holding* Scenario::find_holding(std::string_view id) const { return find_by_id(holdings, id); }
const Checkpoint* Scenario::find_checkpoint(std::string_view id) const {
    return find_by_id(checkpoints, id);
}

const Entity* Scenario::owner_of(AddressId address) const {
    for (const Entity& e : entities)
        if (std::find(e.addresses.begin(), e.addresses.end(), address) != e.addresses.end()) return &e;
    return nullptr;
}

const Service* Scenario::find_service(std::string_view entity_id) const {
    auto it = std::find_if(services.begin(), services.end(),
                           [&](const Service& s) { return s.entity == entity_id; });
    return it == services.end() ? nullptr : &*it;
}

}  // namespace mt
