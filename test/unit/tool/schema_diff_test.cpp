// migrate::diffSchemas(), a pure function of two IRs: which steps a migration takes, and which
// changes it refuses (by diagnostic id). test/lit/migrate-*.test runs the same through ormc.
#include "diff_fixtures.hpp"
#include "migrate/SchemaDiff.h"

#include <gtest/gtest.h>

namespace ormc::migrate {
namespace {
using fixtures::column;
using fixtures::kinds;

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

TEST(SchemaDiff, NothingChangedIsNoStep) {
  ir::Schema s = schemaOf({model("Book", "book")});
  SchemaDiff d = diffSchemas(s, s);
  EXPECT_TRUE(d.steps.empty());
  EXPECT_TRUE(d.findings.empty());
}

TEST(SchemaDiff, AColumnOfATypeStrictRefusesRebuildsTheTableAsAPlainOne) {
  ir::Schema before = schemaOf({model("Book", "book")});
  ir::Schema plain = before;
  plain.models[0].columns.push_back(column("city", ir::TypeKind::String, true));
  ir::Schema declared = before;
  ir::Column city = column("city", ir::TypeKind::String, true);
  city.declaredTypes["sqlite"] = "NVARCHAR(40)";
  declared.models[0].columns.push_back(city);
  SchemaDiff added = diffSchemas(before, plain);
  ASSERT_EQ(kinds(added), std::vector<Step::Kind>{Step::Kind::AddColumn});
  EXPECT_FALSE(added.steps[0].rebuilds);
  SchemaDiff options = diffSchemas(before, declared);
  ASSERT_EQ(kinds(options), std::vector<Step::Kind>{Step::Kind::AddColumn});
  EXPECT_TRUE(options.steps[0].rebuilds) << "a STRICT table takes no NVARCHAR(40) column";
  SchemaDiff back = diffSchemas(declared, before, /*allowDataLoss=*/true); // back to STRICT
  ASSERT_EQ(kinds(back), std::vector<Step::Kind>{Step::Kind::DropColumn});
  EXPECT_TRUE(back.steps[0].rebuilds);
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
  ASSERT_EQ(kinds(d), (std::vector<Step::Kind>{Step::Kind::AddColumn, Step::Kind::AddColumn,
                                               Step::Kind::CreateIndex}));
  EXPECT_EQ(d.steps[0].column->name, "pages");
  EXPECT_EQ(d.steps[1].column->name, "rating");
  EXPECT_EQ(d.steps[2].index->name, "idx_book_pages");
  for (const Step& s : d.steps)
    EXPECT_FALSE(s.rebuilds) << "SQLite adds plain columns and indexes in place";
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

TEST(SchemaDiff, AllowedToLoseDataItDropsWithAWarningIndexedColumnsByARebuild) {
  ir::Schema before = schemaOf({model("Book", "book"), model("Shelf", "shelf")});
  ir::Schema after = schemaOf({model("Book", "book")});
  after.models[0].columns.pop_back(); // title
  SchemaDiff d = diffSchemas(before, after, /*allowDataLoss=*/true);
  EXPECT_EQ(kinds(d), (std::vector<Step::Kind>{Step::Kind::DropColumn, Step::Kind::DropTable}));
  ASSERT_EQ(d.findings.size(), 2u);
  EXPECT_EQ(d.findings[0].severity, Severity::Warning);
  EXPECT_EQ(d.findings[1].severity, Severity::Warning);
  EXPECT_FALSE(hasErrors(d.findings));
  EXPECT_FALSE(d.steps[0].rebuilds);
  before.models[0].columns[1].indexed = true;
  SchemaDiff indexed = diffSchemas(before, after, true);
  ASSERT_EQ(kinds(indexed), (std::vector<Step::Kind>{Step::Kind::DropIndex, Step::Kind::DropColumn,
                                                     Step::Kind::DropTable}));
  EXPECT_TRUE(indexed.steps[1].rebuilds) << "SQLite cannot drop an indexed column in place";
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

TEST(SchemaDiff, WideningTypesAreAlteredNarrowingOnesNeedAConversionOrTheFlag) {
  ir::Schema before = schemaOf({model("Book", "book")});
  before.models[0].columns.push_back(column("pages", ir::TypeKind::Int32));
  ir::Schema after = before;
  after.models[0].columns[2].type.kind = ir::TypeKind::Int64;
  SchemaDiff wider = diffSchemas(before, after);
  ASSERT_EQ(kinds(wider), (std::vector<Step::Kind>{Step::Kind::AlterColumn}));
  EXPECT_TRUE(wider.steps[0].changes.type);
  EXPECT_FALSE(wider.steps[0].changes.nullability);
  EXPECT_TRUE(wider.steps[0].rebuilds);
  EXPECT_EQ(wider.steps[0].previous->type.kind, ir::TypeKind::Int32);

  SchemaDiff narrower = diffSchemas(after, before);
  ASSERT_EQ(ids(narrower), (std::vector<std::string>{"migration-narrows-type"}));
  EXPECT_NE(narrower.findings[0].message.find("type int64 -> int32"), std::string::npos);
  EXPECT_TRUE(narrower.steps.empty());
  SchemaDiff allowed = diffSchemas(after, before, /*allowDataLoss=*/true);
  EXPECT_EQ(kinds(allowed), (std::vector<Step::Kind>{Step::Kind::AlterColumn}));
  EXPECT_FALSE(hasErrors(allowed.findings));
  ir::Schema converted = before;
  converted.models[0].columns[2].convertUsing = "pages / 2";
  EXPECT_TRUE(diffSchemas(after, converted).findings.empty());

  ir::Schema toText = before;
  toText.models[0].columns[2].type.kind = ir::TypeKind::String;
  EXPECT_EQ(ids(diffSchemas(before, toText)), (std::vector<std::string>{"migration-narrows-type"}));
  ir::Schema shorter = before;
  shorter.models[0].columns[1].maxLength = 10;
  EXPECT_EQ(ids(diffSchemas(before, shorter)), (std::vector<std::string>{"migration-narrows-type"}))
      << "a max_length where there was none";
  ir::Schema longer = shorter;
  longer.models[0].columns[1].maxLength = 20;
  EXPECT_EQ(kinds(diffSchemas(shorter, longer)),
            (std::vector<Step::Kind>{Step::Kind::AlterColumn}));
}

// Seconds and milliseconds are both integers: only the storage says what the values mean.
TEST(SchemaDiff, AChangeOfStorageNeedsAConversionEvenWhereTheSqlTypeIsTheSame) {
  ir::Schema before = schemaOf({model("Event", "event")});
  before.models[0].columns.push_back(column("at", ir::TypeKind::Timestamp));
  before.models[0].columns[2].storage = ir::Storage::UnixSeconds;
  ir::Schema after = before;
  after.models[0].columns[2].storage = ir::Storage::UnixMillis;
  SchemaDiff refused = diffSchemas(before, after, /*allowDataLoss=*/true);
  ASSERT_EQ(ids(refused), (std::vector<std::string>{"migration-changes-storage"}));
  EXPECT_NE(refused.findings[0].message.find("(unix_seconds -> unix_millis)"), std::string::npos)
      << refused.findings[0].message;
  EXPECT_TRUE(refused.steps.empty());
  after.models[0].columns[2].convertUsing = "at * 1000";
  SchemaDiff converted = diffSchemas(before, after);
  EXPECT_TRUE(converted.findings.empty());
  EXPECT_EQ(kinds(converted), (std::vector<Step::Kind>{Step::Kind::AlterColumn}));
  EXPECT_TRUE(diffSchemas(before, before).steps.empty());
}

// SQLite holds a decimal as a count of 10^-scale units: a scale change changes what it means.
TEST(SchemaDiff, ADecimalWidensByPrecisionButChangesScaleOnlyWithAConversion) {
  ir::Schema before = schemaOf({model("Item", "item")});
  before.models[0].columns.push_back(column("price", ir::TypeKind::Decimal));
  before.models[0].columns[2].type.precision = 10;
  before.models[0].columns[2].type.scale = 2;
  ir::Schema wider = before;
  wider.models[0].columns[2].type.precision = 12;
  EXPECT_EQ(kinds(diffSchemas(before, wider)), (std::vector<Step::Kind>{Step::Kind::AlterColumn}));
  EXPECT_TRUE(diffSchemas(before, wider).findings.empty());
  EXPECT_EQ(ids(diffSchemas(wider, before)), (std::vector<std::string>{"migration-narrows-type"}));
  ir::Schema finer = before;
  finer.models[0].columns[2].type.scale = 3;
  finer.models[0].columns[2].type.precision = 11;
  SchemaDiff refused = diffSchemas(before, finer, /*allowDataLoss=*/true);
  ASSERT_EQ(ids(refused), (std::vector<std::string>{"migration-changes-storage"}));
  EXPECT_NE(refused.findings[0].message.find("scale (2 -> 3)"), std::string::npos);
  finer.models[0].columns[2].convertUsing = "price * 10";
  EXPECT_TRUE(diffSchemas(before, finer).findings.empty());
}

TEST(SchemaDiff, WidensOnlyWhereEveryValueFits) {
  using T = ir::TypeKind;
  EXPECT_TRUE(widens(T::Int8, T::Int64));
  EXPECT_TRUE(widens(T::UInt16, T::Int32));
  EXPECT_TRUE(widens(T::Float, T::Double));
  EXPECT_FALSE(widens(T::Int64, T::Int32));
  EXPECT_FALSE(widens(T::Int32, T::UInt64)) << "negative values";
  EXPECT_FALSE(widens(T::UInt32, T::Int32));
  EXPECT_FALSE(widens(T::Double, T::Float));
  EXPECT_FALSE(widens(T::Int32, T::String));
}

TEST(SchemaDiff, NotNullNeedsADefaultOrAConversionNullableIsAltered) {
  ir::Schema before = schemaOf({model("Book", "book")});
  before.models[0].columns.push_back(column("pages", ir::TypeKind::Int32, /*nullable=*/true));
  ir::Schema after = before;
  after.models[0].columns[2].nullable = false;
  SchemaDiff d = diffSchemas(before, after);
  ASSERT_EQ(ids(d), (std::vector<std::string>{"migration-not-null-without-default"}));
  EXPECT_TRUE(d.steps.empty());
  after.models[0].columns[2].defaultValue = ir::DefaultValue{ir::DefaultValue::Kind::Integer, "0"};
  SchemaDiff defaulted = diffSchemas(before, after);
  ASSERT_EQ(kinds(defaulted), (std::vector<Step::Kind>{Step::Kind::AlterColumn}));
  EXPECT_TRUE(defaulted.steps[0].changes.nullability);
  EXPECT_TRUE(defaulted.steps[0].changes.defaultValue);
  EXPECT_EQ(kinds(diffSchemas(after, before)), (std::vector<Step::Kind>{Step::Kind::AlterColumn}))
      << "NOT NULL to nullable loses nothing";
}

TEST(SchemaDiff, TheKeyIsNeverChangedInPlace) {
  ir::Schema before = schemaOf({model("Book", "book")});
  ir::Schema after = before;
  after.models[0].columns[0].type.kind = ir::TypeKind::Int32;
  after.models[0].columns[0].convertUsing = "id";
  EXPECT_EQ(ids(diffSchemas(before, after)),
            (std::vector<std::string>{"migration-unsupported-change"}))
      << "foreign keys and join tables hold the key's type";
  ir::Schema unkeyed = before;
  unkeyed.models[0].columns[0].primaryKey = false;
  unkeyed.models[0].columns[0].autoIncrement = false;
  EXPECT_EQ(ids(diffSchemas(before, unkeyed)),
            (std::vector<std::string>{"migration-unsupported-change"}));
}

TEST(SchemaDiff, ConstraintsAndIndexesAreComparedByName) {
  ir::Schema before = schemaOf({model("Book", "book")});
  ir::Schema after = before;
  ir::Index index;
  index.name = "idx_book_title";
  index.columns = {"title"};
  after.models[0].indexes.push_back(index);
  SchemaDiff added = diffSchemas(before, after);
  ASSERT_EQ(kinds(added), (std::vector<Step::Kind>{Step::Kind::CreateIndex}));
  EXPECT_FALSE(added.steps[0].rebuilds);
  SchemaDiff removed = diffSchemas(after, before);
  ASSERT_EQ(kinds(removed), (std::vector<Step::Kind>{Step::Kind::DropIndex}));
  EXPECT_EQ(removed.steps[0].name, "idx_book_title");

  ir::Schema unique = before;
  index.name = "uq_book_title";
  index.unique = true;
  unique.models[0].indexes.push_back(index);
  SchemaDiff constrained = diffSchemas(before, unique);
  ASSERT_EQ(kinds(constrained), (std::vector<Step::Kind>{Step::Kind::AddConstraint}));
  ASSERT_TRUE(constrained.steps[0].unique);
  EXPECT_EQ(constrained.steps[0].unique->columns, std::vector<std::string>{"title"});
  EXPECT_TRUE(constrained.steps[0].rebuilds);

  ir::Schema checked = before;
  checked.models[0].checks.push_back("length(title) < 100");
  SchemaDiff check = diffSchemas(before, checked);
  ASSERT_EQ(kinds(check), (std::vector<Step::Kind>{Step::Kind::AddConstraint}));
  EXPECT_EQ(check.steps[0].check->expression, "length(title) < 100");
  ir::Schema rechecked = checked;
  rechecked.models[0].checks[0] = "length(title) < 200";
  EXPECT_EQ(kinds(diffSchemas(checked, rechecked)),
            (std::vector<Step::Kind>{Step::Kind::DropConstraint, Step::Kind::AddConstraint}));
}

TEST(SchemaDiff, ANewForeignKeyIsAddedAfterItsColumn) {
  ir::Schema before = schemaOf({model("Shelf", "shelf"), model("Book", "book")});
  ir::Schema after = before;
  ir::Column shelf = column("shelf_id", ir::TypeKind::Int64, /*nullable=*/true);
  shelf.references = ir::ForeignKey{};
  shelf.references->target = shelf.references->targetModel = "app::Shelf";
  after.models[1].columns.push_back(shelf);
  SchemaDiff d = diffSchemas(before, after);
  ASSERT_EQ(kinds(d), (std::vector<Step::Kind>{Step::Kind::AddColumn, Step::Kind::AddForeignKey,
                                               Step::Kind::CreateIndex}));
  EXPECT_EQ(d.steps[1].foreignKey->name, "fk_book_shelf_id");
  EXPECT_TRUE(d.steps[0].rebuilds);
}

TEST(SchemaDiff, ADeclaredTableRenameRenamesItAndWhatIsNamedAfterIt) {
  ir::Schema before = schemaOf({model("Book", "book")});
  ir::Index index;
  index.name = "idx_book_title";
  index.columns = {"title"};
  before.models[0].indexes.push_back(index);
  ir::Schema after = before;
  after.models[0].table = "volume";
  after.models[0].renamedFrom = "book";
  after.models[0].indexes[0].name = "idx_volume_title";
  SchemaDiff d = diffSchemas(before, after);
  EXPECT_TRUE(d.findings.empty());
  ASSERT_EQ(kinds(d),
            (std::vector<Step::Kind>{Step::Kind::RenameTable, Step::Kind::RenameConstraint}));
  EXPECT_EQ(d.steps[0].name, "book");
  EXPECT_EQ(d.steps[1].name, "idx_book_title");
  EXPECT_EQ(d.steps[1].constraint, "idx_volume_title");
  EXPECT_TRUE(d.steps[1].index);
  EXPECT_TRUE(diffSchemas(after, after).steps.empty()) << "the annotation may stay";

  ir::Schema changed = after;
  changed.models[0].columns[1].nullable = true;
  EXPECT_EQ(ids(diffSchemas(before, changed)),
            (std::vector<std::string>{"migration-unsupported-change"}));
  ir::Schema typo = after;
  typo.models[0].renamedFrom = "bok";
  EXPECT_EQ(ids(diffSchemas(before, typo)),
            (std::vector<std::string>{"migration-bad-rename", "migration-drops-table"}));
}

TEST(SchemaDiff, ReferencesToARenamedTableAreKept) {
  ir::Schema before = schemaOf({model("Shelf", "shelf"), model("Book", "book")});
  ir::Column shelf = column("shelf_id", ir::TypeKind::Int64, /*nullable=*/true);
  shelf.references = ir::ForeignKey{};
  shelf.references->target = shelf.references->targetModel = "app::Shelf";
  before.models[1].columns.push_back(shelf);
  ir::Schema after = before;
  after.models[0].table = "rack";
  after.models[0].renamedFrom = "shelf";
  EXPECT_EQ(kinds(diffSchemas(before, after)), (std::vector<Step::Kind>{Step::Kind::RenameTable}))
      << "book's foreign key follows the table";
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

namespace ormc::migrate {
namespace {

ir::Model partitioned(ir::Partitioning::Method method, std::vector<std::string> lists) {
  ir::Model m = model("Shipment", "shipment");
  m.partitioning.method = method;
  m.partitioning.member = "title";
  for (const std::string& name : lists)
    m.partitioning.lists.push_back({name, {name + "1", name + "2"}, {}});
  return m;
}

TEST(SchemaDiff, ListPartitionsAreAddedAndRemovedAndAChangedOneIsBoth) {
  using Method = ir::Partitioning::Method;
  ir::Schema before = schemaOf({partitioned(Method::List, {"eu", "us", "jp"})});
  ir::Schema after = schemaOf({partitioned(Method::List, {"eu", "jp", "ca"})});
  after.models[0].partitioning.lists[1].values = {"jp1"}; // jp changed
  SchemaDiff d = diffSchemas(before, after);
  EXPECT_TRUE(d.findings.empty());
  EXPECT_EQ(kinds(d),
            (std::vector<Step::Kind>{Step::Kind::DropPartition, Step::Kind::DropPartition,
                                     Step::Kind::AddPartition, Step::Kind::AddPartition}));
  EXPECT_EQ(d.steps[0].name, "shipment_us");
  EXPECT_EQ(d.steps[1].name, "shipment_jp");
  EXPECT_EQ(d.steps[2].name, "jp");
  EXPECT_EQ(d.steps[3].name, "ca");
}

TEST(SchemaDiff, PartitioningATableOtherwiseIsRefused) {
  using Method = ir::Partitioning::Method;
  ir::Schema plain = schemaOf({model("Shipment", "shipment")});
  ir::Schema byList = schemaOf({partitioned(Method::List, {"eu"})});
  ir::Schema byHash = schemaOf({partitioned(Method::Hash, {})});
  byHash.models[0].partitioning.partitions = 4;
  ir::Schema moreHash = byHash;
  moreHash.models[0].partitioning.partitions = 8;
  for (auto [from, to] :
       {std::pair{&plain, &byList}, {&byList, &plain}, {&byList, &byHash}, {&byHash, &moreHash}}) {
    SchemaDiff d = diffSchemas(*from, *to);
    ASSERT_EQ(ids(d), std::vector<std::string>{"migration-unsupported-change"});
    EXPECT_NE(d.findings[0].message.find("is partitioned otherwise"), std::string::npos)
        << d.findings[0].message;
  }
}

} // namespace
} // namespace ormc::migrate
