// migrate::migrationSql(), a pure function of the models and a diff: the statements a migration
// file holds. test/lit/Inputs/migrate/cases/ runs whole migrations on both backends; this covers
// what needs a server those cases cannot have (pgvector).
#include "diff_fixtures.hpp"
#include "migrate/MigrationWriter.h"

#include <gtest/gtest.h>

namespace ormc::migrate {
namespace {
using fixtures::column;

ir::Schema docs(std::vector<ir::Column> more) {
  ir::Model m;
  m.name = "Doc";
  m.qualifiedName = "app::Doc";
  m.table = "doc";
  m.accessor = "docs";
  ir::Column id = column("id", ir::TypeKind::Int64);
  id.primaryKey = id.autoIncrement = true;
  m.columns.push_back(id);
  for (ir::Column& c : more)
    m.columns.push_back(std::move(c));
  ir::Schema s;
  s.models.push_back(std::move(m));
  return s;
}

ir::Column vector(ir::Storage storage) {
  ir::Column c = column("embedding", ir::TypeKind::Vector, true);
  c.type.dimension = 3;
  c.storage = storage;
  return c;
}

TEST(MigrationWriter, AFirstPgvectorColumnCreatesTheExtensionBeforeAddingIt) {
  ir::Schema before = docs({});
  ir::Schema after = docs({vector(ir::Storage::PgVector)});
  const std::string pg =
      migrationSql(after, diffSchemas(before, after), Dialect::postgresql, 2, "embed", false);
  const std::size_t extension = pg.find("CREATE EXTENSION IF NOT EXISTS \"vector\";");
  ASSERT_NE(extension, std::string::npos) << pg;
  EXPECT_LT(extension, pg.find("ADD COLUMN \"embedding\" vector(3)")) << pg;
  EXPECT_EQ(migrationSql(after, diffSchemas(before, after), Dialect::sqlite, 2, "embed", false)
                .find("EXTENSION"),
            std::string::npos);
  // A REAL[] vector needs no extension, and a migration that adds no pgvector column none.
  ir::Schema plain = docs({vector(ir::Storage::Native)});
  EXPECT_EQ(migrationSql(plain, diffSchemas(before, plain), Dialect::postgresql, 2, "embed", false)
                .find("EXTENSION"),
            std::string::npos);
  ir::Schema more =
      docs({vector(ir::Storage::PgVector), column("title", ir::TypeKind::String, true)});
  EXPECT_EQ(migrationSql(more, diffSchemas(after, more), Dialect::postgresql, 3, "title", false)
                .find("EXTENSION"),
            std::string::npos);
}

} // namespace
} // namespace ormc::migrate
