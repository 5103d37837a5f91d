// Hand-written SQL through the connection (ormc/raw_sql.hpp): rows changed by execute(), rows
// read by position into tuples and aggregate structs by raw(), plans from explain() — and the
// typed query's projections into named structs (select<S>()) and its own explain().
#include "backend_fixture.hpp"

#include <algorithm>
#include <ormc/raw_sql.hpp>

namespace unit {
namespace {
using namespace blog;

class RawSqlTest : public BackendTest {
protected:
  void SetUp() override {
    BackendTest::SetUp();
    const char* texts[] = {"alpha", "beta", "gamma", "delta", "epsilon"};
    for (int i = 0; i < 5; ++i) {
      AllTypes row;
      row.text = texts[i];
      row.i32 = i * 10;
      m->all_types.insert(row);
    }
  }
  /// The n-th placeholder of the backend under test.
  std::string p(int n) const { return (on_postgres() ? "$" : "?") + std::to_string(n); }
};

TEST_P(RawSqlTest, ExecuteReturnsHowManyRowsItChanged) {
  EXPECT_EQ(ormc::execute(*db, "UPDATE all_types SET i64 = " + p(1) + " WHERE i32 >= " + p(2),
                          std::int64_t{7}, 20),
            3);
  EXPECT_EQ(m->all_types.where(AllTypes_::i64 == 7).count(), 3);
  EXPECT_EQ(ormc::execute(*db, "DELETE FROM all_types WHERE text = " + p(1), std::string("none")),
            0);
  EXPECT_EQ(ormc::execute(*db, "DELETE FROM all_types WHERE i32 < " + p(1), 20), 2);
  EXPECT_EQ(m->all_types.count(), 3);
}

struct TextAndNumber {
  std::string text;
  std::int32_t number = 0;
  std::optional<std::string> missing;
};

TEST_P(RawSqlTest, RawReadsRowsIntoTuplesAndStructsByPosition) {
  auto tuples = ormc::raw<std::tuple<std::string, std::int64_t>>(
      *db, "SELECT text, i32 FROM all_types WHERE i32 > " + p(1) + " ORDER BY i32", 15);
  ASSERT_EQ(tuples.size(), 3u);
  EXPECT_EQ(tuples[0], std::make_tuple(std::string("gamma"), std::int64_t{20}));
  EXPECT_EQ(tuples[2], std::make_tuple(std::string("epsilon"), std::int64_t{40}));

  auto rows = ormc::raw<TextAndNumber>(
      *db, "SELECT text, i32, NULL FROM all_types WHERE text = " + p(1), std::string("beta"));
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].text, "beta");
  EXPECT_EQ(rows[0].number, 10);
  EXPECT_EQ(rows[0].missing, std::nullopt);
  EXPECT_TRUE(
      ormc::raw<TextAndNumber>(*db, "SELECT text, i32, text FROM all_types WHERE 1 = 0").empty());
}

TEST_P(RawSqlTest, RawRefusesAStatementWithAnotherNumberOfColumnsNamingThem) {
  for (const char* where : {"", " WHERE 1 = 0"}) { // with rows, and without
    try {
      ormc::raw<std::tuple<std::string, std::int32_t>>(
          *db, std::string("SELECT text, i32, i64 FROM all_types") + where);
      FAIL() << "a third column was accepted";
    } catch (const ormc::UsageError& e) {
      EXPECT_STREQ(e.what(), "raw(): the statement returns 3 columns (text, i32, i64) but the row "
                             "takes 2; select one column per member, in the members' order");
    }
  }
}

TEST_P(RawSqlTest, AValueThatDoesNotFitItsMemberNamesTheColumn) {
  std::string message = data_error_of(
      [&] { ormc::raw<std::tuple<std::int64_t>>(*db, "SELECT text FROM all_types"); });
  EXPECT_NE(message.find("column 0 (text)"), std::string::npos) << message;
}

TEST_P(RawSqlTest, ByNameReadsEachMemberFromTheColumnOfItsNameWhereverItIs) {
  // Named in the members' order, returned in another, beside a column no member takes.
  auto rows = ormc::raw<TextAndNumber>(
      *db, ormc::by_name{"text", "i32", "missing"},
      "SELECT i64, NULL AS missing, i32, text FROM all_types WHERE i32 >= " + p(1) +
          " ORDER BY i32",
      30);
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0].text, "delta");
  EXPECT_EQ(rows[0].number, 30);
  EXPECT_EQ(rows[0].missing, std::nullopt);
  EXPECT_EQ(rows[1].text, "epsilon");
  // Unquoted names fold case: SQLite keeps I32 as written, PostgreSQL returns i32.
  auto folded = ormc::raw<std::tuple<std::int32_t>>(
      *db, ormc::by_name{"i32"}, "SELECT I32 FROM all_types WHERE text = " + p(1),
      std::string("beta"));
  EXPECT_EQ(folded, (std::vector<std::tuple<std::int32_t>>{{10}}));
}

