#include "sqlite_error.hpp"

#include <ormc/error.hpp>
#include <sqlite3.h>
#include <string>

namespace ormc::sqlite::detail {

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
    throw ForeignKeyViolation(message, sql, "23503", code);
  case SQLITE_CONSTRAINT_NOTNULL:
    throw NotNullViolation(message, sql, "23502", code);
  case SQLITE_CONSTRAINT_CHECK:
    throw CheckViolation(message, sql, "23514", code);
  default:
    break;
  }
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
