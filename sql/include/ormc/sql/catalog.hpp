// A table as a database's catalog describes it, and what it lacks of what the models want: the
// schema check of the runtime (Models::check_schema()) and of the tool (ormc --check-db) both
// read the catalog with the renderer's queries (Renderer::catalog_columns() ...) and compare here.
#pragma once

#include <cstdint>
#include <optional>
#include <ormc/sql/schema_statements.hpp>
#include <string>
#include <vector>

namespace ormc::sql {

struct CatalogColumn {
  std::string name;
  std::string type; // as the catalog spells it: "INTEGER" (SQLite), "character varying(20)"
  bool not_null = false;
};

/// An index (UNIQUE constraints and primary keys are indexes too), by its columns: SQLite does
/// not keep a UNIQUE constraint's name, and a renamed index is still the same index.
struct CatalogIndex {
  std::string columns; // ", " between the names, in index order
  bool unique = false;
};

/// One column of a foreign key.
struct CatalogForeignKey {
  std::string column;
  std::string target_table; // without its schema
  std::string target_column;
};

/// What a type of the catalog reads as (Renderer::read_catalog_type()), for `ormc import`: the
/// column type a C++ member stores as, with its length or digits.
struct CatalogTypeReading {
  ColumnType type = ColumnType::text;
  std::optional<std::uint64_t> max_length;
  int precision = 0;
  int scale = 0;
  bool whole_seconds = false; // a time the type holds without a fraction of a second
  std::string note;           // what a reader of the import should know; "" for nothing
};

struct TableShape {
  std::vector<CatalogColumn> columns; // none: there is no such table
  std::vector<CatalogIndex> indexes;
  std::vector<CatalogForeignKey> foreign_keys;
};

/// What `found` lacks of `wanted`, or holds differently, one line each starting with `table`
/// (its quoted name): a missing table, a missing column, a column of another type (compared
/// without regard to case) or nullability, a missing index, UNIQUE constraint or foreign key.
/// What `wanted` does not know of (another column or index) is no difference.
std::vector<std::string> schema_differences(const std::string& table, const TableShape& wanted,
                                            const TableShape& found);

} // namespace ormc::sql
