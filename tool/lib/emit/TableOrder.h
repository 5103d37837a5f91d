// The order in which tables are created: every table after the tables its foreign keys
// reference, so that the DDL runs top to bottom. Cycles are broken by adding the foreign keys
// that close them after every table exists.
#pragma once

#include "ir/Schema.h"

#include <set>
#include <vector>

namespace ormc::emit {

struct TableOrder {
  std::vector<const ir::Model*> models; // creation order; drop in reverse
  /// Foreign keys that reference a table created later (cycles), as {model, its key}.
  std::set<std::pair<const ir::Model*, const ir::ForeignKey*>> deferred;
};

/// Dependency order, stable: among tables that can go next, the earlier in the schema does.
TableOrder creationOrder(const ir::Schema& schema);

} // namespace ormc::emit
