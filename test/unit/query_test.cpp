// Typed conditions and queries through the generated columns (AllTypes_, Order_, ...).
#include "backend_fixture.hpp"

#include <algorithm>

namespace unit {
namespace {
using namespace std::chrono;

class QueryTest : public BackendTest {
protected:
  void SetUp() override {
    BackendTest::SetUp();
    const char* texts[] = {"alpha", "beta", "gamma", "delta", "epsilon"};
    for (int i = 0; i < 5; ++i) {
      AllTypes row;
      row.text = texts[i];
      row.i32 = i * 10;
      row.flag = i % 2 == 0;
      row.color = i < 2 ? Color::red : Color::blue;
      row.at = system_clock::time_point(seconds(1000 * i));
      m->all_types.insert(row);
      ids.push_back(row.id);
    }
  }
  static std::vector<std::string> texts_of(const std::vector<AllTypes>& rows) {
    std::vector<std::string> out;
    for (const AllTypes& r : rows)
      out.push_back(r.text);
    return out;
  }
  using V = std::vector<std::string>;
  std::vector<std::int64_t> ids;
};

TEST_P(QueryTest, ComparisonsOfEachKind) {
  EXPECT_EQ(texts_of(m->all_types.where(AllTypes_::text == "beta").all()), V{"beta"});
  EXPECT_EQ(texts_of(m->all_types.where(AllTypes_::i32 != 20).all()).size(), 4u);
  EXPECT_EQ(texts_of(m->all_types.where(AllTypes_::i32 < 20).all()), (V{"alpha", "beta"}));
  EXPECT_EQ(texts_of(m->all_types.where(AllTypes_::i32 <= 20).all()).size(), 3u);
  EXPECT_EQ(texts_of(m->all_types.where(AllTypes_::i32 > 30).all()), V{"epsilon"});
  EXPECT_EQ(texts_of(m->all_types.where(AllTypes_::i32 >= 30).all()).size(), 2u);
  EXPECT_EQ(m->all_types.where(AllTypes_::flag == true).count(), 3);
  EXPECT_EQ(m->all_types.where(AllTypes_::color == Color::blue).count(), 3);
  EXPECT_EQ(m->all_types.where(AllTypes_::at >= system_clock::time_point(seconds(3000))).count(),
            2);
}

TEST_P(QueryTest, AndOrNotInBetweenLike) {
  auto rows = m->all_types
                  .where((AllTypes_::i32 < 15 || AllTypes_::text == "delta") &&
                         !(AllTypes_::text == "beta"))
                  .all();
  EXPECT_EQ(texts_of(rows), (V{"alpha", "delta"}));
  EXPECT_EQ(texts_of(m->all_types.where(AllTypes_::text.in({"gamma", "alpha", "nope"})).all()),
            (V{"alpha", "gamma"}));
  EXPECT_EQ(m->all_types.where(AllTypes_::text.in(std::vector<std::string>{})).count(), 0);
  EXPECT_EQ(texts_of(m->all_types.where(AllTypes_::i32.between(10, 30)).all()),
            (V{"beta", "gamma", "delta"}));
  EXPECT_EQ(texts_of(m->all_types.where(AllTypes_::text.like("%ta")).all()), (V{"beta", "delta"}));
}

// LIKE means the same on both backends: case-sensitive, with `\` escaping the wildcards;
// ilike() ignores case on both.
TEST_P(QueryTest, LikeIsCaseSensitiveOnBothBackendsAndIlikeIsNot) {
  EXPECT_TRUE(m->all_types.where(AllTypes_::text.like("%TA")).all().empty());
  EXPECT_EQ(texts_of(m->all_types.where(AllTypes_::text.ilike("%TA")).all()), (V{"beta", "delta"}));
  EXPECT_EQ(texts_of(m->all_types.where(AllTypes_::text.like("Al%")).all()), V{});
  EXPECT_EQ(texts_of(m->all_types.where(AllTypes_::text.ilike("Al%")).all()), (V{"alpha"}));
  AllTypes literal;
  literal.text = "50%_off";
  m->all_types.insert(literal);
  AllTypes other;
  other.text = "500 off";
  m->all_types.insert(other);
  EXPECT_EQ(texts_of(m->all_types.where(AllTypes_::text.like("50\\%\\_off")).all()),
            (V{"50%_off"}));
  EXPECT_EQ(texts_of(m->all_types.where(AllTypes_::text.like("50%")).all()),
            (V{"50%_off", "500 off"}));
}

TEST_P(QueryTest, SeveralWhereCallsAreJoinedWithAnd) {
  auto q = m->all_types.where(AllTypes_::i32 >= 10).where(AllTypes_::flag == true);
  EXPECT_EQ(texts_of(q.all()), (V{"gamma", "epsilon"}));
}

TEST_P(QueryTest, OrderLimitOffsetFirst) {
  auto by_text = m->all_types.order_by(AllTypes_::text.desc());
  EXPECT_EQ(texts_of(by_text.limit(2).all()), (V{"gamma", "epsilon"}));
  EXPECT_EQ(texts_of(by_text.offset(3).all()), (V{"beta", "alpha"}));
  EXPECT_EQ(texts_of(by_text.limit(1).offset(1).all()), V{"epsilon"});
  EXPECT_EQ(by_text.first()->text, "gamma");
  EXPECT_EQ(m->all_types.order_by(AllTypes_::color).order_by(AllTypes_::i32.desc()).first()->text,
            "beta");
  EXPECT_FALSE(m->all_types.where(AllTypes_::text == "none").first().has_value());
}

TEST_P(QueryTest, CountAndExists) {
  EXPECT_EQ(m->all_types.query().count(), 5);
  EXPECT_TRUE(m->all_types.where(AllTypes_::text == "gamma").exists());
  EXPECT_FALSE(m->all_types.where(AllTypes_::text == "omega").exists());
}

TEST_P(QueryTest, NullTestsAndOptionalColumns) {
  Nullables with, without;
  with.number = 5;
  m->nullables.insert(with);
  m->nullables.insert(without);
  EXPECT_EQ(m->nullables.where(Nullables_::number.is_null()).first()->id, without.id);
  EXPECT_EQ(m->nullables.where(Nullables_::number.is_not_null()).first()->id, with.id);
  EXPECT_EQ(m->nullables.where(Nullables_::number == 5).count(), 1); // NULL = 5 is not true
  EXPECT_EQ(m->nullables.where(Nullables_::number != 5).count(), 0); // nor is NULL <> 5
}

TEST_P(QueryTest, RemoveAndUpdateApplyToMatchingRows) {
  EXPECT_EQ(m->all_types.where(AllTypes_::i32 >= 30).remove(), 2);
  EXPECT_EQ(m->all_types.query().count(), 3);
  EXPECT_EQ(m->all_types.where(AllTypes_::flag == true)
                .update(AllTypes_::text.set("flagged"), AllTypes_::i64.set(7)),
            2);
  EXPECT_EQ(m->all_types.where(AllTypes_::text == "flagged" && AllTypes_::i64 == 7).count(), 2);
  EXPECT_THROW(m->all_types.query().limit(1).remove(), ormc::UsageError);
}

TEST_P(QueryTest, KeywordColumnsInConditions) {
  Order order{.id = 0, .user = "u", .group = "g", .where = 4};
  m->orders.insert(order);
  EXPECT_EQ(m->orders.where(Order_::user == "u" && Order_::where > 3).count(), 1);
  EXPECT_EQ(m->orders.order_by(Order_::group.desc()).first()->user, "u");
}

TEST_P(QueryTest, BuildingRunsNothingAndReadingRunsOneStatement) {
  int statements = 0;
  db->on_statement([&](const ormc::StatementEvent&) { ++statements; });
  auto q = m->all_types.where(AllTypes_::i32 > 0).order_by(AllTypes_::text).limit(3);
  EXPECT_EQ(statements, 0);
  int rows = 0;
  for (const AllTypes& row : q) {
    EXPECT_FALSE(row.text.empty());
    ++rows;
  }
  EXPECT_EQ(rows, 3);
  EXPECT_EQ(statements, on_postgres() ? 3 : 1); // PostgreSQL: DECLARE, FETCH, CLOSE a cursor
  statements = 0;
  EXPECT_EQ(q.all().size(), 3u);
  EXPECT_EQ(statements, 1);
}

TEST_P(QueryTest, GetManyIsOneStatement) {
  int statements = 0;
  db->on_statement([&](const ormc::StatementEvent&) { ++statements; });
  auto rows = m->all_types.get_many({ids[4], ids[0], ids[2], 999999});
  EXPECT_EQ(statements, 1);
  EXPECT_EQ(texts_of(rows), (V{"alpha", "gamma", "epsilon"}));
}

TEST_P(QueryTest, TheSameQueryCanRunInsideItsOwnLoop) {
  auto q = m->all_types.where(AllTypes_::i32 < 20);
  int pairs = 0;
  for (const AllTypes& outer : q)
    for (const AllTypes& inner : q)
      pairs += !outer.text.empty() && !inner.text.empty();
  EXPECT_EQ(pairs, 4);
}

TEST_P(QueryTest, SqlReadsLikeTheQuery) {
  auto q = m->orders.where(Order_::user == "x" && Order_::where.between(1, 2))
               .order_by(Order_::group.desc())
               .limit(5);
  std::string expected_sqlite = "SELECT \"select\", \"user\", \"group\", \"where\" FROM \"order\" "
                                "WHERE (\"user\" = ?1 AND \"where\" BETWEEN ?2 AND ?3) "
                                "ORDER BY \"group\" DESC, \"select\" LIMIT ?4";
  EXPECT_EQ(q.sql(ormc::Dialect::sqlite), expected_sqlite);
  EXPECT_NE(q.sql(ormc::Dialect::postgresql).find("BETWEEN $2 AND $3"), std::string::npos);
}

TEST_P(QueryTest, AnyOfWritesTheConnectionsDialectAndRefusesSqlForTheOther) {
  auto q = m->all_types.where(ormc::any_of(AllTypes_::id, std::vector{ids[1], ids[3]}));
  EXPECT_EQ(texts_of(q.all()), (V{"beta", "delta"}));
  ormc::Dialect own = m->database().dialect();
  ormc::Dialect other =
      own == ormc::Dialect::sqlite ? ormc::Dialect::postgresql : ormc::Dialect::sqlite;
  EXPECT_NE(q.sql(own).find(own == ormc::Dialect::sqlite ? "json_each" : "= ANY("),
            std::string::npos);
  try {
    (void)q.sql(other);
    FAIL() << "any_of() SQL rendered for the other dialect";
  } catch (const ormc::UsageError& e) {
    EXPECT_NE(std::string(e.what()).find("AllTypes"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("any_of()"), std::string::npos) << e.what();
  }
}

TEST_P(QueryTest, ARefinedCopyThatRanAndDiedLeavesTheOriginalsTextConditionBound) {
  // first() runs a limited copy of the query; the condition's text stays with the original.
  auto q = m->all_types.where(AllTypes_::text == std::string("gamma"));
  std::optional<AllTypes> row = q.first();
  ASSERT_TRUE(row);
  EXPECT_EQ(row->text, "gamma");
  EXPECT_EQ(q.count(), 1);
}

TEST_P(QueryTest, AggregatesHaveTheColumnsTypes) {
  std::optional<std::int64_t> sum = m->all_types.query().sum(AllTypes_::i32);
  EXPECT_EQ(sum, 100);
  std::optional<double> avg = m->all_types.where(AllTypes_::i32 < 20).avg(AllTypes_::i32);
  EXPECT_EQ(avg, 5.0);
  std::optional<std::string> lowest = m->all_types.query().min(AllTypes_::text);
  EXPECT_EQ(lowest, "alpha");
  std::optional<system_clock::time_point> latest = m->all_types.query().max(AllTypes_::at);
  EXPECT_EQ(latest, system_clock::time_point(seconds(4000)));
  EXPECT_FALSE(m->all_types.where(AllTypes_::text == "none").sum(AllTypes_::i32).has_value());
  EXPECT_FALSE(m->all_types.where(AllTypes_::text == "none").max(AllTypes_::text).has_value());
}

TEST_P(QueryTest, ProjectionsIntoTuples) {
  std::vector<std::tuple<std::string, std::int32_t>> rows =
      m->all_types.where(AllTypes_::i32 >= 30)
          .order_by(AllTypes_::i32.desc())
          .select(AllTypes_::text, AllTypes_::i32);
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0], std::make_tuple(std::string("epsilon"), 40));
  EXPECT_EQ(rows[1], std::make_tuple(std::string("delta"), 30));
}

TEST_P(QueryTest, RawSqlWithBoundParametersMapsIntoStructs) {
  std::string sql = on_postgres()
                        ? "SELECT * FROM all_types WHERE i32 > $1 AND text LIKE $2 ORDER BY id"
                        : "SELECT * FROM all_types WHERE i32 > ?1 AND text LIKE ?2 ORDER BY id";
  std::vector<AllTypes> rows = m->all_types.raw(sql, 5, "%a");
  EXPECT_EQ(texts_of(rows), (V{"beta", "gamma", "delta"}));
  EXPECT_EQ(m->all_types.raw(sql, 100, "%").size(), 0u);
}

TEST_P(QueryTest, KeysetPagesTogetherAreTheWholeOrderedResult) {
  for (int i = 0; i < 7; ++i) { // ties in color and flag, so the key must break them
    AllTypes row;
    row.text = "extra " + std::to_string(i);
    row.color = i % 2 ? Color::green : Color::red;
    m->all_types.insert(row);
  }
  auto ordered = m->all_types.where(AllTypes_::i32 < 1000)
                     .order_by(AllTypes_::color.desc())
                     .order_by(AllTypes_::flag);
  std::vector<AllTypes> whole = ordered.all();
  std::vector<AllTypes> paged;
  auto page = ordered.limit(3).all();
  while (!page.empty()) {
    paged.insert(paged.end(), page.begin(), page.end());
    page = ordered.limit(3).after(page.back()).all();
  }
  ASSERT_EQ(whole.size(), 12u);
  std::vector<std::int64_t> whole_ids, paged_ids;
  for (const AllTypes& r : whole)
    whole_ids.push_back(r.id);
  for (const AllTypes& r : paged)
    paged_ids.push_back(r.id);
  EXPECT_EQ(paged_ids, whole_ids);
}

// After a row whose order column is NULL come only other NULLs (NULLs sort last), by key.
TEST_P(QueryTest, KeysetAfterANullValueGoesOnThroughTheNulls) {
  Nullables first, second;
  m->nullables.insert(first);
  m->nullables.insert(second);
  auto next = m->nullables.order_by(Nullables_::number).after(first).all();
  ASSERT_EQ(next.size(), 1u);
  EXPECT_EQ(next[0].id, second.id);
}

ORMC_INSTANTIATE_FOR_BACKENDS(QueryTest);

} // namespace
} // namespace unit
