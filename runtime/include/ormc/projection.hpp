// Reading chosen columns, expressions and aggregates of a query into tuples or named structs:
// what Query::select() and GroupedQuery::select() share.
#pragma once

#include <array>
#include <cstddef>
#include <ormc/column.hpp>
#include <ormc/database.hpp>
#include <ormc/postgres/statement.hpp>
#include <ormc/query_state.hpp>
#include <ormc/row_fields.hpp>
#include <ormc/sqlite/statement.hpp>
#include <string>
#include <string_view>
#include <tuple>
#include <type_traits>
#include <utility>
#include <vector>

namespace ormc::detail {

/// `"a", sum("b")`: the SELECT list of columns C, joined at compile time.
template <class... C> struct column_list {
  static constexpr std::size_t size = (C::sql.size() + ...) + 2 * (sizeof...(C) - 1);
  static constexpr std::array<char, size> text = [] {
    std::array<char, size> out{};
    std::size_t i = 0;
    for (std::string_view part : {C::sql...}) {
      if (i) out[i++] = ',', out[i++] = ' ';
      for (char c : part)
        out[i++] = c;
    }
    return out;
  }();
  static constexpr std::string_view sql{text.data(), size};
};

/// How the library's statement loop hands each result row to the typed code: `append` reads
/// the row into a new element of the std::vector at `rows`, one function per backend.
struct ProjectionSink {
  void* rows;
  void (*append_sqlite)(sqlite::Statement& s, void* rows);
  void (*append_postgresql)(postgres::Statement& s, void* rows);

  auto append_for(sqlite::Statement&) const noexcept { return append_sqlite; }
  auto append_for(postgres::Statement&) const noexcept { return append_postgresql; }
};

/// Runs the SELECT of `columns` over the query (WHERE, GROUP BY, HAVING, order, limit) and
/// appends each row through `sink`. Compiled once, in the library.
void read_projection(Database& db, const QueryState& q,
                     const ModelStatements& (*statements)(Dialect), std::string_view model,
                     std::string_view columns, ProjectionSink sink);

/// Whether each member of a struct (its fields_of() places) has the type of its column.
template <class Places, class... C, std::size_t... I>
constexpr bool members_match(std::index_sequence<I...>) {
  return (std::is_same_v<std::remove_reference_t<std::tuple_element_t<I, Places>>,
                         typename C::value_type> &&
          ...);
}
template <class S, class... C> constexpr bool members_match() {
  using places = decltype(fields_of(std::declval<S&>()));
  return members_match<places, C...>(std::index_sequence_for<C...>{});
}

template <class... C, class Statement, class Tuple, std::size_t... I>
void read_columns(Statement& statement, Tuple& row, std::index_sequence<I...>) {
  (statement.read(static_cast<int>(I),
                  as_stored<std::tuple_element_t<I, std::tuple<C...>>>(std::get<I>(row))),
   ...);
}

template <class Statement, class Row, class... C> void append_row(Statement& s, void* rows) {
  Row& row = static_cast<std::vector<Row>*>(rows)->emplace_back();
  if constexpr (is_tuple<Row>::value) {
    read_columns<C...>(s, row, std::index_sequence_for<C...>{});
  } else {
    auto fields = fields_of(row);
    read_columns<C...>(s, fields, std::index_sequence_for<C...>{});
  }
}

/// The query's rows as Row: a std::tuple of the columns' types, or an aggregate struct whose
/// members take them in order. One statement: the WHERE, GROUP BY, HAVING, order and limit.
template <class Row, class... C>
std::vector<Row> project(Database& db, const QueryState& q,
                         const ModelStatements& (*statements)(Dialect), std::string_view model) {
  if constexpr (!is_tuple<Row>::value) {
    static_assert(field_count<Row> == sizeof...(C),
                  "ormc: select<S>() names one column per member of S (see 'Row' and 'C' below)");
    static_assert(members_match<Row, C...>(),
                  "ormc: each member of S has the type of its column in select<S>(), in order "
                  "(see 'Row' and 'C' below)");
  }
  std::vector<Row> rows;
  read_projection(db, q, statements, model, column_list<C...>::sql,
                  {&rows, &append_row<sqlite::Statement, Row, C...>,
                   &append_row<postgres::Statement, Row, C...>});
  return rows;
}

} // namespace ormc::detail
