// Transactions roll back unless committed; inner transactions are savepoints.
#include "backend_fixture.hpp"

#include <stdexcept>

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

ORMC_INSTANTIATE_FOR_BACKENDS(TransactionTest);

} // namespace
} // namespace unit
