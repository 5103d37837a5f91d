#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <ormc/connect_options.hpp>
#include <ormc/database.hpp>
#include <ormc/error.hpp>
#include <ormc/pool.hpp>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

namespace ormc {

/// The primary of a Cluster cannot be reached, was lost, or is no primary (it is in recovery,
/// so it would refuse the write). Nothing is ever sent to a standby instead. A write whose
/// COMMIT got no answer may or may not have been stored, as with any lost connection.
class PrimaryUnavailable : public ConnectionError {
public:
  using ConnectionError::ConnectionError;
};

/// A position in the primary's write-ahead log (PostgreSQL's pg_lsn as a number); 0 = none.
using WalPosition = std::uint64_t;

struct ClusterOptions {
  /// The most connections open to each server at once (see Pool).
  std::size_t connections_per_server = 8;
  /// How long a standby that could not be reached, or was lost, is skipped before it is tried
  /// again.
  std::chrono::milliseconds standby_retry{1000};
  /// Options of every connection, as ormc::open takes them.
  ConnectOptions connect{};
};

namespace detail {
/// The work of one read() or write(), called with the connection chosen for it.
struct ClusterWork {
  void* context;
  void (*call)(void* context, Database& db);
};
} // namespace detail

/// One PostgreSQL primary and its streaming standbys (read replicas), for a multi-threaded
/// program. Writes go to the primary; reads, each in a read-only transaction, go to the
/// standbys in turn:
///
///   ormc::Cluster cluster("postgresql://app@db1/app", {"postgresql://app@db2/app"});
///   cluster.write([&](ormc::Database& db) { Models(db).tasks.insert(task); });
///   auto open = cluster.read([](ormc::Database& db) { return Models(db).tasks.count(); });
///
/// A standby's answer may lag the primary's commits by the time replication takes; a Session
/// reads its own writes. A standby that cannot be reached, or is lost during a read, is
/// skipped for ClusterOptions::standby_retry and the read runs again on the next standby, or
/// on the primary when none is left: `work` may run more than once, and the result is that of
/// the run that committed. A read is never sent to a standby lost less than standby_retry ago.
/// A write goes only to the primary: when the primary cannot be reached, is lost, or turns
/// out to be in recovery, it throws PrimaryUnavailable. A pooled connection found lost as its
/// transaction begins (the server restarted while it was idle) connects again first.
///
/// Without standbys every read runs on the primary (in a read-only transaction too), so the
/// same program runs against one server, or on SQLite (`PRAGMA query_only` keeps reads
/// read-only there). Standbys are PostgreSQL servers: a standby URL of another dialect than
/// the primary's is a UsageError.
///
/// Each read() and write() borrows a connection for the length of `work`; what `work` returns
/// must not refer to it (rows and counts, not cursors or a Database&). Cluster is thread-safe.
class Cluster {
public:
  Cluster(std::string primary_url, std::vector<std::string> standby_urls,
          const ClusterOptions& options = {});
  ~Cluster();
  Cluster(const Cluster&) = delete;
  Cluster& operator=(const Cluster&) = delete;

  /// Runs `work(Database&)` in a transaction on the primary and commits it; returns what
  /// `work` returns. Throws PrimaryUnavailable as above; what `work` throws rolls back.
  template <class Work> decltype(auto) write(Work&& work) {
    return call(work, [&](detail::ClusterWork w) { run_write(w, nullptr); });
  }
  /// Runs `work(Database&)` in a read-only transaction on a standby (see above).
  template <class Work> decltype(auto) read(Work&& work) {
    return call(work, [&](detail::ClusterWork w) { run_read(w, 0); });
  }
  /// A connection to the primary, for what is neither read() nor write(): create_schema(),
  /// migrate(), a transaction spanning several calls. Never a standby's.
  Pool::Lease primary();

  std::size_t standby_count() const noexcept;
  /// The standbys not being skipped now (see ClusterOptions::standby_retry).
  std::size_t standbys_available() const;

private:
  friend class Session;
  void run_write(detail::ClusterWork work, WalPosition* committed);
  void run_read(detail::ClusterWork work, WalPosition committed);

  template <class Work, class Run> static decltype(auto) call(Work& work, Run&& run) {
    static_assert(std::is_invocable_v<Work&, Database&>,
                  "ormc::Cluster: the work is called as work(ormc::Database&)");
    using Result = typename std::conditional_t<std::is_invocable_v<Work&, Database&>,
                                               std::invoke_result<Work&, Database&>,
                                               std::type_identity<void>>::type;
    static_assert(!std::is_reference_v<Result>,
                  "ormc::Cluster: the connection goes back to the pool when the work returns; "
                  "return a value, not a reference");
    if constexpr (std::is_void_v<Result>) {
      run(detail::ClusterWork{&work, [](void* w, Database& db) { (*static_cast<Work*>(w))(db); }});
    } else {
      struct Context {
        Work* work;
        std::optional<Result> result;
      } context{&work, std::nullopt};
      run(detail::ClusterWork{&context, [](void* c, Database& db) {
                                auto& self = *static_cast<Context*>(c);
                                self.result.emplace((*self.work)(db)); // a rerun replaces it
                              }});
      return Result(std::move(*context.result));
    }
  }

  struct Servers;
  std::unique_ptr<Servers> servers_;
};

/// One client's view of a Cluster that reads its own writes: after write(), its reads go to a
/// standby only once that standby has replayed the write's commit (its pg_last_wal_replay_lsn()
/// has passed the primary's WAL position after the commit), and to the primary until then.
/// Reads of other sessions' writes may still lag. One Session per client or thread: it is not
/// thread-safe, and is cheap to make.
class Session {
public:
  explicit Session(Cluster& cluster) noexcept : cluster_(cluster) {}

  /// As Cluster::write(); then remembers the WAL position after the commit.
  template <class Work> decltype(auto) write(Work&& work) {
    return Cluster::call(work, [&](detail::ClusterWork w) { cluster_.run_write(w, &committed_); });
  }
  /// As Cluster::read(), on a server that has this session's writes.
  template <class Work> decltype(auto) read(Work&& work) {
    return Cluster::call(work, [&](detail::ClusterWork w) { cluster_.run_read(w, committed_); });
  }
  /// The WAL position reads must have replayed: that after this session's last write (0: none;
  /// the largest value when it could not be read, the primary being lost right after the
  /// commit: then reads go to the primary until the next write).
  WalPosition read_after() const noexcept { return committed_; }

private:
  Cluster& cluster_;
  WalPosition committed_ = 0;
};

} // namespace ormc
