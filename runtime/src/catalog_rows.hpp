// The SQL layer's catalog queries (Renderer::catalog_columns, ...) run on a backend's own
// connection class, so that each backend reads them with its direct bind and read calls.
#pragma once

#include <optional>
#include <ormc/backend.hpp>
#include <ormc/sql/renderer.hpp>
#include <string>
#include <string_view>
#include <vector>

namespace ormc::detail {

/// Runs `sql` (parameters: schema, table) and reads each row with `read(statement, row)`.
template <class Row, class Connection, class Read>
std::vector<Row> catalog_rows(Connection& conn, const std::string& sql, std::string_view schema,
                              std::string_view table, Read read) {
  std::vector<Row> rows;
  auto statement = conn.prepare(sql);
  std::string schema_name(schema), table_name(table); // must outlive the statement's steps
  statement->bind(1, schema_name);
  statement->bind(2, table_name);
  while (statement->step())
    read(*statement, rows.emplace_back());
  return rows;
}

template <class Connection>
std::vector<ExistingColumn> catalog_columns(Connection& conn, std::string_view schema,
                                            std::string_view table) {
  return catalog_rows<ExistingColumn>(conn, sql::renderer(conn.dialect()).catalog_columns(), schema,
                                      table, [](auto& s, ExistingColumn& c) {
                                        std::int64_t not_null = 0;
                                        s.read(0, c.name);
                                        s.read(1, c.type);
                                        s.read(2, not_null);
                                        c.not_null = not_null != 0;
                                      });
}

template <class Connection>
std::vector<ExistingIndex> catalog_indexes(Connection& conn, std::string_view schema,
                                           std::string_view table) {
  return catalog_rows<ExistingIndex>(
      conn, sql::renderer(conn.dialect()).catalog_indexes(), schema, table,
      [](auto& s, ExistingIndex& index) {
        std::int64_t unique = 0;
        std::optional<std::string> columns; // NULL for an index on expressions only
        s.read(0, unique);
        s.read(1, columns);
        index.unique = unique != 0;
        index.columns = columns.value_or("");
      });
}

template <class Connection>
std::vector<ExistingForeignKey> catalog_foreign_keys(Connection& conn, std::string_view schema,
                                                     std::string_view table) {
  return catalog_rows<ExistingForeignKey>(conn,
                                          sql::renderer(conn.dialect()).catalog_foreign_keys(),
                                          schema, table, [](auto& s, ExistingForeignKey& key) {
                                            s.read(0, key.column);
                                            s.read(1, key.target_table);
                                            s.read(2, key.target_column);
                                          });
}

} // namespace ormc::detail
