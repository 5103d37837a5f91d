// migrate::inexactReason() and withRenamesReversed(), pure functions of a diff: which migrations
// get a down migration, and that the way back renames instead of dropping and adding.
// test/lit/Inputs/migrate/cases/ runs the down migrations themselves on both backends.
#include "diff_fixtures.hpp"
#include "migrate/DownMigration.h"

#include <gtest/gtest.h>

namespace ormc::migrate {
namespace {
using fixtures::column;
using fixtures::kinds;

ir::Schema library(std::vector<ir::Column> more, const std::string& table = "book") {
  ir::Model m;
  m.name = "Book";
  m.qualifiedName = "app::Book";
  m.table = table;
  ir::Column id = column("id", ir::TypeKind::Int64);
  id.primaryKey = id.autoIncrement = true;
  m.columns.push_back(id);
  for (ir::Column& c : more)
    m.columns.push_back(std::move(c));
  ir::Schema s;
  s.models.push_back(std::move(m));
  return s;
}

TEST(DownMigration, AddingIsUndoneExactly) {
  ir::Schema before = library({column("title", ir::TypeKind::String)});
  ir::Schema after =
      library({column("title", ir::TypeKind::String), column("pages", ir::TypeKind::Int32, true)});
  SchemaDiff diff = diffSchemas(before, after);
  ASSERT_EQ(kinds(diff), (std::vector<Step::Kind>{Step::Kind::AddColumn}));
  EXPECT_EQ(inexactReason(diff), "");
  SchemaDiff back = diffSchemas(after, withRenamesReversed(before, diff), true);
  EXPECT_EQ(kinds(back), (std::vector<Step::Kind>{Step::Kind::DropColumn}));
}

TEST(DownMigration, DropsNarrowingsAndDroppedNotNullHaveNoWayBack) {
  ir::Schema full =
      library({column("title", ir::TypeKind::String), column("pages", ir::TypeKind::Int32, true)});
  ir::Schema dropped = library({column("title", ir::TypeKind::String)});
  EXPECT_EQ(inexactReason(diffSchemas(full, dropped, true)),
            "it drops column \"pages\" of \"book\"");

  ir::Schema wide =
      library({column("title", ir::TypeKind::String), column("pages", ir::TypeKind::Int64, true)});
  EXPECT_EQ(inexactReason(diffSchemas(full, wide)),
            "changing the type of column \"pages\" of \"book\" cannot be undone exactly");

  ir::Schema optionalTitle = library(
      {column("title", ir::TypeKind::String, true), column("pages", ir::TypeKind::Int32, true)});
  EXPECT_EQ(inexactReason(diffSchemas(full, optionalTitle)),
            "dropping NOT NULL from column \"title\" of \"book\" cannot be undone over NULLs "
            "written since");
  // The other way, NOT NULL added (with a default), is undone by dropping it again.
  ir::Column title = column("title", ir::TypeKind::String);
  title.defaultValue = ir::DefaultValue{ir::DefaultValue::Kind::String, "untitled"};
  ir::Schema required = library({title, column("pages", ir::TypeKind::Int32, true)});
  EXPECT_EQ(inexactReason(diffSchemas(optionalTitle, required)), "");
}

TEST(DownMigration, RenamesGoBackAsRenames) {
  ir::Schema before = library({column("title", ir::TypeKind::String)});
  ir::Column name = column("name", ir::TypeKind::String);
  name.renamedFrom = "title";
  ir::Schema renamedColumn = library({name});
  ir::Schema renamedTable = library({column("title", ir::TypeKind::String)}, "volume");
  renamedTable.models[0].renamedFrom = "book";
  for (const ir::Schema* after : {&renamedColumn, &renamedTable}) {
    SchemaDiff diff = diffSchemas(before, *after);
    ASSERT_TRUE(diff.findings.empty());
    ASSERT_EQ(diff.steps.size(), 1u);
    EXPECT_EQ(inexactReason(diff), "");
    ir::Schema back = withRenamesReversed(before, diff);
    SchemaDiff backDiff = diffSchemas(*after, back, true);
    EXPECT_TRUE(backDiff.findings.empty());
    EXPECT_EQ(kinds(backDiff), kinds(diff)); // a rename back
    // Without the reversal the way back would drop the column (the table) and add it again.
    EXPECT_NE(kinds(diffSchemas(*after, before, true)), kinds(diff));
  }
  ir::Schema back = withRenamesReversed(before, diffSchemas(before, renamedColumn));
  EXPECT_EQ(back.models[0].columns[1].renamedFrom, "name");
  EXPECT_EQ(withRenamesReversed(before, diffSchemas(before, renamedTable)).models[0].renamedFrom,
            "volume");
}

} // namespace
} // namespace ormc::migrate
