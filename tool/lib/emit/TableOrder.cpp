#include "emit/TableOrder.h"

#include <algorithm>

namespace ormc::emit {
namespace {

/// Models `m` references through a foreign key, other than itself.
std::vector<const ir::Model*> dependencies(const ir::Schema& schema, const ir::Model& m) {
  std::vector<const ir::Model*> out;
  for (const ir::Reference& ref : m.references())
    if (const ir::Model* target = schema.find(ref.key->targetModel))
      if (target != &m) out.push_back(target);
  return out;
}

} // namespace

TableOrder creationOrder(const ir::Schema& schema) {
  TableOrder order;
  std::set<const ir::Model*> placed;
  auto ready = [&](const ir::Model& m) {
    for (const ir::Model* d : dependencies(schema, m))
      if (!placed.count(d)) return false;
    return true;
  };
  while (order.models.size() < schema.models.size()) {
    const ir::Model* next = nullptr;
    for (const ir::Model& m : schema.models)
      if (!placed.count(&m) && ready(m)) {
        next = &m;
        break;
      }
    if (!next) {
      // A cycle: create the earliest remaining table now and add its foreign keys to tables
      // that do not exist yet afterwards.
      for (const ir::Model& m : schema.models)
        if (!placed.count(&m)) {
          next = &m;
          break;
        }
      for (const ir::Reference& ref : next->references())
        if (const ir::Model* target = schema.find(ref.key->targetModel))
          if (target != next && !placed.count(target)) order.deferred.insert({next, ref.key});
    }
    placed.insert(next);
    order.models.push_back(next);
  }
  return order;
}

} // namespace ormc::emit
