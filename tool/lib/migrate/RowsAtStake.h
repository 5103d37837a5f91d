// --db: how many rows of a live database each data-losing change of a migration would take
// with it, added to that change's diagnostic as a note. The database is only read.
#pragma once

#include "live/LiveDatabase.h"
#include "migrate/SchemaDiff.h"

namespace ormc::migrate {

/// Adds to each finding of diff.atStake a note with the rows (or, for a column, the values) the
/// database holds there; a count that fails is a note saying why.
void noteRowsAtStake(SchemaDiff& diff, live::LiveDatabase& database);

} // namespace ormc::migrate
