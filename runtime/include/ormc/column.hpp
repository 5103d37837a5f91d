// Typed columns and the conditions built from them. Generated code gives each model a struct of
// columns (`Task_::title`); each column has a type of its own, so a mistake names the column in
// the compiler's message:
//
//   m.tasks.where(Task_::done == false && Task_::title.like("%db%"))
//   Task_::title == 42       // error: ... [with C = app::Task_::columns::title; V = int]
#pragma once

#include <chrono>
#include <concepts>
#include <memory>
#include <optional>
#include <ormc/decimal.hpp>
#include <ormc/dialect.hpp>
#include <ormc/sql_text.hpp>
#include <ormc/storage.hpp>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

namespace ormc {

template <class Model> struct ModelTraits;

namespace detail {
template <class T> struct unwrap_optional { using type = T; };
template <class T> struct unwrap_optional<std::optional<T>> { using type = T; };
template <class T> struct is_time_point : std::false_type {};
template <class D>
struct is_time_point<std::chrono::time_point<std::chrono::system_clock, D>> : std::true_type {};

/// Whether a value of type V may stand beside a column holding T (or std::optional<T>).
template <class T, class V> constexpr bool comparable() {
  using U = typename unwrap_optional<T>::type;
  using W = std::remove_cvref_t<V>;
  if constexpr (std::is_same_v<U, std::string>)
    return std::is_convertible_v<V, std::string_view>;
  else if constexpr (std::is_same_v<U, bool>)
    return std::is_same_v<W, bool>;
  else if constexpr (std::is_enum_v<U>)
    return std::is_same_v<W, U>;
  else if constexpr (std::is_integral_v<U>)
    return std::is_integral_v<W> && !std::is_same_v<W, bool>;
  else if constexpr (std::is_floating_point_v<U>)
    return std::is_arithmetic_v<W> && !std::is_same_v<W, bool>;
  else if constexpr (is_date_v<U> || is_duration_v<U>)
    return std::is_convertible_v<W, U>; // a date from either date type; lossless durations
  else if constexpr (is_time_point<U>::value)
    return is_time_point<W>::value && !is_date_v<W>;
  else if constexpr (is_decimal_v<U> && is_decimal_v<W>)
    return U::scale == W::scale; // an expression's decimal<18, S> beside a column's decimal<P, S>
  else
    return std::is_same_v<W, U>;
}

/// How a value compared with a column of type T is kept until the statement binds it.
template <class T, class V> auto stored(V&& value) {
  using U = typename unwrap_optional<T>::type;
  if constexpr (std::is_same_v<U, std::string>)
    return std::string(std::string_view(value));
  else if constexpr (is_date_v<U> || is_duration_v<U>)
    return U(value);
  else if constexpr (std::is_same_v<U, bool> || std::is_enum_v<U> || is_time_point<U>::value)
    return std::remove_cvref_t<V>(value);
  else if constexpr (std::is_arithmetic_v<U>)
    return static_cast<U>(value);
  else if constexpr (is_decimal_v<U>)
    return U::from_units(value.units());
  else
    return U(std::forward<V>(value));
}

/// stored<>(), kept for column C's storage: a time_point column stored other than natively
/// binds its values the way the column's own member binds.
template <class C, class V> auto stored_for(V&& value) {
  auto kept = stored<typename C::value_type>(std::forward<V>(value));
  if constexpr (C::time_storage == Storage::native)
    return kept;
  else
    return stored_value<C::time_storage, decltype(kept)>{std::move(kept)};
}

/// A member of column C's model, as C's storage binds and reads it.
template <class C, class T> decltype(auto) as_stored(T& member) {
  if constexpr (C::time_storage == Storage::native)
    return (member);
  else
    return stored_member<C::time_storage, T>{member};
}
} // namespace detail

struct ModelStatements;
namespace detail {
class QueryState;
}

/// A query used inside a condition: one column (or expression, or aggregate) C selected from
/// its rows, as Query::subquery(C) and GroupedQuery::subquery(C) make it. `Grouped`: the
/// query has groups (one value per group).
///   m.customers.where(Customer_::id.in(m.orders.where(Order_::total_cents > 5000)
///                                          .subquery(Order_::customer_id)))
template <class C, bool Grouped> struct Subquery {
  using column_type = C;
  std::shared_ptr<const detail::QueryState> state;
  const ModelStatements& (*statements)(Dialect);
  std::string_view model; // the C++ name, for messages
};

namespace detail {
template <class T> struct is_subquery : std::false_type {};
template <class C, bool G> struct is_subquery<Subquery<C, G>> : std::true_type {};
} // namespace detail

/// A generated column type: derives from ormc::column and names its SQL identifier.
template <class C>
concept Column = requires {
  typename C::model_type;
  typename C::value_type;
  { C::sql } -> std::convertible_to<std::string_view>;
};

/// A condition over the columns of one model: it writes its SQL and values into a fragment.
template <class E>
concept Condition = requires(const E& e, detail::SqlFragment& f) {
  typename E::model_type;
  e.write(f);
};

namespace detail {
/// Whether column-like C is an aggregate (sum, count, ...), which only GroupedQuery accepts.
template <class C> constexpr bool is_aggregate() {
  if constexpr (requires { C::is_aggregate; })
    return C::is_aggregate;
  else
    return false;
}
/// Whether condition E compares an aggregate: HAVING's, never WHERE's.
template <class E> constexpr bool uses_aggregate() {
  if constexpr (requires { E::aggregates; })
    return E::aggregates;
  else
    return false;
}

/// Column-like C as conditions write it: its SQL and its model's table (ColumnName).
// A constant, not a function: each column a condition names would otherwise add one.
template <class C>
inline constexpr ColumnName column_name{C::sql, &ModelTraits<typename C::model_type>::statements};

/// The models a condition over columns of several uses, as its model_type: models<A, B>.
template <class... M> struct models {};
template <class T> struct model_list { using type = models<T>; };
template <class... M> struct model_list<models<M...>> { using type = models<M...>; };
template <class Set, class List> struct add_models { using type = Set; };
template <class... S, class M, class... Rest> struct add_models<models<S...>, models<M, Rest...>> {
  using type = typename add_models<
      std::conditional_t<(std::is_same_v<S, M> || ...), models<S...>, models<S..., M>>,
      models<Rest...>>::type;
};
template <class Set> struct one_model { using type = Set; };
template <class M> struct one_model<models<M>> { using type = M; };
/// The model_type of a condition over columns of A and of B: A when they are the same.
template <class A, class B>
using model_union_t = typename one_model<
    typename add_models<typename model_list<A>::type, typename model_list<B>::type>::type>::type;
/// Whether a condition's model_type names more than one model.
template <class T> constexpr bool is_model_set = false;
template <class... M> constexpr bool is_model_set<models<M...>> = true;
/// Whether every model of a condition's model_type is one of M.
template <class T, class... M> struct uses_only;
template <class U, class... M> constexpr bool is_one_of = (std::is_same_v<U, M> || ...);
template <class... U, class... M> struct uses_only<models<U...>, M...> {
  static constexpr bool value = (is_one_of<U, M...> && ...);
};
template <class T, class... M>
constexpr bool uses_only_v = uses_only<typename model_list<T>::type, M...>::value;

template <Column C, class V> struct comparison {
  using model_type = typename C::model_type;
  static constexpr bool aggregates = is_aggregate<C>();
  sql::Comparison op;
  V value;
  void write(SqlFragment& f) const { f.compare(column_name<C>, op, value); }
};

template <Column C> struct null_test {
  using model_type = typename C::model_type;
  static constexpr bool aggregates = is_aggregate<C>();
  bool is_null;
  void write(SqlFragment& f) const { f.null_test(column_name<C>, is_null); }
};

template <Column C, class V> struct membership {
  using model_type = typename C::model_type;
  static constexpr bool aggregates = is_aggregate<C>();
  std::vector<V> values;
  void write(SqlFragment& f) const { f.in_list(column_name<C>, values); }
};

template <Column C, class V> struct range {
  using model_type = typename C::model_type;
  static constexpr bool aggregates = is_aggregate<C>();
  V low, high;
  void write(SqlFragment& f) const { f.between(column_name<C>, low, high); }
};

template <Column C> struct pattern {
  using model_type = typename C::model_type;
  static constexpr bool aggregates = is_aggregate<C>();
  std::string text;
  bool fold_case = false;
  void write(SqlFragment& f) const { f.like(column_name<C>, text, fold_case); }
};

/// `column IN (subquery)`.
template <Column C, class S, bool G> struct in_subquery {
  using model_type = typename C::model_type;
  static constexpr bool aggregates = is_aggregate<C>();
  Subquery<S, G> query;
  void write(SqlFragment& f) const {
    f.in_query(column_name<C>, *query.state, query.statements, query.model, S::sql);
  }
};

/// `column op (subquery)`, the subquery giving one value.
template <Column C, class S> struct subquery_comparison {
  using model_type = typename C::model_type;
  static constexpr bool aggregates = is_aggregate<C>();
  sql::Comparison op;
  Subquery<S, false> query;
  void write(SqlFragment& f) const {
    f.compare_query(column_name<C>, op, *query.state, query.statements, query.model, S::sql);
  }
};

/// `left op right`, two columns (of one model, or of two joined ones).
template <Column L, Column R> struct column_comparison {
  using model_type = model_union_t<typename L::model_type, typename R::model_type>;
  static constexpr bool aggregates = is_aggregate<L>() || is_aggregate<R>();
  sql::Comparison op;
  void write(SqlFragment& f) const { f.compare_columns(column_name<L>, op, column_name<R>); }
};

template <Condition L, Condition R> struct both {
  using model_type = model_union_t<typename L::model_type, typename R::model_type>;
  static constexpr bool aggregates = uses_aggregate<L>() || uses_aggregate<R>();
  L left;
  R right;
  sql::Logical op;
  void write(SqlFragment& f) const {
    f.open_group();
    left.write(f);
    f.separate(op);
    right.write(f);
    f.close_group();
  }
};

template <Condition E> struct negation {
  using model_type = typename E::model_type;
  static constexpr bool aggregates = uses_aggregate<E>();
  E inner;
  void write(SqlFragment& f) const {
    f.open_not();
    inner.write(f);
    f.close_group();
  }
};

template <Column C, class V> struct assignment {
  using model_type = typename C::model_type;
  V value;
};

template <Column C> struct ordering {
  using model_type = typename C::model_type;
  bool descending;
};

template <Column C, class V> auto compare(sql::Comparison op, V&& value) {
  if constexpr (is_subquery<std::remove_cvref_t<V>>::value) {
    using Q = std::remove_cvref_t<V>;
    using S = typename Q::column_type;
    static_assert(std::is_same_v<Q, Subquery<S, false>> && is_aggregate<S>(),
                  "ormc: a comparison with a subquery needs one value: an aggregate of a query "
                  "without groups, e.g. q.subquery(ormc::avg(col)); in() takes a list of values "
                  "(see 'V' below)");
    static_assert(comparable<typename C::value_type,
                             typename unwrap_optional<typename S::value_type>::type>(),
                  "ormc: the subquery's value does not match the column's type (see 'C' and "
                  "'V' below)");
    return subquery_comparison<C, S>{op, value};
  } else if constexpr (Column<std::remove_cvref_t<V>>) {
    using R = std::remove_cvref_t<V>;
    static_assert(comparable<typename C::value_type,
                             typename unwrap_optional<typename R::value_type>::type>(),
                  "ormc: the two columns' types do not match (see 'C' and 'V' below)");
    return column_comparison<C, R>{op};
  } else { // a value (in this function: each layer is one more per condition to compile)
    static_assert(C::time_storage != Storage::json,
                  "ormc: a JSON column is compared at a path: col.path<T>(\"key\", 0) == value "
                  "(see 'C' below)");
    static_assert(comparable<typename C::value_type, V>(),
                  "ormc: the value's type does not match the column's type (see 'C' and 'V' "
                  "below)");
    using S = decltype(stored_for<C>(std::forward<V>(value)));
    return comparison<C, S>{op, stored_for<C>(std::forward<V>(value))};
  }
}

/// What a value at a JSON path is compared as, for a C++ type T.
template <class T> constexpr sql::JsonScalar json_scalar() {
  if constexpr (std::is_same_v<T, std::string>)
    return sql::JsonScalar::text;
  else if constexpr (std::is_same_v<T, bool>)
    return sql::JsonScalar::boolean;
  else if constexpr (std::is_integral_v<T>)
    return sql::JsonScalar::integer;
  else
    return sql::JsonScalar::real;
}

/// One step of a JSON path: a key (text) or an array index (an integer).
sql::JsonStep json_step(std::string_view key);
sql::JsonStep json_index(long long index);
template <std::integral I> sql::JsonStep json_step(I index) {
  return json_index(static_cast<long long>(index));
}

template <Column C, class T> struct json_comparison {
  using model_type = typename C::model_type;
  std::vector<sql::JsonStep> path;
  sql::Comparison op;
  T value;
  void write(SqlFragment& f) const {
    f.json_compare(column_name<C>, path, json_scalar<T>(), op, value);
  }
};

template <Column C, class T> struct json_null_test {
  using model_type = typename C::model_type;
  std::vector<sql::JsonStep> path;
  bool is_null;
  void write(SqlFragment& f) const {
    f.json_null_test(column_name<C>, path, json_scalar<T>(), is_null);
  }
};

} // namespace detail

template <Column C, class V> auto operator==(C, V&& v) {
  return detail::compare<C>(sql::Comparison::equal, std::forward<V>(v));
}
template <Column C, class V> auto operator!=(C, V&& v) {
  return detail::compare<C>(sql::Comparison::not_equal, std::forward<V>(v));
}
template <Column C, class V> auto operator<(C, V&& v) {
  return detail::compare<C>(sql::Comparison::less, std::forward<V>(v));
}
template <Column C, class V> auto operator<=(C, V&& v) {
  return detail::compare<C>(sql::Comparison::less_equal, std::forward<V>(v));
}
template <Column C, class V> auto operator>(C, V&& v) {
  return detail::compare<C>(sql::Comparison::greater, std::forward<V>(v));
}
template <Column C, class V> auto operator>=(C, V&& v) {
  return detail::compare<C>(sql::Comparison::greater_equal, std::forward<V>(v));
}

/// Conditions over columns of two models combine into one over both, which only a join's
/// where() takes.
template <Condition L, Condition R> auto operator&&(L l, R r) {
  return detail::both<L, R>{std::move(l), std::move(r), sql::Logical::all};
}
template <Condition L, Condition R> auto operator||(L l, R r) {
  return detail::both<L, R>{std::move(l), std::move(r), sql::Logical::any};
}
template <Condition E> auto operator!(E e) {
  return detail::negation<E>{std::move(e)};
}

/// `col IS NULL`, `col IS NOT NULL`.
template <Column C> auto is_null(C) {
  return detail::null_test<C>{true};
}
template <Column C> auto is_not_null(C) {
  return detail::null_test<C>{false};
}

/// `col IN (...)`; an empty list matches nothing.
template <Column C, class V> auto in(C, std::initializer_list<V> values) {
  static_assert(detail::comparable<typename C::value_type, V>(),
                "ormc: the values' type does not match the column's type (see 'C' and 'V' below)");
  using S = decltype(detail::stored_for<C>(std::declval<const V&>()));
  std::vector<S> stored;
  for (const V& v : values)
    stored.push_back(detail::stored_for<C>(v));
  return detail::membership<C, S>{std::move(stored)};
}
template <Column C, class Range> auto in(C, const Range& values) requires requires {
  values.begin();
  values.end();
}
{
  using V = std::remove_cvref_t<decltype(*values.begin())>;
  static_assert(detail::comparable<typename C::value_type, V>(),
                "ormc: the values' type does not match the column's type (see 'C' and 'V' below)");
  using S = decltype(detail::stored_for<C>(std::declval<const V&>()));
  std::vector<S> stored;
  for (const auto& v : values)
    stored.push_back(detail::stored_for<C>(v));
  return detail::membership<C, S>{std::move(stored)};
}

/// `col IN (subquery)`: the values of one column of another query (of any model), e.g. the
/// customers with a large order. A grouped query gives one value per group.
template <Column C, class S, bool G> auto in(C, const Subquery<S, G>& query) {
  static_assert(
      detail::comparable<typename C::value_type,
                         typename detail::unwrap_optional<typename S::value_type>::type>(),
      "ormc: the subquery's values do not match the column's type (see 'C' and 'S' "
      "below)");
  return detail::in_subquery<C, S, G>{query};
}

namespace detail {
/// The models of a condition's model_type other than M.
template <class Set, class M> struct without_model;
template <class M> struct without_model<models<>, M> { using type = models<>; };
template <class M, class First, class... Rest> struct without_model<models<First, Rest...>, M> {
  using rest = typename without_model<models<Rest...>, M>::type;
  using type = std::conditional_t<std::is_same_v<First, M>, rest,
                                  typename add_models<models<First>, rest>::type>;
};

/// `EXISTS (SELECT 1 FROM inner WHERE condition)`, the condition naming the outer rows.
template <class Inner, Condition E> struct exists_test {
  using others =
      typename without_model<typename model_list<typename E::model_type>::type, Inner>::type;
  using model_type = typename one_model<others>::type;
  static constexpr bool aggregates = false;
  E condition;
  void write(SqlFragment& f) const {
    SqlFragment inner(f.dialect(), true);
    condition.write(inner);
    f.exists(&ModelTraits<Inner>::statements, inner);
  }
};
} // namespace detail

/// Whether a row of Inner meets `condition`, which names columns of Inner and of the query's
/// own model (a correlated subquery): the artists with an album, `m.artists.where(
/// ormc::exists<Album>(Album_::artist_id == Artist_::artist_id))`; negated with `!`.
template <class Inner, Condition E> auto exists(E condition) {
  using test = detail::exists_test<Inner, E>;
  static_assert(
      !std::is_same_v<typename test::others, detail::models<>> &&
          !detail::is_model_set<typename test::model_type>,
      "ormc: exists<B>(condition) correlates B with the query's model: the condition names "
      "columns of B and of that one model (see 'E' below)");
  return test{std::move(condition)};
}

/// `col BETWEEN low AND high`.
template <Column C, class V> auto between(C, V&& low, V&& high) {
  static_assert(detail::comparable<typename C::value_type, V>(),
                "ormc: the value's type does not match the column's type (see 'C' and 'V' below)");
  using S = decltype(detail::stored_for<C>(std::forward<V>(low)));
  return detail::range<C, S>{detail::stored_for<C>(std::forward<V>(low)),
                             detail::stored_for<C>(std::forward<V>(high))};
}

/// `col LIKE pattern`, for text columns: `%` any text, `_` one character, `\` escapes either.
/// Case-sensitive on both backends (`ilike()` is not).
template <Column C> auto like(C, std::string_view pattern) {
  static_assert(
      std::is_same_v<typename detail::unwrap_optional<typename C::value_type>::type, std::string>,
      "ormc: like() applies to text columns (see 'C' below)");
  return detail::pattern<C>{std::string(pattern), false};
}

/// like(), ignoring case: `lower(col) LIKE lower(pattern)` (SQLite folds ASCII letters only).
template <Column C> auto ilike(C, std::string_view pattern) {
  static_assert(
      std::is_same_v<typename detail::unwrap_optional<typename C::value_type>::type, std::string>,
      "ormc: ilike() applies to text columns (see 'C' below)");
  return detail::pattern<C>{std::string(pattern), true};
}

/// `ORDER BY col ASC|DESC`.
template <Column C> auto asc(C) {
  return detail::ordering<C>{false};
}
template <Column C> auto desc(C) {
  return detail::ordering<C>{true};
}

/// `SET col = value`, for Query::update().
template <Column C, class V> auto set(C, V&& value) {
  static_assert(
      requires { C::member; }, "ormc: set() applies to columns, not expressions");
  static_assert(detail::comparable<typename C::value_type, V>() ||
                    std::is_convertible_v<V, typename C::value_type>,
                "ormc: the value's type does not match the column's type (see 'C' and 'V' below)");
  using T = typename C::value_type;
  if constexpr (C::time_storage == Storage::native) {
    using S = std::remove_cvref_t<decltype(T(std::forward<V>(value)))>;
    return detail::assignment<C, S>{S(std::forward<V>(value))};
  } else {
    using S = detail::stored_value<C::time_storage, T>;
    return detail::assignment<C, S>{S{T(std::forward<V>(value))}};
  }
}

/// The value at a path inside JSON column C, compared as T (std::string, bool, an integer or a
/// floating-point type): `Doc_::attrs.path<std::int64_t>("owner", "age") > 30`. A path that
/// leads nowhere, or to a JSON null, is NULL: it meets no comparison, and is_null().
template <Column C, class T> struct json_path {
  static_assert(std::is_same_v<T, std::string> || std::is_arithmetic_v<T>,
                "ormc: a JSON path is compared as std::string, bool, an integer or a "
                "floating-point type (see 'T' below)");
  std::vector<sql::JsonStep> steps;

  template <class V> auto compare(sql::Comparison op, V&& value) const {
    static_assert(detail::comparable<T, V>(),
                  "ormc: the value's type does not match the path's type (see 'T' and 'V' below)");
    using S = decltype(detail::stored<T>(std::forward<V>(value)));
    return detail::json_comparison<C, S>{steps, op, detail::stored<T>(std::forward<V>(value))};
  }
  template <class V> auto operator==(V&& v) const {
    return compare(sql::Comparison::equal, std::forward<V>(v));
  }
  template <class V> auto operator!=(V&& v) const {
    return compare(sql::Comparison::not_equal, std::forward<V>(v));
  }
  template <class V> auto operator<(V&& v) const {
    return compare(sql::Comparison::less, std::forward<V>(v));
  }
  template <class V> auto operator<=(V&& v) const {
    return compare(sql::Comparison::less_equal, std::forward<V>(v));
  }
  template <class V> auto operator>(V&& v) const {
    return compare(sql::Comparison::greater, std::forward<V>(v));
  }
  template <class V> auto operator>=(V&& v) const {
    return compare(sql::Comparison::greater_equal, std::forward<V>(v));
  }
  auto is_null() const { return detail::json_null_test<C, T>{steps, true}; }
  auto is_not_null() const { return detail::json_null_test<C, T>{steps, false}; }
};

/// Base of every generated column type: `Self` is the generated type (its name is in every
/// message about a misuse), `Model` the table's struct, `T` the member's type, `S` how a
/// time_point member is stored.
template <class Self, class Model, class T, Storage S = Storage::native> struct column {
  using model_type = Model;
  using value_type = T;
  static constexpr Storage time_storage = S;

  auto is_null() const { return ormc::is_null(Self{}); }
  auto is_not_null() const { return ormc::is_not_null(Self{}); }
  template <class V> auto in(std::initializer_list<V> values) const {
    return ormc::in(Self{}, values);
  }
  template <class Range> auto in(const Range& values) const { return ormc::in(Self{}, values); }
  template <class V> auto between(V&& low, V&& high) const {
    return ormc::between(Self{}, std::forward<V>(low), std::forward<V>(high));
  }
  auto like(std::string_view pattern) const { return ormc::like(Self{}, pattern); }
  auto ilike(std::string_view pattern) const { return ormc::ilike(Self{}, pattern); }
  auto asc() const { return ormc::asc(Self{}); }
  auto desc() const { return ormc::desc(Self{}); }
  template <class V> auto set(V&& value) const { return ormc::set(Self{}, std::forward<V>(value)); }
  /// A JSON column's value at a path of keys (text) and array indexes (integers), compared as
  /// As: see json_path.
  template <class As, class... Steps> json_path<Self, As> path(Steps&&... steps) const {
    static_assert(S == Storage::json, "ormc: path() applies to JSON columns (see 'Self' below)");
    static_assert(sizeof...(Steps) > 0, "ormc: a JSON path has at least one step");
    return {{detail::json_step(std::forward<Steps>(steps))...}};
  }
};

} // namespace ormc
