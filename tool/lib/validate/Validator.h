// Checks a merged schema for problems no single annotation shows: missing keys, name clashes,
// options that do not fit a column's type.
#pragma once

#include "diagnostics/Finding.h"
#include "ir/Schema.h"

namespace ormc::validate {

/// Every problem in the schema; an empty result means the emitters may run.
Findings validateSchema(const ir::Schema& schema);

} // namespace ormc::validate
