// Table::insert_all (many rows, one transaction, fastest path per backend) and Table::upsert.
#include "backend_fixture.hpp"

namespace unit {
namespace {

class BatchInsert : public BackendTest {};

std::vector<AllTypes> make_rows(int n) {
  std::vector<AllTypes> rows(static_cast<std::size_t>(n));
  for (int i = 0; i < n; ++i) {
    rows[static_cast<std::size_t>(i)].i32 = i;
    rows[static_cast<std::size_t>(i)].text = "row " + std::to_string(i);
    rows[static_cast<std::size_t>(i)].bytes = {std::byte(i % 256)};
  }
  return rows;
}

TEST_P(BatchInsert, EveryRowIsStoredAndGetsItsKey) {
  auto rows = make_rows(2500);
  m->all_types.insert_all(rows);
  EXPECT_EQ(m->all_types.count(), 2500);
  for (int i : {0, 999, 1000, 2499}) {
    const AllTypes& row = rows[static_cast<std::size_t>(i)];
    auto stored = m->all_types.get(row.id);
    ASSERT_TRUE(stored.has_value()) << i;
    EXPECT_EQ(stored->i32, i);
    EXPECT_EQ(stored->text, row.text);
    EXPECT_EQ(stored->bytes, row.bytes);
  }
  EXPECT_LT(rows.front().id, rows.back().id);
}

TEST_P(BatchInsert, PostgresSendsMultiRowStatementsSqliteReusesOne) {
  int inserts = 0;
  db->on_statement(
      [&](const ormc::StatementEvent& e) { inserts += e.sql.rfind("INSERT", 0) == 0; });
  auto rows = make_rows(2500);
  m->all_types.insert_all(rows);
  EXPECT_EQ(inserts, on_postgres() ? 3 : 2500); // 1000 + 1000 + 500 rows per statement
}

TEST_P(BatchInsert, AllRowsOrNone) {
  std::vector<Setting> settings{{"a", "1"}, {"b", "2"}, {"a", "duplicate"}, {"c", "3"}};
  EXPECT_THROW(m->settings.insert_all(settings), ormc::UniqueViolation);
  EXPECT_EQ(m->settings.count(), 0);
  EXPECT_EQ(db->transaction_depth(), 0);
}

TEST_P(BatchInsert, InsideAnOpenTransactionItIsASavepoint) {
  ormc::Transaction outer(*db);
  std::vector<Setting> good{{"x", "1"}};
  m->settings.insert_all(good);
  std::vector<Setting> bad{{"y", "1"}, {"y", "2"}};
  EXPECT_THROW(m->settings.insert_all(bad), ormc::UniqueViolation);
  outer.commit();
  EXPECT_EQ(m->settings.count(), 1);
}

TEST_P(BatchInsert, EmptyRangeDoesNothing) {
  std::vector<AllTypes> none;
  m->all_types.insert_all(none);
  EXPECT_EQ(m->all_types.count(), 0);
}

TEST_P(BatchInsert, UpsertOnTheKeyUpdatesTheOtherColumns) {
  Setting s{.key = "theme", .value = "dark"};
  m->settings.upsert(s);
  s.value = "light";
  m->settings.upsert(s);
  EXPECT_EQ(m->settings.count(), 1);
  EXPECT_EQ(m->settings.get("theme")->value, "light");
}

TEST_P(BatchInsert, UpsertOnAUniqueColumnKeepsTheRowAndReturnsItsKey) {
  Order first{.id = 0, .user = "ada", .group = "a", .where = 1};
  m->orders.upsert(first, Order_::user);
  Order again{.id = 0, .user = "ada", .group = "b", .where = 2};
  m->orders.upsert(again, Order_::user);
  EXPECT_EQ(again.id, first.id);
  EXPECT_EQ(m->orders.count(), 1);
  EXPECT_EQ(m->orders.get(first.id)->group, "b");
}

ORMC_INSTANTIATE_FOR_BACKENDS(BatchInsert);

} // namespace
} // namespace unit
