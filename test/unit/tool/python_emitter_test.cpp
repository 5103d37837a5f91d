// The Python target on IR built by hand: names Python would not take, enums stored as text,
// JSON's null beside SQL NULL, and SQL that psycopg binds by name. The end-to-end test
// (test/polyglot) runs the module against both databases; these pin what the emitter decides.
#include "diff_fixtures.hpp"
#include "emit/python/PythonEmitter.h"

#include <gtest/gtest.h>
#include <string>

namespace ormc::emit {
namespace {
using migrate::fixtures::column;

ir::Model model(const std::string& qualified, const std::string& table) {
  ir::Model m;
  m.qualifiedName = qualified;
  m.name = qualified.substr(qualified.rfind(':') + 1);
  m.table = table;
  m.accessor = table + "s";
  ir::Column id = column("id", ir::TypeKind::Int64);
  id.primaryKey = id.autoIncrement = true;
  m.columns = {id};
  return m;
}

std::string modelsModule(const ir::Schema& schema) {
  return emitPython(schema, "app").at("app_models.py");
}

bool has(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

TEST(PythonEmitter, WritesTheModelsModuleAndTheDataAccessModule) {
  ir::Schema schema;
  schema.models = {model("shop::Order", "order")};
  auto files = emitPython(schema, "app");
  ASSERT_EQ(files.size(), 2u);
  EXPECT_TRUE(has(files.at("ormc_data.py"), "class Database:"));
  EXPECT_TRUE(has(files.at("app_models.py"), "class Order:"));
  EXPECT_TRUE(has(files.at("app_models.py"), "self.orders: _ormc.Table[Order]"));
}

TEST(PythonEmitter, PythonKeywordsGetATrailingUnderscore) {
  EXPECT_EQ(pythonIdentifier("from"), "from_");
  EXPECT_EQ(pythonIdentifier("None"), "None_");
  EXPECT_EQ(pythonIdentifier("lambda"), "lambda_");
  EXPECT_EQ(pythonIdentifier("match"), "match"); // a soft keyword is a name
  EXPECT_EQ(pythonIdentifier("select"), "select");
  ir::Schema schema;
  schema.models = {model("app::Flight", "flight")};
  schema.models[0].columns.push_back(column("from", ir::TypeKind::String));
  const std::string py = modelsModule(schema);
  EXPECT_TRUE(has(py, "    from_: str = ''\n")) << py;
  EXPECT_TRUE(has(py, "_ormc.Column('from_', 'from', _ormc.Text())")) << py;
}

TEST(PythonEmitter, TwoModelsOfOneNameInDifferentNamespacesKeepTheirNamespaces) {
  ir::Schema schema;
  schema.models = {model("billing::Account", "billing_account"),
                   model("crm::Account", "crm_account"), model("crm::Lead", "lead")};
  const std::string py = modelsModule(schema);
  EXPECT_TRUE(has(py, "class billing_Account:")) << py;
  EXPECT_TRUE(has(py, "class crm_Account:")) << py;
  EXPECT_TRUE(has(py, "class Lead:")) << py;
}

TEST(PythonEmitter, NamesTheModuleUsesItselfAreLeftToIt) {
  ir::Schema schema;
  schema.models = {model("app::Models", "models"), model("app::Transaction", "transaction")};
  schema.models[1].accessor = "transaction";
  const std::string py = modelsModule(schema);
  EXPECT_TRUE(has(py, "class Models_:")) << py;
  EXPECT_TRUE(has(py, "class Models(_ormc.Database):")) << py;
  EXPECT_TRUE(has(py, "self.transaction_: _ormc.Table[Transaction]")) << py;
}

TEST(PythonEmitter, SqlIsAPythonLiteralAndBindsByNameOnPostgresql) {
  ir::Schema schema;
  schema.models = {model("app::Odd", "it's \\ 100%")};
  const std::string py = modelsModule(schema);
  // SQLite's text as the SQL layer wrote it; PostgreSQL's with $N as %(pN)s and % doubled.
  EXPECT_TRUE(has(py, R"(select_by_key='SELECT "id" FROM "it\'s \\ 100%" WHERE "id" = ?1')")) << py;
  EXPECT_TRUE(has(py, R"(select_by_key='SELECT "id" FROM "it\'s \\ 100%%" WHERE "id" = %(p1)s')"))
      << py;
  EXPECT_TRUE(has(py, "returns_key=True")) << py; // PostgreSQL's INSERT ... RETURNING
}

TEST(PythonEmitter, EnumsStoredAsTextAreEnumClassesAndJsonNullIsNotNull) {
  ir::Schema schema;
  schema.models = {model("app::Ticket", "ticket")};
  ir::Column priority = column("priority", ir::TypeKind::Int8);
  priority.type.enumType = "::app::Priority";
  priority.type.enumerators = {"low", "None"};
  ir::Column escalated = priority;
  escalated.member = escalated.name = "escalated";
  escalated.nullable = true;
  ir::Column level = column("level", ir::TypeKind::Int16); // an enum stored as its integer
  level.type.enumType = "::app::Level";
  schema.models[0].columns.insert(schema.models[0].columns.end(),
                                  {priority, escalated, level,
                                   column("doc", ir::TypeKind::Json, true),
                                   column("body", ir::TypeKind::Json)});
  const std::string py = modelsModule(schema);
  EXPECT_TRUE(has(py, "class Priority(enum.Enum):\n    \"\"\"app::Priority")) << py;
  EXPECT_TRUE(has(py, "    None_ = 'None'\n")) << py;
  EXPECT_TRUE(has(py, "    priority: Priority = Priority.low\n")) << py;
  EXPECT_TRUE(has(py, "    escalated: Optional[Priority] = None\n")) << py;
  EXPECT_TRUE(has(py, "    level: int = 0\n")) << py;
  EXPECT_TRUE(has(py, "_ormc.Nullable(_ormc.TextEnum(Priority))")) << py;
  EXPECT_TRUE(has(py, "'doc', _ormc.Nullable(_ormc.Json(nullable=True))")) << py;
  EXPECT_TRUE(has(py, "'body', _ormc.Json())")) << py;
  EXPECT_EQ(py.find("class Priority", py.find("class Priority") + 1), std::string::npos)
      << "one class per enum";
}

TEST(PythonEmitter, DurationsFinerThanAMicrosecondAreCounts) {
  ir::Schema schema;
  schema.models = {model("app::Job", "job")};
  ir::Column millis = column("timeout", ir::TypeKind::Duration);
  millis.type.period = "1/1000";
  ir::Column nanos = column("spent", ir::TypeKind::Duration);
  nanos.type.period = "1/1000000000";
  schema.models[0].columns.insert(schema.models[0].columns.end(), {millis, nanos});
  const std::string py = modelsModule(schema);
  EXPECT_TRUE(has(py, "    timeout: datetime.timedelta = datetime.timedelta(0)\n")) << py;
  EXPECT_TRUE(has(py, "    spent: int = 0\n")) << py;
  EXPECT_TRUE(has(py, "_ormc.Duration(1, 1000000000)")) << py;
}

} // namespace
} // namespace ormc::emit
