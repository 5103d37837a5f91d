// ormc::migrate(): the directory is checked first, then each pending migration runs in its own
// transaction together with the row that records it, so a database is at one version or the
// next, never between. A migration's online steps (PostgreSQL: indexes built concurrently,
// constraints validated) run after that commit, each recorded as it finishes, so an interrupted
// one resumes where it stopped.
#include <algorithm>
#include <chrono>
#include <fstream>
#include <map>
#include <optional>
#include <ormc/migrate.hpp>
#include <ormc/sql/migration_files.hpp>
#include <ormc/sql/renderer.hpp>
#include <ormc/transaction.hpp>
#include <sstream>
#include <thread>

namespace ormc {
namespace {
struct Migration {
  std::int64_t version;
  std::string file;
  sql::MigrationScript script;
  std::string checksum;
  std::string down_file; // "" where ormc wrote no down migration
  std::string down;
};

/// A row of the version table.
struct AppliedMigration {
  std::string checksum;
  std::int64_t online_steps_done = 0;
};

const sql::TableName kVersionTable{"", "ormc_migrations"};

std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw MigrationError("migrate: cannot read " + path.string());
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

/// A migrations directory's files by name: read from disk, or compiled into the program.
using MigrationFiles = std::map<std::string, std::string>;

MigrationFiles read_directory(const std::filesystem::path& dir) {
  std::error_code ec;
  if (!std::filesystem::is_directory(dir, ec))
    throw MigrationError("migrate: " + dir.string() + " is not a directory");
  MigrationFiles files;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    std::string file = entry.path().filename().string();
    if (file == "ormc.sum" || sql::parse_migration_file_name(file))
      files[file] = read_file(entry.path());
  }
  return files;
}

/// The migrations of `files` (from `where`, for messages) for `dialect`, checked against their
/// ormc.sum, in version order.
std::vector<Migration> read_migrations(const MigrationFiles& files, const std::string& where,
                                       std::string_view dialect) {
  auto sum_file = files.find("ormc.sum");
  if (sum_file == files.end())
    throw MigrationError("migrate: " + where +
                         "/ormc.sum is missing; it lists every migration's checksum (ormc writes "
                         "it with the migrations)");
  std::string error;
  auto sums = sql::read_migration_sum(sum_file->second, error);
  if (!sums) throw MigrationError("migrate: " + where + "/ormc.sum: " + error);

  std::map<std::int64_t, Migration> found;
  std::map<std::int64_t, std::pair<std::string, std::string>> downs; // version → file, text
  for (const auto& [file, text] : files) {
    auto name = sql::parse_migration_file_name(file);
    if (!name) continue;
    if (!sums->count(file))
      throw MigrationError("migrate: " + file +
                           " is not listed in ormc.sum (was it written by "
                           "hand? rerun ormc to record it)");
    if (name->dialect != dialect) continue;
    std::string checksum = sql::migration_checksum(text);
    if (checksum != sums->at(file))
      throw MigrationError("migrate: " + file + " (version " + std::to_string(name->version) +
                           ") was edited after ormc wrote it: ormc.sum has " + sums->at(file) +
                           ", the file " + checksum);
    if (name->down) {
      downs[name->version] = {file, text};
      continue;
    }
    if (found.count(name->version))
      throw MigrationError("migrate: two migrations have version " + std::to_string(name->version) +
                           ": " + found[name->version].file + " and " + file);
    auto script = sql::parse_migration_script(text, error);
    if (!script) throw MigrationError("migrate: " + file + ": " + error);
    found[name->version] = {name->version, file, std::move(*script), checksum, "", ""};
  }
  for (const auto& [file, checksum] : *sums) {
    auto name = sql::parse_migration_file_name(file);
    if (name && name->dialect == dialect &&
        !(name->down ? downs.count(name->version) : found.count(name->version)))
      throw MigrationError("migrate: ormc.sum lists " + file + ", which is missing from " + where);
  }
  for (auto& [version, down] : downs) {
    if (!found.count(version))
      throw MigrationError("migrate: " + down.first + " is the down migration of version " +
                           std::to_string(version) + ", which " + where + " does not have");
    found[version].down_file = std::move(down.first);
    found[version].down = std::move(down.second);
  }
  std::vector<Migration> out;
  for (auto& [version, migration] : found) {
    if (version != static_cast<std::int64_t>(out.size()) + 1)
      throw MigrationError("migrate: version " + std::to_string(out.size() + 1) +
                           " is missing before " + migration.file);
    out.push_back(std::move(migration));
  }
  return out;
}

/// Under the migration lock: two processes creating it at once would collide in PostgreSQL's
/// catalog even with IF NOT EXISTS.
void create_version_table(Database& db) {
  const sql::Renderer& r = sql::renderer(db.dialect());
  Transaction transaction(db);
  if (std::string lock = r.migration_lock(); !lock.empty()) db.execute(lock);
  sql::CreateTable table;
  table.table = kVersionTable;
  sql::ColumnDefinition version;
  version.name = "version";
  version.type = sql::ColumnType::int64;
  version.primary_key = version.not_null = true;
  sql::ColumnDefinition file;
  file.name = "file";
  file.type = sql::ColumnType::text;
  file.not_null = true;
  sql::ColumnDefinition checksum = file;
  checksum.name = "checksum";
  sql::ColumnDefinition online = version;
  online.name = "online_steps_done";
  online.primary_key = false;
  table.columns = {version, file, checksum, online};
  for (const std::string& statement : r.render(table))
    db.execute(statement);
  transaction.commit();
}

/// Every applied migration by version.
std::map<std::int64_t, AppliedMigration> applied_migrations(Database& db) {
  const sql::Renderer& r = sql::renderer(db.dialect());
  std::string select = r.render(
      sql::Select{sql::column_list({sql::identifier("version"), sql::identifier("checksum"),
                                    sql::identifier("online_steps_done")}),
                  r.table_name(kVersionTable),
                  {},
                  {{sql::identifier("version"), false, false}},
                  false,
                  false});
  std::map<std::int64_t, AppliedMigration> out;
  db.with_connection([&](auto& conn) {
    auto statement = conn.prepare(select);
    while (statement->step()) {
      std::int64_t version = 0;
      AppliedMigration applied;
      statement->read(0, version);
      statement->read(1, applied.checksum);
      statement->read(2, applied.online_steps_done);
      out[version] = std::move(applied);
    }
  });
  return out;
}

void record(Database& db, const Migration& m) {
  const sql::Renderer& r = sql::renderer(db.dialect());
  std::string insert =
      r.render(sql::Insert{r.table_name(kVersionTable),
                           {sql::identifier("version"), sql::identifier("file"),
                            sql::identifier("checksum"), sql::identifier("online_steps_done")},
                           1,
                           ""});
  db.with_connection([&](auto& conn) {
    auto statement = conn.prepare(insert);
    statement->bind(1, m.version);
    statement->bind(2, m.file);
    statement->bind(3, m.checksum);
    statement->bind(4, std::int64_t{0});
    statement->execute();
  });
}

void record_online_steps(Database& db, const Migration& m, std::int64_t done) {
  const sql::Renderer& r = sql::renderer(db.dialect());
  sql::Fragment version;
  sql::compare(version, sql::identifier("version"), sql::Comparison::equal);
  std::string update =
      r.render(sql::Update{r.table_name(kVersionTable),
                           {{sql::identifier("online_steps_done"), sql::parameter()}},
                           {version}});
  db.with_connection([&](auto& conn) {
    auto statement = conn.prepare(update);
    statement->bind(1, done);
    statement->bind(2, m.version);
    statement->execute();
  });
}

/// Refuses a database whose applied migrations are not the directory's first ones.
void check_applied(const std::map<std::int64_t, AppliedMigration>& applied,
                   const std::vector<Migration>& migrations, const std::string& where) {
  for (const auto& [version, row] : applied) {
    const std::string& checksum = row.checksum;
    if (version < 1 || version > static_cast<std::int64_t>(migrations.size()))
      throw MigrationError("migrate: the database is at version " +
                           std::to_string(applied.rbegin()->first) + ", newer than " + where +
                           " (" + std::to_string(migrations.size()) +
                           " migrations): it was migrated by newer code");
    const Migration& m = migrations[static_cast<std::size_t>(version - 1)];
    if (m.checksum != checksum)
      throw MigrationError("migrate: " + m.file + " (version " + std::to_string(version) +
                           ") was applied with checksum " + checksum + " but the file is now " +
                           m.checksum + ": an applied migration must not change");
  }
}
/// A connection setting for the length of migrate(), restored however it ends.
class ConnectionSetting {
public:
  ConnectionSetting(Database& db, std::string set, std::string restore)
      : db_(db), restore_(std::move(restore)) {
    if (!set.empty()) db_.execute(set);
  }
  ~ConnectionSetting() {
    try {
      if (!restore_.empty()) db_.execute(restore_);
    } catch (...) { // the migration's own error is the one to report
    }
  }
  ConnectionSetting(const ConnectionSetting&) = delete;
  ConnectionSetting& operator=(const ConnectionSetting&) = delete;

private:
  Database& db_;
  std::string restore_;
};

/// Fails the migration if `check` returns a row: a foreign key its rebuilt tables broke (SQLite
/// checks none while a migration runs).
void check_foreign_keys(Database& db, const std::string& check, const Migration& m) {
  if (check.empty()) return;
  std::string broken;
  std::size_t count = 0;
  db.with_connection([&](auto& conn) {
    auto statement = conn.prepare(check);
    while (statement->step()) {
      std::string table, parent;
      std::optional<std::int64_t> row;
      statement->read(0, table);
      statement->read(1, row);
      statement->read(2, parent);
      if (count++ < 5)
        broken += (broken.empty() ? "" : "; ") + table + " row " +
                  (row ? std::to_string(*row) : "?") + " references a missing " + parent + " row";
    }
  });
  if (count)
    throw MigrationError("migrate: " + m.file + " (version " + std::to_string(m.version) +
                         ") would leave " + std::to_string(count) +
                         " rows whose foreign key has no target (" + broken +
                         "); nothing of it was applied");
}

std::string describe(const Migration& m) {
  return m.file + " (version " + std::to_string(m.version) + ")";
}

void run_online_step(Database& db, const Migration& m, std::int64_t step) {
  auto steps = m.script.online_steps.size();
  for (const std::string& statement : m.script.online_steps[static_cast<std::size_t>(step)]) {
    try {
      db.execute(statement);
    } catch (const DatabaseError& e) {
      throw MigrationError("migrate: " + describe(m) + " is applied, but its online step " +
                           std::to_string(step + 1) + " of " + std::to_string(steps) + " failed: " +
                           e.what() + "; migrate() resumes from that step when run again");
    }
  }
  record_online_steps(db, m, step + 1);
}

/// Runs the online steps of `m` not yet done (another migrator may have run some while this
/// one waited for the lock). PostgreSQL runs them outside any transaction, under the migration
/// lock the session holds (MigrationLock); a dialect without such a lock runs each step in a
/// transaction of its own, with the row that records it.
void run_online_steps(Database& db, const Migration& m) {
  const sql::Renderer& r = sql::renderer(db.dialect());
  auto steps = static_cast<std::int64_t>(m.script.online_steps.size());
  if (r.migration_try_lock().empty()) {
    for (std::int64_t step = 0; step < steps; ++step) {
      Transaction transaction(db);
      if (std::string lock = r.migration_lock(); !lock.empty()) db.execute(lock);
      if (applied_migrations(db).at(m.version).online_steps_done > step) continue;
      run_online_step(db, m, step);
      transaction.commit();
    }
    return;
  }
  for (std::int64_t step = applied_migrations(db).at(m.version).online_steps_done; step < steps;
       ++step)
    run_online_step(db, m, step);
}

/// The migration lock, held by the session for as long as this lives (PostgreSQL; nothing
/// where each migration's BEGIN IMMEDIATE is the lock). It is polled, never waited for inside a
/// statement: see PostgresRenderer::migration_try_lock().
class MigrationLock {
public:
  explicit MigrationLock(Database& db) : db_(db) {
    const sql::Renderer& r = sql::renderer(db.dialect());
    if (r.migration_try_lock().empty()) return;
    auto pause = std::chrono::milliseconds(5);
    while (!try_lock(r.migration_try_lock())) {
      std::this_thread::sleep_for(pause);
      pause = std::min(pause * 2, std::chrono::milliseconds(200));
    }
    unlock_ = r.migration_unlock();
  }
  ~MigrationLock() {
    try {
      if (!unlock_.empty()) db_.execute(unlock_);
    } catch (...) { // the migration's own error is the one to report; the session ends it too
    }
  }
  MigrationLock(const MigrationLock&) = delete;
  MigrationLock& operator=(const MigrationLock&) = delete;

private:
  bool try_lock(const std::string& query) {
    return db_.with_connection([&](auto& conn) {
      auto statement = conn.prepare(query);
      std::int64_t got = 0;
      if (statement->step()) statement->read(0, got);
      return got == 1;
    });
  }
  Database& db_;
  std::string unlock_;
};
} // namespace

