// Checks the rules a distributed PostgreSQL engine (Citus) holds tables to, for models marked
// ormc:table(distribute_by=...) or ormc:table(reference), so that create_schema() and
// migrations do not fail half-way on the engine: keys and foreign keys that include the
// distribution column, colocated tables, and no foreign key the engine cannot enforce.
#pragma once

#include "diagnostics/Finding.h"
#include "ir/Schema.h"

namespace ormc::validate {

/// Run on a linked schema (validate::linkSchema: colocate_with resolved).
void checkDistribution(const ir::Schema& schema, Findings& out);

} // namespace ormc::validate
