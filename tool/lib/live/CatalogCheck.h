// ormc --check-db: a live database's tables against the models, as Models::check_schema()
// compares them at run time, but from the command line: one located error per difference, so
// that CI fails on a database that drifted from the code.
#pragma once

#include "diagnostics/Finding.h"
#include "ir/Schema.h"
#include "live/LiveDatabase.h"

namespace ormc::live {

/// An error (`schema-drift`) at the model for every difference; an error without a location
/// when the catalog cannot be read.
Findings checkDatabase(const ir::Schema& schema, LiveDatabase& database);

} // namespace ormc::live
