// ormc import's header, from catalogs given here: the names, key policies, types and defaults
// it chooses, and what it leaves out with a warning.
#include "importer/HeaderWriter.h"

#include <gtest/gtest.h>

namespace ormc::importer {
namespace {

ImportedColumn column(std::string name, std::string type, bool notNull = true,
                      unsigned keyPosition = 0) {
  ImportedColumn c;
  c.name = std::move(name);
  c.type = std::move(type);
  c.notNull = notNull;
  c.keyPosition = keyPosition;
  return c;
}

bool has(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

TEST(ImportedHeader, TheRuleThatDerivesMostNamesIsTheSchemasAndTheRestAreNamed) {
  ImportedSchema s;
  s.dialect = Dialect::postgresql;
  ImportedTable t;
  t.name = "InvoiceLine";
  t.columns = {column("InvoiceId", "integer", true, 1), column("LineNumber", "integer"),
               column("HTTPCode", "integer")};
  s.tables = {t};
  std::string h = writeHeader(s, {"music"}).text;
  EXPECT_TRUE(has(h, "namespace ORMC_SCHEMA(naming = PascalCase) music {")) << h;
  EXPECT_TRUE(has(h, "struct ORMC_TABLE() InvoiceLine {")) << h;
  EXPECT_TRUE(has(h, "  ORMC_ID(assigned) std::int32_t invoice_id = 0;\n")) << h;
  EXPECT_TRUE(has(h, "  std::int32_t line_number = 0;\n")) << h;
  // PascalCase derives HttpCode from http_code: the column says its own name.
  EXPECT_TRUE(has(h, "  ORMC_COLUMN(name = \"HTTPCode\") std::int32_t http_code = 0;\n")) << h;

  s.tables[0].name = "invoice_line";
  s.tables[0].columns = {column("invoice_id", "integer", true, 1), column("line", "integer")};
  h = writeHeader(s, {"music"}).text;
  EXPECT_TRUE(has(h, "namespace music {")) << h; // ormc's default rule: no ORMC_SCHEMA
  EXPECT_TRUE(has(h, "struct ORMC_TABLE() InvoiceLine {")) << h;
}

TEST(ImportedHeader, NamesThatAreNoIdentifiersOrCollideGetMembersOfTheirOwn) {
  ImportedSchema s;
  s.dialect = Dialect::sqlite;
  ImportedTable t;
  t.name = "select";
  t.columns = {column("id", "INTEGER", true, 1), column("class", "TEXT"), column("2nd", "TEXT"),
               column("UserId", "INTEGER"), column("user_id", "INTEGER")};
  s.tables = {t};
  std::string h = writeHeader(s, {"db"}).text;
  EXPECT_TRUE(has(h, "struct ORMC_TABLE() Select {")) << h;
  EXPECT_TRUE(has(h, "ORMC_COLUMN(name = \"class\") std::string class_;")) << h;
  EXPECT_TRUE(has(h, "ORMC_COLUMN(name = \"2nd\") std::string c_2nd;")) << h;
  EXPECT_TRUE(has(h, "ORMC_COLUMN(name = \"UserId\") std::int64_t user_id = 0;")) << h;
  EXPECT_TRUE(has(h, "ORMC_COLUMN(name = \"user_id\") std::int64_t user_id_2 = 0;")) << h;
}

TEST(ImportedHeader, KeysAreTheDatabasesTheirSequencesOrTheApplications) {
  ImportedSchema s;
  s.dialect = Dialect::postgresql;
  ImportedTable identity, sequence, assigned, text;
  identity.name = "a";
  identity.columns = {column("id", "bigint", true, 1)};
  identity.columns[0].assignedBy = "identity";
  sequence.name = "b";
  sequence.columns = {column("id", "integer", true, 1)};
  sequence.columns[0].defaultExpression = "nextval('sales.\"Genre\"\"Seq\"'::regclass)";
  assigned.name = "c";
  assigned.columns = {column("id", "integer", true, 1)};
  text.name = "d";
  text.columns = {column("code", "text", true, 1)};
  s.tables = {identity, sequence, assigned, text};
  std::string h = writeHeader(s, {"db"}).text;
  EXPECT_TRUE(has(h, "  ORMC_ID() std::int64_t id = 0;")) << h;
  EXPECT_TRUE(has(h, "  ORMC_ID(sequence = \"Genre\\\"Seq\") std::int32_t id = 0;")) << h;
  EXPECT_TRUE(has(h, "  ORMC_ID(assigned) std::int32_t id = 0;")) << h;
  EXPECT_TRUE(has(h, "  ORMC_ID() std::string code;")) << h;
}

TEST(ImportedHeader, LiteralDefaultsAreKeptAndExpressionsNamedInAComment) {
  ImportedSchema s;
  s.dialect = Dialect::postgresql;
  ImportedTable t;
  t.name = "t";
  t.columns = {column("id", "integer", true, 1), column("n", "integer"), column("s", "text"),
               column("d", "numeric(10,2)"), column("at", "timestamp with time zone")};
  t.columns[1].defaultExpression = "'-1'::integer";
  t.columns[2].defaultExpression = "'a \\ ''b'''::character varying";
  t.columns[3].defaultExpression = "0.50";
  t.columns[4].defaultExpression = "now()";
  s.tables = {t};
  ImportedHeader out = writeHeader(s, {"db"});
  EXPECT_TRUE(has(out.text, "ORMC_COLUMN(default = -1) std::int32_t n = 0;")) << out.text;
  EXPECT_TRUE(has(out.text, "ORMC_COLUMN(default = \"a \\\\ 'b'\") std::string s;")) << out.text;
  EXPECT_TRUE(has(out.text, "ORMC_COLUMN(default = 0.50) ormc::decimal<10, 2> d;")) << out.text;
  EXPECT_TRUE(has(out.text, "  // DEFAULT now() in the database: not imported")) << out.text;
  ASSERT_EQ(out.warnings.size(), 1u);
  EXPECT_EQ(out.warnings[0], "table \"t\", column \"at\": DEFAULT now() in the database: not "
                             "imported (ormc's inserts write every column)");
}

TEST(ImportedHeader, WhatOrmcCannotSayIsLeftOutWithAWarning) {
  ImportedSchema s;
  s.dialect = Dialect::sqlite;
  ImportedTable log, parent, child;
  log.name = "log";
  log.columns = {column("at", "TEXT")};
  parent.name = "parent";
  parent.columns = {column("a", "INTEGER", true, 1), column("b", "INTEGER", true, 2)};
  child.name = "child";
  child.columns = {column("id", "INTEGER", true, 1), column("a", "INTEGER"), column("b", "TEXT"),
                   column("elsewhere", "INTEGER")};
  child.foreignKeys = {{{"a", "b"}, "parent", {"a", "b"}, "NO ACTION", "NO ACTION"},
                       {{"elsewhere"}, "missing", {}, "NO ACTION", "NO ACTION"}};
  s.tables = {log, parent, child};
  ImportedHeader out = writeHeader(s, {"db"});
  EXPECT_FALSE(has(out.text, "struct ORMC_TABLE() Log")) << out.text;
  EXPECT_FALSE(has(out.text, "ORMC_BELONGS_TO")) << out.text;
  EXPECT_FALSE(has(out.text, "ORMC_REFERENCES")) << out.text;
  ASSERT_EQ(out.warnings.size(), 3u);
  EXPECT_EQ(out.warnings[0], "table \"log\" has no primary key: not imported (ormc reads, "
                             "updates and removes rows by their key; give the table one)");
  EXPECT_EQ(out.warnings[1], "table \"child\": the foreign key over \"a\", \"b\" to \"parent\": "
                             "of other types than the key it references");
  EXPECT_TRUE(has(out.warnings[2], "references \"missing\" (its key): a table not imported"));
}

TEST(ImportedHeader, AForeignKeyOverSeveralColumnsNamesItsMembersInTheKeysOrder) {
  ImportedSchema s;
  s.dialect = Dialect::postgresql;
  ImportedTable parent, child, other;
  parent.name = "parent";
  parent.columns = {column("a", "integer", true, 1), column("b", "text", true, 2)};
  child.name = "child";
  child.columns = {column("id", "integer", true, 1), column("x", "text"), column("y", "integer")};
  // Written in another order than the key's: (x, y) → (b, a) is y for a, x for b.
  child.foreignKeys = {{{"x", "y"}, "parent", {"b", "a"}, "CASCADE", "NO ACTION"}};
  child.indexes = {{"child_y_x", false, false, false, {"y", "x"}, false}};
  other.name = "other";
  other.columns = {column("id", "integer", true, 1), column("a", "integer"), column("b", "text")};
  other.foreignKeys = {{{"a", "b"}, "parent", {}, "NO ACTION", "NO ACTION"},
                       {{"a", "b"}, "parent", {"a", "c"}, "NO ACTION", "NO ACTION"}};
  s.tables = {parent, child, other};
  ImportedHeader out = writeHeader(s, {"db"});
  // An index over the columns in any order serves it: no index = false.
  EXPECT_TRUE(has(out.text, "ORMC_REFERENCES(Parent, y, x, on_delete = cascade) Child {"))
      << out.text;
  // The key by default; two to one table name their ways apart.
  EXPECT_TRUE(has(out.text, "ORMC_REFERENCES(Parent, a, b, name = parent_by_a_b, inverse = "
                            "others_by_a_b, index = false) Other {"))
      << out.text;
  ASSERT_EQ(out.warnings.size(), 1u) << out.text;
  EXPECT_EQ(out.warnings[0], "table \"other\": the foreign key over \"a\", \"b\" to \"parent\": "
                             "not the key of that table, which ormc:references references");
}

} // namespace
} // namespace ormc::importer
