// Transactions roll back unless committed; inner transactions are savepoints.
#include "backend_fixture.hpp"

#include <filesystem>
#include <stdexcept>
#include <unistd.h>

namespace unit {
namespace {

class TransactionTest : public BackendTest {
protected:
  void insert_text(const char* text) {
    AllTypes row;
    row.text = text;
    m->all_types.insert(row);
  }
};

TEST_P(TransactionTest, CommittedWorkStays) {
  ormc::Transaction tx(*db);
  insert_text("kept");
  tx.commit();
  EXPECT_EQ(m->all_types.count(), 1);
}

TEST_P(TransactionTest, UncommittedWorkIsRolledBackWhenAnExceptionLeavesTheScope) {
  try {
    ormc::Transaction tx(*db);
    insert_text("lost");
    throw std::runtime_error("fail");
  } catch (const std::runtime_error&) {
  }
  EXPECT_EQ(m->all_types.count(), 0);
  EXPECT_EQ(db->transaction_depth(), 0);
}

TEST_P(TransactionTest, InnerRollbackKeepsOuterWork) {
  ormc::Transaction outer(*db);
  insert_text("outer");
  {
    ormc::Transaction inner(*db);
    insert_text("inner");
    inner.rollback();
  }
  outer.commit();
  auto rows = m->all_types.all();
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].text, "outer");
}

TEST_P(TransactionTest, OuterRollbackUndoesCommittedInnerWork) {
  {
    ormc::Transaction outer(*db);
    ormc::Transaction inner(*db);
    insert_text("inner");
    inner.commit();
  }
  EXPECT_EQ(m->all_types.count(), 0);
}

TEST_P(TransactionTest, FinishingTwiceIsAUsageError) {
  ormc::Transaction tx(*db);
  tx.commit();
  EXPECT_THROW(tx.commit(), ormc::UsageError);
  EXPECT_THROW(tx.rollback(), ormc::UsageError);
}

TEST_P(TransactionTest, FinishingOuterBeforeInnerIsAUsageError) {
  ormc::Transaction outer(*db);
  ormc::Transaction inner(*db);
  EXPECT_THROW(outer.commit(), ormc::UsageError);
  inner.commit();
  outer.commit();
}

TEST_P(TransactionTest, InTransactionCommitsOnReturnAndPassesTheResultOn) {
  std::int64_t id = ormc::in_transaction(*db, [&] {
    AllTypes row;
    row.text = "kept";
    m->all_types.insert(row);
    return row.id;
  });
  EXPECT_EQ(m->all_types.get(id)->text, "kept");
  EXPECT_EQ(db->transaction_depth(), 0);
}

TEST_P(TransactionTest, InTransactionRollsBackOnExceptionAndRethrows) {
  EXPECT_THROW(ormc::in_transaction(*db,
                                    [&] {
                                      insert_text("lost");
                                      Setting dup{.key = "k", .value = ""};
                                      m->settings.insert(dup);
                                      m->settings.insert(dup); // UniqueViolation
                                    }),
               ormc::UniqueViolation);
  EXPECT_EQ(m->all_types.count(), 0);
  EXPECT_EQ(m->settings.count(), 0);
  EXPECT_EQ(db->transaction_depth(), 0);
}

TEST_P(TransactionTest, AReadOnlyTransactionReadsAndRefusesWritesAndTheConnectionWritesAfter) {
  insert_text("before");
  {
    ormc::Transaction tx(*db, ormc::Access::read_only);
    EXPECT_EQ(m->all_types.count(), 1);
    try {
      insert_text("refused");
      ADD_FAILURE() << "a write in a read-only transaction was not refused";
    } catch (const ormc::DatabaseError& e) {
      if (db->dialect() == ormc::Dialect::postgresql) {
        EXPECT_EQ(e.sqlstate(), "25006");
      }
    }
    tx.rollback();
  }
  {
    ormc::Transaction tx(*db, ormc::Access::read_only);
    EXPECT_EQ(m->all_types.count(), 1);
    tx.commit();
  }
  insert_text("after"); // the connection is read-write again, in and out of transactions
  ormc::in_transaction(*db, [&] { insert_text("in a transaction"); });
  EXPECT_EQ(m->all_types.count(), 3);
}

TEST_P(TransactionTest, AReadOnlyTransactionNestsInAReadOnlyOneButNotInAReadWriteOne) {
  {
    ormc::Transaction outer(*db);
    EXPECT_NE(usage_error_of([&] {
                ormc::Transaction inner(*db, ormc::Access::read_only);
              }).find("read-only"),
              std::string::npos);
    outer.commit();
  }
  ormc::Transaction outer(*db, ormc::Access::read_only);
  {
    ormc::Transaction inner(*db, ormc::Access::read_only);
    EXPECT_EQ(m->all_types.count(), 0);
    inner.commit();
  }
  {
    ormc::Transaction inner(*db); // a savepoint of the read-only one: still read-only
    EXPECT_THROW(insert_text("refused"), ormc::DatabaseError);
  }
  outer.rollback();
  EXPECT_EQ(m->all_types.count(), 0);
}

ORMC_INSTANTIATE_FOR_BACKENDS(TransactionTest);

// SQLite: read-only transactions begin deferred, so two connections to one file read at once. A
// read-write BEGIN (IMMEDIATE) takes the file's one write lock: the second would wait for the
// first for 5 s and fail (SQLITE_BUSY).
TEST(SqliteReadOnlyTransaction, TwoConnectionsReadAtOnceWithoutWaitingForALock) {
  const std::string file = (std::filesystem::temp_directory_path() /
                            ("ormc_read_only_" + std::to_string(getpid()) + ".db"))
                               .string();
  {
    ormc::Database first("sqlite:" + file);
    ormc::Database second("sqlite:" + file);
    Models(first).create_schema();
    ormc::Transaction reading(first, ormc::Access::read_only);
    EXPECT_EQ(Models(first).settings.count(), 0);
    ormc::Transaction also_reading(second, ormc::Access::read_only);
    EXPECT_EQ(Models(second).settings.count(), 0);
  }
  for (const char* suffix : {"", "-wal", "-shm"})
    std::filesystem::remove(file + suffix);
}

} // namespace
} // namespace unit
