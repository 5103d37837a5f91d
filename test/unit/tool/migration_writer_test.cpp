// migrate::migrationSql(), a pure function of the models and a diff: the statements a migration
// file holds. test/lit/Inputs/migrate/cases/ runs whole migrations on both backends; this covers
// what needs a server those cases cannot have (pgvector), and the order of what a versioned
// table's history needs around each change.
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

/// The positions of `parts` in `text`, each found after the one before; npos where one is not.
std::size_t inOrder(const std::string& text, std::initializer_list<std::string> parts) {
  std::size_t at = 0;
  for (const std::string& part : parts) {
    at = text.find(part, at);
    if (at == std::string::npos) return at;
    ++at;
  }
  return at;
}

ir::Schema versioned(std::vector<ir::Column> more) {
  ir::Schema s = docs(std::move(more));
  s.models[0].versioned = true;
  return s;
}

TEST(MigrationWriter, AVersionedTablesHistoryChangesWithItsColumnsAndItsTriggersAreWrittenAnew) {
  ir::Schema before = versioned({column("title", ir::TypeKind::String)});
  ir::Schema after = versioned(
      {column("title", ir::TypeKind::String), column("lang", ir::TypeKind::String, true)});
  const std::string pg =
      migrationSql(after, diffSchemas(before, after), Dialect::postgresql, 2, "lang", false);
  EXPECT_NE(inOrder(pg, {"DROP TRIGGER IF EXISTS \"doc_history\" ON \"doc\";",
                         "ALTER TABLE \"doc\" ADD COLUMN \"lang\" TEXT;",
                         "ALTER TABLE \"doc_history\" ADD COLUMN \"lang\" TEXT;",
                         "CREATE OR REPLACE FUNCTION \"doc_history_write\"()", "NEW.\"lang\"",
                         "CREATE OR REPLACE TRIGGER \"doc_history\""}),
            std::string::npos)
      << pg;
  const std::string lite =
      migrationSql(after, diffSchemas(before, after), Dialect::sqlite, 2, "lang", false);
  EXPECT_NE(inOrder(lite, {"DROP TRIGGER IF EXISTS \"doc_history_insert\";",
                           "ALTER TABLE \"doc_history\" ADD COLUMN \"lang\" TEXT;",
                           "CREATE TRIGGER \"doc_history_insert\"", "NEW.\"lang\""}),
            std::string::npos)
      << lite;
  // A table that becomes versioned gets its history and its rows as versions; one that stops
  // being loses its triggers and keeps its history.
  ir::Schema plain = docs({column("title", ir::TypeKind::String)});
  const std::string start =
      migrationSql(before, diffSchemas(plain, before), Dialect::postgresql, 2, "start", false);
  EXPECT_NE(inOrder(start, {"CREATE TABLE IF NOT EXISTS \"doc_history\"",
                            "CREATE OR REPLACE TRIGGER \"doc_history\"",
                            "INSERT INTO \"doc_history\"", "FROM \"doc\";"}),
            std::string::npos)
      << start;
  const std::string stop =
      migrationSql(plain, diffSchemas(before, plain), Dialect::postgresql, 2, "stop", false);
  EXPECT_NE(stop.find("DROP FUNCTION IF EXISTS \"doc_history_write\"();"), std::string::npos);
  EXPECT_EQ(stop.find("DROP TABLE"), std::string::npos) << stop;
  // A renamed table's history and triggers follow it.
  ir::Schema renamed = before;
  renamed.models[0].table = "document";
  renamed.models[0].renamedFrom = "doc";
  const std::string rename =
      migrationSql(renamed, diffSchemas(before, renamed), Dialect::sqlite, 2, "rename", false);
  EXPECT_NE(inOrder(rename, {"DROP TRIGGER IF EXISTS \"doc_history_insert\";",
                             "ALTER TABLE \"doc_history\" RENAME TO \"document_history\";",
                             "ALTER TABLE \"doc\" RENAME TO \"document\";",
                             "CREATE TRIGGER \"document_history_insert\" AFTER INSERT ON "
                             "\"document\""}),
            std::string::npos)
      << rename;
}

ir::Column tenant(ir::TypeKind kind, bool rowSecurity) {
  ir::Column c = column("tenant", kind);
  c.role = ir::ColumnRole::Tenant;
  c.rowSecurity = rowSecurity;
  return c;
}

TEST(MigrationWriter, ATenantPolicyIsPutOnTakenOffAndWrittenAnewAroundARetype) {
  ir::Schema plain = docs({tenant(ir::TypeKind::String, false)});
  ir::Schema secured = docs({tenant(ir::TypeKind::String, true)});
  auto sql = [](const ir::Schema& before, const ir::Schema& after, Dialect dialect) {
    return migrationSql(after, diffSchemas(before, after), dialect, 2, "policy", false);
  };
  const std::string on = sql(plain, secured, Dialect::postgresql);
  EXPECT_NE(inOrder(on, {"ALTER TABLE \"doc\" ENABLE ROW LEVEL SECURITY;",
                         "ALTER TABLE \"doc\" FORCE ROW LEVEL SECURITY;",
                         "DROP POLICY IF EXISTS \"ormc_tenant\" ON \"doc\";",
                         "CREATE POLICY \"ormc_tenant\" ON \"doc\" USING (\"tenant\" = "
                         "NULLIF(current_setting('ormc.tenant', true), '')) WITH CHECK (\"tenant\" "
                         "= NULLIF(current_setting('ormc.tenant', true), ''));"}),
            std::string::npos)
      << on;
  const std::string off = sql(secured, plain, Dialect::postgresql);
  EXPECT_NE(inOrder(off, {"DROP POLICY IF EXISTS \"ormc_tenant\" ON \"doc\";",
                          "ALTER TABLE \"doc\" NO FORCE ROW LEVEL SECURITY;",
                          "ALTER TABLE \"doc\" DISABLE ROW LEVEL SECURITY;"}),
            std::string::npos)
      << off;
  EXPECT_EQ(off.find("CREATE POLICY"), std::string::npos) << off;
  EXPECT_TRUE(diffSchemas(secured, secured).steps.empty());
  // SQLite has no policies: ormc's own filter is its only wall, and the migration says nothing.
  EXPECT_EQ(sql(plain, secured, Dialect::sqlite).find("POLICY"), std::string::npos);
  EXPECT_EQ(sql(plain, secured, Dialect::sqlite).find("ROW LEVEL"), std::string::npos);
  // PostgreSQL refuses to retype a column a policy reads: dropped first, then made for the new
  // type, which reads the setting as an integer.
  ir::Schema numbered = docs({tenant(ir::TypeKind::Int64, true)});
  numbered.models[0].columns[1].convertUsing = "CAST(\"tenant\" AS BIGINT)";
  const std::string retyped = sql(secured, numbered, Dialect::postgresql);
  EXPECT_NE(inOrder(retyped, {"DROP POLICY IF EXISTS \"ormc_tenant\" ON \"doc\";",
                              "ALTER COLUMN \"tenant\" TYPE BIGINT",
                              "CREATE POLICY \"ormc_tenant\" ON \"doc\" USING (\"tenant\" = "
                              "NULLIF(current_setting('ormc.tenant', true), '')::bigint)"}),
            std::string::npos)
      << retyped;
}

} // namespace
} // namespace ormc::migrate
