// ormc::migrate(): the directory is checked first, then each pending migration runs in its own
// transaction together with the row that records it, so a database is at one version or the
// next, never between.
#include <fstream>
#include <map>
#include <optional>
#include <ormc/migrate.hpp>
#include <ormc/sql/migration_files.hpp>
#include <ormc/sql/renderer.hpp>
#include <ormc/transaction.hpp>
#include <sstream>

namespace ormc {
namespace {
struct Migration {
  std::int64_t version;
  std::string file;
  std::string text;
  std::string checksum;
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
    if (found.count(name->version))
      throw MigrationError("migrate: two migrations have version " + std::to_string(name->version) +
                           ": " + found[name->version].file + " and " + file);
    found[name->version] = {name->version, file, text, checksum};
  }
  for (const auto& [file, checksum] : *sums) {
    auto name = sql::parse_migration_file_name(file);
    if (name && name->dialect == dialect && !found.count(name->version))
      throw MigrationError("migrate: ormc.sum lists " + file + ", which is missing from " + where);
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
  table.columns = {version, file, checksum};
  for (const std::string& statement : r.render(table))
    db.execute(statement);
  transaction.commit();
}

/// Version → checksum of every applied migration.
std::map<std::int64_t, std::string> applied_migrations(Database& db) {
  const sql::Renderer& r = sql::renderer(db.dialect());
  std::string select = r.render(
      sql::Select{sql::column_list({sql::identifier("version"), sql::identifier("checksum")}),
                  r.table_name(kVersionTable),
                  {},
                  {{sql::identifier("version"), false, false}},
                  false,
                  false});
  std::map<std::int64_t, std::string> out;
  db.with_connection([&](auto& conn) {
    auto statement = conn.prepare(select);
    while (statement->step()) {
      std::int64_t version = 0;
      std::string checksum;
      statement->read(0, version);
      statement->read(1, checksum);
      out[version] = checksum;
    }
  });
  return out;
}

void record(Database& db, const Migration& m) {
  const sql::Renderer& r = sql::renderer(db.dialect());
  std::string insert = r.render(sql::Insert{
      r.table_name(kVersionTable),
      {sql::identifier("version"), sql::identifier("file"), sql::identifier("checksum")},
      1,
      ""});
  db.with_connection([&](auto& conn) {
    auto statement = conn.prepare(insert);
    statement->bind(1, m.version);
    statement->bind(2, m.file);
    statement->bind(3, m.checksum);
    statement->execute();
  });
}

/// Refuses a database whose applied migrations are not the directory's first ones.
void check_applied(const std::map<std::int64_t, std::string>& applied,
                   const std::vector<Migration>& migrations, const std::string& where) {
  for (const auto& [version, checksum] : applied) {
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
  create_version_table(db);
  check_applied(applied_migrations(db), migrations, where);

  MigrationReport report;
  ConnectionSetting setting(db, r.migration_setup(), r.migration_teardown());
  for (const Migration& m : migrations) {
    Transaction transaction(db);
    if (std::string lock = r.migration_lock(); !lock.empty()) db.execute(lock);
    // Read again under the lock: another process may have applied it meanwhile.
    std::map<std::int64_t, std::string> applied = applied_migrations(db);
    check_applied(applied, migrations, where);
    if (applied.count(m.version)) continue;
    try {
      db.execute(m.text);
    } catch (const DatabaseError& e) {
      // The transaction rolls back as this leaves; the database's own error says why.
      throw MigrationError("migrate: " + m.file + " (version " + std::to_string(m.version) +
                           ") failed, and nothing of it was applied: " + e.what());
    }
    if (auto step = data_steps.find(m.version); step != data_steps.end() && step->second)
      step->second(db);
    check_foreign_keys(db, r.migration_check(), m);
    record(db, m);
    transaction.commit();
    report.applied.push_back(m.version);
  }
  report.version = migration_version(db);
  return report;
}
} // namespace

MigrationReport migrate(Database& db, const std::filesystem::path& dir,
                        const std::map<std::int64_t, DataMigration>& data_steps) {
  return apply(db, read_directory(dir), dir.string(), data_steps);
}

MigrationReport migrate(Database& db, std::span<const MigrationFile> files,
                        const std::map<std::int64_t, DataMigration>& data_steps) {
  MigrationFiles copied;
  for (const MigrationFile& f : files)
    copied[std::string(f.name)] = std::string(f.text);
  return apply(db, copied, "the embedded migrations", data_steps);
}

std::int64_t migration_version(Database& db) {
  create_version_table(db);
  std::map<std::int64_t, std::string> applied = applied_migrations(db);
  return applied.empty() ? 0 : applied.rbegin()->first;
}

} // namespace ormc
