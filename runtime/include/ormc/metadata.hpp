// The schema at run time, for admin tools and tests: Models::tables() lists each table as the
// generator wrote it down (no reflection: views of the generated constants the statements use).
//
//   for (const ormc::TableInfo& t : m.tables())
//     for (const ormc::ColumnInfo& c : t.columns())
//       std::cout << t.name() << "." << c.name << " " << c.sql_type << (c.key ? " key" : "");
#pragma once

#include <ormc/model.hpp>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace ormc {

/// A column of a table, in the connection's dialect.
struct ColumnInfo {
  std::string_view name;
  std::string_view sql_type; // as the database's catalog spells it: "bigint", "INTEGER", ...
  bool nullable = false;
  bool key = false; // part of the primary key
};

/// A table of the schema, in the dialect of the connection Models::tables() was asked on.
struct TableInfo {
  std::string_view model;    // the C++ struct, qualified: shop::Order
  std::string_view module;   // the header that declares it, as code includes it
  std::string_view accessor; // its member of Models: m.orders
  const ModelStatements* statements = nullptr;

  std::string_view name() const noexcept { return statements->table_name; }
  std::string_view schema() const noexcept { return statements->schema_name; } // "": default
  /// Every column, in declaration order.
  std::vector<ColumnInfo> columns() const;
  /// The primary key's columns, in key order.
  std::vector<std::string_view> key() const;
  /// One entry per column of each foreign key: the column, and the table and column it names.
  std::span<const ForeignKeyShape> references() const noexcept { return statements->foreign_keys; }
  /// ormc:table(versioned): the table's history table, else "".
  bool versioned() const noexcept { return !statements->history_table.empty(); }
  /// ormc:tenant: the column naming each row's tenant (rows of many tenants, see
  /// Database::row_tenant()), else "".
  std::string tenant_column() const;
};

} // namespace ormc
