// Database::on_statement sees every statement once, with its SQL, duration and row count.
#include "backend_fixture.hpp"

#include <vector>

namespace unit {
namespace {

struct Seen {
  std::string sql;
  std::chrono::nanoseconds duration;
  std::int64_t rows;
  bool failed;
};

class StatementHookTest : public BackendTest {
protected:
  void SetUp() override {
    BackendTest::SetUp();
    db->on_statement([this](const ormc::StatementEvent& e) {
      seen.push_back({std::string(e.sql), e.duration, e.rows, e.failed});
    });
  }
  std::size_t count_starting_with(std::string_view prefix) const {
    std::size_t n = 0;
    for (const Seen& s : seen)
      n += s.sql.rfind(prefix, 0) == 0;
    return n;
  }
  std::vector<Seen> seen;
};

TEST_P(StatementHookTest, OneEventPerStatementWithRowsAndDuration) {
  for (int i = 0; i < 3; ++i) {
    AllTypes row;
    m->all_types.insert(row);
  }
  ASSERT_EQ(seen.size(), 3u);
  for (const Seen& s : seen) {
    EXPECT_EQ(s.sql.rfind("INSERT INTO \"all_types\"", 0), 0u) << s.sql;
    EXPECT_EQ(s.rows, 1);
    EXPECT_GT(s.duration.count(), 0);
    EXPECT_FALSE(s.failed);
  }
  seen.clear();
  auto rows = m->all_types.all();
  ASSERT_EQ(seen.size(), 1u);
  EXPECT_EQ(seen[0].rows, 3);
  EXPECT_EQ(seen[0].sql.rfind("SELECT", 0), 0u);
}

TEST_P(StatementHookTest, TransactionsAndDdlAreStatementsToo) {
  ormc::Transaction tx(*db);
  Setting s{.key = "a", .value = "b"};
  m->settings.insert(s);
  tx.commit();
  ASSERT_EQ(seen.size(), 3u);
  EXPECT_NE(seen[0].sql.find("BEGIN"), std::string::npos);
  EXPECT_EQ(seen[2].sql, "COMMIT");
  EXPECT_EQ(count_starting_with("INSERT"), 1u);
}

TEST_P(StatementHookTest, FailedStatementsAreReportedAsFailed) {
  Setting s{.key = "dup", .value = ""};
  m->settings.insert(s);
  EXPECT_THROW(m->settings.insert(s), ormc::UniqueViolation);
  ASSERT_EQ(seen.size(), 2u);
  EXPECT_FALSE(seen[0].failed);
  EXPECT_TRUE(seen[1].failed);
  EXPECT_THROW(db->execute("SELEC 1"), ormc::DatabaseError);
  ASSERT_EQ(seen.size(), 3u);
  EXPECT_TRUE(seen[2].failed);
}

TEST_P(StatementHookTest, RemovingTheHookStopsEvents) {
  db->on_statement(nullptr);
  AllTypes row;
  m->all_types.insert(row);
  EXPECT_TRUE(seen.empty());
}

ORMC_INSTANTIATE_FOR_BACKENDS(StatementHookTest);

} // namespace
} // namespace unit
