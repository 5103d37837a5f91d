// An existing database's tables as its catalog describes them, read by `ormc import` before it
// writes annotated structs for them: plain data, so that writing the header is a pure function.
#pragma once

#include <ormc/sql/dialect.hpp>
#include <string>
#include <vector>

namespace ormc::importer {

struct ImportedColumn {
  std::string name;
  std::string type; // as the catalog spells it: "NVARCHAR(120)", "character varying(20)"
  bool notNull = false;
  std::string defaultExpression; // as the catalog holds it: "0", "'x'::text", "now()"; "" none
  unsigned keyPosition = 0;      // 1-based position in the primary key; 0: not in it
  std::string assignedBy;        // "identity", "rowid" (SQLite's): the database assigns it; "" not
};

struct ImportedIndex {
  std::string name;
  bool unique = false;
  bool primaryKey = false;
  bool constraint = false;          // a UNIQUE constraint, not a CREATE INDEX
  std::vector<std::string> columns; // empty: over an expression
  bool partial = false;             // WHERE ...
};

struct ImportedForeignKey {
  std::vector<std::string> columns;
  std::string targetTable;
  std::vector<std::string> targetColumns; // empty: the target's primary key
  std::string onDelete = "NO ACTION";     // as SQL spells it
  std::string onUpdate = "NO ACTION";
};

struct ImportedTable {
  std::string name;
  std::vector<ImportedColumn> columns;
  std::vector<ImportedIndex> indexes;
  std::vector<ImportedForeignKey> foreignKeys;
};

struct ImportedSchema {
  Dialect dialect{};
  std::string schema; // PostgreSQL's schema name; "" for the connection's current one
  std::vector<ImportedTable> tables;
};

} // namespace ormc::importer
