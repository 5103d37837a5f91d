// Hand-written SQL through the connection: statements that change rows (execute), rows mapped
// into tuples or any aggregate struct by position or by column name (raw), and the plan of a
// statement (explain).
// Placeholders are the connection's own (?1 on SQLite, $1 on PostgreSQL); `args` are bound in
// order, each as its C++ type is bound everywhere else.
//
//   std::int64_t n = ormc::execute(db, "UPDATE task SET done = ?1 WHERE due < ?2", true, cutoff);
//   struct Late { std::string title; std::int64_t days; };
//   auto late = ormc::raw<Late>(db, "SELECT title, ?1 - due FROM task WHERE done = 0", today);
//   auto pairs = ormc::raw<std::tuple<std::int64_t, std::optional<std::string>>>(db, sql);
//   auto named = ormc::raw<Late>(db, ormc::by_name{"title", "days"}, "SELECT * FROM late_task");
//   for (const std::string& line : ormc::explain(db, "SELECT * FROM task WHERE id = ?1", 7)) ...
#pragma once

#include <cstdint>
#include <initializer_list>
#include <ormc/database.hpp>
#include <ormc/row_fields.hpp>
#include <ormc/value_codec.hpp>
#include <span>
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

/// Reads the row's places from columns 0, 1, ..., or from `positions[0]`, `positions[1]`, ...
template <class Row, class S>
void read_row(S& statement, Row& row, const int* positions = nullptr) {
  std::apply(
      [&](auto&... place) {
        int column = 0;
        ((statement.read(positions ? positions[column] : column, place), ++column), ...);
      },
      places_of(row));
}

/// Where each of `wanted` is among the statement's `columns`: the column of that name, else the
/// one column of that name ignoring ASCII case (SQL folds unquoted names). Columns wanted by
/// none are ignored. UsageError, naming `what` and the column, when a wanted column is missing
/// or more than one column has its name.
std::vector<int> positions_by_name(std::string_view what, std::span<const std::string_view> wanted,
                                   const std::vector<std::string>& columns);

/// UsageError: by_name lists `names` columns for a row of `width` members.
[[noreturn]] void throw_name_count(std::size_t width, std::size_t names);

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

/// Result columns named in the order of a row's members: ormc::raw<Row>(db, by_name{...}, sql).
struct by_name {
  by_name(std::initializer_list<std::string_view> columns) : names(columns) {}
  std::vector<std::string_view> names;
};

/// raw(), each member read from the statement's column of the name in its place in `columns`,
/// wherever the statement returns it; other columns are ignored. A name the statement does not
/// return, or returns twice, is a UsageError naming it; `columns` names one column per member.
template <class Row, class... Args>
std::vector<Row> raw(Database& db, const by_name& columns, std::string_view sql,
                     const Args&... args) {
  constexpr std::size_t width =
      std::tuple_size_v<decltype(detail::places_of(std::declval<Row&>()))>;
  if (columns.names.size() != width) detail::throw_name_count(width, columns.names.size());
  return db.with_connection([&](auto& conn) {
    std::vector<Row> rows;
    auto statement = conn.prepare(sql);
    int index = 1;
    (statement->bind(index++, args), ...);
    bool more = statement->step();
    const std::vector<int> positions =
        detail::positions_by_name("raw()", columns.names, detail::column_names(*statement));
    for (; more; more = statement->step())
      detail::read_row(*statement, rows.emplace_back(), positions.data());
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
