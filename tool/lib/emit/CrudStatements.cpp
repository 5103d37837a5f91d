#include "emit/CrudStatements.h"

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

CrudStatements crudStatements(const ir::Model& m, const SqlDialect& d) {
  const ir::Column& key = *m.primaryKey();
  std::string table = d.tableName(m);
  std::string keyName = quoteIdentifier(key.name);
  CrudStatements s;

  std::string names, values;
  unsigned n = 0;
  for (const ir::Column* c : insertColumns(m)) {
    names += (n ? ", " : "") + quoteIdentifier(c->name);
    values += (n ? ", " : "") + d.placeholder(n + 1);
    ++n;
  }
  s.insert = n ? "INSERT INTO " + table + " (" + names + ") VALUES (" + values + ")"
               : "INSERT INTO " + table + " DEFAULT VALUES";
  if (key.autoIncrement && d.insertReturnsKey()) s.insert += " RETURNING " + keyName;

  // Upsert by key: every column, the key included; on conflict only what an upsert may change.
  std::string allNames, allValues;
  n = 0;
  for (const ir::Column& c : m.columns) {
    allNames += (n ? ", " : "") + quoteIdentifier(c.name);
    allValues += (n ? ", " : "") + d.placeholder(n + 1);
    ++n;
  }
  std::string changes;
  for (const ir::Column* c : conflictUpdateColumns(m))
    changes += (changes.empty() ? "" : ", ") + quoteIdentifier(c->name) + " = excluded." +
               quoteIdentifier(c->name);
  s.upsertByKey = "INSERT INTO " + table + " (" + allNames + ") VALUES (" + allValues +
                  ") ON CONFLICT (" + keyName + ") DO " +
                  (changes.empty() ? "NOTHING" : "UPDATE SET " + changes);
  s.syncKey = d.syncKeyStatement(m);

  std::string columns;
  for (const ir::Column& c : m.columns)
    columns += (columns.empty() ? "" : ", ") + quoteIdentifier(c.name);
  std::string select = "SELECT " + columns + " FROM " + table;
  // A model with soft delete reads live rows only; Query::with_deleted() sees the rest.
  const ir::Column* softDelete = m.withRole(ir::ColumnRole::SoftDelete);
  std::string live = softDelete ? quoteIdentifier(softDelete->name) + " IS NULL" : "";
  s.selectAll = select + (softDelete ? " WHERE " + live : "") + " ORDER BY " + keyName;
  s.selectByKey =
      select + " WHERE " + keyName + " = " + d.placeholder(1) + (softDelete ? " AND " + live : "");

  std::string assignments;
  n = 0;
  for (const ir::Column* c : updateColumns(m)) {
    assignments += (n ? ", " : "") + quoteIdentifier(c->name) + " = " + d.placeholder(n + 1);
    ++n;
  }
  if (n == 0) assignments = keyName + " = " + keyName; // a key-only table: nothing else to set
  s.update = "UPDATE " + table + " SET " + assignments + " WHERE " + keyName + " = " +
             d.placeholder(n + 1);
  s.purge = "DELETE FROM " + table + " WHERE " + keyName + " = " + d.placeholder(1);
  s.remove = s.purge;
  s.count = "SELECT count(*) FROM " + table;
  if (softDelete) {
    std::string column = quoteIdentifier(softDelete->name);
    s.remove = "UPDATE " + table + " SET " + column + " = " + d.placeholder(1) + " WHERE " +
               keyName + " = " + d.placeholder(2) + " AND " + live;
    s.restore = "UPDATE " + table + " SET " + column + " = NULL WHERE " + keyName + " = " +
                d.placeholder(1) + " AND " + column + " IS NOT NULL";
    s.count += " WHERE " + live;
  }
  return s;
}

} // namespace ormc::emit
