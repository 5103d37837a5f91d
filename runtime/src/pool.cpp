#include "database_url.hpp"

#include <algorithm>
#include <ormc/pool.hpp>

namespace ormc {

Pool::Pool(std::string url, std::size_t max_connections, const ConnectOptions& options)
    : url_(std::move(url)), max_(max_connections), options_(options) {
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
  std::lock_guard lock(mutex_);
  return all_.size();
}

Pool::Lease Pool::acquire_until(std::chrono::steady_clock::time_point deadline, bool forever) {
  std::unique_lock lock(mutex_);
  auto ready = [&] { return !idle_.empty() || all_.size() + opening_ < max_; };
  if (forever) {
    returned_.wait(lock, ready);
  } else if (!returned_.wait_until(lock, deadline, ready)) {
    throw PoolTimeout("no database connection became free in time (pool of " +
                      std::to_string(max_) + ")");
  }
  if (!idle_.empty()) {
    Database* db = idle_.back();
    idle_.pop_back();
    return Lease(*this, db);
  }
  ++opening_; // connect without holding the lock: it may take a network round trip
  lock.unlock();
  std::unique_ptr<Database> db;
  try {
    db = std::make_unique<Database>(url_, options_);
  } catch (...) {
    lock.lock();
    --opening_;
    returned_.notify_one();
    throw;
  }
  lock.lock();
  --opening_;
  all_.push_back(std::move(db));
  return Lease(*this, all_.back().get());
}

std::size_t Pool::abandoned_transactions() const {
  std::lock_guard lock(mutex_);
  return retired_.size();
}

void Pool::give_back(Database* db) noexcept {
  bool abandoned = db->transaction_depth() > 0;
  if (abandoned) {
    // A Transaction still refers to this connection: roll its work back now, and keep the
    // connection (alive, for that Transaction's own rollback later) out of the pool.
    Backend& backend = db->backend();
    backend.clear_transaction_failure(); // a ROLLBACK is always allowed
    try {
      backend.rollback();
    } catch (...) {
      // The connection is lost: the server has discarded the transaction with it.
    }
    backend.note_failure(); // so that the Transaction's commit() fails instead of "succeeding"
  }
  {
    std::lock_guard lock(mutex_);
    if (abandoned) {
      auto it =
          std::find_if(all_.begin(), all_.end(), [&](const auto& p) { return p.get() == db; });
      retired_.push_back(std::move(*it));
      all_.erase(it);
    } else {
      idle_.push_back(db);
    }
  }
  returned_.notify_one();
}

} // namespace ormc
