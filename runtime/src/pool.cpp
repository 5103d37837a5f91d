#include "database_url.hpp"

#include <algorithm>
#include <condition_variable>
#include <mutex>
#include <ormc/pool.hpp>

namespace ormc {

struct Pool::State {
  mutable std::mutex mutex;
  std::condition_variable returned;
  std::vector<std::unique_ptr<Database>> all;
  std::vector<Database*> idle;
  std::vector<std::unique_ptr<Database>> retired; // came back inside a transaction
  std::size_t opening = 0;                        // connections being opened outside the lock

  /// Takes `db` out of `all` (the caller holds the lock).
  std::unique_ptr<Database> take(Database* db) {
    auto it = std::find_if(all.begin(), all.end(), [&](const auto& p) { return p.get() == db; });
    std::unique_ptr<Database> taken = std::move(*it);
    all.erase(it);
    return taken;
  }
};

Pool::Pool(std::string url, std::size_t max_connections, const ConnectOptions& options)
    : url_(std::move(url)), max_(max_connections), options_(options),
      state_(std::make_unique<State>()) {
  if (max_ == 0) throw UsageError("a Pool needs room for at least one connection");
  // Each connection to sqlite::memory: is a database of its own: the pool's connections would
  // not see each other's rows.
  detail::DatabaseTarget target = detail::parse_database_url(url_); // also checks the URL now
  if (target.dialect == Dialect::sqlite &&
      (target.location == ":memory:" || url_.find("mode=memory") != std::string::npos))
    throw UsageError("Pool(\"" + detail::redact_password(url_) +
                     "\"): every connection to an in-memory SQLite database is a separate, empty "
                     "database; give the pool a file (sqlite:app.db) or use one ormc::Database");
}

Pool::~Pool() = default;

Pool::Lease::Lease(Lease&& other) noexcept
    : pool_(other.pool_), db_(std::exchange(other.db_, nullptr)) {}

Pool::Lease::~Lease() {
  if (db_) pool_->give_back(db_);
}

Pool::Lease Pool::acquire() {
  return acquire_until({}, true);
}

Pool::Lease Pool::acquire(std::chrono::milliseconds timeout) {
  return acquire_until(std::chrono::steady_clock::now() + timeout, false);
}

std::size_t Pool::opened() const {
  std::lock_guard lock(state_->mutex);
  return state_->all.size();
}

Pool::Lease Pool::acquire_until(std::chrono::steady_clock::time_point deadline, bool forever) {
  std::unique_lock lock(state_->mutex);
  auto ready = [&] { return !state_->idle.empty() || state_->all.size() + state_->opening < max_; };
  if (forever) {
    state_->returned.wait(lock, ready);
  } else if (!state_->returned.wait_until(lock, deadline, ready)) {
    throw PoolTimeout("no database connection became free in time (pool of " +
                      std::to_string(max_) + ")");
  }
  if (!state_->idle.empty()) {
    Database* db = state_->idle.back();
    state_->idle.pop_back();
    return Lease(*this, db);
  }
  ++state_->opening; // connect without holding the lock: it may take a network round trip
  lock.unlock();
  std::unique_ptr<Database> db;
  try {
    db = std::make_unique<Database>(url_, options_);
  } catch (...) {
    lock.lock();
    --state_->opening;
    state_->returned.notify_one();
    throw;
  }
  lock.lock();
  --state_->opening;
  state_->all.push_back(std::move(db));
  return Lease(*this, state_->all.back().get());
}

void Pool::close_idle() noexcept {
  std::vector<std::unique_ptr<Database>> closing; // closed outside the lock
  {
    std::lock_guard lock(state_->mutex);
    for (Database* db : state_->idle)
      closing.push_back(state_->take(db));
    state_->idle.clear();
  }
  state_->returned.notify_all(); // room to open new ones
}

std::size_t Pool::abandoned_transactions() const {
  std::lock_guard lock(state_->mutex);
  return state_->retired.size();
}

void Pool::give_back(Database* db) noexcept {
  // A Transaction still refers to this connection (or a tenant's, on SQLite): its work is rolled
  // back now, and the connection (alive, for that Transaction's own rollback later) kept out of
  // the pool.
  bool abandoned = db->roll_back_abandoned();
  {
    std::lock_guard lock(state_->mutex);
    if (abandoned) {
      state_->retired.push_back(state_->take(db));
    } else {
      state_->idle.push_back(db);
    }
  }
  state_->returned.notify_one();
}

} // namespace ormc
