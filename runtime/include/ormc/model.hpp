// What generated code provides for each model: ModelTraits<T>, with the SQL of each dialect and
// functions that bind a row's members and read them back.
#pragma once

#include <ormc/dialect.hpp>
#include <span>
#include <string_view>

namespace ormc {

/// Specialized by generated code for each table; see a generated header for an example.
template <class Model> struct ModelTraits;

/// The statements of one model in one dialect.
struct ModelStatements {
  std::span<const std::string_view> create;         // CREATE TABLE and CREATE INDEX, in order
  std::string_view table;                           // quoted (and schema-qualified) table name
  std::string_view columns;                         // quoted column list, in read() order
  std::string_view key;                             // quoted key column
  std::span<const std::string_view> insert_columns; // quoted, in bind_insert() order
  std::string_view insert;
  bool insert_returns_key = false; // else the key is the connection's last insert id
  std::string_view select_all;     // live rows only, for a model with soft delete
  std::string_view select_by_key;  // live rows only, for a model with soft delete
  std::string_view update;
  std::string_view remove; // DELETE by key (soft delete: the UPDATE that marks the row deleted,
                           // binding the time, then the key)
  std::string_view count;  // live rows only, for a model with soft delete
  std::string_view soft_delete; // quoted ormc:soft_delete column; "" when the model has none
  std::string_view purge;       // DELETE by key, also for a soft-deleted row
  std::string_view restore;     // clears the soft_delete column by key
  std::string_view updated_at;  // quoted ormc:updated_at column; "" when the model has none
};

[[noreturn]] void throw_unsupported_dialect(std::string_view model, Dialect dialect);

} // namespace ormc
