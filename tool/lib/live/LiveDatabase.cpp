#include "live/LiveDatabase.h"

#include <libpq-fe.h>
#include <sqlite3.h>

namespace ormc::live {
namespace {

void trimEnd(std::string& text) {
  while (!text.empty() && (text.back() == '\n' || text.back() == ' '))
    text.pop_back();
}

class SqliteDatabase final : public LiveDatabase {
public:
  explicit SqliteDatabase(sqlite3* db) : db_(db) {}
  ~SqliteDatabase() override { sqlite3_close(db_); }
  SqliteDatabase(const SqliteDatabase&) = delete;
  SqliteDatabase& operator=(const SqliteDatabase&) = delete;
  Dialect dialect() const override { return Dialect::sqlite; }
  std::optional<std::vector<Row>> query(const std::string& sql,
                                        const std::vector<std::string>& parameters,
                                        std::string& error) override {
    sqlite3_stmt* statement = nullptr;
    if (sqlite3_prepare_v2(db_, sql.c_str(), -1, &statement, nullptr) != SQLITE_OK) {
      error = sqlite3_errmsg(db_);
      sqlite3_finalize(statement);
      return std::nullopt;
    }
    for (std::size_t i = 0; i < parameters.size(); ++i)
      sqlite3_bind_text(statement, static_cast<int>(i + 1), parameters[i].c_str(),
                        static_cast<int>(parameters[i].size()), SQLITE_TRANSIENT);
    std::vector<Row> rows;
    int status = SQLITE_ROW;
    while ((status = sqlite3_step(statement)) == SQLITE_ROW) {
      Row& row = rows.emplace_back();
      for (int c = 0; c < sqlite3_column_count(statement); ++c) {
        const unsigned char* text = sqlite3_column_text(statement, c);
        if (text)
          row.emplace_back(reinterpret_cast<const char*>(text));
        else
          row.emplace_back(std::nullopt);
      }
    }
    if (status != SQLITE_DONE) error = sqlite3_errmsg(db_);
    sqlite3_finalize(statement);
    if (status != SQLITE_DONE) return std::nullopt;
    return rows;
  }

private:
  sqlite3* db_;
};

class PostgresDatabase final : public LiveDatabase {
public:
  explicit PostgresDatabase(PGconn* conn) : conn_(conn) {}
  ~PostgresDatabase() override { PQfinish(conn_); }
  PostgresDatabase(const PostgresDatabase&) = delete;
  PostgresDatabase& operator=(const PostgresDatabase&) = delete;
  Dialect dialect() const override { return Dialect::postgresql; }
  std::optional<std::vector<Row>> query(const std::string& sql,
                                        const std::vector<std::string>& parameters,
                                        std::string& error) override {
    std::vector<const char*> values;
    for (const std::string& p : parameters)
      values.push_back(p.c_str());
    PGresult* result = PQexecParams(conn_, sql.c_str(), static_cast<int>(values.size()), nullptr,
                                    values.data(), nullptr, nullptr, 0);
    std::optional<std::vector<Row>> rows;
    if (PQresultStatus(result) == PGRES_TUPLES_OK) {
      rows.emplace();
      for (int r = 0; r < PQntuples(result); ++r) {
        Row& row = rows->emplace_back();
        for (int c = 0; c < PQnfields(result); ++c)
          if (PQgetisnull(result, r, c))
            row.emplace_back(std::nullopt);
          else
            row.emplace_back(PQgetvalue(result, r, c));
      }
    } else {
      error = PQresultErrorMessage(result);
      trimEnd(error);
    }
    PQclear(result);
    return rows;
  }

private:
  PGconn* conn_;
};

bool startsWith(const std::string& text, const std::string& prefix) {
  return text.compare(0, prefix.size(), prefix) == 0;
}
} // namespace

std::unique_ptr<LiveDatabase> openLiveDatabase(const std::string& url, std::string& error) {
  if (startsWith(url, "sqlite:")) {
    std::string path = url.substr(7);
    if (startsWith(path, "//")) path = path.substr(2);
    sqlite3* db = nullptr;
    // Read-only: the tool must not create the file or change its journal mode.
    if (sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK)
      return std::make_unique<SqliteDatabase>(db);
    error = "cannot open " + path + ": " + (db ? sqlite3_errmsg(db) : "out of memory");
    sqlite3_close(db);
    return nullptr;
  }
  if (startsWith(url, "postgresql://") || startsWith(url, "postgres://")) {
    PGconn* conn = PQconnectdb(url.c_str());
    if (conn && PQstatus(conn) == CONNECTION_OK) return std::make_unique<PostgresDatabase>(conn);
    error = conn ? PQerrorMessage(conn) : "out of memory";
    trimEnd(error);
    PQfinish(conn);
    return nullptr;
  }
  error = "expected sqlite:<file> or postgresql://..., not '" + url + "'";
  return nullptr;
}

} // namespace ormc::live
