// The per-model statements the runtime's Table<T> runs: insert, select, get, update, remove.
#pragma once

#include "ir/Schema.h"

#include <ormc/sql/renderer.hpp>
#include <string>
#include <vector>

namespace ormc::emit {

struct CrudStatements {
  std::string key;         // the key column, or a composite key's columns, quoted, ", " between
  std::string columns;     // every column, quoted, in declaration (read) order
  std::string insert;      // parameters: insertColumns, in order
  std::string selectAll;   // all columns, ordered by primary key
  std::string selectByKey; // parameters: the key's columns
  std::string update;      // parameters: updateColumns, then the key
  std::string remove;      // parameter 1: the key (soft delete: 1 the time, 2 the key)
  std::string count;
  std::string purge;       // DELETE by key, whatever the soft_delete column holds
  std::string restore;     // soft delete only: clears the column; parameter 1: the key
  std::string upsertByKey; // parameters: every column in declaration order
  std::string syncKey;     // see sql::SyncKey
  std::string keySequence; // a named sequence of the key, quoted, where the dialect has them
};

/// Columns an insert binds: all but a database-assigned key.
std::vector<const ir::Column*> insertColumns(const ir::Model& model);
/// Columns an upsert overwrites when the row exists: all but those Column::keptOnUpsert().
std::vector<const ir::Column*> conflictUpdateColumns(const ir::Model& model);
/// Columns an update sets: all but the key.
std::vector<const ir::Column*> updateColumns(const ir::Model& model);

CrudStatements crudStatements(const ir::Model& model, const sql::Renderer& dialect);

} // namespace ormc::emit
