#pragma once

#include <cstdint>
#include <memory>
#include <ormc/backend.hpp>
#include <ormc/connect_options.hpp>
#include <ormc/postgres/statement.hpp>
#include <ormc/statement_lease.hpp>
#include <span>
#include <string>
#include <string_view>

namespace ormc::postgres {

/// A connection to a PostgreSQL server through libpqxx, with a cache of prepared statements.
/// The session runs in UTC with ISO dates. A lost connection is reported as ConnectionError;
/// the next operation connects again (and prepares its statements again).
class Connection final : public Backend {
public:
  using statement_type = Statement;
  static constexpr Dialect dialect_v = Dialect::postgresql;
  /// insert_all() sends multi-row INSERTs (or COPY): one round trip per statement, not per row.
  static constexpr bool multi_row_inserts = true;

  /// `conninfo` is a libpq URI or key=value string, which may also set ormc's
  /// statement_timeout. Without `connect_timeout`, 10 s is used; keepalives and the statement
  /// timeout as ConnectOptions says. Throws ConnectionError when the server cannot be reached.
  explicit Connection(std::string conninfo, const ConnectOptions& options = {});
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

  StatementLease<Statement> prepare(std::string_view sql);
  /// Streams `lines` (COPY's text format, one row per line, each ending in a newline) into the
  /// `columns` of `table` (both quoted) with COPY ... FROM STDIN: `rows` rows, one statement.
  void copy_in(std::string_view table, std::span<const std::string_view> columns,
               std::string_view lines, std::int64_t rows);

  /// PostgreSQL reports generated keys through RETURNING; this only throws UsageError.
  std::int64_t last_insert_id() const;

  /// The libpqxx objects; defined in the runtime's sources only.
  struct Impl;

private:
  friend class Statement;
  std::unique_ptr<Impl> impl_;
  // Behind a pointer so that the cache's containers stay out of every user unit.
  std::unique_ptr<StatementCache<Statement>> cache_;
  unsigned next_statement_ = 0;
};

} // namespace ormc::postgres
