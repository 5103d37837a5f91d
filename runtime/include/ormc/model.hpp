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
  std::string_view select_all;
  std::string_view select_by_key;
  std::string_view update;
  std::string_view remove;
  std::string_view count;
};

[[noreturn]] void throw_unsupported_dialect(std::string_view model, Dialect dialect);

} // namespace ormc
