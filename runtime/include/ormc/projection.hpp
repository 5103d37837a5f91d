// Reading chosen columns, expressions and aggregates of a query into tuples or named structs:
// what Query::select() and GroupedQuery::select() share.
#pragma once

#include <ormc/column.hpp>
#include <ormc/database.hpp>
#include <ormc/query_state.hpp>
#include <ormc/row_fields.hpp>
#include <string>
#include <tuple>
#include <type_traits>
#include <utility>
#include <vector>

namespace ormc::detail {

/// `"a", sum("b")`: the SELECT list of columns C.
template <class... C> std::string column_list() {
  std::string columns;
  ((columns += (columns.empty() ? "" : ", ") + std::string(C::sql)), ...);
  return columns;
}

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
  std::string columns = column_list<C...>();
  return db.with_connection([&](auto& conn) {
    check_dialect(q, conn.dialect_v, model);
    std::vector<Row> rows;
    auto statement =
        conn.prepare(select_sql(q, statements(conn.dialect_v), conn.dialect_v, columns));
    int index = 1;
    bind_where(*statement, index, q);
    bind_having(*statement, index, q);
    bind_limit(*statement, index, q);
    while (statement->step()) {
      Row& row = rows.emplace_back();
      if constexpr (is_tuple<Row>::value) {
        read_columns<C...>(*statement, row, std::index_sequence_for<C...>{});
      } else {
        auto fields = fields_of(row);
        read_columns<C...>(*statement, fields, std::index_sequence_for<C...>{});
      }
    }
    return rows;
  });
}

} // namespace ormc::detail
