#include "migrate/MigrationWriter.h"

#include "emit/DdlEmitter.h"
#include "emit/SqlSchema.h"
#include "emit/Version.h"
#include "ir/SchemaJson.h"

#include <ormc/sql/migration_files.hpp>
#include <set>

namespace ormc::migrate {

namespace {
const ir::Column* findColumn(const ir::Model& m, const std::string& name) {
  for (const ir::Column& c : m.columns)
    if (c.name == name) return &c;
  return nullptr;
}

/// The table rebuilt as the current model describes it, each kept column copied from its old
/// name and, where the migration changes its type or nullability, converted.
sql::RebuildTable rebuild(const ir::Schema& after, const ir::Model& m, const ir::Model& previous,
                          const SchemaDiff& diff, const emit::SchemaDdl& ddl) {
  sql::RebuildTable out;
  out.table = emit::describeTable(after, m, ddl);
  for (const ir::Column& c : m.columns) {
    const ir::Column* from = findColumn(previous, c.name);
    if (!from && !c.renamedFrom.empty()) from = findColumn(previous, c.renamedFrom);
    if (!from) continue; // new: its default
    sql::CopiedColumn copy;
    copy.column = c.name;
    copy.from = from->name;
    for (const Step& step : diff.steps)
      if (step.kind == Step::Kind::AlterColumn && step.column == &c) {
        if (step.changes.type || step.changes.nullability) copy.convert = c.convertUsing;
        if (step.changes.nullability && !c.nullable)
          copy.when_null = emit::columnDefinition(c, m.table).default_value;
      }
    out.copy.push_back(std::move(copy));
  }
  return out;
}
/// The history table rebuilt with its table (SQLite): the table's columns copied and converted
/// as the table's are, then the history's own.
sql::RebuildTable historyRebuild(const sql::RebuildTable& table) {
  sql::RebuildTable out;
  out.table = sql::history_table_definition(table.table);
  out.copy = table.copy; // a column made NOT NULL takes the same value in the versions
  for (std::string_view column : sql::HistoryColumns::all)
    out.copy.push_back({std::string(column), std::string(column), "", std::nullopt});
  return out;
}
} // namespace

std::string migrationSql(const ir::Schema& after, const SchemaDiff& diff, Dialect dialect,
                         std::int64_t version, const std::string& name, bool down) {
  const sql::Renderer& d = sql::renderer(dialect);
  emit::SchemaDdl ddl = emit::schemaDdl(after, d);
  std::vector<std::string> statements;
  auto add = [&](std::vector<std::string> more) {
    for (std::string& s : more)
      if (!s.empty()) statements.push_back(std::move(s));
  };
  auto add1 = [&](std::string s) { add({std::move(s)}); };
  std::vector<std::vector<std::string>> online;
  // A down migration has no online steps: migrate_down() removes the version's row in its
  // transaction, leaving nothing to record their progress in, and a way back is wanted whole.
  auto addChange = [&](sql::ExistingTableChange change) {
    add(std::move(change.in_transaction));
    for (auto& step : change.online_steps)
      if (down)
        add(std::move(step));
      else
        online.push_back(std::move(step));
  };
  // An index, constraint or foreign key on a table the migration did not create.
  auto addToExisting = [&](const auto& statement) {
    if (down)
      add1(d.render(statement));
    else
      addChange(d.render_on_existing(statement));
  };
  if (std::string setup = d.script_preamble(); !setup.empty()) statements.push_back(setup);
  if (std::string setup = d.migration_preamble(); !setup.empty()) statements.push_back(setup);
  // A first pgvector column (or a table with one) needs the extension that defines its type.
  auto pgvector = [](const ir::Column* c) { return c && c->storage == ir::Storage::PgVector; };
  bool needsExtension = false;
  for (const Step& step : diff.steps) {
    if (step.kind == Step::Kind::CreateTable && step.model)
      for (const ir::Column& c : step.model->columns)
        needsExtension = needsExtension || pgvector(&c);
    if (step.kind == Step::Kind::AddColumn || step.kind == Step::Kind::AlterColumn)
      needsExtension = needsExtension || pgvector(step.column);
  }
  if (needsExtension && !down)
    for (const std::string& statement : ddl.start)
      statements.push_back(statement);
  // Tables this dialect rebuilds: every step on them but a rename is the rebuild.
  std::set<const ir::Model*> rebuilt, done;
  if (!d.alters_tables())
    for (const Step& step : diff.steps)
      if (step.rebuilds) rebuilt.insert(step.model);
  std::set<const ir::Model*> created;
  std::set<const ir::Model*> redistributed; // ChangeDistribution
  // A versioned table's history follows each change of the table (sql::CreateHistory): its
  // columns change with the table's, and its triggers are written anew at the end.
  std::set<const ir::Model*> historyChanged;
  auto hadHistory = [&](const ir::Model& m) {
    auto previous = diff.previous.find(&m);
    return m.versioned && previous != diff.previous.end() && previous->second->versioned;
  };
  for (const Step& step : diff.steps) {
    const ir::Model& m = *step.model;
    sql::TableName table = emit::tableName(m);
    sql::TableName history = sql::history_table(table);
    const bool mirrored = hadHistory(m);
    // The old triggers would record the migration's own conversions with the old columns:
    // dropped before the table's first change (a renamed table's, under its old name, below).
    if (mirrored && historyChanged.insert(&m).second && step.kind != Step::Kind::RenameTable)
      add(d.drop_history_triggers(table));
    if (rebuilt.count(&m) && step.kind != Step::Kind::RenameTable &&
        step.kind != Step::Kind::StartHistory && step.kind != Step::Kind::StopHistory) {
      if (done.insert(&m).second) {
        sql::RebuildTable rebuilt = rebuild(after, m, *diff.previous.at(&m), diff, ddl);
        add(d.render(rebuilt));
        if (mirrored) add(d.render(historyRebuild(rebuilt)));
      }
      continue;
    }
    switch (step.kind) {
    case Step::Kind::CreateTable:
      add(emit::createTableStatements(after, m, d, ddl));
      created.insert(&m);
      break;
    case Step::Kind::CreateJoinTable:
      add(emit::joinTableStatements(after, m, *step.relation, d));
      break;
    case Step::Kind::RenameTable:
      if (mirrored) { // the triggers are named after the table
        sql::TableName before{m.schema, step.name};
        add(d.drop_history_triggers(before));
        add1(d.render(sql::RenameTable{sql::history_table(before), history.name}));
      }
      add1(d.render(sql::RenameTable{{m.schema, step.name}, m.table}));
      break;
    case Step::Kind::RenameConstraint:
      add(d.render(sql::RenameConstraint{table, step.name, step.constraint, step.index}));
      break;
    case Step::Kind::DropConstraint:
      add1(d.render(sql::DropConstraint{table, step.name}));
      break;
    case Step::Kind::DropForeignKey:
      add1(d.render(sql::DropForeignKey{table, step.name}));
      break;
    case Step::Kind::DropIndex:
      add1(d.render(sql::DropIndex{table, step.name}));
      break;
    case Step::Kind::AddColumn: {
      sql::ColumnDefinition column = emit::columnDefinition(*step.column, m.table);
      add(d.render(sql::AddColumn{table, column}));
      if (mirrored) add(d.render(sql::AddColumn{history, sql::history_column(column)}));
      break;
    }
    case Step::Kind::AlterColumn: {
      sql::AlterColumn alter{
          table, emit::columnDefinition(*step.previous, m.table),
          emit::columnDefinition(*step.column, m.table),
          step.changes.type || step.changes.nullability ? step.column->convertUsing : ""};
      if (step.previous->rowSecurity && step.changes.type) // AlterRowSecurity puts it back
        add(d.render(sql::RowSecurity{table, std::nullopt}));
      addChange(d.render(alter));
      if (mirrored && (step.changes.type || step.changes.nullability || step.changes.defaultValue))
        addChange(d.render(sql::AlterColumn{history, sql::history_column(alter.from),
                                            sql::history_column(alter.to), alter.convert}));
      break;
    }
    case Step::Kind::AddConstraint:
      addToExisting(sql::AddConstraint{table, step.unique, step.check});
      break;
    case Step::Kind::AddForeignKey:
      addToExisting(sql::AddForeignKey{table, *step.foreignKey});
      break;
    case Step::Kind::AlterComment:
      add1(d.render(sql::CommentOn{table, "", step.text}));
      break;
    case Step::Kind::AlterRowSecurity:
      add(d.render(sql::RowSecurity{table, emit::describeTable(after, m, ddl).tenant_policy}));
      break;
    case Step::Kind::DropColumn:
      add1(d.render(sql::DropColumn{table, step.column->name}));
      if (mirrored) add1(d.render(sql::DropColumn{history, step.column->name}));
      break;
    case Step::Kind::DropTable: // of the snapshot's model: its history goes with it
      if (!step.relation && m.versioned) add(d.drop_history_triggers(table));
      add1(d.render(
          sql::DropTable{step.relation ? sql::TableName{m.schema, step.relation->table} : table}));
      if (!step.relation && m.versioned) add1(d.render(sql::DropTable{history}));
      break;
    case Step::Kind::RenameColumn:
      add1(d.render(sql::RenameColumn{table, step.column->renamedFrom, step.column->name}));
      if (mirrored)
        add1(d.render(sql::RenameColumn{history, step.column->renamedFrom, step.column->name}));
      break;
    case Step::Kind::StartHistory: {
      sql::CreateTable described = emit::describeTable(after, m, ddl);
      add(d.render(sql::CreateHistory{described}));
      add(d.start_history(described));
      break;
    }
    case Step::Kind::StopHistory:
      add(d.drop_history_triggers(table));
      break;
    case Step::Kind::AddPartition:
      for (const ir::Partitioning::ListPartition& list : m.partitioning.lists)
        if (list.name == step.name)
          add(d.render(sql::AddListPartition{emit::listPartition(m, list),
                                             m.column(m.partitioning.member)->name}));
      break;
    case Step::Kind::DropPartition:
      add(d.render(sql::DropListPartition{table, step.name}));
      break;
    case Step::Kind::ChangeDistribution:
      redistributed.insert(&m);
      break;
    case Step::Kind::CreateIndex:
      if (created.count(&m))
        add1(d.render(sql::CreateIndex{table, *step.index}));
      else
        addToExisting(sql::CreateIndex{table, *step.index});
      break;
    }
  }
  // The triggers of each versioned table the migration changed, written for its columns now
  // (SQLite's went with a rebuilt table; PostgreSQL's function names the columns).
  for (const ir::Model* m : ddl.order.models)
    if (historyChanged.count(m)) add(d.history_triggers(emit::describeTable(after, *m, ddl), true));
  // Tables whose distribution changed are made ordinary first, each before the tables it
  // references (the engine refuses to take a table from under a foreign key); then new tables
  // and those are handed to the engine as the models describe them, referenced ones first.
  for (auto it = ddl.order.models.rbegin(); it != ddl.order.models.rend(); ++it)
    if (redistributed.count(*it) &&
        diff.previous.at(*it)->distribution.kind != ir::Distribution::Kind::Local)
      add1(d.render(sql::UndistributeTable{emit::tableName(**it)}));
  std::vector<const ir::Model*> toDistribute;
  for (const ir::Model* m : ddl.order.models)
    if (created.count(m) || redistributed.count(m)) toDistribute.push_back(m);
  for (const ir::Model* m : emit::distributionOrder(after, toDistribute))
    add1(d.render(emit::distributeTable(after, *m)));
  // Foreign keys that close a cycle among the new tables, once they all exist.
  for (const ir::Model* m : ddl.order.models)
    if (created.count(m))
      for (const ir::Reference& ref : m->references())
        if (ddl.deferred.count({m, ref.key}))
          statements.push_back(
              d.render(sql::AddForeignKey{emit::tableName(*m), emit::foreignKey(after, *m, ref)}));

  std::string out = std::string(down ? "-- ormc down migration " : "-- ormc migration ") +
                    sql::migration_file_name(version, name, d.name(), down) +
                    ", generated by ormc " + emit::kOrmcVersion +
                    ". ormc.sum records its checksum: once applied, do not edit it.\n";
  for (const std::string& s : statements)
    out += s + ";\n";
  return out + sql::online_steps_text(online);
}

std::map<std::string, std::string> migrationFiles(const ir::Schema& after, const SchemaDiff& diff,
                                                  std::int64_t version, const std::string& name,
                                                  std::map<std::string, std::string> sums,
                                                  const WayBack* back) {
  std::map<std::string, std::string> files;
  for (Dialect dialect : sql::all_dialects()) {
    std::string file = sql::migration_file_name(version, name, sql::renderer(dialect).name());
    files[file] = migrationSql(after, diff, dialect, version, name);
    sums[file] = sql::migration_checksum(files[file]);
    if (!back) continue;
    std::string down = sql::migration_file_name(version, name, sql::renderer(dialect).name(), true);
    files[down] = migrationSql(back->before, back->diff, dialect, version, name, true);
    sums[down] = sql::migration_checksum(files[down]);
  }
  files["ormc.sum"] = sql::write_migration_sum(sums);
  files["schema.json"] = ir::toJson(after, ir::LocationPolicy::Omit).dump(2) + "\n";
  return files;
}

} // namespace ormc::migrate
