#include <ormc/sql/renderer.hpp>
#include <ormc/transaction.hpp>
#include <string>
#include <utility>

namespace ormc {
namespace {
std::string savepoint(const Database& db, sql::Savepoint::Action action, int level) {
  return sql::renderer(db.dialect())
      .render(sql::Savepoint{action, "ormc_savepoint_" + std::to_string(level)});
}
} // namespace

Transaction::Transaction(Database& db, Access access) : db_(db), level_(db.session_->depth) {
  if (db_.storage_->dropped_) db_.enter_scope(); // throws
  Backend& backend = *db_.backend_;
  const bool read_only = access == Access::read_only;
  if (level_ == 0) {
    db_.begin_transaction(read_only);
  } else {
    if (read_only && !db_.session_->read_only)
      throw UsageError("a read-only Transaction cannot be nested in a read-write one: its "
                       "savepoint would not stop the writes; begin it outside");
    backend.execute(savepoint(db_, sql::Savepoint::Action::create, level_));
  }
  ++db_.session_->depth;
  backend.set_in_transaction(true);
  try {
    db_.enter_scope(); // a tenant's search path, until the transaction ends
  } catch (...) {
    finish(false);
    throw;
  }
}

Transaction::~Transaction() {
  if (!active_) return;
  try {
    finish(false);
  } catch (...) {
    // A destructor must not throw. The rollback failed because the connection is gone, and the
    // server discards an unfinished transaction with its session: nothing was committed.
    active_ = false;
    db_.session_->depth = level_;
    db_.session_->scope = nullptr;
    if (level_ == 0) {
      db_.session_->policy_tenant = false;
      db_.end_read_only();
    }
    db_.backend_->set_in_transaction(level_ > 0);
  }
}

void Transaction::set_actor(std::string_view actor) {
  if (!active_)
    throw UsageError("set_actor(): the transaction is already committed or rolled back");
  const std::string value(actor); // bound without a copy (SQLite): alive until the step
  db_.with_connection([&](auto& conn) {
    auto statement = conn.prepare(sql::renderer(db_.dialect()).set_history_actor());
    statement->bind(1, value);
    while (statement->step()) {
    }
  });
  db_.session_->actor_set = true;
}

void Transaction::commit() {
  finish(true);
}
void Transaction::rollback() {
  finish(false);
}

void Transaction::finish(bool commit) {
  if (!active_) throw UsageError("transaction already committed or rolled back");
  if (db_.session_->depth != level_ + 1)
    throw UsageError("an inner transaction is still open; finish it first");
  Backend& backend = *db_.backend_;
  // A failed transaction cannot commit (PostgreSQL would answer COMMIT with a silent rollback):
  // it is rolled back, and commit() says so.
  bool failed = backend.transaction_failed();
  bool keep = commit && !failed;
  backend.clear_transaction_failure(); // rolling back (to the savepoint) makes it usable again
  try {
    if (level_ == 0) {
      const bool clear_actor = std::exchange(db_.session_->actor_set, false);
      if (keep && clear_actor)
        if (std::string clear = sql::renderer(db_.dialect()).clear_history_actor(); !clear.empty())
          backend.execute(clear);
      if (keep)
        backend.commit();
      else
        backend.rollback();
    } else {
      if (!keep) {
        backend.execute(savepoint(db_, sql::Savepoint::Action::rollback_to, level_));
        db_.session_->scope = nullptr; // a search path set since the savepoint is undone
      }
      backend.execute(savepoint(db_, sql::Savepoint::Action::release, level_));
    }
  } catch (const DatabaseError&) {
    // A failed transaction may be gone already (its connection lost, or rolled back by a Pool
    // it was returned to): commit() below reports the failure, not the rollback's complaint.
    if (!(commit && failed)) throw;
  }
  active_ = false;
  --db_.session_->depth;
  if (level_ == 0) {
    db_.end_read_only();
    db_.session_->scope = nullptr;
    db_.session_->policy_tenant = false; // SET LOCAL: gone with the transaction
  }
  backend.set_in_transaction(level_ > 0);
  if (commit && failed)
    throw TransactionAborted("commit: a statement of this transaction failed, so it was rolled "
                             "back instead; nothing it did was kept",
                             level_ == 0 ? "COMMIT"
                                         : savepoint(db_, sql::Savepoint::Action::release, level_),
                             "25P02", 0);
}

} // namespace ormc
