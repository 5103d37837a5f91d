#pragma once

#include <ormc/database.hpp>
#include <string_view>
#include <type_traits>

namespace ormc {

/// Whether a transaction may write. A read-only transaction is refused every write
/// (PostgreSQL's BEGIN READ ONLY: SQLSTATE 25006; SQLite's PRAGMA query_only for its length:
/// SQLITE_READONLY) and, on SQLite, begins deferred: it takes no write lock, so read-only
/// transactions do not wait for each other, nor (in WAL mode) for a writer.
/// A standby of a PostgreSQL primary runs read-only transactions only (see Cluster).
enum class Access { read_write, read_only };

/// A transaction that rolls back unless committed. Transactions nest: an inner one is a
/// savepoint, whose rollback undoes only its own work.
///
///   ormc::Transaction tx(db);
///   m.tasks.insert(a);
///   m.tasks.insert(b);
///   tx.commit();          // without this, the destructor rolls both inserts back
class Transaction {
public:
  /// An inner transaction takes its outer one's access: one that asks for read_only inside a
  /// read-write one is a UsageError, since a savepoint cannot stop the writes around it.
  explicit Transaction(Database& db, Access access = Access::read_write);
  /// Rolls back if still open. Never throws.
  ~Transaction();
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;

  void commit();
  void rollback();
  bool active() const noexcept { return active_; }

  /// Who makes this transaction's changes, as the history of versioned models records it
  /// (ormc:table(versioned)), until the outermost transaction ends: PostgreSQL's SET LOCAL,
  /// SQLite's row that the commit clears, so that a pooled connection never carries it on.
  void set_actor(std::string_view actor);

private:
  void finish(bool commit);

  Database& db_;
  int level_;
  bool active_ = true;
};

/// Runs `work` in a transaction: commits when it returns, rolls back when it throws (and lets
/// the exception go on). Nested calls are savepoints. Returns what `work` returns.
///
///   std::int64_t id = ormc::in_transaction(db, [&] {
///     m.tasks.insert(task);
///     m.audit_entries.insert(entry);
///     return task.id;
///   });
template <class Work> decltype(auto) in_transaction(Database& db, Work&& work) {
  Transaction transaction(db);
  if constexpr (std::is_void_v<std::invoke_result_t<Work&>>) {
    work();
    transaction.commit();
  } else {
    decltype(auto) result = work();
    transaction.commit();
    return result;
  }
}

} // namespace ormc
