#include "emit/DdlEmitter.h"

#include "emit/Printer.h"
#include "emit/Version.h"
#include "ir/Identifiers.h"

namespace ormc::emit {
namespace {
/// A comment kept on one line, so it cannot end the SQL comment it sits in early.
std::string oneLine(std::string text) {
  for (char& c : text)
    if (c == '\n' || c == '\r') c = ' ';
  return text;
}

const char* actionSql(ir::ReferentialAction action) {
  switch (action) {
  case ir::ReferentialAction::NoAction:
    return "NO ACTION";
  case ir::ReferentialAction::Restrict:
    return "RESTRICT";
  case ir::ReferentialAction::Cascade:
    return "CASCADE";
  case ir::ReferentialAction::SetNull:
    return "SET NULL";
  case ir::ReferentialAction::SetDefault:
    return "SET DEFAULT";
  }
  return "NO ACTION";
}

std::string columnList(const std::vector<std::string>& columns) {
  std::string out;
  for (const std::string& c : columns)
    out += (out.empty() ? "" : ", ") + quoteIdentifier(c);
  return out;
}

/// `CONSTRAINT "fk_post_author_id" FOREIGN KEY ("author_id") REFERENCES "user" ("id") ...`
std::string foreignKeyClause(const ir::Schema& schema, const ir::Model& m, const ir::Column& c,
                             const SqlDialect& d) {
  const ir::ForeignKey& fk = *c.references;
  const ir::Model& target = *schema.find(fk.targetModel);
  std::string out = "CONSTRAINT " +
                    quoteIdentifier(ir::generatedIdentifier("fk_" + m.table + "_" + c.name)) +
                    " FOREIGN KEY (" + quoteIdentifier(c.name) + ") REFERENCES " +
                    d.tableName(target) + " (" + quoteIdentifier(target.primaryKey()->name) + ")";
  if (fk.onDelete != ir::ReferentialAction::NoAction)
    out += std::string(" ON DELETE ") + actionSql(fk.onDelete);
  if (fk.onUpdate != ir::ReferentialAction::NoAction)
    out += std::string(" ON UPDATE ") + actionSql(fk.onUpdate);
  return out;
}

/// The CHECKs that back the generated code's validation, for rows other writers store.
std::vector<std::string> validationChecks(const ir::Column& c, const SqlDialect& d) {
  std::vector<std::string> out;
  std::string column = quoteIdentifier(c.name);
  if (c.min) out.push_back(column + " >= " + *c.min);
  if (c.max) out.push_back(column + " <= " + *c.max);
  if (c.notEmpty) out.push_back(d.lengthFunction(c.type.kind) + "(" + column + ") > 0");
  if (!c.check.empty()) out.push_back(c.check);
  return out;
}

/// Whether an index already starts with `column`, so a foreign key needs no index of its own.
bool covered(const ir::Model& m, const ir::Column& c) {
  if (c.primaryKey || c.unique || c.indexed) return true;
  for (const ir::Index& index : m.indexes)
    if (index.columns.front() == c.name) return true;
  return false;
}

std::string createIndex(const std::string& name, const std::string& table,
                        const std::vector<std::string>& columns, bool unique,
                        const std::string& method, const std::string& opclass,
                        const SqlDialect& d) {
  std::string out = std::string("CREATE ") + (unique ? "UNIQUE " : "") + "INDEX IF NOT EXISTS " +
                    quoteIdentifier(name) + " ON " + table;
  bool methods = d.hasIndexMethods();
  if (methods && !method.empty()) out += " USING " + method;
  out += " (";
  for (std::size_t i = 0; i < columns.size(); ++i)
    out += (i ? ", " : "") + quoteIdentifier(columns[i]) +
           (methods && !opclass.empty() ? " " + opclass : "");
  return out + ")";
}

/// A generated many-to-many join table: both keys, a composite primary key, foreign keys that
/// cascade, and an index for the way back.
std::vector<std::string> joinTableStatements(const ir::Schema& schema, const ir::Model& m,
                                             const ir::ManyToMany& rel, const SqlDialect& d) {
  const ir::Model& target = *schema.find(rel.targetModel);
  std::string table = joinTableName(m, rel, d);
  auto keyColumn = [](const ir::Column& key, const std::string& name) {
    ir::Column c = key;
    c.name = name;
    c.primaryKey = c.autoIncrement = c.unique = c.indexed = c.generatedUuid = false;
    c.defaultValue.reset();
    c.check.clear();
    c.min.reset();
    c.max.reset();
    c.notEmpty = false;
    c.references.reset();
    return c;
  };
  ir::Column source = keyColumn(*m.primaryKey(), rel.sourceColumn);
  ir::Column other = keyColumn(*target.primaryKey(), rel.targetColumn);
  Printer p;
  p.print("CREATE TABLE IF NOT EXISTS $table$ (\n", {{"table", table}});
  p.indent();
  p.print("$c$ $def$,\n",
          {{"c", quoteIdentifier(source.name)}, {"def", d.columnDefinition(source)}});
  p.print("$c$ $def$,\n", {{"c", quoteIdentifier(other.name)}, {"def", d.columnDefinition(other)}});
  p.print("CONSTRAINT $pk$ PRIMARY KEY ($a$, $b$),\n",
          {{"pk", quoteIdentifier(ir::generatedIdentifier("pk_" + rel.table))},
           {"a", quoteIdentifier(source.name)},
           {"b", quoteIdentifier(other.name)}});
  auto fk = [&](const ir::Column& c, const ir::Model& to) {
    return "CONSTRAINT " +
           quoteIdentifier(ir::generatedIdentifier("fk_" + rel.table + "_" + c.name)) +
           " FOREIGN KEY (" + quoteIdentifier(c.name) + ") REFERENCES " + d.tableName(to) + " (" +
           quoteIdentifier(to.primaryKey()->name) + ") ON DELETE CASCADE";
  };
  p.print("$fk$,\n", {{"fk", fk(source, m)}});
  p.print("$fk$\n", {{"fk", fk(other, target)}});
  p.outdent();
  p.print(")$options$", {{"options", d.tableOptions()}});
  return {p.take(), createIndex(ir::generatedIdentifier("idx_" + rel.table + "_" + other.name),
                                table, {other.name}, false, "", "", d)};
}

} // namespace

std::string joinTableName(const ir::Model& owner, const ir::ManyToMany& rel,
                          const SqlDialect& dialect) {
  ir::Model join;
  join.table = rel.table;
  join.schema = owner.schema;
  return dialect.tableName(join);
}

SchemaDdl schemaDdl(const ir::Schema& schema, const SqlDialect& d) {
  SchemaDdl ddl;
  ddl.order = creationOrder(schema);
  if (!d.referencesLaterTables()) ddl.deferred = ddl.order.deferred;
  for (const ir::Model* m : ddl.order.models)
    for (const ir::ManyToMany& rel : m->manyToMany)
      if (!rel.table.empty())
        for (std::string& statement : joinTableStatements(schema, *m, rel, d))
          ddl.finish.push_back(std::move(statement));
  for (const ir::Model* m : ddl.order.models)
    for (const ir::Column& c : m->columns)
      if (ddl.deferred.count({m, &c}))
        // Idempotent like CREATE TABLE IF NOT EXISTS: a second run finds the constraint.
        ddl.finish.push_back("DO $$ BEGIN\n  ALTER TABLE " + d.tableName(*m) + " ADD " +
                             foreignKeyClause(schema, *m, c, d) +
                             ";\nEXCEPTION WHEN duplicate_object THEN NULL;\nEND $$");

  for (const ir::Model* m : ddl.order.models)
    for (const ir::Column& c : m->columns)
      if (ddl.deferred.count({m, &c}))
        ddl.drop.push_back(
            "ALTER TABLE IF EXISTS " + d.tableName(*m) + " DROP CONSTRAINT IF EXISTS " +
            quoteIdentifier(ir::generatedIdentifier("fk_" + m->table + "_" + c.name)));
  for (auto it = ddl.order.models.rbegin(); it != ddl.order.models.rend(); ++it)
    for (const ir::ManyToMany& rel : (*it)->manyToMany)
      if (!rel.table.empty())
        ddl.drop.push_back("DROP TABLE IF EXISTS " + joinTableName(**it, rel, d));
  for (auto it = ddl.order.models.rbegin(); it != ddl.order.models.rend(); ++it)
    ddl.drop.push_back("DROP TABLE IF EXISTS " + d.tableName(**it));
  return ddl;
}

std::vector<std::string> createTableStatements(const ir::Schema& schema, const ir::Model& m,
                                               const SqlDialect& dialect, const SchemaDdl& ddl) {
  std::string table = dialect.tableName(m);
  bool commentStatements = dialect.commentsAsStatements();
  std::vector<std::string> statements;
  if (!m.schema.empty() && dialect.tableName(m) != quoteIdentifier(m.table))
    statements.push_back("CREATE SCHEMA IF NOT EXISTS " + quoteIdentifier(m.schema));

  // Everything between the parentheses, each with the comment that goes after it.
  std::vector<std::pair<std::string, std::string>> items;
  for (const ir::Column& c : m.columns) {
    std::string item = quoteIdentifier(c.name) + " " + dialect.columnDefinition(c);
    if (c.unique && !c.primaryKey)
      item += " CONSTRAINT " +
              quoteIdentifier(ir::generatedIdentifier("uq_" + m.table + "_" + c.name)) + " UNIQUE";
    std::vector<std::string> checks = validationChecks(c, dialect);
    if (!checks.empty()) {
      item += " CONSTRAINT " +
              quoteIdentifier(ir::generatedIdentifier("ck_" + m.table + "_" + c.name)) + " CHECK (";
      for (std::size_t i = 0; i < checks.size(); ++i)
        item += (i ? " AND " : "") + (checks.size() > 1 ? "(" + checks[i] + ")" : checks[i]);
      item += ")";
    }
    items.push_back({item, commentStatements ? "" : c.comment});
  }
  for (const ir::Index& index : m.indexes)
    if (index.unique)
      items.push_back({"CONSTRAINT " + quoteIdentifier(index.name) + " UNIQUE (" +
                           columnList(index.columns) + ")",
                       ""});
  for (std::size_t i = 0; i < m.checks.size(); ++i)
    items.push_back({"CONSTRAINT " +
                         quoteIdentifier(ir::generatedIdentifier(
                             "ck_" + m.table + (i ? "_" + std::to_string(i + 1) : ""))) +
                         " CHECK (" + m.checks[i] + ")",
                     ""});
  for (const ir::Column& c : m.columns)
    if (c.references && !ddl.deferred.count({&m, &c}))
      items.push_back({foreignKeyClause(schema, m, c, dialect), ""});

  Printer p;
  if (!m.comment.empty() && !commentStatements)
    p.print("-- $comment$\n", {{"comment", oneLine(m.comment)}});
  p.print("CREATE TABLE IF NOT EXISTS $table$ (\n", {{"table", table}});
  p.indent();
  for (std::size_t i = 0; i < items.size(); ++i) {
    p.print("$item$", {{"item", items[i].first}});
    if (i + 1 < items.size()) p.print(",");
    if (!items[i].second.empty()) p.print(" -- $comment$", {{"comment", oneLine(items[i].second)}});
    p.print("\n");
  }
  p.outdent();
  p.print(")$options$", {{"options", dialect.tableOptions()}});
  statements.push_back(p.take());

  for (const ir::Column& c : m.columns) {
    bool wanted = (c.indexed && !c.unique && !c.primaryKey) || (c.references && !covered(m, c));
    if (wanted)
      statements.push_back(createIndex(ir::generatedIdentifier("idx_" + m.table + "_" + c.name),
                                       table, {c.name}, false, "", "", dialect));
  }
  for (const ir::Index& index : m.indexes)
    if (!index.unique)
      statements.push_back(createIndex(index.name, table, index.columns, false, index.method,
                                       index.opclass, dialect));
  if (commentStatements) {
    if (!m.comment.empty())
      statements.push_back("COMMENT ON TABLE " + table + " IS " + quoteString(m.comment));
    for (const ir::Column& c : m.columns)
      if (!c.comment.empty())
        statements.push_back("COMMENT ON COLUMN " + table + "." + quoteIdentifier(c.name) + " IS " +
                             quoteString(c.comment));
  }
  return statements;
}

std::string emitSchemaSql(const ir::Schema& schema, const SqlDialect& dialect) {
  SchemaDdl ddl = schemaDdl(schema, dialect);
  Printer p;
  p.print("-- Generated by ormc $version$ for $dialect$. Do not edit: rerun ormc instead.\n",
          {{"version", kOrmcVersion}, {"dialect", dialect.name()}});
  if (std::string setup = dialect.scriptPreamble(); !setup.empty())
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
