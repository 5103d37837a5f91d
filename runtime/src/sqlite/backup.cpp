// Branches on SQLite: a tenant's file copied whole by SQLite's backup API.
#include "schema_copy.hpp"
#include "sqlite/error.hpp"

#include <chrono>
#include <sqlite3.h>
#include <string>
#include <thread>

namespace ormc::detail {

void copy_sqlite_database(sqlite::Connection& source, sqlite::Connection& copy) {
  sqlite3_backup* backup = sqlite3_backup_init(copy.handle(), "main", source.handle(), "main");
  const std::string what = "copy of '" + source.path() + "' into a branch";
  if (!backup) sqlite::detail::throw_error(copy.handle(), sqlite3_errcode(copy.handle()), what);
  // A writer holding the source makes the copy wait, as long as a statement would.
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(5);
  int rc = sqlite3_backup_step(backup, -1);
  while ((rc == SQLITE_BUSY || rc == SQLITE_LOCKED) &&
         std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
    rc = sqlite3_backup_step(backup, -1);
  }
  const int finished = sqlite3_backup_finish(backup);
  if (rc != SQLITE_DONE) sqlite::detail::throw_error(copy.handle(), rc, what);
  if (finished != SQLITE_OK) sqlite::detail::throw_error(copy.handle(), finished, what);
}

} // namespace ormc::detail
