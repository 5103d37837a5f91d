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

/// The SQL of `diff`'s steps in one dialect, one statement per line group, each ending in `;`.
std::string migrationSql(const ir::Schema& after, const SchemaDiff& diff, Dialect dialect,
                         std::int64_t version, const std::string& name);

/// Every file to write into the migrations directory, by name: `<version>_<name>.<dialect>.sql`
/// for each dialect, `ormc.sum` (`sums`, the directory's current checksums, plus the new
/// files'), and `schema.json`, the snapshot of `after`.
std::map<std::string, std::string> migrationFiles(const ir::Schema& after, const SchemaDiff& diff,
                                                  std::int64_t version, const std::string& name,
                                                  std::map<std::string, std::string> sums);

} // namespace ormc::migrate
