// Each constraint the database enforces surfaces as its own exception type, with the SQLSTATE,
// on both backends. Raw SQL here is the same text for SQLite and PostgreSQL.
#include "backend_fixture.hpp"

namespace unit {
namespace {

class ConstraintErrors : public BackendTest {
protected:
  void SetUp() override {
    BackendTest::SetUp();
    db->execute("CREATE TABLE parent (id INTEGER PRIMARY KEY);"
                "CREATE TABLE child (id INTEGER PRIMARY KEY, "
                "parent_id INTEGER NOT NULL REFERENCES parent (id), "
                "amount INTEGER CHECK (amount > 0))");
    db->execute("INSERT INTO parent (id) VALUES (1)");
  }

  template <class Expected> void expect_error(const char* sql, const char* sqlstate) {
    try {
      db->execute(sql);
      ADD_FAILURE() << "no error from: " << sql;
    } catch (const Expected& e) {
      EXPECT_EQ(e.sqlstate(), sqlstate);
      EXPECT_EQ(e.sql(), sql);
    }
  }
};

TEST_P(ConstraintErrors, ForeignKey) {
  expect_error<ormc::ForeignKeyViolation>(
      "INSERT INTO child (id, parent_id, amount) VALUES (1, 42, 1)", "23503");
}

TEST_P(ConstraintErrors, NotNull) {
  expect_error<ormc::NotNullViolation>("INSERT INTO child (id, amount) VALUES (1, 1)", "23502");
}

TEST_P(ConstraintErrors, Check) {
  expect_error<ormc::CheckViolation>("INSERT INTO child (id, parent_id, amount) VALUES (1, 1, -5)",
                                     "23514");
}

TEST_P(ConstraintErrors, Unique) {
  expect_error<ormc::UniqueViolation>("INSERT INTO parent (id) VALUES (1)", "23505");
}

TEST_P(ConstraintErrors, EveryConstraintErrorIsAConstraintViolation) {
  EXPECT_THROW(db->execute("INSERT INTO parent (id) VALUES (1)"), ormc::ConstraintViolation);
  EXPECT_THROW(db->execute("INSERT INTO parent (id) VALUES (1)"), ormc::DatabaseError);
}

TEST_P(ConstraintErrors, AFailedStatementLeavesTheTransactionUsableOnlyForRollback) {
  {
    ormc::Transaction tx(*db);
    db->execute("INSERT INTO parent (id) VALUES (2)");
    EXPECT_THROW(db->execute("INSERT INTO parent (id) VALUES (2)"), ormc::UniqueViolation);
  } // rolled back
  EXPECT_THROW(db->execute("INSERT INTO child (id, parent_id, amount) VALUES (1, 2, 1)"),
               ormc::ForeignKeyViolation);
}

TEST_P(ConstraintErrors, SyntaxErrorsAreDatabaseErrorsWithTheSql) {
  try {
    db->execute("SELEC 1");
    FAIL();
  } catch (const ormc::DatabaseError& e) {
    EXPECT_EQ(e.sql(), "SELEC 1");
    if (on_postgres()) {
      EXPECT_EQ(e.sqlstate(), "42601");
    }
  }
}

ORMC_INSTANTIATE_FOR_BACKENDS(ConstraintErrors);

} // namespace
} // namespace unit
