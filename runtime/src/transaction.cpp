#include <ormc/transaction.hpp>
#include <string>

namespace ormc {
namespace {
std::string savepoint(int level) {
  return "ormc_savepoint_" + std::to_string(level);
}
} // namespace

Transaction::Transaction(Database& db) : db_(db), level_(db.depth_) {
  if (level_ == 0)
    db_.backend().begin();
  else
    db_.execute("SAVEPOINT " + savepoint(level_));
  ++db_.depth_;
}

Transaction::~Transaction() {
  if (!active_) return;
  try {
    finish(false);
  } catch (...) {
    // A destructor must not throw. The rollback failed because the connection is gone, and the
    // server discards an unfinished transaction with its session: nothing was committed.
    active_ = false;
    db_.depth_ = level_;
  }
}

void Transaction::commit() {
  finish(true);
}
void Transaction::rollback() {
  finish(false);
}

void Transaction::finish(bool commit) {
  if (!active_) throw UsageError("transaction already committed or rolled back");
  if (db_.depth_ != level_ + 1)
    throw UsageError("an inner transaction is still open; finish it first");
  if (level_ == 0) {
    if (commit)
      db_.backend().commit();
    else
      db_.backend().rollback();
  } else {
    if (!commit) db_.execute("ROLLBACK TO " + savepoint(level_));
    db_.execute("RELEASE " + savepoint(level_));
  }
  active_ = false;
  --db_.depth_;
}

} // namespace ormc
