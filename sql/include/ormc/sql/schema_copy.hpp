// Branches (ormc::Database::create_branch()) on dialects with schemas: the SQL that copies one
// schema's tables, rows, sequences, keys, indexes, functions and triggers into a new schema.
//
// The catalog queries take parameter 1 the source schema. Run with the search path at the
// source, the definitions they return name the source's own objects unqualified; run with the
// search path at the copy, those definitions then make the copy's objects. Objects of another
// schema stay qualified, so that a copy still refers to the tables its tenants share.
#pragma once

#include <cstdint>
#include <optional>
#include <ormc/sql/statements.hpp>
#include <string>
#include <string_view>
#include <vector>

namespace ormc::sql {

/// A sequence as pg_sequence describes it.
struct SequenceShape {
  std::string type; // smallint, integer or bigint
  std::int64_t increment = 1;
  std::int64_t min = 1;
  std::int64_t max = 0;
  std::int64_t start = 1;
  std::int64_t cache = 1;
  bool cycle = false;
};

class SchemaCopy {
public:
  virtual ~SchemaCopy() = default;

  // ---- The catalog of the source (parameter 1 its schema).
  /// Rows: kind, name: what the copy cannot carry over (views, types, procedures, objects of
  /// extensions, ...), so that a branch is refused rather than made short.
  virtual std::string unsupported_objects() const = 0;
  /// Rows: name, type, increment, min, max, start, cache, cycle (0/1), last value (NULL before
  /// first use); sequences of identity columns left out (each copied table makes its own).
  virtual std::string sequences() const = 0;
  /// Rows: the names of the schema's tables, sorted.
  virtual std::string tables() const = 0;
  /// Parameter 2 a table. Rows: its columns that take values (not generated), in order.
  virtual std::string copied_columns() const = 0;
  /// Rows: table, identity column, the last value its sequence gave (NULL before first use).
  virtual std::string identity_columns() const = 0;
  /// Rows: table, column, default expression: the defaults that draw on the schema's own
  /// sequences (a copied table's default would still draw on the source's).
  virtual std::string sequence_defaults() const = 0;
  /// Rows: table, name, definition: primary keys, unique and exclusion constraints, then
  /// foreign keys.
  virtual std::string constraints() const = 0;
  /// Rows: CREATE INDEX statement, for the indexes no constraint owns.
  virtual std::string indexes() const = 0;
  /// Rows: name, CREATE OR REPLACE FUNCTION statement, the statement's text up to the
  /// arguments (which names the source's schema).
  virtual std::string functions() const = 0;
  /// Rows: CREATE TRIGGER statement.
  virtual std::string triggers() const = 0;
  /// Rows: table, comment.
  virtual std::string table_comments() const = 0;
  /// Rows: statements that give the copy's tables the source's row-level security (ENABLE,
  /// FORCE, CREATE POLICY), run after the rows are copied.
  virtual std::string row_security() const = 0;

  // ---- Statements that make the copy.
  /// BEGIN, reading one snapshot throughout, so that the copy is of one moment.
  virtual std::string begin_snapshot() const = 0;
  /// Run after it: reading a table whose policy hides rows from this role fails, so that a
  /// copy is never short.
  virtual std::string read_every_row() const = 0;
  virtual std::string create_sequence(const TableName& name, const SequenceShape& shape) const = 0;
  /// Parameter 1 the sequence (a qualified name as text), 2 its last value.
  virtual std::string set_sequence_value() const = 0;
  /// The table `copy` with the columns, defaults, checks, comments, identity and storage of
  /// `source`; keys and indexes come after the rows.
  virtual std::string create_table_like(const TableName& copy, const TableName& source) const = 0;
  /// Every row of `source` into `copy`, identity values kept. `columns` are quoted.
  virtual std::string copy_rows(const TableName& copy, const TableName& source,
                                const std::vector<std::string>& columns) const = 0;
  /// Parameter 1 a table (a qualified name as text), 2 its identity column, 3 the last value.
  virtual std::string set_identity_value() const = 0;
  virtual std::string set_default(const TableName& table, std::string_view column,
                                  std::string_view expression) const = 0;
  virtual std::string add_constraint(const TableName& table, std::string_view name,
                                     std::string_view definition) const = 0;
  /// The function `definition` (functions()) made as `name`; "" when the definition does not
  /// begin with `head`.
  virtual std::string create_function(const TableName& name, std::string_view definition,
                                      std::string_view head) const = 0;
  virtual std::string comment_on_table(const TableName& table, std::string_view comment) const = 0;
};

} // namespace ormc::sql
