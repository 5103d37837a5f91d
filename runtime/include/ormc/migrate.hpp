// Applying the migrations `ormc --migrations-dir` writes: each pending one in its own
// transaction, in version order, recorded with its checksum in the table ormc_migrations.
//
//   ormc::Database db("sqlite:app.db");
//   ormc::MigrationReport r = ormc::migrate(db, "db/migrations");   // r.version: now at
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <ormc/database.hpp>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace ormc {

struct MigrationReport {
  std::vector<std::int64_t> applied; // the versions this call applied (migrate_down: reverted)
  std::int64_t version = 0;          // the database's version afterwards
};

/// Applies the pending migrations of `dir` for the database's dialect. Before anything runs it
/// checks the directory (every file listed in ormc.sum with its checksum, versions 1..N without
/// gaps) and the database (every applied version still a file, with the checksum it was applied
/// with); any mismatch is a MigrationError and nothing is applied. One migrator at a time: two
/// processes migrating at once apply each migration once (PostgreSQL: an advisory lock held by
/// the session for the whole call, per schema; SQLite: BEGIN IMMEDIATE). A migration that fails is
/// rolled back whole and rethrown; the versions before it stay applied.
///
/// A migration's online steps (the `-- ormc:online-steps` part ormc writes for PostgreSQL:
/// indexes built CONCURRENTLY, constraints validated) run after its transaction commits,
/// outside any transaction, under the same lock held by the session; each finished step is
/// recorded, and a failed or interrupted one is resumed by the next call before any later
/// migration (docs/migrations.md).
///
/// `data_steps` are C++ data migrations: the function for version N runs right after migration
/// N's SQL, in its transaction (so a throw rolls both back), for work SQL cannot do, such as
/// filling a new column from the application's own logic. A version the directory does not
/// have is a MigrationError.
using DataMigration = std::function<void(Database&)>;
MigrationReport migrate(Database& db, const std::filesystem::path& dir,
                        const std::map<std::int64_t, DataMigration>& data_steps = {});

/// A file of a migrations directory compiled into the program (`ormc --embed-migrations`).
struct MigrationFile {
  std::string_view name; // "0001_create_books.sqlite.sql", "ormc.sum"
  std::string_view text;
};

/// The same as migrate(db, dir), from the files of a directory compiled into the program, so
/// that a deployment carries its migrations inside the binary:
///   ormc::migrate(db, app::migrations());   // declared in the header ormc generated
/// `files` must hold the directory's ormc.sum; every check above applies to them alike.
MigrationReport migrate(Database& db, std::span<const MigrationFile> files,
                        const std::map<std::int64_t, DataMigration>& data_steps = {});

/// Takes the database back to `version` (0: before the first migration) by the down migrations
/// of every version above it, newest first, each in a transaction of its own together with the
/// removal of its row from ormc_migrations. ormc writes a down migration
/// (`<version>_<name>.<dialect>.down.sql`) only where the way back is exact; a version on the
/// way without one is a MigrationError before anything runs. The directory and the database are
/// checked as migrate() checks them, and one migrator runs at a time in the same way.
MigrationReport migrate_down(Database& db, const std::filesystem::path& dir, std::int64_t version);
MigrationReport migrate_down(Database& db, std::span<const MigrationFile> files,
                             std::int64_t version);

class Pool;

/// One tenant's outcome of migrate_tenants().
struct TenantMigration {
  std::string tenant;
  MigrationReport report; // what this call applied; empty when it failed
  std::string error;      // why it failed; "" when it succeeded
};

struct TenantMigrationOptions {
  std::size_t parallel = 0;         // tenants migrating at once; 0: as many as the pool lends
  std::vector<std::string> tenants; // these only (a canary first, say); empty: every tenant
};

/// Migrates every tenant of the pool's database (Database::tenants()) as migrate() would,
/// several at a time, each on a connection of its own. A tenant that fails keeps the migrations
/// before the one that failed and is reported with its error, while the others go on; a later
/// call resumes each tenant from where it stopped, applying only what is pending. Results are
/// in tenant name order.
std::vector<TenantMigration> migrate_tenants(Pool& pool, std::span<const MigrationFile> files,
                                             const TenantMigrationOptions& options = {});
std::vector<TenantMigration> migrate_tenants(Pool& pool, const std::filesystem::path& dir,
                                             const TenantMigrationOptions& options = {});

/// The highest version applied to the database; 0 before the first migration (creating the
/// empty ormc_migrations table then).
std::int64_t migration_version(Database& db);

} // namespace ormc
