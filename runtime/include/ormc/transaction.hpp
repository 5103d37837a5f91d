#pragma once

#include <ormc/database.hpp>

namespace ormc {

/// A transaction that rolls back unless committed. Transactions nest: an inner one is a
/// savepoint, whose rollback undoes only its own work.
///
///   ormc::Transaction tx(db);
///   m.tasks.insert(a);
///   m.tasks.insert(b);
///   tx.commit();          // without this, the destructor rolls both inserts back
class Transaction {
public:
  explicit Transaction(Database& db);
  /// Rolls back if still open. Never throws.
  ~Transaction();
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;

  void commit();
  void rollback();
  bool active() const noexcept { return active_; }

private:
  void finish(bool commit);

  Database& db_;
  int level_;
  bool active_ = true;
};

} // namespace ormc
