// Scalar subqueries in a select(): one value per row from another table, read like a column.
//
//   struct AlbumCount { std::string name; std::int64_t albums; };
//   m.artists.query().select<AlbumCount>(
//       Artist_::name,
//       ormc::scalar<Album>(ormc::count<Album>(), Album_::artist_id == Artist_::artist_id));
//   // SELECT "Name", (SELECT count(*) FROM "Album" WHERE "Album"."ArtistId" =
//   //                 "Artist"."ArtistId") FROM "Artist" ...
//
//   auto longest = m.tracks.query().subquery(ormc::max(Track_::milliseconds));
//   m.tracks.where(...).select(Track_::name, ormc::scalar(longest)); // the same value each row
//
// The subquery's value is an aggregate, so that it is one value whatever the rows: count()
// gives 0 over no rows, every other aggregate an empty std::optional (SQL's NULL).
#pragma once

#include <cstdint>
#include <optional>
#include <ormc/aggregate.hpp>
#include <ormc/column.hpp>
#include <ormc/sql_text.hpp>
#include <type_traits>

namespace ormc {

namespace detail {
template <class A> constexpr bool is_count = false;
template <class C> constexpr bool is_count<aggregate<C, sql::AggregateFunction::count>> = true;
/// What aggregate A gives as a scalar subquery: count() a number, the others NULL over no rows.
template <class A>
using scalar_value_t = std::conditional_t<is_count<A>, typename A::value_type,
                                          std::optional<plain_t<typename A::value_type>>>;

/// `(SELECT aggregate FROM inner WHERE condition)`, the condition naming the outer rows.
template <class Inner, Column A, Condition E> struct correlated_scalar {
  using others =
      typename without_model<typename model_list<typename E::model_type>::type, Inner>::type;
  using model_type = typename one_model<others>::type;
  using value_type = scalar_value_t<A>;
  static constexpr Storage time_storage = A::time_storage;
  E condition;
  void write_selected(SqlFragment& f) const {
    SqlFragment inner(f.dialect(), true);
    condition.write(inner);
    f.select_correlated(&ModelTraits<Inner>::statements, column_name<A>, inner);
  }
};

/// `(SELECT aggregate FROM ...)`: another query's one value, the same in every row.
template <Column A> struct uncorrelated_scalar {
  using model_type = void; // any query's select() takes it
  using value_type = scalar_value_t<A>;
  static constexpr Storage time_storage = A::time_storage;
  Subquery<A, false> query;
  void write_selected(SqlFragment& f) const {
    f.select_query(*query.state, query.statements, query.model, A::sql);
  }
};

/// A select() item written when the query runs (a scalar subquery), not known when compiled.
template <class C>
concept WrittenColumn = requires(const C& c, SqlFragment& f) {
  typename C::model_type;
  typename C::value_type;
  c.write_selected(f);
};

/// Whether select() item C may stand in a query of Model.
template <class C, class Model>
constexpr bool selects_from =
    std::is_void_v<typename C::model_type> || std::is_same_v<typename C::model_type, Model>;

/// The SELECT list of `columns`, written for `dialect`: their values bind first.
template <class... C> SqlFragment written_columns(Dialect dialect, const C&... columns) {
  SqlFragment list(dialect);
  auto write = [&](const auto& column) {
    using T = std::remove_cvref_t<decltype(column)>;
    if constexpr (WrittenColumn<T>)
      column.write_selected(list);
    else
      list.select_item(column_name<T>);
  };
  (write(columns), ...);
  return list;
}
} // namespace detail

/// A column or expression (known when compiled), or a scalar subquery: what select() takes.
template <class C>
concept Selectable = Column<C> || detail::WrittenColumn<C>;

/// One value per row of the outer query: `aggregate` over the rows of Inner that meet
/// `condition`, which names columns of Inner and of the outer query's model.
template <class Inner, Column A, Condition E> auto scalar(A, E condition) {
  using value = detail::correlated_scalar<Inner, A, E>;
  static_assert(detail::is_aggregate<A>(),
                "ormc: scalar<B>(value, condition) gives one value per row: an aggregate of B, "
                "e.g. ormc::count<B>() or ormc::max(B_::column) (see 'A' below)");
  static_assert(std::is_same_v<typename A::model_type, Inner>,
                "ormc: scalar<B>(aggregate, condition) aggregates columns of B (see 'A' below)");
  static_assert(
      !std::is_same_v<typename value::others, detail::models<>> &&
          !detail::is_model_set<typename value::model_type>,
      "ormc: scalar<B>(aggregate, condition) correlates B with the query's model: the condition "
      "names columns of B and of that one model (see 'E' below)");
  return value{std::move(condition)};
}

/// Another query's one value (q.subquery(ormc::max(...))) in every row of a select().
template <class A, bool Grouped> auto scalar(const Subquery<A, Grouped>& query) {
  static_assert(!Grouped && detail::is_aggregate<A>(),
                "ormc: scalar(subquery) takes one value: an aggregate of a query without "
                "groups, e.g. q.subquery(ormc::max(col)) (see 'A' below)");
  return detail::uncorrelated_scalar<A>{query};
}

} // namespace ormc
