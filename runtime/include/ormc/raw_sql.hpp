// Hand-written SQL through the connection: statements that change rows (execute), rows mapped
// into tuples or any aggregate struct by position (raw), and the plan of a statement (explain).
// Placeholders are the connection's own (?1 on SQLite, $1 on PostgreSQL); `args` are bound in
// order, each as its C++ type is bound everywhere else.
//
//   std::int64_t n = ormc::execute(db, "UPDATE task SET done = ?1 WHERE due < ?2", true, cutoff);
//   struct Late { std::string title; std::int64_t days; };
//   auto late = ormc::raw<Late>(db, "SELECT title, ?1 - due FROM task WHERE done = 0", today);
//   auto pairs = ormc::raw<std::tuple<std::int64_t, std::optional<std::string>>>(db, sql);
//   for (const std::string& line : ormc::explain(db, "SELECT * FROM task WHERE id = ?1", 7)) ...
#pragma once

#include <cstdint>
#include <ormc/database.hpp>
#include <ormc/row_fields.hpp>
#include <ormc/value_codec.hpp>
#include <string>
#include <string_view>
#include <tuple>
#include <utility>
#include <vector>

namespace ormc {

namespace detail {
/// The statement explain() runs for `sql` in `dialect`, and the column holding each line.
std::string explain_sql(Dialect dialect, std::string_view sql);
int explain_plan_column(Dialect dialect);

/// UsageError: the statement returns `columns`, and the row type takes `expected` values.
[[noreturn]] void throw_column_count(std::string_view what, std::size_t expected,
                                     const std::vector<std::string>& columns);

/// References to the places a row's columns are read into, in column order.
template <class Row> auto places_of(Row& row) {
  if constexpr (is_tuple<Row>::value)
    return std::apply([](auto&... element) { return std::tie(element...); }, row);
  else
    return fields_of(row);
}

template <class Row, class S> void read_row(S& statement, Row& row) {
  std::apply(
      [&](auto&... place) {
        int column = 0;
        (statement.read(column++, place), ...);
      },
      places_of(row));
}

template <class S> std::vector<std::string> column_names(S& statement) {
  std::vector<std::string> names;
  for (int i = 0; i < statement.column_count(); ++i)
    names.emplace_back(statement.column_name(i));
  return names;
}
} // namespace detail

/// Runs one statement that returns no rows; how many rows it changed.
template <class... Args>
std::int64_t execute(Database& db, std::string_view sql, const Args&... args) {
  return db.with_connection([&](auto& conn) {
    auto statement = conn.prepare(sql);
    int index = 1;
    (statement->bind(index++, args), ...);
    return statement->execute();
  });
}

/// The rows of a statement, each read into a Row by position: a std::tuple, or an aggregate
/// struct whose members take the columns in declaration order. The statement returns exactly
/// as many columns as Row has elements (else UsageError naming them); each value is read as its
/// element's type, a mismatch being the DataError that names the column.
template <class Row, class... Args>
std::vector<Row> raw(Database& db, std::string_view sql, const Args&... args) {
  constexpr std::size_t width =
      std::tuple_size_v<decltype(detail::places_of(std::declval<Row&>()))>;
  return db.with_connection([&](auto& conn) {
    std::vector<Row> rows;
    auto statement = conn.prepare(sql);
    int index = 1;
    (statement->bind(index++, args), ...);
    bool more = statement->step(); // PostgreSQL knows the columns once it ran
    if (static_cast<std::size_t>(statement->column_count()) != width)
      detail::throw_column_count("raw()", width, detail::column_names(*statement));
    for (; more; more = statement->step())
      detail::read_row(*statement, rows.emplace_back());
    return rows;
  });
}

/// How the database would run the statement, one line per row of its plan.
template <class... Args>
std::vector<std::string> explain(Database& db, std::string_view sql, const Args&... args) {
  return db.with_connection([&](auto& conn) {
    std::vector<std::string> lines;
    auto statement = conn.prepare(detail::explain_sql(conn.dialect_v, sql));
    int index = 1;
    (statement->bind(index++, args), ...);
    const int column = detail::explain_plan_column(conn.dialect_v);
    while (statement->step())
      statement->read(column, lines.emplace_back());
    return lines;
  });
}

} // namespace ormc
