#include "migrate/RowsAtStake.h"

#include <libpq-fe.h>
#include <ormc/sql/renderer.hpp>
#include <sqlite3.h>

namespace ormc::migrate {
namespace {

class SqliteCounter final : public RowCounter {
public:
  explicit SqliteCounter(sqlite3* db) : db_(db) {}
  ~SqliteCounter() override { sqlite3_close(db_); }
  Dialect dialect() const override { return Dialect::sqlite; }
  std::optional<std::int64_t> count(const std::string& sql, std::string& error) override {
    sqlite3_stmt* statement = nullptr;
    std::optional<std::int64_t> out;
    if (sqlite3_prepare_v2(db_, sql.c_str(), -1, &statement, nullptr) == SQLITE_OK &&
        sqlite3_step(statement) == SQLITE_ROW)
      out = sqlite3_column_int64(statement, 0);
    else
      error = sqlite3_errmsg(db_);
    sqlite3_finalize(statement);
    return out;
  }

private:
  sqlite3* db_;
};

class PostgresCounter final : public RowCounter {
public:
  explicit PostgresCounter(PGconn* conn) : conn_(conn) {}
  ~PostgresCounter() override { PQfinish(conn_); }
  Dialect dialect() const override { return Dialect::postgresql; }
  std::optional<std::int64_t> count(const std::string& sql, std::string& error) override {
    PGresult* result = PQexec(conn_, sql.c_str());
    std::optional<std::int64_t> out;
    if (PQresultStatus(result) == PGRES_TUPLES_OK && PQntuples(result) == 1)
      out = std::stoll(PQgetvalue(result, 0, 0));
    else
      error = PQresultErrorMessage(result);
    PQclear(result);
    while (!error.empty() && (error.back() == '\n' || error.back() == ' '))
      error.pop_back();
    return out;
  }

private:
  PGconn* conn_;
};

bool startsWith(const std::string& text, const std::string& prefix) {
  return text.compare(0, prefix.size(), prefix) == 0;
}
} // namespace

std::unique_ptr<RowCounter> openForCounting(const std::string& url, std::string& error) {
  if (startsWith(url, "sqlite:")) {
    std::string path = url.substr(7);
    if (startsWith(path, "//")) path = path.substr(2);
    sqlite3* db = nullptr;
    // Read-only: counting must not create the file or change its journal mode.
    if (sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK)
      return std::make_unique<SqliteCounter>(db);
    error = "cannot open " + path + ": " + (db ? sqlite3_errmsg(db) : "out of memory");
    sqlite3_close(db);
    return nullptr;
  }
  if (startsWith(url, "postgresql://") || startsWith(url, "postgres://")) {
    PGconn* conn = PQconnectdb(url.c_str());
    if (conn && PQstatus(conn) == CONNECTION_OK) return std::make_unique<PostgresCounter>(conn);
    error = conn ? PQerrorMessage(conn) : "out of memory";
    while (!error.empty() && error.back() == '\n')
      error.pop_back();
    PQfinish(conn);
    return nullptr;
  }
  error = "expected sqlite:<file> or postgresql://..., not '" + url + "'";
  return nullptr;
}

void noteRowsAtStake(SchemaDiff& diff, RowCounter& database) {
  const sql::Renderer& r = sql::renderer(database.dialect());
  for (const RowsAtStake& stake : diff.atStake) {
    std::string table = r.table_name(stake.table);
    // count(column) counts the rows holding a value in it: NULLs lose nothing.
    std::string sql = r.render(sql::Aggregate{
        "count", stake.column.empty() ? "*" : sql::identifier(stake.column), {"", table, {}, {}}});
    std::string error;
    std::optional<std::int64_t> rows = database.count(sql, error);
    Finding note;
    note.severity = Severity::Note;
    note.loc = diff.findings[stake.finding].loc;
    if (!rows)
      note.message = "could not count the rows at stake (--db): " + error;
    else if (stake.column.empty())
      note.message = "the database (--db) holds " + std::to_string(*rows) + " row" +
                     (*rows == 1 ? "" : "s") + " in " + table;
    else
      note.message = "the database (--db) holds " + std::to_string(*rows) + " value" +
                     (*rows == 1 ? "" : "s") + " in column " + sql::identifier(stake.column) +
                     " of " + table;
    diff.findings[stake.finding].notes.push_back(std::move(note));
  }
}

} // namespace ormc::migrate
