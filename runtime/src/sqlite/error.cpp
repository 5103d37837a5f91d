#include "sqlite/error.hpp"

#include "statement_text.hpp"

#include <ormc/error.hpp>
#include <sqlite3.h>
#include <string>

namespace ormc::sqlite::detail {
namespace {

/// SQLite says only "FOREIGN KEY constraint failed"; name the table and its foreign keys.
std::string foreign_key_details(sqlite3* db, std::string_view sql) {
  std::string table = ormc::sql::statement_table(sql);
  if (table.empty() || !db) return "";
  bool removing = sql.rfind("DELETE", 0) == 0;
  if (removing) return " (rows of other tables still reference this \"" + table + "\" row)";
  std::string keys;
  sqlite3_stmt* stmt = nullptr;
  const char* query = R"sql(SELECT "from", "table", "to" FROM pragma_foreign_key_list(?1))sql";
  if (sqlite3_prepare_v2(db, query, -1, &stmt, nullptr) == SQLITE_OK) {
    sqlite3_bind_text(stmt, 1, table.c_str(), -1, SQLITE_TRANSIENT);
    while (sqlite3_step(stmt) == SQLITE_ROW) {
      auto text = [&](int i) {
        const unsigned char* t = sqlite3_column_text(stmt, i);
        return t ? std::string(reinterpret_cast<const char*>(t)) : std::string("?");
      };
      keys += (keys.empty() ? "" : ", ") +
              ("\"" + text(0) + "\" -> \"" + text(1) + "\"(\"" + text(2) + "\")");
    }
  }
  sqlite3_finalize(stmt);
  std::string out = " (a row of \"" + table + "\" refers to a row that does not exist";
  if (!keys.empty()) out += "; its foreign keys: " + keys;
  return out + ")";
}

bool starts_with(const std::string& s, const char* prefix) {
  return s.rfind(prefix, 0) == 0;
}

} // namespace

void throw_error(sqlite3* db, int rc, std::string_view sql_text) {
  int code = db ? sqlite3_extended_errcode(db) : rc;
  if ((code & 0xff) != (rc & 0xff)) code = rc; // the handle's last error is not this one
  std::string message = db ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
  std::string sql(sql_text);
  switch (code) {
  case SQLITE_CONSTRAINT_UNIQUE:
  case SQLITE_CONSTRAINT_PRIMARYKEY:
    throw UniqueViolation(message, sql, "23505", code);
  case SQLITE_CONSTRAINT_FOREIGNKEY:
    throw ForeignKeyViolation(message + foreign_key_details(db, sql), sql, "23503", code);
  case SQLITE_CONSTRAINT_NOTNULL:
    throw NotNullViolation(message, sql, "23502", code);
  case SQLITE_CONSTRAINT_CHECK:
    throw CheckViolation(message, sql, "23514", code);
  default:
    break;
  }
  if (code == SQLITE_ERROR &&
      (starts_with(message, "no such column") || starts_with(message, "no such table") ||
       (starts_with(message, "table ") &&
        message.find(" has no column named ") != std::string::npos)))
    throw SchemaMismatch(message + ormc::detail::schema_mismatch_hint(sql), sql,
                         starts_with(message, "no such table") ? "42P01" : "42703", code);
  switch (code & 0xff) {
  case SQLITE_CONSTRAINT:
    throw ConstraintViolation(message, sql, "23000", code);
  case SQLITE_BUSY:
  case SQLITE_LOCKED:
    throw TransactionConflict(message, sql, "", code);
  case SQLITE_CANTOPEN:
  case SQLITE_NOTADB:
    throw ConnectionError(message, sql, "", code);
  default:
    throw DatabaseError(message, sql, "", code);
  }
}

} // namespace ormc::sqlite::detail