TEST_P(RawSqlTest, ByNameRefusesAMissingOrAmbiguousColumnNamingIt) {
  for (const char* where : {"", " WHERE 1 = 0"}) { // with rows, and without
    std::string missing = usage_error_of([&] {
      ormc::raw<std::tuple<std::string, std::int32_t>>(
          *db, ormc::by_name{"text", "count"},
          std::string("SELECT text, i32 FROM all_types") + where);
    });
    EXPECT_EQ(missing, "raw(): the statement returns no column named \"count\" (it returns text, "
                       "i32)");
  }
  std::string twice = usage_error_of([&] {
    ormc::raw<std::tuple<std::string>>(*db, ormc::by_name{"text"},
                                       "SELECT text, text FROM all_types");
  });
  EXPECT_EQ(twice, "raw(): the statement returns more than one column named \"text\" (text, "
                   "text); give each a name of its own with AS");
  std::string count = usage_error_of([&] {
    ormc::raw<std::tuple<std::string, std::int32_t>>(*db, ormc::by_name{"text"},
                                                     "SELECT text FROM all_types");
  });
  EXPECT_EQ(count, "raw(): by_name lists 1 column but the row takes 2; name one column per "
                   "member, in the members' order");
}

TEST_P(RawSqlTest, TableRawMapsTheModelsColumnsByNameInAnyOrder) {
  // Every column of the model, reversed, and one it does not have.
  std::string columns;
  for (const ormc::ColumnShape& c : ormc::ModelTraits<AllTypes>::statements(db->dialect()).shape)
    columns = "\"" + std::string(c.name) + "\", " + columns;
  std::vector<AllTypes> rows =
      m->all_types.raw("SELECT 1 AS extra, " + columns.substr(0, columns.size() - 2) +
                       " FROM all_types ORDER BY i32");
  std::vector<AllTypes> stored = m->all_types.order_by(AllTypes_::i32).all();
  ASSERT_EQ(rows.size(), stored.size());
  for (std::size_t i = 0; i < rows.size(); ++i) {
    EXPECT_EQ(rows[i].id, stored[i].id);
    EXPECT_EQ(rows[i].text, stored[i].text);
    EXPECT_EQ(rows[i].i32, stored[i].i32);
    EXPECT_EQ(rows[i].i64, stored[i].i64);
  }

  std::string missing = usage_error_of([&] { m->all_types.raw("SELECT id, text FROM all_types"); });
  EXPECT_NE(missing.find("unit::AllTypes raw(): the statement returns no column named"),
            std::string::npos)
      << missing;
  std::string twice =
      usage_error_of([&] { m->all_types.raw("SELECT *, text FROM all_types WHERE 1 = 0"); });
  EXPECT_NE(twice.find("more than one column named \"text\""), std::string::npos) << twice;
}

TEST_P(RawSqlTest, TableRawNamesTheModelsColumnAValueOutOfOrderDoesNotFit) {
  // Every column but i32 in place; i32, last, holds text: the model's message names i32.
  std::string columns;
  for (const ormc::ColumnShape& c : ormc::ModelTraits<AllTypes>::statements(db->dialect()).shape)
    if (c.name != "i32") columns += "\"" + std::string(c.name) + "\", ";
  std::string message = data_error_of(
      [&] { m->all_types.raw("SELECT " + columns + "'many' AS i32 FROM all_types"); });
  EXPECT_NE(message.find("reading unit::AllTypes with key"), std::string::npos) << message;
  EXPECT_NE(message.find("(i32)"), std::string::npos) << message;
}

struct Labelled {
  std::string label;
  std::int32_t value = 0;
};

TEST_P(RawSqlTest, SelectIntoANamedStructReadsEachColumnIntoItsMember) {
  std::vector<Labelled> rows = m->all_types.where(AllTypes_::i32 >= 20)
                                   .order_by(AllTypes_::i32.desc())
                                   .limit(2)
                                   .select<Labelled>(AllTypes_::text, AllTypes_::i32);
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0].label, "epsilon");
  EXPECT_EQ(rows[0].value, 40);
  EXPECT_EQ(rows[1].label, "delta");
  EXPECT_EQ(rows[1].value, 30);
}

TEST_P(RawSqlTest, ExplainShowsTheIndexAQueryUses) {
  User ann;
  ann.name = "ann";
  m->users.insert(ann);
  auto uses_index = [](const std::vector<std::string>& plan) {
    return std::any_of(plan.begin(), plan.end(), [](const std::string& line) {
      return line.find("idx_post_author_id_title") != std::string::npos;
    });
  };
  // Without a condition on the index's first column SQLite scans the table (PostgreSQL may
  // still read the whole index: a bitmap scan on its second column).
  std::vector<std::string> scan = m->posts.where(Post_::title == "x").explain();
  EXPECT_FALSE(scan.empty());
  if (!on_postgres()) {
    EXPECT_FALSE(uses_index(scan)) << testing::PrintToString(scan);
  }
  if (on_postgres()) db->execute("SET enable_seqscan = off"); // tiny tables: show the index path
  std::vector<std::string> plan = m->posts.where(Post_::author_id == ann.id).explain();
  EXPECT_TRUE(uses_index(plan)) << testing::PrintToString(plan);
  EXPECT_TRUE(
      uses_index(ormc::explain(*db, "SELECT title FROM post WHERE author_id = " + p(1), ann.id)));
}

ORMC_INSTANTIATE_FOR_BACKENDS(RawSqlTest);

} // namespace
} // namespace unit
