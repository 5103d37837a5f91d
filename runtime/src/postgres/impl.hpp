// The libpqxx objects behind postgres::Connection and postgres::Statement; kept out of the
// public headers so users' code never includes libpqxx.
#pragma once

#include "postgres/socket_deadline.hpp"

#include <chrono>
#include <memory>
#include <ormc/postgres/connection.hpp>
#include <pqxx/connection>
#include <pqxx/nontransaction>
#include <pqxx/result>
#include <string>

namespace ormc::postgres {

struct Connection::Impl {
  std::string conninfo;
  std::unique_ptr<pqxx::connection> connection;
  std::unique_ptr<pqxx::nontransaction> work;     // runs statements; transactions are plain SQL
  unsigned generation = 0;                        // counts (re)connections
  Connection* owner = nullptr;                    // told of every failed statement
  std::chrono::milliseconds statement_timeout{0}; // 0: none
  bool timed_out = false; // the last statement's answer did not arrive in time

  /// How long past statement_timeout ormc waits for the server's cancellation to arrive.
  static constexpr std::chrono::seconds cancellation_grace{2};

  /// Runs `f`, which talks to the server over this connection, giving up on the connection when
  /// no answer arrives within statement_timeout + cancellation_grace.
  template <class F> decltype(auto) within_deadline(F&& f) {
    if (statement_timeout.count() == 0) return f();
    detail::SocketDeadline deadline(connection->sock(), std::chrono::steady_clock::now() +
                                                            statement_timeout + cancellation_grace);
    try {
      return f();
    } catch (...) {
      timed_out = deadline.expired();
      throw;
    }
  }

  /// Connects if not connected. Throws ConnectionError.
  pqxx::nontransaction& ensure();
  /// Forgets a connection that failed; the next ensure() connects again.
  void drop() noexcept;
};

struct Statement::Result {
  pqxx::result rows;
};

/// Rethrows the libpqxx exception being handled as ormc's; a lost connection is dropped.
[[noreturn]] void rethrow_as_ormc(Connection::Impl& impl, std::string_view sql);

/// Reports a statement run outside a prepared Statement (execute(), COPY) to the hook when it
/// ends, also when it fails.
struct ReportWhenDone {
  StatementUsage& usage;
  std::string_view sql;
  ~ReportWhenDone() { usage.finish(sql); }
};

/// Runs `f`, turning libpqxx's exceptions into ormc's.
template <class F>
decltype(auto) translate_errors(Connection::Impl& impl, std::string_view sql, F&& f) {
  try {
    return f();
  } catch (const pqxx::failure&) {
    rethrow_as_ormc(impl, sql);
  }
}

} // namespace ormc::postgres
