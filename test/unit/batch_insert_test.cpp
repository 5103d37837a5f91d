// Table::insert_all (many rows, one transaction, fastest path per backend) and Table::upsert.
#include "backend_fixture.hpp"

#include <limits>

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

TEST_P(BatchInsert, PostgresCopiesManyRowsSqliteReusesOneInsert) {
  int inserts = 0, copies = 0;
  std::int64_t copied = 0;
  db->on_statement([&](const ormc::StatementEvent& e) {
    inserts += e.sql.rfind("INSERT", 0) == 0;
    if (e.sql.rfind("COPY \"all_types\"", 0) == 0) {
      ++copies;
      copied += e.rows;
    }
  });
  auto rows = make_rows(2500);
  m->all_types.insert_all(rows);
  EXPECT_EQ(inserts, on_postgres() ? 0 : 2500);
  EXPECT_EQ(copies, on_postgres() ? 1 : 0);
  EXPECT_EQ(copied, on_postgres() ? 2500 : 0);
}

TEST_P(BatchInsert, PostgresSendsAFewRowsAsOneMultiRowInsert) {
  int inserts = 0;
  db->on_statement(
      [&](const ormc::StatementEvent& e) { inserts += e.sql.rfind("INSERT", 0) == 0; });
  auto rows = make_rows(10);
  m->all_types.insert_all(rows);
  EXPECT_EQ(inserts, on_postgres() ? 1 : 10);
  EXPECT_EQ(m->all_types.count(), 10);
}

TEST_P(BatchInsert, ManyRowsKeepEveryValueExactly) {
  // Text and bytes with what COPY's text format escapes: backslashes, tabs, newlines, \N.
  std::vector<AllTypes> rows(300);
  for (std::size_t i = 0; i < rows.size(); ++i) {
    AllTypes& r = rows[i];
    r.flag = i % 2 == 0;
    r.i8 = static_cast<std::int8_t>(-100 + static_cast<int>(i % 200));
    r.i64 = std::numeric_limits<std::int64_t>::min() + static_cast<std::int64_t>(i);
    r.u64 = std::numeric_limits<std::int64_t>::max() - i;
    r.f32 = 1.5f / static_cast<float>(i + 1);
    r.f64 = -1e300 / static_cast<double>(i + 1);
    r.text = "a\\tb\tc\nd\re \\N \\\\ é " + std::to_string(i);
    r.bytes = {std::byte{0}, std::byte{'\\'}, std::byte{'\t'}, std::byte{'\n'}, std::byte(i % 256)};
    r.octets = {0x5c, 0x4e};
    r.at =
        Timestamp(std::chrono::microseconds(1'700'000'000'123'456LL + static_cast<long long>(i)));
    r.color = i % 3 ? Color::blue : Color::red;
    r.plain = plain_b;
  }
  m->all_types.insert_all(rows);
  std::vector<AllTypes> stored = m->all_types.all();
  ASSERT_EQ(stored.size(), rows.size());
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const AllTypes &want = rows[i], &got = stored[i];
    EXPECT_EQ(got.id, want.id) << i;
    EXPECT_EQ(got.flag, want.flag) << i;
    EXPECT_EQ(got.i8, want.i8) << i;
    EXPECT_EQ(got.i64, want.i64) << i;
    EXPECT_EQ(got.u64, want.u64) << i;
    EXPECT_EQ(got.f32, want.f32) << i;
    EXPECT_EQ(got.f64, want.f64) << i;
    EXPECT_EQ(got.text, want.text) << i;
    EXPECT_EQ(got.bytes, want.bytes) << i;
    EXPECT_EQ(got.octets, want.octets) << i;
    EXPECT_EQ(got.at, want.at) << i;
    EXPECT_EQ(got.color, want.color) << i;
    EXPECT_EQ(got.plain, want.plain) << i;
  }
}

TEST_P(BatchInsert, ManyRowsKeepTheirNulls) {
  std::vector<Nullables> rows(100);
  for (std::size_t i = 0; i < rows.size(); i += 2)
    rows[i].text = "set";
  m->nullables.insert_all(rows);
  std::vector<Nullables> stored = m->nullables.all();
  ASSERT_EQ(stored.size(), 100u);
  for (std::size_t i = 0; i < stored.size(); ++i) {
    EXPECT_EQ(stored[i].text, rows[i].text) << i;
    EXPECT_FALSE(stored[i].number.has_value()) << i;
    EXPECT_FALSE(stored[i].at.has_value()) << i;
  }
}

TEST_P(BatchInsert, ManyRowsOfAKeywordTableGetKeysTheSequenceThenContinues) {
  std::vector<Order> orders(200);
  for (std::size_t i = 0; i < orders.size(); ++i)
    orders[i].user = "user " + std::to_string(i);
  m->orders.insert_all(orders);
  for (std::size_t i = 1; i < orders.size(); ++i)
    EXPECT_LT(orders[i - 1].id, orders[i].id) << i;
  Order next;
  next.user = "after";
  m->orders.insert(next); // the sequence moved past the keys insert_all used
  EXPECT_GT(next.id, orders.back().id);
  EXPECT_EQ(m->orders.count(), 201);
  EXPECT_EQ(m->orders.get(orders[150].id)->user, "user 150");
}

TEST_P(BatchInsert, ManyRowsAllOrNone) {
  std::vector<Order> orders(200);
  for (std::size_t i = 0; i < orders.size(); ++i)
    orders[i].user = "user " + std::to_string(i);
  orders[170].user = "user 3";
  EXPECT_THROW(m->orders.insert_all(orders), ormc::UniqueViolation);
  EXPECT_EQ(m->orders.count(), 0);
  EXPECT_EQ(db->transaction_depth(), 0);
}

TEST_P(BatchInsert, ManyRowsWithApplicationKeys) {
  std::vector<Setting> settings;
  for (int i = 0; i < 100; ++i)
    settings.push_back({"key " + std::to_string(i), "value\t" + std::to_string(i)});
  m->settings.insert_all(settings);
  EXPECT_EQ(m->settings.count(), 100);
  EXPECT_EQ(m->settings.get("key 42")->value, "value\t42");
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
