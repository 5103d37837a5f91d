// The files of the next migration: its SQL per dialect, the updated ormc.sum, and the IR
// snapshot the migration after it starts from.
#pragma once

#include "ir/Schema.h"
#include "migrate/SchemaDiff.h"

#include <cstdint>
#include <map>
#include <ormc/sql/dialect.hpp>
#include <string>

namespace ormc::migrate {

/// The SQL of `diff`'s steps in one dialect, one statement per line group, each ending in `;`;
/// online steps last (sql::MigrationScript). A `down` migration writes them in its transaction.
std::string migrationSql(const ir::Schema& after, const SchemaDiff& diff, Dialect dialect,
                         std::int64_t version, const std::string& name, bool down = false);

/// A migration's way back: the snapshot it starts from (renames reversed, withRenamesReversed)
/// and the steps from the current models to it.
struct WayBack {
  const ir::Schema& before;
  const SchemaDiff& diff;
};

/// Every file to write into the migrations directory, by name: `<version>_<name>.<dialect>.sql`
/// for each dialect (and `.down.sql` with `back`), `ormc.sum` (`sums`, the directory's current
/// checksums, plus the new files'), and `schema.json`, the snapshot of `after`.
std::map<std::string, std::string> migrationFiles(const ir::Schema& after, const SchemaDiff& diff,
                                                  std::int64_t version, const std::string& name,
                                                  std::map<std::string, std::string> sums,
                                                  const WayBack* back = nullptr);

} // namespace ormc::migrate
