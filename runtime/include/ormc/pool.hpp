#pragma once

#include <chrono>
#include <cstddef>
#include <memory>
#include <ormc/database.hpp>
#include <ormc/error.hpp>
#include <string>
#include <vector>

namespace ormc {

/// No connection became free in time.
class PoolTimeout : public Error {
public:
  using Error::Error;
};

/// Connections to one database for a multi-threaded program. A Database is used by one thread
/// at a time; a Pool lends each thread its own for as long as it needs it:
///
///   ormc::Pool pool("postgresql://app@db/app", 8);
///   // in any thread:
///   auto db = pool.acquire();         // waits while all 8 are lent out
///   Models m(*db);
///   m.tasks.insert(task);
///                                     // the lease's end returns the connection
///
/// Connections are opened when first needed. A Transaction on a leased connection must end
/// before the lease does (declare the lease first); `ormc::Transaction tx(*pool.acquire());`,
/// whose lease ends at once, does not compile. A connection that still comes back inside a
/// transaction is rolled back and never lent again (abandoned_transactions() counts them), so the
/// next borrower never works inside someone else's transaction.
class Pool {
public:
  /// Each connection is opened as `ormc::open(url, options)` would.
  Pool(std::string url, std::size_t max_connections, const ConnectOptions& options = {});
  ~Pool();
  Pool(const Pool&) = delete;
  Pool& operator=(const Pool&) = delete;

  class Lease {
  public:
    Lease(Lease&& other) noexcept;
    Lease& operator=(Lease&&) = delete;
    ~Lease();
    Database& operator*() const& noexcept { return *db_; }
    /// Deleted: the connection would go back to the pool at the end of the statement while the
    /// reference lives on. Keep the lease in a variable: `auto db = pool.acquire();`.
    Database& operator*() const&& = delete;
    Database* operator->() const noexcept { return db_; }

  private:
    friend class Pool;
    Lease(Pool& pool, Database* db) noexcept : pool_(&pool), db_(db) {}
    Pool* pool_;
    Database* db_;
  };

  /// A free connection, opening one if fewer than the maximum exist; waits for one otherwise.
  Lease acquire();
  /// As acquire(), but throws PoolTimeout after `timeout`.
  Lease acquire(std::chrono::milliseconds timeout);

  /// Closes the connections not lent out now; later acquire() calls open new ones. For when
  /// the server went away and came back: its idle connections are dead, and each would fail
  /// once on first use.
  void close_idle() noexcept;

  std::size_t max_connections() const noexcept { return max_; }
  /// Connections opened so far and still lent or idle (at most max_connections()).
  std::size_t opened() const;
  /// Connections that came back inside an open transaction: rolled back and retired.
  std::size_t abandoned_transactions() const;

private:
  Lease acquire_until(std::chrono::steady_clock::time_point deadline, bool forever);
  void give_back(Database* db) noexcept;

  const std::string url_;
  const std::size_t max_;
  const ConnectOptions options_;
  // The connections and the lock over them, in the library: <mutex> and <condition_variable>
  // stay out of every unit that includes <ormc/ormc.hpp>.
  struct State;
  std::unique_ptr<State> state_;
};

} // namespace ormc