namespace {
MigrationReport apply(Database& db, const MigrationFiles& files, const std::string& where,
                      const std::map<std::int64_t, DataMigration>& data_steps) {
  if (db.transaction_depth() > 0)
    throw UsageError("migrate() runs each migration in a transaction of its own; call it outside "
                     "a transaction");
  const sql::Renderer& r = sql::renderer(db.dialect());
  std::vector<Migration> migrations = read_migrations(files, where, r.name());
  for (const auto& [version, step] : data_steps)
    if (version < 1 || version > static_cast<std::int64_t>(migrations.size()))
      throw MigrationError("migrate: a data migration is registered for version " +
                           std::to_string(version) + ", which " + where + " does not have (" +
                           std::to_string(migrations.size()) + " migrations)");
  MigrationLock lock(db);
  create_version_table(db);
  check_applied(applied_migrations(db), migrations, where);

  MigrationReport report;
  ConnectionSetting setting(db, r.migration_setup(), r.migration_teardown());
  for (const Migration& m : migrations) {
    auto online_steps = static_cast<std::int64_t>(m.script.online_steps.size());
    {
      Transaction transaction(db);
      if (std::string lock = r.migration_lock(); !lock.empty()) db.execute(lock);
      // Read again under the lock: another process may have applied it meanwhile.
      std::map<std::int64_t, AppliedMigration> applied = applied_migrations(db);
      check_applied(applied, migrations, where);
      if (auto row = applied.find(m.version); row != applied.end()) {
        if (row->second.online_steps_done >= online_steps) continue;
      } else {
        try {
          db.execute(m.script.in_transaction);
        } catch (const DatabaseError& e) {
          // The transaction rolls back as this leaves; the database's own error says why.
          throw MigrationError("migrate: " + describe(m) +
                               " failed, and nothing of it was applied: " + e.what());
        }
        if (auto step = data_steps.find(m.version); step != data_steps.end() && step->second)
          step->second(db);
        check_foreign_keys(db, r.migration_check(), m);
        record(db, m);
        report.applied.push_back(m.version);
      }
      transaction.commit();
    }
    if (online_steps > 0) run_online_steps(db, m);
  }
  report.version = migration_version(db);
  return report;
}
} // namespace

