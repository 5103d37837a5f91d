// The way back from a migration: written only where it is exact, that is where undoing each
// step loses nothing the migration found and no row can refuse it. Adding is undone by
// dropping what was added; renames by renaming back; a dropped column, a narrowed type or a
// constraint removed cannot be undone exactly, and such a migration has no down migration.
#pragma once

#include "ir/Schema.h"
#include "migrate/SchemaDiff.h"

#include <string>

namespace ormc::migrate {

/// Why `diff` has no exact way back, naming the first step that prevents it ("" when every
/// step has one).
std::string inexactReason(const SchemaDiff& diff);

/// `before` with every rename of `diff` pointing back (renamed_from= the current name), so that
/// diffSchemas(after, result) renames back instead of dropping and adding.
ir::Schema withRenamesReversed(const ir::Schema& before, const SchemaDiff& diff);

} // namespace ormc::migrate
