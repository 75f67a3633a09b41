#include "model/world.hpp"

#include <algorithm>

namespace mt {
namespace {
template <typename T>
const T* find_by_id(const std::vector<T>& items, std::string_view id) {
    auto it =
        std::find_if(items.begin(), items.end(), [&](const T& item) { return item.id == id; });
    return it == items.end() ? nullptr : &*it;
}
}  // namespace

const Entity* Scenario::find_entity(std::string_view id) const {
    return find_by_id(entities, id);
}
const Holding* Scenario::find_holding(std::string_view id) const {
    return find_by_id(holdings, id);
}
const Checkpoint* Scenario::find_checkpoint(std::string_view id) const {
    return find_by_id(checkpoints, id);
}

void Scenario::index_owners() {
    owner_index_.assign(ledger.address_count(), -1);
    for (std::size_t e = 0; e < entities.size(); ++e)
        for (AddressId a : entities[e].addresses)
            if (a < owner_index_.size() && owner_index_[a] < 0)
                owner_index_[a] = static_cast<std::int32_t>(e);
}

const Entity* Scenario::owner_of(AddressId address) const {
    if (!owner_index_.empty()) {
        if (address >= owner_index_.size() || owner_index_[address] < 0) return nullptr;
        return &entities[static_cast<std::size_t>(owner_index_[address])];
    }
    for (const Entity& e : entities)
        if (std::find(e.addresses.begin(), e.addresses.end(), address) != e.addresses.end())
            return &e;
    return nullptr;
}

const Service* Scenario::find_service(std::string_view entity_id) const {
    auto it = std::find_if(services.begin(), services.end(),
                           [&](const Service& s) { return s.entity == entity_id; });
    return it == services.end() ? nullptr : &*it;
}

}  // namespace mt
