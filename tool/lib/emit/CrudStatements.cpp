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
    if (!c.primaryKey && c.role != ir::ColumnRole::Version) out.push_back(&c);
  return out;
}

namespace {
std::vector<std::string> quoted(const std::vector<const ir::Column*>& columns) {
  std::vector<std::string> out;
  for (const ir::Column* c : columns)
    out.push_back(sql::identifier(c->name));
  return out;
}

/// `"a" = ? AND "b" = ?`: one condition per key column, bound in key order.
std::vector<sql::Fragment> keyEquals(const std::vector<std::string>& key) {
  std::vector<sql::Fragment> out;
  for (const std::string& column : key) {
    sql::Fragment f;
    sql::compare(f, column, sql::Comparison::equal);
    out.push_back(std::move(f));
  }
  return out;
}

sql::Fragment isNull(const std::string& column, bool null) {
  sql::Fragment f;
  sql::null_test(f, column, null);
  return f;
}
} // namespace

CrudStatements crudStatements(const ir::Model& m, const sql::Renderer& d) {
  std::vector<const ir::Column*> keyColumns = m.keyColumns();
  const ir::Column& key = *keyColumns.front(); // database-assigned only when it is the only one
  std::vector<std::string> keyNames = quoted(keyColumns);
  std::string table = d.table_name(tableName(m));
  CrudStatements s;
  s.key = sql::column_list(keyNames);

  sql::Insert insert{table, quoted(insertColumns(m)), 1, ""};
  if (key.autoIncrement && d.insert_returns_key()) insert.returning = s.key;
  s.insert = d.render(insert);

  // Upsert by key: every column, the key included; on conflict only what an upsert may change.
  std::vector<const ir::Column*> all;
  for (const ir::Column& c : m.columns)
    all.push_back(&c);
  const ir::Column* version = m.withRole(ir::ColumnRole::Version);
  std::string versionColumn = version ? sql::identifier(version->name) : "";
  // Row-level tenancy: every statement compares the tenant column with the context's tenant
  // (bound by the connection), and an upsert never overwrites another tenant's row.
  const ir::Column* tenant = m.withRole(ir::ColumnRole::Tenant);
  std::vector<sql::Fragment> ofTenant;
  if (tenant) sql::tenant_test(ofTenant.emplace_back(), sql::identifier(tenant->name));
  sql::Upsert upsert{{table, quoted(all), 1, ""}, keyNames, quoted(conflictUpdateColumns(m)), {}};
  if (version) upsert.increment.push_back(versionColumn);
  if (tenant) upsert.guard = sql::identifier(tenant->name);
  s.upsertByKey = d.render(upsert);
  if (key.autoIncrement) s.syncKey = d.render(sql::SyncKey{tableName(m), key.name, key.sequence});
  if (key.autoIncrement && !key.sequence.empty() && d.has_schemas())
    s.keySequence = d.table_name({m.schema, key.sequence});

  s.columns = sql::column_list(quoted(all));
  const std::string& columns = s.columns;
  // A model with soft delete reads live rows only; Query::with_deleted() sees the rest.
  const ir::Column* softDelete = m.withRole(ir::ColumnRole::SoftDelete);
  std::string deletedColumn = softDelete ? sql::identifier(softDelete->name) : "";
  std::vector<sql::Fragment> live;
  if (softDelete) live.push_back(isNull(deletedColumn, true));
  auto byKeyAnd = [&](std::vector<sql::Fragment> more) {
    std::vector<sql::Fragment> where = keyEquals(keyNames);
    where.insert(where.end(), ofTenant.begin(), ofTenant.end());
    where.insert(where.end(), more.begin(), more.end());
    return where;
  };

  std::vector<sql::Fragment> visible = ofTenant; // the rows every read sees
  visible.insert(visible.end(), live.begin(), live.end());
  sql::Select all_rows{columns, table, visible, {}, false, false};
  for (const std::string& k : keyNames)
    all_rows.order.push_back({k, false, false});
  s.selectAll = d.render(all_rows);
  s.selectByKey = d.render(sql::Select{columns, table, byKeyAnd(live), {}, false, false});

  sql::Update update{table, {}, {}};
  for (const ir::Column* c : updateColumns(m))
    update.set.push_back({sql::identifier(c->name), sql::parameter()});
  // Optimistic locking: only over the version the row was read at (the last parameter).
  if (version) update.set.push_back({versionColumn, sql::incremented(versionColumn)});
  if (update.set.empty()) // a key-only table: nothing else to set
    update.set.push_back({keyNames.front(), sql::Fragment().sql(keyNames.front())});
  update.where = byKeyAnd({});
  if (version) update.where.push_back(keyEquals({versionColumn}).front());
  s.update = d.render(update);
  s.purge = d.render(sql::Delete{table, byKeyAnd({})});
  s.remove = s.purge;
  s.count = d.render(sql::Aggregate{"count", "*", {"", table, visible, {}, false, false}});
  if (softDelete) {
    s.remove = d.render(sql::Update{
        table, {{deletedColumn, sql::parameter()}}, byKeyAnd({isNull(deletedColumn, true)})});
    s.restore = d.render(sql::Update{
        table, {{deletedColumn, sql::null_value()}}, byKeyAnd({isNull(deletedColumn, false)})});
  }
  return s;
}

} // namespace ormc::emit
