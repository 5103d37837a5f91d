// Inserting many rows at once, by the fastest safe path of each backend: SQLite runs one
// prepared INSERT per row inside one transaction; PostgreSQL sends multi-row INSERTs of up to
// 1000 rows (fewer when a row has many columns, under the 65535-parameter limit).
#pragma once

#include <algorithm>
#include <cstdint>
#include <iterator>
#include <ormc/column.hpp>
#include <ormc/database.hpp>
#include <ormc/model.hpp>
#include <ormc/transaction.hpp>
#include <string>
#include <type_traits>

namespace ormc::detail {

/// Shifts parameter numbers, so that generated bind_insert() (which binds 1..n) fills the
/// k-th row of a multi-row VALUES list.
template <class Statement> struct shifted_parameters {
  Statement& statement;
  int offset;
  template <class T> void bind(int index, const T& value) { statement.bind(index + offset, value); }
};

/// `INSERT INTO t (c1, c2) VALUES ($1, $2), ($3, $4) ... [RETURNING key]`.
inline std::string multi_row_insert(const ModelStatements& sql, std::size_t rows, bool returning,
                                    Dialect dialect) {
  SqlBuilder b(dialect);
  b.text("INSERT INTO ").text(sql.table).text(" (");
  for (std::size_t c = 0; c < sql.insert_columns.size(); ++c)
    b.text(c ? ", " : "").text(sql.insert_columns[c]);
  b.text(") VALUES ");
  for (std::size_t r = 0; r < rows; ++r) {
    b.text(r ? ", (" : "(");
    for (std::size_t c = 0; c < sql.insert_columns.size(); ++c)
      (c ? b.text(", ") : b).param();
    b.text(")");
  }
  if (returning) b.text(" RETURNING ").text(sql.key);
  return b.take();
}

/// Runs the model's INSERT for `row` on a leased statement and writes a database-assigned key
/// back: from RETURNING where the dialect has it, else from the connection's last insert id.
template <class Model, class Connection, class Statement>
void insert_one(Connection& conn, const ModelStatements& sql, Statement& statement, Model& row) {
  using traits = ModelTraits<Model>;
  traits::bind_insert(statement, row);
  if constexpr (traits::key_assigned_by_database) {
    if (sql.insert_returns_key) {
      statement.step();
      statement.read(0, traits::key(row));
      return;
    }
    statement.execute();
    traits::key(row) = checked_integer<typename traits::key_type>(conn.last_insert_id(), 0);
  } else {
    statement.execute();
  }
}

template <class Model, class Connection, class Iterator>
void insert_rows(Connection& conn, Iterator first, Iterator last) {
  using traits = ModelTraits<Model>;
  const ModelStatements& sql = traits::statements(conn.dialect_v);
  constexpr bool assigned = traits::key_assigned_by_database;
  const std::size_t columns = sql.insert_columns.size();
  if (conn.dialect_v == Dialect::sqlite || columns == 0) {
    auto statement = conn.prepare(sql.insert);
    for (; first != last; ++first) {
      insert_one(conn, sql, *statement, *first);
      statement->finish_use();
    }
    return;
  }
  const std::size_t per_statement =
      std::max<std::size_t>(1, std::min<std::size_t>(1000, 65535 / columns));
  while (first != last) {
    Iterator chunk_end = first;
    std::size_t rows = 0;
    while (chunk_end != last && rows < per_statement) {
      ++chunk_end;
      ++rows;
    }
    auto statement = conn.prepare(multi_row_insert(sql, rows, assigned, conn.dialect_v));
    int offset = 0;
    for (Iterator it = first; it != chunk_end; ++it, offset += static_cast<int>(columns)) {
      shifted_parameters<std::remove_reference_t<decltype(*statement)>> shifted{*statement, offset};
      traits::bind_insert(shifted, *it);
    }
    if constexpr (assigned) {
      for (Iterator it = first; it != chunk_end; ++it) { // RETURNING keeps the VALUES order
        statement->step();
        statement->read(0, traits::key(*it));
      }
    } else {
      statement->execute();
    }
    first = chunk_end;
  }
}

} // namespace ormc::detail
