// migrate::diffSchemas(), a pure function of two IRs: which steps a migration takes, and which
// changes it refuses (by diagnostic id). test/lit/migrate-*.test runs the same through ormc.
#include "migrate/SchemaDiff.h"

#include <gtest/gtest.h>

namespace ormc::migrate {
namespace {

ir::Column column(const std::string& name, ir::TypeKind kind, bool nullable = false) {
  ir::Column c;
  c.member = c.name = name;
  c.type.kind = kind;
  c.nullable = nullable;
  return c;
}

ir::Model model(const std::string& name, const std::string& table) {
  ir::Model m;
  m.name = name;
  m.qualifiedName = "app::" + name;
  m.table = table;
  ir::Column id = column("id", ir::TypeKind::Int64);
  id.primaryKey = id.autoIncrement = true;
  m.columns.push_back(id);
  m.columns.push_back(column("title", ir::TypeKind::String));
  return m;
}

ir::Schema schemaOf(std::vector<ir::Model> models) {
  ir::Schema s;
  s.models = std::move(models);
  return s;
}

std::vector<std::string> ids(const SchemaDiff& d) {
  std::vector<std::string> out;
  for (const Finding& f : d.findings)
    out.push_back(f.id);
  return out;
}

std::vector<Step::Kind> kinds(const SchemaDiff& d) {
  std::vector<Step::Kind> out;
  for (const Step& s : d.steps)
    out.push_back(s.kind);
  return out;
}

TEST(SchemaDiff, NothingChangedIsNoStep) {
  ir::Schema s = schemaOf({model("Book", "book")});
  SchemaDiff d = diffSchemas(s, s);
  EXPECT_TRUE(d.steps.empty());
  EXPECT_TRUE(d.findings.empty());
}

TEST(SchemaDiff, FromNothingEveryTableIsCreated) {
  ir::Schema after = schemaOf({model("Book", "book"), model("Order", "order")});
  SchemaDiff d = diffSchemas(ir::Schema{}, after);
  EXPECT_EQ(kinds(d), (std::vector<Step::Kind>{Step::Kind::CreateTable, Step::Kind::CreateTable}));
  EXPECT_TRUE(d.findings.empty());
}

TEST(SchemaDiff, NewNullableOrDefaultedColumnsAreAddedAndIndexedOnesIndexed) {
  ir::Schema before = schemaOf({model("Book", "book")});
  ir::Schema after = before;
  ir::Column pages = column("pages", ir::TypeKind::Int32, true);
  pages.indexed = true;
  ir::Column rating = column("rating", ir::TypeKind::Int32);
  rating.defaultValue = ir::DefaultValue{ir::DefaultValue::Kind::Integer, "3"};
  after.models[0].columns.push_back(pages);
  after.models[0].columns.push_back(rating);
  SchemaDiff d = diffSchemas(before, after);
  EXPECT_TRUE(d.findings.empty());
  ASSERT_EQ(kinds(d), (std::vector<Step::Kind>{Step::Kind::AddColumn, Step::Kind::CreateIndex,
                                               Step::Kind::AddColumn}));
  EXPECT_EQ(d.steps[0].column->name, "pages");
  EXPECT_EQ(d.steps[2].column->name, "rating");
}

TEST(SchemaDiff, ANotNullColumnWithoutDefaultIsRefused) {
  ir::Schema before = schemaOf({model("Book", "book")});
  ir::Schema after = before;
  after.models[0].columns.push_back(column("summary", ir::TypeKind::String));
  SchemaDiff d = diffSchemas(before, after);
  EXPECT_EQ(ids(d), (std::vector<std::string>{"migration-not-null-without-default"}));
  EXPECT_TRUE(d.steps.empty());
}

TEST(SchemaDiff, DroppingAColumnOrATableIsRefused) {
  ir::Schema before = schemaOf({model("Book", "book"), model("Shelf", "shelf")});
  ir::Schema after = schemaOf({model("Book", "book")});
  after.models[0].columns.pop_back(); // title
  SchemaDiff d = diffSchemas(before, after);
  EXPECT_EQ(ids(d), (std::vector<std::string>{"migration-drops-column", "migration-drops-table"}));
}

TEST(SchemaDiff, AllowedToLoseDataItDropsWithAWarningButNotIndexedColumns) {
  ir::Schema before = schemaOf({model("Book", "book"), model("Shelf", "shelf")});
  ir::Schema after = schemaOf({model("Book", "book")});
  after.models[0].columns.pop_back(); // title
  SchemaDiff d = diffSchemas(before, after, /*allowDataLoss=*/true);
  EXPECT_EQ(kinds(d), (std::vector<Step::Kind>{Step::Kind::DropColumn, Step::Kind::DropTable}));
  ASSERT_EQ(d.findings.size(), 2u);
  EXPECT_EQ(d.findings[0].severity, Severity::Warning);
  EXPECT_EQ(d.findings[1].severity, Severity::Warning);
  EXPECT_FALSE(hasErrors(d.findings));
  before.models[0].columns[1].indexed = true;
  EXPECT_EQ(ids(diffSchemas(before, after, true)),
            (std::vector<std::string>{"migration-unsupported-change", "migration-drops-table"}));
}

TEST(SchemaDiff, ADropBesideAnAddOfTheSameTypeNotesARename) {
  ir::Schema before = schemaOf({model("Book", "book")});
  ir::Schema after = before;
  after.models[0].columns[1].name = "name";
  SchemaDiff d = diffSchemas(before, after);
  ASSERT_EQ(ids(d), (std::vector<std::string>{"migration-drops-column",
                                              "migration-not-null-without-default"}));
  ASSERT_EQ(d.findings[0].notes.size(), 1u);
  EXPECT_NE(d.findings[0].notes[0].message.find("renamed"), std::string::npos);
}

TEST(SchemaDiff, ChangedColumnsAreRefusedNamingWhatChanged) {
  ir::Schema before = schemaOf({model("Book", "book")});
  ir::Schema after = before;
  after.models[0].columns[1].nullable = true;
  after.models[0].columns[0].type.kind = ir::TypeKind::Int32;
  SchemaDiff d = diffSchemas(before, after);
  ASSERT_EQ(ids(d), (std::vector<std::string>{"migration-unsupported-change",
                                              "migration-unsupported-change"}));
  EXPECT_NE(d.findings[0].message.find("type int64 -> int32"), std::string::npos);
  EXPECT_NE(d.findings[1].message.find("(nullable)"), std::string::npos);
}

TEST(SchemaDiff, NewIndexesAreCreatedNewUniqueConstraintsRefused) {
  ir::Schema before = schemaOf({model("Book", "book")});
  ir::Schema after = before;
  ir::Index index;
  index.name = "idx_book_title";
  index.columns = {"title"};
  after.models[0].indexes.push_back(index);
  EXPECT_EQ(kinds(diffSchemas(before, after)), (std::vector<Step::Kind>{Step::Kind::CreateIndex}));
  after.models[0].indexes[0].unique = true;
  EXPECT_EQ(ids(diffSchemas(before, after)),
            (std::vector<std::string>{"migration-unsupported-change"}));
}

TEST(SchemaDiff, ANewManyToManyCreatesItsJoinTable) {
  ir::Schema before = schemaOf({model("Book", "book"), model("Tag", "tag")});
  ir::Schema after = before;
  ir::ManyToMany rel;
  rel.target = rel.targetModel = "app::Tag";
  rel.table = "book_tag";
  rel.sourceColumn = "book_id";
  rel.targetColumn = "tag_id";
  after.models[0].manyToMany.push_back(rel);
  SchemaDiff d = diffSchemas(before, after);
  EXPECT_EQ(kinds(d), (std::vector<Step::Kind>{Step::Kind::CreateJoinTable}));
  EXPECT_EQ(ids(diffSchemas(after, before)), (std::vector<std::string>{"migration-drops-table"}));
}

TEST(SchemaDiff, ADeclaredRenameRenamesAndKeepsTheData) {
  ir::Schema before = schemaOf({model("Book", "book")});
  ir::Schema after = before;
  after.models[0].columns[1].name = "name";
  after.models[0].columns[1].renamedFrom = "title";
  SchemaDiff d = diffSchemas(before, after);
  EXPECT_TRUE(d.findings.empty());
  ASSERT_EQ(kinds(d), (std::vector<Step::Kind>{Step::Kind::RenameColumn}));
  EXPECT_EQ(d.steps[0].column->name, "name");
  // Once migrated, the annotation may stay: the snapshot has the new name, nothing to do.
  EXPECT_TRUE(diffSchemas(after, after).steps.empty());
}

TEST(SchemaDiff, ARenameOfNothingOrWithOtherChangesIsRefused) {
  ir::Schema before = schemaOf({model("Book", "book")});
  ir::Schema typo = before;
  typo.models[0].columns.push_back(column("name", ir::TypeKind::String, true));
  typo.models[0].columns.back().renamedFrom = "titel";
  EXPECT_EQ(ids(diffSchemas(before, typo)), (std::vector<std::string>{"migration-bad-rename"}));
  ir::Schema retyped = before;
  retyped.models[0].columns[1].name = "name";
  retyped.models[0].columns[1].renamedFrom = "title";
  retyped.models[0].columns[1].nullable = true;
  EXPECT_EQ(ids(diffSchemas(before, retyped)),
            (std::vector<std::string>{"migration-unsupported-change"}));
}

} // namespace
} // namespace ormc::migrate
