// migrate::noteRowsAtStake() with a counter standing in for the database: which query each
// data-losing finding asks, and the note it adds. test/lit/migrate-rows-at-stake*.test runs it
// against real SQLite and PostgreSQL databases.
#include "migrate/RowsAtStake.h"

#include <gtest/gtest.h>
#include <map>

namespace ormc::migrate {
namespace {

class FakeCounter final : public live::LiveDatabase {
public:
  Dialect dialect() const override { return Dialect::postgresql; }
  std::optional<std::vector<live::Row>> query(const std::string& sql,
                                              const std::vector<std::string>& parameters,
                                              std::string& error) override {
    asked.push_back(sql);
    EXPECT_TRUE(parameters.empty());
    if (auto it = answers.find(sql); it != answers.end())
      return std::vector<live::Row>{{std::to_string(it->second)}};
    error = "no such table";
    return std::nullopt;
  }
  std::map<std::string, std::int64_t> answers;
  std::vector<std::string> asked;
};

ir::Model book() {
  ir::Model m;
  m.name = "Book";
  m.qualifiedName = "app::Book";
  m.table = "book";
  m.schema = "shop";
  ir::Column id;
  id.member = id.name = "id";
  id.primaryKey = id.autoIncrement = true;
  ir::Column title;
  title.member = title.name = "title";
  title.type.kind = ir::TypeKind::String;
  m.columns = {id, title};
  return m;
}

TEST(RowsAtStake, EachDropIsCountedAndNoted) {
  ir::Schema before;
  before.models = {book()};
  ir::Schema after = before;
  after.models[0].columns.pop_back();
  SchemaDiff column = diffSchemas(before, after);
  ASSERT_EQ(column.atStake.size(), 1u);
  FakeCounter db;
  db.answers[R"(SELECT count("title") FROM "shop"."book")"] = 7;
  noteRowsAtStake(column, db);
  ASSERT_EQ(db.asked.size(), 1u);
  ASSERT_EQ(column.findings[0].notes.size(), 1u);
  EXPECT_EQ(column.findings[0].notes[0].message,
            R"(the database (--db) holds 7 values in column "title" of "shop"."book")");
  EXPECT_EQ(column.findings[0].notes[0].severity, Severity::Note);

  SchemaDiff table = diffSchemas(before, ir::Schema{}, /*allowDataLoss=*/true);
  db.answers[R"(SELECT count(*) FROM "shop"."book")"] = 1;
  noteRowsAtStake(table, db);
  ASSERT_EQ(table.findings[0].notes.size(), 1u);
  EXPECT_EQ(table.findings[0].notes[0].message,
            R"(the database (--db) holds 1 row in "shop"."book")");
}

TEST(RowsAtStake, ACountThatFailsSaysWhy) {
  ir::Schema before;
  before.models = {book()};
  SchemaDiff table = diffSchemas(before, ir::Schema{});
  FakeCounter db;
  noteRowsAtStake(table, db);
  ASSERT_EQ(table.findings[0].notes.size(), 1u);
  EXPECT_EQ(table.findings[0].notes[0].message,
            "could not count the rows at stake (--db): no such table");
}

} // namespace
} // namespace ormc::migrate
