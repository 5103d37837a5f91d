#pragma once

#include <memory>
#include <ormc/backend.hpp>
#include <ormc/connect_options.hpp>
#include <ormc/error.hpp>
#include <ormc/postgres/connection.hpp>
#include <ormc/sqlite/connection.hpp>
#include <string_view>

namespace ormc {

/// One connection to one database, chosen by URL:
///   sqlite:app.db   sqlite:/abs/path.db   sqlite:///abs/path.db   sqlite::memory:
///   postgresql://user:password@host:5432/dbname?sslmode=require   (any libpq URI)
///   host=localhost port=5432 dbname=app user=app                   (libpq key=value string)
/// Both backends take `statement_timeout` in the URL (`sqlite:app.db?statement_timeout=5s`);
/// see ConnectOptions.
/// A Database is used from one thread at a time, and stays where it was made (it is neither
/// copied nor moved), so the Models bound to it can hold a reference.
class Database {
public:
  /// Opens the database at `url`. Throws UsageError for a malformed URL and ConnectionError
  /// when the database cannot be opened. `options` override the URL's parameters.
  explicit Database(std::string_view url, const ConnectOptions& options = {});
  explicit Database(std::unique_ptr<Backend> backend);
  ~Database();
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

  Dialect dialect() const noexcept { return dialect_; }
  /// Runs SQL without parameters or results, e.g. a DDL script.
  void execute(std::string_view sql) { backend_->execute(sql); }
  Backend& backend() noexcept { return *backend_; }

  /// Calls `hook` after every statement this connection runs, with its SQL and duration:
  ///   db.on_statement([](const ormc::StatementEvent& e) { log(e.sql, e.duration); });
  /// With HookParameters::include each event also carries the bound values, so that a logged
  /// statement can be replayed (off by default: values may hold secrets).
  void on_statement(StatementHook hook, HookParameters parameters = HookParameters::omit) {
    backend_->set_statement_hook(std::move(hook), parameters);
  }

  /// Calls `f` with the concrete connection (sqlite::Connection&, ...), so that the code in `f`
  /// binds and reads values without virtual calls.
  template <class F> decltype(auto) with_connection(F&& f) {
    switch (dialect_) {
    case Dialect::sqlite:
      return f(static_cast<sqlite::Connection&>(*backend_));
    case Dialect::postgresql:
      return f(static_cast<postgres::Connection&>(*backend_));
    }
    throw_unsupported();
  }

  /// Nesting depth of open transactions (0 = none); see Transaction.
  int transaction_depth() const noexcept { return depth_; }

private:
  friend class Transaction;
  [[noreturn]] void throw_unsupported() const;

  std::unique_ptr<Backend> backend_;
  Dialect dialect_;
  int depth_ = 0;
  bool actor_set_ = false; // Transaction::set_actor() in the open transaction
};

/// Same as `Database(url)`; reads well at the call site: `auto db = ormc::open("sqlite:app.db");`
/// works because the result is constructed in place.
inline Database open(std::string_view url, const ConnectOptions& options = {}) {
  return Database(url, options);
}

} // namespace ormc
