// Routing of ormc::Cluster: writes to the primary only, reads in read-only transactions to the
// standbys in turn, a standby that fails skipped for a while, and a Session's reads held back
// from standbys that have not replayed its last commit.
#include "database_url.hpp"

#include <algorithm>
#include <atomic>
#include <ormc/cluster.hpp>
#include <ormc/raw_sql.hpp>
#include <ormc/sql/renderer.hpp>
#include <ormc/transaction.hpp>
#include <tuple>

namespace ormc {

namespace {

using Clock = std::chrono::steady_clock;

// PostgreSQL's read_only_sql_transaction: a statement that writes, run where writing is not
// allowed (a standby, or a transaction declared read-only).
constexpr const char* read_only_sqlstate = "25006";
// serialization_failure: among others a standby's query cancelled by a conflict with the WAL
// it replays, which another server may answer.
constexpr const char* serialization_failure_sqlstate = "40001";

// A session's commit position when it could not be read: its reads go to the primary.
constexpr WalPosition unknown_position = ~WalPosition{0};

struct Server {
  Server(const std::string& url, std::size_t connections, const ConnectOptions& options)
      : shown(detail::redact_password(url)), pool(url, connections, options) {}
  std::string shown; // the URL with its password masked, for messages
  Pool pool;
  std::atomic<Clock::rep> skipped_until{0}; // a standby's, in Clock ticks
  std::atomic<WalPosition> replayed{0};     // the most a standby has been seen to replay
};

/// The WAL position `sql` (wal_insert_position(), wal_replay_position()) reads; 0 for NULL.
WalPosition wal_position(Database& db, const std::string& sql) {
  auto rows = raw<std::tuple<std::optional<std::int64_t>>>(db, sql);
  return rows.empty() || !std::get<0>(rows[0]) ? 0
                                               : static_cast<WalPosition>(*std::get<0>(rows[0]));
}

bool in_recovery(Database& db) {
  auto rows = raw<std::tuple<bool>>(db, sql::renderer(db.dialect()).in_recovery());
  return !rows.empty() && std::get<0>(rows[0]);
}

/// A transaction on a pooled connection of one server, rolled back unless committed. A
/// connection lost while it was idle (the server restarted since) fails as the transaction
/// begins, before anything of the work is sent; it connects again on its next use, so it begins
/// once more, and the server's other idle connections, lost too, are closed. A restart that no
/// call saw does not fail the next one. Throws ConnectionError when the server cannot be reached.
class ServerTransaction {
public:
  ServerTransaction(Server& server, Access access) : lease_(server.pool.acquire()) {
    try {
      transaction_.emplace(*lease_, access);
    } catch (const ConnectionError&) {
      server.pool.close_idle();
      transaction_.emplace(*lease_, access);
    }
  }
  Database& db() const noexcept { return *lease_; }
  void commit() { transaction_->commit(); }

private:
  Pool::Lease lease_; // declared first: the connection outlives its transaction
  std::optional<Transaction> transaction_;
};

[[noreturn]] void throw_primary_unavailable(const Server& primary, const char* what,
                                            const DatabaseError& cause) {
  throw PrimaryUnavailable("the primary " + primary.shown + " cannot take " + what + ": " +
                               cause.what(),
                           cause.sql(), cause.sqlstate(), cause.native_code());
}

} // namespace

struct Cluster::Servers {
  ClusterOptions options;
  std::unique_ptr<Server> primary;
  std::vector<std::unique_ptr<Server>> standbys;
  std::atomic<std::size_t> next{0}; // the standby the next read tries first
};

Cluster::Cluster(std::string primary_url, std::vector<std::string> standby_urls,
                 const ClusterOptions& options)
    : servers_(std::make_unique<Servers>()) {
  servers_->options = options;
  Dialect dialect = detail::parse_database_url(primary_url).dialect; // checks the URL now
  // A dialect with streaming replicas can say whether a server is one.
  const bool replicates = !sql::renderer(dialect).in_recovery().empty();
  for (const std::string& url : standby_urls) {
    if (detail::parse_database_url(url).dialect != dialect || !replicates)
      throw UsageError("Cluster: the standby " + detail::redact_password(url) +
                       " is no PostgreSQL streaming replica of the primary " +
                       detail::redact_password(primary_url) +
                       "; standbys are PostgreSQL servers replicating a PostgreSQL primary");
  }
  servers_->primary =
      std::make_unique<Server>(primary_url, options.connections_per_server, options.connect);
  for (const std::string& url : standby_urls)
    servers_->standbys.push_back(
        std::make_unique<Server>(url, options.connections_per_server, options.connect));
}

Cluster::~Cluster() = default;

Pool::Lease Cluster::primary() {
  Server& primary = *servers_->primary;
  try {
    return primary.pool.acquire();
  } catch (const ConnectionError& e) {
    throw_primary_unavailable(primary, "a connection", e);
  }
}

std::size_t Cluster::standby_count() const noexcept {
  return servers_->standbys.size();
}

std::size_t Cluster::standbys_available() const {
  Clock::rep now = Clock::now().time_since_epoch().count();
  return static_cast<std::size_t>(
      std::count_if(servers_->standbys.begin(), servers_->standbys.end(),
                    [&](const auto& s) { return s->skipped_until.load() <= now; }));
}

void Cluster::run_write(detail::ClusterWork work, WalPosition* committed) {
  Server& primary = *servers_->primary;
  try {
    ServerTransaction transaction(primary, Access::read_write);
    Database& db = transaction.db();
    work.call(work.context, db);
    transaction.commit();
    const std::string position_sql = sql::renderer(db.dialect()).wal_insert_position();
    if (committed && !position_sql.empty()) { // "": no log a standby replays (SQLite)
      // At least the end of the commit record: a standby that has replayed this far has it.
      // Should the primary be lost just now, the write stands; the session then reads from the
      // primary until its next write.
      WalPosition position = unknown_position;
      try {
        position = wal_position(db, position_sql);
      } catch (const ConnectionError&) { // NOLINT(bugprone-empty-catch): pinned to the primary
      }
      // Not the larger of the two: the primary's positions only grow, and an unknown one
      // must give way to the next write's.
      *committed = position;
    }
  } catch (const ConnectionError& e) {
    primary.pool.close_idle(); // lost with the server: each would fail once when it is back
    throw_primary_unavailable(primary, "the write (nothing is sent to a standby instead)", e);
  } catch (const DatabaseError& e) {
    if (e.sqlstate() == read_only_sqlstate) {
      // Refused as a standby refuses writes: the primary's URL leads to a server in recovery.
      auto lease = primary.pool.acquire();
      if (in_recovery(*lease))
        throw_primary_unavailable(primary, "the write: it is a standby, in recovery", e);
    }
    throw;
  }
}

void Cluster::run_read(detail::ClusterWork work, WalPosition committed) {
  auto& standbys = servers_->standbys;
  const std::size_t count = standbys.size();
  const std::size_t first = count ? servers_->next.fetch_add(1) % count : 0;
  // After a write whose commit position is unknown, the session reads from the primary.
  const bool standbys_may_serve = committed != unknown_position;
  for (std::size_t i = 0; standbys_may_serve && i < count; ++i) {
    Server& standby = *standbys[(first + i) % count];
    if (standby.skipped_until.load() > Clock::now().time_since_epoch().count()) continue;
    try {
      ServerTransaction transaction(standby, Access::read_only);
      Database& db = transaction.db();
      if (committed > standby.replayed.load()) {
        WalPosition replayed = wal_position(db, sql::renderer(db.dialect()).wal_replay_position());
        WalPosition seen = standby.replayed.load();
        while (replayed > seen && !standby.replayed.compare_exchange_weak(seen, replayed)) {
        }
        // Read committed: each later statement of this transaction sees at least this much.
        if (replayed < committed) continue; // behind this session's write: another server
      }
      work.call(work.context, db);
      transaction.commit();
      return;
    } catch (const ConnectionError&) {
      auto until = Clock::now() + servers_->options.standby_retry;
      standby.skipped_until.store(until.time_since_epoch().count());
      standby.pool.close_idle(); // lost with the server: each would fail once when it is back
    } catch (const DatabaseError& e) {
      if (e.sqlstate() != serialization_failure_sqlstate) throw;
    }
  }
  Server& primary = *servers_->primary;
  try {
    ServerTransaction transaction(primary, Access::read_only);
    work.call(work.context, transaction.db());
    transaction.commit();
  } catch (const ConnectionError& e) {
    primary.pool.close_idle();
    throw_primary_unavailable(primary, "the read, and no standby could", e);
  }
}

} // namespace ormc
