#pragma once

#include <cstdint>
#include <memory>
#include <ormc/backend.hpp>
#include <ormc/connect_options.hpp>
#include <ormc/sqlite/statement.hpp>
#include <ormc/statement_lease.hpp>
#include <string>
#include <string_view>

struct sqlite3;

namespace ormc::sqlite {

/// A connection to one SQLite database file (or `:memory:`), with foreign keys enforced and a
/// cache of prepared statements keyed by their SQL text.
class Connection final : public Backend {
public:
  using statement_type = Statement;
  static constexpr Dialect dialect_v = Dialect::sqlite;
  /// insert_all() runs one prepared single-row INSERT per row: in a transaction that is as
  /// fast as a multi-row INSERT here, with no limit on parameters per statement.
  static constexpr bool multi_row_inserts = false;

  /// Opens (creating if needed) the database at `path`. Throws ConnectionError.
  explicit Connection(const std::string& path, const ConnectOptions& options = {});
  ~Connection() override;

  Dialect dialect() const noexcept override { return dialect_v; }
  void execute(std::string_view sql) override;
  void begin() override;
  void commit() override;
  void rollback() override;
  std::vector<ExistingColumn> table_columns(std::string_view schema,
                                            std::string_view name) override;
  std::vector<ExistingIndex> table_indexes(std::string_view schema, std::string_view name) override;
  std::vector<ExistingForeignKey> table_foreign_keys(std::string_view schema,
                                                     std::string_view name) override;

  /// The cached statement for `sql`, prepared on first use.
  StatementLease<Statement> prepare(std::string_view sql);
  /// Rowid of the last row inserted on this connection.
  std::int64_t last_insert_id() const noexcept;

  sqlite3* handle() const noexcept { return db_; }
  /// The database file's absolute path; "" for an in-memory database.
  std::string path() const;

private:
  void set_journal_mode(const char* mode);
  static bool is_new_file(const std::string& path);
  StepTimer* timed_steps() const noexcept; // null without a statement timeout

  sqlite3* db_ = nullptr;
  std::unique_ptr<StepTimer> timer_; // the statement timeout; statements point at it
  // Behind a pointer so that the cache's containers stay out of every user unit.
  std::unique_ptr<StatementCache<Statement>> cache_;
};

} // namespace ormc::sqlite
