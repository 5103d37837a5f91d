#include "emit/DdlEmitter.h"

#include "emit/Printer.h"
#include "emit/SqlSchema.h"
#include "emit/Version.h"
#include "ir/Identifiers.h"

namespace ormc::emit {
namespace {
/// Whether an index already starts with `column`, so a foreign key needs no index of its own.
bool covered(const ir::Model& m, const ir::Column& c) {
  if (c.unique || c.indexed) return true;
  // The key's index starts with its first column: a composite key's others need their own.
  if (c.primaryKey && m.keyColumns().front() == &c) return true;
  for (const ir::Index& index : m.indexes)
    if (index.columns.front() == c.name) return true;
  return false;
}

sql::TableName joinTable(const ir::Model& owner, const ir::ManyToMany& rel) {
  return {owner.schema, rel.table};
}

} // namespace

/// A generated many-to-many join table: both keys, a composite primary key, foreign keys that
/// cascade, and an index for the way back.
std::vector<std::string> joinTableStatements(const ir::Schema& schema, const ir::Model& m,
                                             const ir::ManyToMany& rel, const sql::Renderer& d) {
  const ir::Model& target = *schema.find(rel.targetModel);
  sql::CreateTable table;
  table.table = joinTable(m, rel);
  auto keyColumn = [&](const ir::Column& key, const std::string& name, const ir::Model& to) {
    sql::ColumnDefinition c = columnDefinition(key, rel.table);
    c.name = name;
    c.primary_key = c.identity = false;
    c.default_value.reset();
    c.unique_constraint.clear();
    c.checks.clear();
    c.comment.clear();
    table.columns.push_back(c);
    sql::ForeignKey fk;
    fk.name = ir::generatedIdentifier("fk_" + rel.table + "_" + name);
    fk.columns = {name};
    fk.target = tableName(to);
    fk.target_columns = {to.primaryKey()->name};
    fk.on_delete = sql::ReferentialAction::cascade;
    table.foreign_keys.push_back(fk);
  };
  keyColumn(*m.primaryKey(), rel.sourceColumn, m);
  keyColumn(*target.primaryKey(), rel.targetColumn, target);
  table.primary_key = sql::NamedColumns{ir::generatedIdentifier("pk_" + rel.table),
                                        {rel.sourceColumn, rel.targetColumn}};
  table.indexes.push_back({ir::generatedIdentifier("idx_" + rel.table + "_" + rel.targetColumn),
                           {rel.targetColumn},
                           "",
                           ""});
  return d.render(table);
}

sql::CreateTable describeTable(const ir::Schema& schema, const ir::Model& m, const SchemaDdl& ddl) {
  sql::CreateTable table;
  table.table = tableName(m);
  table.comment = m.comment;
  for (const ir::Column& c : m.columns) {
    table.columns.push_back(columnDefinition(c, m.table));
    if (c.autoIncrement && !c.sequence.empty())
      table.columns.back().sequence = {m.schema, c.sequence};
  }
  if (m.hasCompositeKey()) { // PRIMARY KEY (a, b), as a constraint of the table
    sql::NamedColumns key{ir::generatedIdentifier("pk_" + m.table), {}};
    for (std::size_t i = 0; i < m.columns.size(); ++i)
      if (m.columns[i].primaryKey) {
        table.columns[i].primary_key = false;
        key.columns.push_back(m.columns[i].name);
      }
    table.primary_key = std::move(key);
  }
  for (const ir::Index& index : m.indexes)
    if (index.unique) table.unique.push_back({index.name, index.columns});
  for (std::size_t i = 0; i < m.checks.size(); ++i)
    table.checks.push_back(
        {ir::generatedIdentifier("ck_" + m.table + (i ? "_" + std::to_string(i + 1) : "")),
         m.checks[i]});
  for (const ir::Column& c : m.columns)
    if (c.references && !ddl.deferred.count({&m, &c}))
      table.foreign_keys.push_back(foreignKey(schema, m, c));
  for (const ir::Column& c : m.columns) {
    bool leadsKey = c.primaryKey && m.keyColumns().front() == &c;
    bool wanted = (c.indexed && !c.unique && !leadsKey) ||
                  (c.references && c.references->indexed && !covered(m, c));
    if (wanted)
      table.indexes.push_back(
          {ir::generatedIdentifier("idx_" + m.table + "_" + c.name), {c.name}, "", ""});
  }
  for (const ir::Index& index : m.indexes)
    if (!index.unique)
      table.indexes.push_back({index.name, index.columns, index.method, index.opclass});
  return table;
}

std::string joinTableName(const ir::Model& owner, const ir::ManyToMany& rel,
                          const sql::Renderer& dialect) {
  return dialect.table_name(joinTable(owner, rel));
}

SchemaDdl schemaDdl(const ir::Schema& schema, const sql::Renderer& d) {
  SchemaDdl ddl;
  ddl.order = creationOrder(schema);
  if (!d.references_later_tables()) ddl.deferred = ddl.order.deferred;
  for (const ir::Model* m : ddl.order.models)
    for (const ir::ManyToMany& rel : m->manyToMany)
      if (!rel.table.empty())
        for (std::string& statement : joinTableStatements(schema, *m, rel, d))
          ddl.finish.push_back(std::move(statement));
  for (const ir::Model* m : ddl.order.models)
    for (const ir::Column& c : m->columns)
      if (ddl.deferred.count({m, &c}))
        ddl.finish.push_back(
            d.render(sql::AddForeignKey{tableName(*m), foreignKey(schema, *m, c)}));

  if (std::string defer = d.defer_foreign_keys(); !defer.empty()) ddl.drop.push_back(defer);
  for (const ir::Model* m : ddl.order.models)
    for (const ir::Column& c : m->columns)
      if (ddl.deferred.count({m, &c}))
        ddl.drop.push_back(d.render(sql::DropForeignKey{
            tableName(*m), ir::generatedIdentifier("fk_" + m->table + "_" + c.name)}));
  for (auto it = ddl.order.models.rbegin(); it != ddl.order.models.rend(); ++it)
    for (const ir::ManyToMany& rel : (*it)->manyToMany)
      if (!rel.table.empty()) ddl.drop.push_back(d.render(sql::DropTable{joinTable(**it, rel)}));
  for (auto it = ddl.order.models.rbegin(); it != ddl.order.models.rend(); ++it)
    ddl.drop.push_back(d.render(sql::DropTable{tableName(**it)}));
  return ddl;
}

std::vector<std::string> createTableStatements(const ir::Schema& schema, const ir::Model& m,
                                               const sql::Renderer& dialect, const SchemaDdl& ddl) {
  return dialect.render(describeTable(schema, m, ddl));
}

std::string emitSchemaSql(const ir::Schema& schema, const sql::Renderer& dialect) {
  SchemaDdl ddl = schemaDdl(schema, dialect);
  Printer p;
  p.print("-- Generated by ormc $version$ for $dialect$. Do not edit: rerun ormc instead.\n",
          {{"version", kOrmcVersion}, {"dialect", dialect.name()}});
  if (std::string setup = dialect.script_preamble(); !setup.empty())
    p.print("$s$;\n", {{"s", setup}});
  for (const ir::Model* m : ddl.order.models) {
    p.print("\n");
    for (const std::string& statement : createTableStatements(schema, *m, dialect, ddl))
      p.print("$s$;\n", {{"s", statement}});
  }
  if (!ddl.finish.empty()) p.print("\n");
  for (const std::string& statement : ddl.finish)
    p.print("$s$;\n", {{"s", statement}});
  return p.take();
}

} // namespace ormc::emit
