#include "emit/CrudStatements.h"

#include "emit/SqlSchema.h"

namespace ormc::emit {

std::vector<const ir::Column*> insertColumns(const ir::Model& m) {
  std::vector<const ir::Column*> out;
  for (const ir::Column& c : m.columns)
    if (!c.autoIncrement) out.push_back(&c);
  return out;
}

std::vector<const ir::Column*> conflictUpdateColumns(const ir::Model& m) {
  std::vector<const ir::Column*> out;
  for (const ir::Column& c : m.columns)
    if (!c.keptOnUpsert()) out.push_back(&c);
  return out;
}

std::vector<const ir::Column*> updateColumns(const ir::Model& m) {
  std::vector<const ir::Column*> out;
  for (const ir::Column& c : m.columns)
    if (!c.primaryKey) out.push_back(&c);
  return out;
}

namespace {
std::vector<std::string> quoted(const std::vector<const ir::Column*>& columns) {
  std::vector<std::string> out;
  for (const ir::Column* c : columns)
    out.push_back(sql::identifier(c->name));
  return out;
}

sql::Fragment keyEquals(const std::string& key) {
  sql::Fragment f;
  sql::compare(f, key, sql::Comparison::equal);
  return f;
}

sql::Fragment isNull(const std::string& column, bool null) {
  sql::Fragment f;
  sql::null_test(f, column, null);
  return f;
}
} // namespace

CrudStatements crudStatements(const ir::Model& m, const sql::Renderer& d) {
  const ir::Column& key = *m.primaryKey();
  std::string table = d.table_name(tableName(m));
  std::string keyName = sql::identifier(key.name);
  CrudStatements s;

  sql::Insert insert{table, quoted(insertColumns(m)), 1, ""};
  if (key.autoIncrement && d.insert_returns_key()) insert.returning = keyName;
  s.insert = d.render(insert);

  // Upsert by key: every column, the key included; on conflict only what an upsert may change.
  std::vector<const ir::Column*> all;
  for (const ir::Column& c : m.columns)
    all.push_back(&c);
  s.upsertByKey = d.render(
      sql::Upsert{{table, quoted(all), 1, ""}, {keyName}, quoted(conflictUpdateColumns(m))});
  if (key.autoIncrement) s.syncKey = d.render(sql::SyncKey{tableName(m), key.name});

  s.columns = sql::column_list(quoted(all));
  const std::string& columns = s.columns;
  // A model with soft delete reads live rows only; Query::with_deleted() sees the rest.
  const ir::Column* softDelete = m.withRole(ir::ColumnRole::SoftDelete);
  std::string deletedColumn = softDelete ? sql::identifier(softDelete->name) : "";
  std::vector<sql::Fragment> live;
  if (softDelete) live.push_back(isNull(deletedColumn, true));

  sql::Select all_rows{columns, table, live, {{keyName, false, false}}, false, false};
  s.selectAll = d.render(all_rows);
  sql::Select byKey{columns, table, {keyEquals(keyName)}, {}, false, false};
  byKey.where.insert(byKey.where.end(), live.begin(), live.end());
  s.selectByKey = d.render(byKey);

  sql::Update update{table, {}, {}};
  for (const ir::Column* c : updateColumns(m))
    update.set.push_back({sql::identifier(c->name), sql::parameter()});
  if (update.set.empty()) // a key-only table: nothing else to set
    update.set.push_back({keyName, sql::Fragment().sql(keyName)});
  update.where.push_back(keyEquals(keyName));
  s.update = d.render(update);
  s.purge = d.render(sql::Delete{table, {keyEquals(keyName)}});
  s.remove = s.purge;
  s.count = d.render(sql::Aggregate{"count", "*", {"", table, live, {}, false, false}});
  if (softDelete) {
    sql::Update mark{table, {{deletedColumn, sql::parameter()}}, {keyEquals(keyName)}};
    mark.where.push_back(isNull(deletedColumn, true));
    s.remove = d.render(mark);
    sql::Update restore{table, {{deletedColumn, sql::null_value()}}, {keyEquals(keyName)}};
    restore.where.push_back(isNull(deletedColumn, false));
    s.restore = d.render(restore);
  }
  return s;
}

} // namespace ormc::emit
