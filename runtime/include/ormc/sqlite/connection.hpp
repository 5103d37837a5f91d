#pragma once

#include <ormc/backend.hpp>
#include <ormc/sqlite/statement.hpp>
#include <ormc/statement_lease.hpp>

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>

struct sqlite3;

namespace ormc::sqlite {

/// A connection to one SQLite database file (or `:memory:`), with foreign keys enforced and a
/// cache of prepared statements keyed by their SQL text.
class Connection final : public Backend {
public:
  using statement_type = Statement;
  static constexpr Dialect dialect_v = Dialect::sqlite;

  /// Opens (creating if needed) the database at `path`. Throws ConnectionError.
  explicit Connection(const std::string& path);
  ~Connection() override;

  Dialect dialect() const noexcept override { return dialect_v; }
  void execute(std::string_view sql) override;
  void begin() override;
  void commit() override;
  void rollback() override;

  /// The cached statement for `sql`, prepared on first use.
  StatementLease<Statement> prepare(std::string_view sql);
  /// Rowid of the last row inserted on this connection.
  std::int64_t last_insert_id() const noexcept;

  sqlite3* handle() const noexcept { return db_; }

private:
  struct Hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const noexcept {
      return std::hash<std::string_view>{}(s);
    }
  };

  sqlite3* db_ = nullptr;
  std::unordered_map<std::string, std::unique_ptr<Statement>, Hash, std::equal_to<>> cache_;
};

} // namespace ormc::sqlite
