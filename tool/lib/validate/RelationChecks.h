// Checks the relations of a linked schema: foreign keys that fit the keys they reference, and
// helper names that are unique on each side.
#pragma once

#include "diagnostics/Finding.h"
#include "ir/Schema.h"

namespace ormc::validate {

void checkRelations(const ir::Schema& schema, Findings& out);

} // namespace ormc::validate
