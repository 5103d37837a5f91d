// The generated Models container: insert, get, update, remove, all and count, and the errors a
// table reports.
#include "backend_fixture.hpp"

namespace unit {
namespace {

class TableTest : public BackendTest {};

TEST_P(TableTest, InsertAssignsIncreasingKeys) {
  AllTypes a, b;
  m->all_types.insert(a);
  m->all_types.insert(b);
  EXPECT_GT(a.id, 0);
  EXPECT_GT(b.id, a.id);
  EXPECT_EQ(m->all_types.count(), 2);
}

TEST_P(TableTest, GetOfMissingKeyIsEmpty) {
  EXPECT_FALSE(m->all_types.get(12345).has_value());
}

TEST_P(TableTest, UpdateWritesEveryColumn) {
  AllTypes row;
  row.text = "before";
  m->all_types.insert(row);
  row.text = "after";
  row.i32 = 7;
  m->all_types.update(row);
  auto out = m->all_types.get(row.id);
  EXPECT_EQ(out->text, "after");
  EXPECT_EQ(out->i32, 7);
}

TEST_P(TableTest, UpdateOfMissingRowThrowsNotFound) {
  AllTypes ghost;
  ghost.id = 999;
  EXPECT_THROW(m->all_types.update(ghost), ormc::NotFound);
}

TEST_P(TableTest, RemoveReportsWhetherARowWasDeleted) {
  AllTypes row;
  m->all_types.insert(row);
  EXPECT_TRUE(m->all_types.remove(row));
  EXPECT_FALSE(m->all_types.remove(row.id));
  EXPECT_FALSE(m->all_types.get(row.id).has_value());
}

TEST_P(TableTest, AllReturnsRowsInKeyOrder) {
  for (const char* text : {"c", "a", "b"}) {
    AllTypes row;
    row.text = text;
    m->all_types.insert(row);
  }
  auto rows = m->all_types.all();
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[0].text, "c");
  EXPECT_EQ(rows[2].text, "b");
  EXPECT_LT(rows[0].id, rows[1].id);
}

TEST_P(TableTest, KeywordsWorkAsTableAndColumnNames) {
  Order order{.id = 0, .user = "alice", .group = "g1", .where = 3};
  m->orders.insert(order);
  auto out = m->orders.get(order.id);
  ASSERT_TRUE(out.has_value());
  EXPECT_EQ(out->user, "alice");
  EXPECT_EQ(out->group, "g1");
  EXPECT_EQ(out->where, 3);
}

TEST_P(TableTest, ApplicationChosenStringKeys) {
  Setting s{.key = "theme", .value = "dark"};
  m->settings.insert(s);
  EXPECT_EQ(m->settings.get("theme")->value, "dark");
  s.value = "light";
  m->settings.update(s);
  EXPECT_EQ(m->settings.get("theme")->value, "light");
  Setting again{.key = "theme", .value = "x"};
  EXPECT_THROW(m->settings.insert(again), ormc::UniqueViolation);
}

// ormc:id(assigned): the key the application sets is the one stored (inserts send it), and it
// is never overwritten by a database-assigned one.
TEST_P(TableTest, ApplicationAssignedIntegerKeys) {
  Artist miles{.artist_id = 42, .name = "Miles"};
  Artist nina{.artist_id = 7, .name = "Nina"};
  m->artists.insert(miles);
  m->artists.insert(nina);
  EXPECT_EQ(miles.artist_id, 42);
  EXPECT_EQ(m->artists.get(42)->name, "Miles");
  EXPECT_EQ(m->artists.get(7)->name, "Nina");
  miles.name = "Miles Davis";
  m->artists.update(miles);
  EXPECT_EQ(m->artists.get(42)->name, "Miles Davis");
  Artist again{.artist_id = 7, .name = "x"};
  EXPECT_THROW(m->artists.insert(again), ormc::UniqueViolation);
  EXPECT_EQ(m->artists.count(), 2);
}

// ormc:table(naming=PascalCase): rows written by other SQL under the schema's own names read
// back through the generated code, and the generated code writes under those names.
TEST_P(TableTest, APascalCaseTableIsReadAndWrittenUnderItsOwnNames) {
  db->execute(R"(INSERT INTO "InvoiceLine" ("InvoiceLineId", "UnitPrice", "Quantity") )"
              "VALUES (5, 0.99, 3)");
  std::optional<InvoiceLine> read = m->invoice_lines.get(5);
  ASSERT_TRUE(read.has_value());
  EXPECT_EQ(read->unit_price, 0.99);
  EXPECT_EQ(read->quantity, 3);
  InvoiceLine line{.invoice_line_id = 6, .unit_price = 1.5, .quantity = 2};
  m->invoice_lines.insert(line);
  double stored = db->with_connection([](auto& conn) {
    auto statement = conn.prepare(
        R"(SELECT "UnitPrice" * "Quantity" FROM "InvoiceLine" WHERE "InvoiceLineId" = 6)");
    double value = 0;
    if (statement->step()) statement->read(0, value);
    return value;
  });
  EXPECT_EQ(stored, 3.0);
}

TEST_P(TableTest, UniqueViolationIsTypedAndKeepsSqlState) {
  Order first{.id = 0, .user = "bob", .group = "", .where = 0};
  Order second = first;
  m->orders.insert(first);
  try {
    m->orders.insert(second);
    FAIL() << "expected UniqueViolation";
  } catch (const ormc::UniqueViolation& e) {
    EXPECT_EQ(e.sqlstate(), "23505");
    EXPECT_NE(e.sql().find("INSERT INTO \"order\""), std::string::npos);
  }
  EXPECT_EQ(m->orders.count(), 1);
}

TEST_P(TableTest, MaxLengthIsCheckedBeforeSqlAndByTheDatabase) {
  Order order{.id = 0, .user = "carol", .group = "toolong", .where = 0};
  EXPECT_THROW(m->orders.insert(order), ormc::ValidationError);
  EXPECT_EQ(m->orders.count(), 0);
  // Writers other than the generated code meet the database's own limit.
  EXPECT_THROW(
      db->execute(R"(INSERT INTO "order" ("user", "group", "where") VALUES ('x', 'toolong', 0))"),
      ormc::CheckViolation);
  order.group = "ünï"; // three characters, six bytes: within max_length = 5
  EXPECT_NO_THROW(m->orders.insert(order));
}

TEST_P(TableTest, CreateSchemaTwiceIsHarmless) {
  AllTypes row;
  m->all_types.insert(row);
  m->create_schema();
  EXPECT_EQ(m->all_types.count(), 1);
}

ORMC_INSTANTIATE_FOR_BACKENDS(TableTest);

} // namespace
} // namespace unit
