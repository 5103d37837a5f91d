#include "catalog_rows.hpp"
#include "database_url.hpp"
#include "sqlite/error.hpp"
#include "sqlite/step_timer.hpp"
#include "sqlite/vector_functions.hpp"
#include "statement_cache.hpp"

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <ormc/error.hpp>
#include <ormc/sqlite/connection.hpp>
#include <sqlite3.h>
#include <thread>

namespace ormc::sqlite {

Connection::Connection(const std::string& path, const ConnectOptions& options)
    : timer_(std::make_unique<StepTimer>()), cache_(std::make_unique<StatementCache<Statement>>()) {
  timer_->timeout = *ormc::detail::resolve_options(options, {}).statement_timeout;
  bool memory = path == ":memory:" || path.empty();
  SqliteJournal journal = options.sqlite_journal.value_or(
      memory || is_new_file(path) ? SqliteJournal::wal : SqliteJournal::keep);
  int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX;
  int rc = sqlite3_open_v2(path.c_str(), &db_, flags, nullptr);
  if (rc != SQLITE_OK) {
    std::string message = "cannot open SQLite database '" + path +
                          "': " + (db_ ? sqlite3_errmsg(db_) : sqlite3_errstr(rc));
    sqlite3_close_v2(db_);
    db_ = nullptr;
    throw ConnectionError(message, "", "", rc);
  }
  sqlite3_extended_result_codes(db_, 1);
  // Without this, SQLite reads a double-quoted name that is no column as a string literal: a
  // missing column would read back as its own name instead of failing.
  sqlite3_db_config(db_, SQLITE_DBCONFIG_DQS_DML, 0, nullptr);
  sqlite3_db_config(db_, SQLITE_DBCONFIG_DQS_DDL, 0, nullptr);
  // Wait for other writers instead of failing at once; contention beyond this is an error.
  sqlite3_busy_timeout(db_, 5000);
  timer_->install(db_);
  try {
    if (!register_vector_functions(db_))
      throw ConnectionError("cannot register ormc's vector distance functions on '" + path +
                                "': " + sqlite3_errmsg(db_),
                            "", "", sqlite3_errcode(db_));
    execute("PRAGMA foreign_keys = ON");
    // LIKE as PostgreSQL has it: case-sensitive (ilike() is the case-insensitive one).
    execute("PRAGMA case_sensitive_like = ON");
    // WAL lets readers run while one connection writes, and a crash mid-write leaves the
    // database as of the last commit. synchronous stays FULL: a commit survives power loss.
    if (!memory && journal == SqliteJournal::wal) set_journal_mode("WAL");
    if (!memory && journal == SqliteJournal::rollback) set_journal_mode("DELETE");
  } catch (...) {
    sqlite3_close_v2(db_);
    throw;
  }
}

// A file that does not exist yet, or is empty: SQLite writes nothing before the first table.
// Such a file is ormc's to set up; any other is someone's database, left as it is.
bool Connection::is_new_file(const std::string& path) {
  std::error_code ec;
  auto size = std::filesystem::file_size(path, ec);
  return ec || size == 0;
}

// Switching a file's journal mode needs it to itself for a moment, and SQLite answers "database is
// locked" at once instead of running the busy handler (the switching connection holds a read
// lock, so waiting could deadlock). Connections that open a new file together retry here, within
// the same 5 s as the busy timeout.
void Connection::set_journal_mode(const char* mode) {
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(5);
  auto pause = std::chrono::milliseconds(1);
  while (true) {
    try {
      execute(std::string("PRAGMA journal_mode = ") + mode);
      return;
    } catch (const TransactionConflict&) {
      if (std::chrono::steady_clock::now() + pause > deadline) throw;
      std::this_thread::sleep_for(pause);
      pause = std::min(pause * 2, std::chrono::milliseconds(50));
    }
  }
}

Connection::~Connection() {
  cache_->clear(); // statements are finalized before the connection closes
  sqlite3_close_v2(db_);
}

void Connection::execute(std::string_view sql) {
  std::string text(sql);
  StatementUsage usage(*this);
  usage.check_usable(text);
  timer_->start();
  int rc = usage.measure([&] {
    char* error = nullptr;
    int result = sqlite3_exec(db_, text.c_str(), nullptr, nullptr, &error);
    sqlite3_free(error);
    return result;
  });
  if (rc != SQLITE_OK) usage.mark_failed();
  usage.finish(text);
  if (rc != SQLITE_OK) {
    timer_->throw_if_expired(rc, text);
    detail::throw_error(db_, rc, text);
  }
}

// IMMEDIATE takes the write lock at BEGIN, so two writers cannot both read and then deadlock
// upgrading their locks; the busy timeout makes the second one wait.
void Connection::begin() {
  execute("BEGIN IMMEDIATE");
}
void Connection::commit() {
  execute("COMMIT");
}
void Connection::rollback() {
  execute("ROLLBACK");
}

StepTimer* Connection::timed_steps() const noexcept {
  return timer_->timeout.count() > 0 ? timer_.get() : nullptr;
}

StatementLease<Statement> Connection::prepare(std::string_view sql) {
  StatementLease<Statement> lease = cache_->lease(sql, [&](std::string_view text) {
    return std::make_unique<Statement>(db_, *this, text, timed_steps());
  });
  lease->bind_row_tenant();
  return lease;
}

// One SQLite file is one schema (see the DDL emitter): the catalog queries ignore `schema`.
std::vector<ExistingColumn> Connection::table_columns(std::string_view schema,
                                                      std::string_view name) {
  return ormc::detail::catalog_columns(*this, schema, name);
}

std::vector<ExistingIndex> Connection::table_indexes(std::string_view schema,
                                                     std::string_view name) {
  return ormc::detail::catalog_indexes(*this, schema, name);
}

std::vector<ExistingForeignKey> Connection::table_foreign_keys(std::string_view schema,
                                                               std::string_view name) {
  return ormc::detail::catalog_foreign_keys(*this, schema, name);
}

std::int64_t Connection::last_insert_id() const noexcept {
  return sqlite3_last_insert_rowid(db_);
}

std::string Connection::path() const {
  const char* file = sqlite3_db_filename(db_, "main");
  return file ? file : "";
}

} // namespace ormc::sqlite
