// What generated code provides for each model: ModelTraits<T>, with the SQL of each dialect and
// functions that bind a row's members and read them back.
#pragma once

#include <ormc/dialect.hpp>
#include <ormc/error.hpp>
#include <ormc/storage.hpp>
#include <span>
#include <string>
#include <string_view>
#include <tuple>
#include <type_traits>

namespace ormc {

/// Specialized by generated code for each table; see a generated header for an example.
template <class Model> struct ModelTraits;

/// A column as the database's catalog should describe it, for Models::check_schema().
struct ColumnShape {
  std::string_view name;
  std::string_view type; // as the catalog spells it (compared without regard to case)
  bool not_null = false;
};

/// An index or UNIQUE constraint the table should have, by its columns: SQLite does not keep a
/// UNIQUE constraint's name, and a renamed index is still the same index.
struct IndexShape {
  std::string_view columns; // unquoted names, ", " between them, in index order
  bool unique = false;
};

/// A foreign key the table should have.
struct ForeignKeyShape {
  std::string_view column;
  std::string_view target_table; // unquoted, without its schema
  std::string_view target_column;
};

/// The statements of one model in one dialect.
struct ModelStatements {
  std::span<const std::string_view> create; // CREATE TABLE and CREATE INDEX, in order
  std::string_view table;                   // quoted (and schema-qualified) table name
  std::string_view columns;                 // quoted column list, in read() order
  std::string_view key; // quoted key column (a composite key's columns, ", " between them)
  std::span<const std::string_view> key_columns;    // quoted, in key order
  std::span<const std::string_view> insert_columns; // quoted, in bind_insert() order
  std::string_view insert;
  bool insert_returns_key = false; // else the key is the connection's last insert id
  std::string_view select_all;     // live rows only, for a model with soft delete
  std::string_view select_by_key;  // live rows only, for a model with soft delete
  std::string_view update;
  std::string_view remove; // DELETE by key (soft delete: the UPDATE that marks the row deleted,
                           // binding the time, then the key)
  std::string_view count;  // live rows only, for a model with soft delete
  std::string_view soft_delete;        // quoted ormc:soft_delete column; "" when the model has none
  std::string_view purge;              // DELETE by key, also for a soft-deleted row
  std::string_view restore;            // clears the soft_delete column by key
  std::string_view updated_at;         // quoted ormc:updated_at column; "" when the model has none
  std::string_view version;            // quoted ormc:version column; "" when the model has none
  std::string_view schema_name;        // unquoted schema; "" for the connection's default
  std::string_view table_name;         // unquoted table name
  std::span<const ColumnShape> shape;  // every column, in declaration order
  std::span<const IndexShape> indexes; // indexes and UNIQUE constraints
  std::span<const ForeignKeyShape> foreign_keys; // for check_schema()
  /// INSERT of every column, the key included, that updates the row with that key instead when
  /// it exists (columns only set on insert keep their values); binds with bind_all().
  std::string_view upsert_by_key;
  /// Quoted columns an upsert may overwrite: neither the key nor insert-only columns.
  std::span<const std::string_view> conflict_update_columns;
  /// Moves an identity key's sequence past the largest key after a row was written with an
  /// explicit key; "" where the database needs nothing (SQLite).
  std::string_view sync_key;
  /// The key's sequence when the schema names one (quoted), else "" (an identity, or none).
  std::string_view key_sequence;
  /// ormc:table(versioned): the quoted history table, which holds the model's columns and
  /// then sql::HistoryColumns; "" for a model without history.
  std::string_view history_table;
  /// How the soft_delete and updated_at columns store the times the runtime writes into them.
  Storage soft_delete_storage = Storage::native;
  Storage updated_at_storage = Storage::native;
  /// The quoted ormc:tenant column, which every statement compares with the row tenant
  /// (sql::tenant_test()); "" when the model's rows are not of tenants.
  std::string_view tenant = {};
  /// ormc:tenant(row_security): PostgreSQL holds a policy on the table, and refuses COPY into
  /// it, so that bulk inserts send multi-row INSERTs instead.
  bool row_security = false;
  /// Partitioned by range over a time (ormc:table(partition_by="range(...)")): the interval of
  /// one partition (day, week, month, year), for Table::create_partitions(); "" otherwise.
  std::string_view partition_interval = {};
};

/// Compares the tables of `models` with the database's catalog; throws SchemaMismatch listing
/// every missing table, missing column, column of another type or nullability, and missing
/// index, UNIQUE constraint or foreign key. What the models do not know of (another column or
/// index) is allowed.
class Database;
void check_schema(Database& db, std::span<const ModelStatements* const> models);

[[noreturn]] void throw_unsupported_dialect(std::string_view model, Dialect dialect);

namespace detail {
/// Rethrows a DataError from reading a row as one that names the model and the row's key.
/// `columns`: the model's, in read order, to name a column the error gives only the number of.
[[noreturn]] void throw_read_error(std::string_view model, std::string_view key,
                                   const DataError& error, std::span<const ColumnShape> columns);
/// Rethrows a DataError about the statement's column `at` as one about column `as` (its place
/// in a model's read order, when a row is read through a column map).
[[noreturn]] void rethrow_renumbered(const DataError& error, int at, int as);
/// A key as a message names it: 7, 'abc', or (7, 'abc') for a composite key.
template <class Key> std::string describe_key(const Key& key) {
  if constexpr (std::is_integral_v<Key>) {
    return std::to_string(key);
  } else if constexpr (std::is_convertible_v<const Key&, std::string_view>) {
    return "'" + std::string(key) + "'";
  } else if constexpr (requires { std::tuple_size<Key>::value; }) {
    std::string out;
    std::apply(
        [&](const auto&... part) {
          ((out += (out.empty() ? "" : ", ") + describe_key(part)), ...);
        },
        key);
    return "(" + out + ")";
  } else {
    return std::string(); // a type messages cannot print
  }
}
template <class Key>
[[noreturn]] void throw_read_error(std::string_view model, bool key_read, const Key& key,
                                   const DataError& error, std::span<const ColumnShape> columns) {
  throw_read_error(model, key_read ? describe_key(key) : std::string(), error, columns);
}
} // namespace detail

} // namespace ormc
