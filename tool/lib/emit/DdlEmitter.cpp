#include "emit/DdlEmitter.h"

#include "emit/Printer.h"
#include "emit/SqlSchema.h"
#include "emit/Version.h"
#include "ir/Identifiers.h"

#include <algorithm>
#include <functional>
#include <set>

namespace ormc::emit {
namespace {
/// Whether an index already starts with `column`, so a foreign key needs no index of its own.
/// Whether `columns` lead `index`, in any order (a lookup on all of them can use it).
bool leads(const std::vector<std::string>& index, const std::vector<std::string>& columns) {
  if (index.size() < columns.size()) return false;
  std::vector<std::string> lead(index.begin(), index.begin() + columns.size());
  std::vector<std::string> wanted = columns;
  std::sort(lead.begin(), lead.end());
  std::sort(wanted.begin(), wanted.end());
  return lead == wanted;
}

/// Whether an index of the table already serves lookups on a foreign key's columns.
bool covered(const ir::Model& m, const ir::Reference& ref) {
  std::vector<std::string> columns;
  for (const ir::Column* c : ref.columns)
    columns.push_back(c->name);
  if (columns.size() == 1 && (ref.columns.front()->unique || ref.columns.front()->indexed))
    return true;
  std::vector<std::string> key;
  for (const ir::Column* k : m.keyColumns())
    key.push_back(k->name);
  if (leads(key, columns)) return true; // a composite key's later columns need their own
  for (const ir::Index& index : m.indexes)
    if (leads(index.columns, columns)) return true;
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
  std::vector<ir::Reference> references = m.references();
  for (const ir::Reference& ref : references)
    if (!ddl.deferred.count({&m, ref.key}))
      table.foreign_keys.push_back(foreignKey(schema, m, ref));
  auto addIndex = [&](const std::vector<const ir::Column*>& columns) {
    sql::Index index{"idx_" + m.table, {}, "", ""};
    for (const ir::Column* c : columns) {
      index.name += "_" + c->name;
      index.columns.push_back(c->name);
    }
    index.name = ir::generatedIdentifier(index.name);
    for (const sql::Index& existing : table.indexes)
      if (existing.columns == index.columns) return;
    table.indexes.push_back(std::move(index));
  };
  for (const ir::Column& c : m.columns) {
    bool leadsKey = c.primaryKey && m.keyColumns().front() == &c;
    if (c.indexed && !c.unique && !leadsKey) addIndex({&c});
    if (c.references && c.references->indexed && !covered(m, {{&c}, &*c.references, false}))
      addIndex({&c});
  }
  for (const ir::Reference& ref : references)
    if (ref.onStruct && ref.key->indexed && !covered(m, ref)) addIndex(ref.columns);
  // Every statement on a table of tenants' rows compares its ormc:tenant column: an index for
  // it, unless the key, a unique constraint or an index already leads with it.
  if (const ir::Column* tenant = m.withRole(ir::ColumnRole::Tenant)) {
    if (!covered(m, {{tenant}, nullptr, false})) addIndex({tenant});
    if (tenant->rowSecurity)
      table.tenant_policy = sql::TenantPolicy{tenant->name, ir::isInteger(tenant->type.kind)};
  }
  for (const ir::Index& index : m.indexes)
    if (!index.unique)
      table.indexes.push_back({index.name, index.columns, index.method, index.opclass});
  if (m.partitioning.method != ir::Partitioning::Method::None)
    if (const ir::Column* key = m.column(m.partitioning.member)) {
      using Method = sql::Partitioning::Method;
      Method method = m.partitioning.method == ir::Partitioning::Method::Range  ? Method::range
                      : m.partitioning.method == ir::Partitioning::Method::List ? Method::list
                                                                                : Method::hash;
      table.partition_by = sql::Partitioning{method, key->name};
    }
  return table;
}

sql::CreatePartition listPartition(const ir::Model& m,
                                   const ir::Partitioning::ListPartition& list) {
  sql::CreatePartition out{
      tableName(m), m.table + "_" + list.name, sql::CreatePartition::Kind::list, 0, 0, {}};
  const ir::Column* key = m.column(m.partitioning.member);
  bool number = key && ir::isInteger(key->type.kind) && key->type.enumerators.empty();
  for (const std::string& value : list.values)
    out.values.push_back({number ? sql::Literal::Kind::number : sql::Literal::Kind::text, value});
  return out;
}

std::vector<std::string> partitionStatements(const ir::Model& m, const sql::Renderer& d) {
  std::vector<std::string> out;
  auto add = [&](std::string statement) {
    if (!statement.empty()) out.push_back(std::move(statement));
  };
  const ir::Partitioning& p = m.partitioning;
  switch (p.method) {
  case ir::Partitioning::Method::None:
    break;
  case ir::Partitioning::Method::Hash:
    for (int i = 0; i < p.partitions; ++i)
      add(d.render(sql::CreatePartition{tableName(m),
                                        m.table + "_p" + std::to_string(i),
                                        sql::CreatePartition::Kind::hash,
                                        p.partitions,
                                        i,
                                        {}}));
    break;
  case ir::Partitioning::Method::List:
    for (const ir::Partitioning::ListPartition& list : p.lists)
      add(d.render(listPartition(m, list)));
    add(d.render(sql::CreatePartition{
        tableName(m), m.table + "_default", sql::CreatePartition::Kind::default_values, 0, 0, {}}));
    break;
  case ir::Partitioning::Method::Range:
    add(d.render(sql::CreateTimePartitions{tableName(m), p.interval, "", "", p.ahead}));
    break;
  }
  return out;
}

std::string joinTableName(const ir::Model& owner, const ir::ManyToMany& rel,
                          const sql::Renderer& dialect) {
  return dialect.table_name(joinTable(owner, rel));
}

std::vector<const ir::Model*> distributionOrder(const ir::Schema& schema,
                                                const std::vector<const ir::Model*>& models) {
  std::vector<const ir::Model*> out;
  std::set<const ir::Model*> placed;
  std::set<const ir::Model*> wanted;
  for (const ir::Model* m : models)
    if (m->distribution.kind != ir::Distribution::Kind::Local) wanted.insert(m);
  // Creation order already puts referenced tables first; a colocated-with table goes before
  // the tables that share its shards. The validator refuses colocation cycles.
  std::function<void(const ir::Model*, std::size_t)> place = [&](const ir::Model* m,
                                                                 std::size_t depth) {
    if (!wanted.count(m) || placed.count(m) || depth > models.size()) return;
    if (const ir::Model* with = schema.find(m->distribution.colocateModel)) place(with, depth + 1);
    if (placed.insert(m).second) out.push_back(m);
  };
  for (const ir::Model* m : models)
    place(m, 0);
  return out;
}

sql::DistributeTable distributeTable(const ir::Schema& schema, const ir::Model& m) {
  sql::DistributeTable out{tableName(m), "", std::nullopt};
  if (m.distribution.kind != ir::Distribution::Kind::Distributed) return out;
  if (const ir::Column* c = m.column(m.distribution.member)) out.column = c->name;
  if (const ir::Model* with = schema.find(m.distribution.colocateModel))
    out.colocate_with = tableName(*with);
  return out;
}

SchemaDdl schemaDdl(const ir::Schema& schema, const sql::Renderer& d) {
  SchemaDdl ddl;
  ddl.order = creationOrder(schema);
  if (!d.references_later_tables()) ddl.deferred = ddl.order.deferred;
  bool pgvector = false;
  for (const ir::Model& m : schema.models)
    for (const ir::Column& c : m.columns)
      pgvector = pgvector || c.storage == ir::Storage::PgVector;
  if (std::string extension = pgvector ? d.create_extension("vector") : ""; !extension.empty())
    ddl.start.push_back(std::move(extension));
  for (const ir::Model* m : distributionOrder(schema, ddl.order.models))
    if (std::string statement = d.render(distributeTable(schema, *m)); !statement.empty())
      ddl.distribute.push_back(std::move(statement));
  for (const ir::Model* m : ddl.order.models)
    for (const ir::ManyToMany& rel : m->manyToMany)
      if (!rel.table.empty())
        for (std::string& statement : joinTableStatements(schema, *m, rel, d))
          ddl.finish.push_back(std::move(statement));
  for (const ir::Model* m : ddl.order.models)
    for (const ir::Reference& ref : m->references())
      if (ddl.deferred.count({m, ref.key}))
        ddl.finish.push_back(
            d.render(sql::AddForeignKey{tableName(*m), foreignKey(schema, *m, ref)}));

  if (std::string defer = d.defer_foreign_keys(); !defer.empty()) ddl.drop.push_back(defer);
  for (const ir::Model* m : ddl.order.models)
    for (const ir::Reference& ref : m->references())
      if (ddl.deferred.count({m, ref.key}))
        ddl.drop.push_back(d.render(sql::DropForeignKey{tableName(*m), foreignKeyName(*m, ref)}));
  for (auto it = ddl.order.models.rbegin(); it != ddl.order.models.rend(); ++it)
    for (const ir::ManyToMany& rel : (*it)->manyToMany)
      if (!rel.table.empty()) ddl.drop.push_back(d.render(sql::DropTable{joinTable(**it, rel)}));
  for (auto it = ddl.order.models.rbegin(); it != ddl.order.models.rend(); ++it)
    if ((*it)->versioned) {
      for (std::string& statement : d.drop_history_triggers(tableName(**it)))
        ddl.drop.push_back(std::move(statement));
      ddl.drop.push_back(d.render(sql::DropTable{sql::history_table(tableName(**it))}));
    }
  for (auto it = ddl.order.models.rbegin(); it != ddl.order.models.rend(); ++it)
    ddl.drop.push_back(d.render(sql::DropTable{tableName(**it)}));
  return ddl;
}

std::vector<std::string> createTableStatements(const ir::Schema& schema, const ir::Model& m,
                                               const sql::Renderer& dialect, const SchemaDdl& ddl) {
  sql::CreateTable table = describeTable(schema, m, ddl);
  std::vector<std::string> statements = dialect.render(table);
  for (std::string& statement : partitionStatements(m, dialect))
    statements.push_back(std::move(statement));
  if (m.versioned)
    for (std::string& statement : dialect.render(sql::CreateHistory{std::move(table)}))
      statements.push_back(std::move(statement));
  return statements;
}

std::string emitSchemaSql(const ir::Schema& schema, const sql::Renderer& dialect) {
  SchemaDdl ddl = schemaDdl(schema, dialect);
  Printer p;
  p.print("-- Generated by ormc $version$ for $dialect$. Do not edit: rerun ormc instead.\n",
          {{"version", kOrmcVersion}, {"dialect", dialect.name()}});
  if (std::string setup = dialect.script_preamble(); !setup.empty())
    p.print("$s$;\n", {{"s", setup}});
  for (const std::string& statement : ddl.start)
    p.print("$s$;\n", {{"s", statement}});
  for (const ir::Model* m : ddl.order.models) {
    p.print("\n");
    for (const std::string& statement : createTableStatements(schema, *m, dialect, ddl))
      p.print("$s$;\n", {{"s", statement}});
  }
  if (!ddl.distribute.empty()) p.print("\n");
  for (const std::string& statement : ddl.distribute)
    p.print("$s$;\n", {{"s", statement}});
  if (!ddl.finish.empty()) p.print("\n");
  for (const std::string& statement : ddl.finish)
    p.print("$s$;\n", {{"s", statement}});
  return p.take();
}

} // namespace ormc::emit