namespace {
void unrecord(Database& db, const Migration& m) {
  const sql::Renderer& r = sql::renderer(db.dialect());
  sql::Fragment version;
  sql::compare(version, sql::identifier("version"), sql::Comparison::equal);
  std::string remove = r.render(sql::Delete{r.table_name(kVersionTable), {version}});
  db.with_connection([&](auto& conn) {
    auto statement = conn.prepare(remove);
    statement->bind(1, m.version);
    statement->execute();
  });
}

MigrationReport revert(Database& db, const MigrationFiles& files, const std::string& where,
                       std::int64_t target) {
  if (db.transaction_depth() > 0)
    throw UsageError("migrate_down() runs each down migration in a transaction of its own; call "
                     "it outside a transaction");
  if (target < 0)
    throw UsageError("migrate_down(): version " + std::to_string(target) +
                     " is not one; 0 reverts every migration");
  const sql::Renderer& r = sql::renderer(db.dialect());
  std::vector<Migration> migrations = read_migrations(files, where, r.name());
  MigrationLock lock(db);
  create_version_table(db);
  std::map<std::int64_t, AppliedMigration> applied = applied_migrations(db);
  check_applied(applied, migrations, where);
  // Every step of the way back exists before the first runs.
  for (const auto& [version, row] : applied) {
    const Migration& m = migrations[static_cast<std::size_t>(version - 1)];
    if (version > target && m.down_file.empty())
      throw MigrationError("migrate_down: " + describe(m) +
                           " has no down migration (ormc writes one only where the way back "
                           "loses nothing the migration found: not after a drop, a narrowing "
                           "or a constraint that rows could break); nothing was reverted");
  }

  MigrationReport report;
  ConnectionSetting setting(db, r.migration_setup(), r.migration_teardown());
  for (auto version = applied.empty() ? 0 : applied.rbegin()->first; version > target; --version) {
    const Migration& m = migrations[static_cast<std::size_t>(version - 1)];
    Transaction transaction(db);
    if (std::string lock = r.migration_lock(); !lock.empty()) db.execute(lock);
    // Read again under the lock: another process may have migrated meanwhile.
    std::map<std::int64_t, AppliedMigration> now = applied_migrations(db);
    check_applied(now, migrations, where);
    if (!now.count(version)) continue;
    if (now.rbegin()->first != version)
      throw MigrationError("migrate_down: version " + std::to_string(now.rbegin()->first) +
                           " was applied while reverting; nothing more was reverted");
    try {
      db.execute(m.down);
    } catch (const DatabaseError& e) {
      throw MigrationError("migrate_down: " + m.down_file + " (version " + std::to_string(version) +
                           ") failed, and nothing of it was applied: " + e.what());
    }
    check_foreign_keys(db, r.migration_check(), m);
    unrecord(db, m);
    transaction.commit();
    report.applied.push_back(version);
  }
  report.version = migration_version(db);
  return report;
}

MigrationFiles copy_files(std::span<const MigrationFile> files) {
  MigrationFiles copied;
  for (const MigrationFile& f : files)
    copied[std::string(f.name)] = std::string(f.text);
  return copied;
}
} // namespace

MigrationReport migrate_down(Database& db, const std::filesystem::path& dir, std::int64_t version) {
  return revert(db, read_directory(dir), dir.string(), version);
}

MigrationReport migrate_down(Database& db, std::span<const MigrationFile> files,
                             std::int64_t version) {
  return revert(db, copy_files(files), "the embedded migrations", version);
}

MigrationReport migrate(Database& db, const std::filesystem::path& dir,
                        const std::map<std::int64_t, DataMigration>& data_steps) {
  return apply(db, read_directory(dir), dir.string(), data_steps);
}

MigrationReport migrate(Database& db, std::span<const MigrationFile> files,
                        const std::map<std::int64_t, DataMigration>& data_steps) {
  return apply(db, copy_files(files), "the embedded migrations", data_steps);
}

std::int64_t migration_version(Database& db) {
  // Read, never created here: creating it takes the migration lock inside a transaction, which
  // would wait on a migrator that may itself be waiting for this transaction to end.
  if (db.with_connection(
          [](Backend& backend) { return backend.table_columns("", kVersionTable.name).empty(); }))
    return 0;
  std::map<std::int64_t, AppliedMigration> applied = applied_migrations(db);
  return applied.empty() ? 0 : applied.rbegin()->first;
}

} // namespace ormc
