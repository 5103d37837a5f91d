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
#include <ormc/scalar.hpp>
#include <ormc/sqlite/statement.hpp>
#include <ormc/storage.hpp>
#include <span>
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

/// How one selected column's value is read from a result row into its place, per backend. It
/// depends only on the value's type and storage, so every select of a std::int64_t column (of
/// any model, into any struct) shares one pair of functions.
struct CellReader {
  void (*sqlite)(sqlite::Statement& s, int column, void* place);
  void (*postgresql)(postgres::Statement& s, int column, void* place);

  auto read_for(sqlite::Statement&) const noexcept { return sqlite; }
  auto read_for(postgres::Statement&) const noexcept { return postgresql; }
};

template <class Statement, Storage S, class T>
void read_cell(Statement& s, int column, void* place) {
  T& out = *static_cast<T*>(place);
  if constexpr (S == Storage::native)
    s.read(column, out);
  else
    s.read(column, stored_member<S, T>{out});
}
template <Storage S, class T>
inline constexpr CellReader cell_reader{&read_cell<sqlite::Statement, S, T>,
                                        &read_cell<postgres::Statement, S, T>};
/// The readers of columns C..., in order.
template <class... C>
inline constexpr std::array<CellReader, sizeof...(C)> cell_readers{
    cell_reader<C::time_storage, typename C::value_type>...};

/// How the library's statement loop hands each result row to the typed code: `append` adds an
/// element to the std::vector at `rows` and writes the address of each of its members (or tuple
/// elements) to `places`, which `cells` then read the row's columns into, in order.
struct ProjectionSink {
  void* rows;
  void (*append)(void* rows, void** places);
  std::span<const CellReader> cells;
};

/// Steps `statement` through its rows, appending each through `sink`. Compiled once, in the
/// library.
void read_rows(sqlite::Statement& statement, const ProjectionSink& sink);
void read_rows(postgres::Statement& statement, const ProjectionSink& sink);

/// The address of each element of `parts` (a std::tuple, of values or of references).
template <class Tuple, std::size_t... I>
void write_places(Tuple& parts, void** places, std::index_sequence<I...>) {
  ((places[I] = &std::get<I>(parts)), ...);
}
/// `n`: how many members a struct Row has (select<Row>() checked it). Plain index folds, not
/// std::apply: this is instantiated per call site, and each layer is a function to compile.
template <class Row, std::size_t n> void append_places(void* rows, void** places) {
  Row& row = static_cast<std::vector<Row>*>(rows)->emplace_back();
  if constexpr (is_tuple<Row>::value) {
    write_places(row, places, std::make_index_sequence<n>{});
  } else {
    auto members = fields_of<n>(row);
    write_places(members, places, std::make_index_sequence<n>{});
  }
}

/// Runs the SELECT of `columns` over the query (WHERE, GROUP BY, HAVING, order, limit) and
/// appends each row through `sink`. Compiled once, in the library.
void read_projection(Database& db, const QueryState& q,
                     const ModelStatements& (*statements)(Dialect), std::string_view model,
                     std::string_view columns, ProjectionSink sink);
/// The same with a SELECT list written when the query runs (a scalar subquery's), its values
/// bound before the query's.
void read_projection(Database& db, const QueryState& q,
                     const ModelStatements& (*statements)(Dialect), std::string_view model,
                     const SqlFragment& columns, ProjectionSink sink);

/// Whether each member of a struct (its fields_of() places) has the type of its column.
template <class Places, class... C, std::size_t... I>
constexpr bool members_match(std::index_sequence<I...>) {
  return (std::is_same_v<std::remove_reference_t<std::tuple_element_t<I, Places>>,
                         typename C::value_type> &&
          ...);
}
/// (True when S has another number of members: has_fields reports that.)
template <class S, class... C> constexpr bool members_match() {
  if constexpr (!has_fields<S, sizeof...(C)>) {
    return true;
  } else {
    using places = decltype(fields_of<sizeof...(C)>(std::declval<S&>()));
    return members_match<places, C...>(std::index_sequence_for<C...>{});
  }
}

/// The query's rows as Row: a std::tuple of the columns' types, or an aggregate struct whose
/// members take them in order. One statement: the WHERE, GROUP BY, HAVING, order and limit.
template <class Row, class... C>
std::vector<Row> project(Database& db, const QueryState& q,
                         const ModelStatements& (*statements)(Dialect), std::string_view model,
                         const C&... columns) {
  if constexpr (!is_tuple<Row>::value) {
    static_assert(has_fields<Row, sizeof...(C)>,
                  "ormc: select<S>() names one column per member of S (see 'Row' and 'C' below)");
    static_assert(members_match<Row, C...>(),
                  "ormc: each member of S has the type of its column in select<S>(), in order "
                  "(see 'Row' and 'C' below)");
  }
  std::vector<Row> rows;
  const ProjectionSink sink{&rows, &append_places<Row, sizeof...(C)>, cell_readers<C...>};
  if constexpr ((Column<C> && ...)) // the SELECT list known when compiled
    read_projection(db, q, statements, model, column_list<C...>::sql, sink);
  else
    read_projection(db, q, statements, model, written_columns(db.dialect(), columns...), sink);
  return rows;
}

} // namespace ormc::detail
