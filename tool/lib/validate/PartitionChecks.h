// Checks ormc:table(partition_by=...) and ormc:partition(...) against the model: a key member
// PostgreSQL can partition by, keys and unique constraints that include it (as PostgreSQL
// requires), and partitions that are well-formed, so that create_schema() never fails half-way.
#pragma once

#include "diagnostics/Finding.h"
#include "ir/Schema.h"

namespace ormc::validate {

void checkPartitioning(const ir::Model& model, Findings& out);

} // namespace ormc::validate
