// Queries over several models at once: inner and left joins along declared foreign keys or on
// an explicit condition, with conditions and order over any joined model, read into tuples of
// models (a left-joined one optional) or projected into tuples and named structs.
//
//   for (auto& [album, artist] : m.albums.join<Artist>().where(Artist_::name == "AC/DC").all())
//   std::vector<std::tuple<Artist, std::optional<Album>>> all =
//       m.artists.left_join<Album>().order_by(Artist_::name).all();
//   auto titles = m.albums.join<Artist>(Album_::artist_id == Artist_::artist_id)
//                     .select<TitleAndArtist>(Album_::title, Artist_::name);
//
// Every column is qualified by its table ("album"."title"); models are checked at compile time
// like a query's conditions.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <ormc/column.hpp>
#include <ormc/database.hpp>
#include <ormc/join_state.hpp>
#include <ormc/model.hpp>
#include <ormc/projection.hpp>
#include <ormc/row_fields.hpp>
#include <string>
#include <tuple>
#include <type_traits>
#include <utility>
#include <vector>

namespace ormc {

template <class Model> class Query;

namespace detail {
/// A JoinQuery's parameter: a model, or std::optional of one that is left-joined.
template <class J> struct joined_model { using type = J; };
template <class J> struct joined_model<std::optional<J>> { using type = J; };
template <class J> using model_of_t = typename joined_model<J>::type;

/// How many foreign key columns of A reference B's table.
template <class A, class B> constexpr int references() {
  int n = 0;
  for (std::string_view table : ModelTraits<A>::referenced_tables)
    if (table == ModelTraits<B>::table_name) ++n;
  return n;
}
/// How many foreign key columns link B with any of M, either way.
template <class B, class... M> constexpr int links() {
  return ((references<M, B>() + references<B, M>()) + ...);
}

/// Column C of a left-joined model: NULL where the row has no such model.
template <class C> struct left_joined : C {
  using value_type = std::optional<typename unwrap_optional<typename C::value_type>::type>;
};

template <class T> struct is_pair : std::false_type {};
template <class A, class B> struct is_pair<std::pair<A, B>> : std::true_type {};

/// The I-th part of a joined row: a model, or an optional one made present to be read into.
template <class Row, std::size_t I> void* part_of(void* rows) {
  auto& part = std::get<I>(static_cast<std::vector<Row>*>(rows)->back());
  if constexpr (is_optional_v<std::remove_reference_t<decltype(part)>>)
    return &part.emplace();
  else
    return &part;
}
/// JoinQuery<Parts..., B> (B optional when Left): `state` with B joined (defined below
/// JoinQuery, which it constructs).
template <class B, bool Left, class... Parts, class... On>
auto join_next(Database& db, const JoinState& state, On... on);

template <class Row, std::size_t... I>
JoinSink join_sink(std::vector<Row>& rows, std::index_sequence<I...>) {
  static constexpr std::array<void* (*)(void*), sizeof...(I)> parts{&part_of<Row, I>...};
  return {&rows, [](void* r) { static_cast<std::vector<Row>*>(r)->emplace_back(); },
          [](void* r, std::size_t table) { return parts[table](r); }};
}
} // namespace detail

template <class Join, Column... G> class GroupedJoinQuery;

/// A query over Base and the models joined to it, in order; a left-joined model appears as
/// std::optional<Model> among Joined. Made by Table::join<B>() and Table::left_join<B>().
template <class Base, class... Joined> class JoinQuery {
public:
  /// What all() reads: each model, a left-joined one empty when the row had none.
  using row_type = std::tuple<Base, Joined...>;

  JoinQuery(Database& db, detail::JoinState state) : db_(&db), state_(std::move(state)) {}

  /// Joins model B along the one foreign key between it and a model joined already (either
  /// way); with `on`, on that condition instead.
  template <class B> auto join() const { return joined<B, false>(); }
  template <class B, Condition E> auto join(E on) const { return joined<B, false>(on); }
  /// join(), keeping rows with no B: their B is an empty std::optional.
  template <class B> auto left_join() const { return joined<B, true>(); }
  template <class B, Condition E> auto left_join(E on) const { return joined<B, true>(on); }

  /// Adds a condition over columns of any joined model; several are joined with AND.
  template <Condition E> JoinQuery where(E condition) const {
    check_models<typename E::model_type>();
    static_assert(!detail::uses_aggregate<E>(),
                  "ormc: a join's where() filters rows, not groups (see 'E' below)");
    detail::SqlFragment written(db_->dialect(), true);
    condition.write(written);
    return {*db_, detail::with_condition(state_, std::move(written))};
  }

  template <Column C> JoinQuery order_by(C column) const { return order_by(asc(column)); }
  template <Column C> JoinQuery order_by(detail::ordering<C> ordering) const {
    check_models<typename C::model_type>();
    static_assert(!detail::is_aggregate<C>(), "ormc: a join's order_by() of an aggregate");
    return {*db_,
            detail::with_order(state_, db_->dialect(), detail::column_name<C>, ordering.descending,
                               is_left<typename C::model_type> ||
                                   detail::is_optional_v<typename C::value_type>)};
  }
  template <class First, class... Rest> JoinQuery order_by(First first, Rest... rest) const {
    return order_by(first).order_by(rest...);
  }

  /// The joined rows in groups, one per value of `columns` (GROUP BY), of any joined model:
  /// see GroupedJoinQuery. The join's conditions choose the rows that are grouped; order and
  /// limit apply to the groups, so they follow group_by().
  template <Column... G> GroupedJoinQuery<JoinQuery, G...> group_by(G...) const {
    static_assert(sizeof...(G) > 0, "ormc: group_by() needs at least one column");
    (check_models<typename G::model_type>(), ...);
    static_assert((!detail::is_aggregate<G>() && ...),
                  "ormc: group_by() of an aggregate (see 'G' below)");
    const detail::ColumnName columns[] = {detail::column_name<G>...};
    return {*db_, detail::with_group_by(state_, db_->dialect(), columns)};
  }

  JoinQuery limit(std::int64_t n) const { return {*db_, detail::with_limit(state_, n)}; }
  JoinQuery offset(std::int64_t n) const { return {*db_, detail::with_offset(state_, n)}; }

  /// Every matching row: each model read whole; one statement.
  std::vector<row_type> all() const { return all<row_type>(); }
  /// all(), into a std::pair or std::tuple of the same parts (std::pair<A, std::optional<B>>).
  template <class Row> std::vector<Row> all() const {
    static_assert(detail::is_tuple<Row>::value || detail::is_pair<Row>::value,
                  "ormc: a join's all<Row>() reads into a std::tuple or std::pair of the models; "
                  "select<S>(columns...) reads columns into a struct (see 'Row' below)");
    static_assert(std::is_same_v<decltype(std::tuple_cat(std::declval<Row>())),
                                 decltype(std::tuple_cat(std::declval<row_type>()))>,
                  "ormc: all<Row>() takes the joined models in order, a left-joined one as "
                  "std::optional (see 'Row' and 'row_type' below)");
    std::vector<Row> rows;
    detail::read_joined(*db_, state_,
                        detail::join_sink(rows, std::index_sequence_for<Base, Joined...>{}));
    return rows;
  }

  /// The chosen columns of any joined model, into tuples of their types; a left-joined model's
  /// column is a std::optional, empty where the row has no such model.
  template <class... C> auto select(C...) const {
    return select<std::tuple<typename result_column<C>::value_type...>, C...>(C{}...);
  }
  /// The chosen columns, into any aggregate struct with one member per column, in order, each
  /// of the type select() gives it.
  template <class S, class... C> std::vector<S> select(C...) const {
    static_assert(sizeof...(C) > 0, "ormc: select() needs at least one column");
    (check_models<typename C::model_type>(), ...);
    static_assert((!detail::is_aggregate<C>() && ...),
                  "ormc: a join's select() of an aggregate needs groups: group_by(...).select(...) "
                  "(see 'C' below)");
    return project_into<S, result_column<C>...>(*db_, state_);
  }

  /// How many rows the join has (within limit() and offset()).
  std::int64_t count() const { return detail::count_joined(*db_, state_); }
  /// The plan of all()'s statement, one line per row.
  std::vector<std::string> explain() const { return detail::explain_join(*db_, state_); }
  /// The SQL all() runs in `dialect`, for logs and tests.
  std::string sql(Dialect dialect) const { return detail::join_sql(state_, dialect); }

private:
  template <class Join, Column... G> friend class GroupedJoinQuery;

  /// Whether model M is left-joined.
  template <class M>
  static constexpr bool is_left = (std::is_same_v<std::optional<M>, Joined> || ...);
  template <class C>
  using result_column =
      std::conditional_t<is_left<typename C::model_type>, detail::left_joined<C>, C>;

  /// The rows of `state` read into S (a tuple or a struct), one member per column C.
  template <class S, class... C>
  static std::vector<S> project_into(Database& db, const detail::JoinState& state) {
    if constexpr (!detail::is_tuple<S>::value) {
      static_assert(detail::has_fields<S, sizeof...(C)>,
                    "ormc: select<S>() names one column per member of S (see 'S' and 'C' below)");
      static_assert(detail::members_match<S, C...>(),
                    "ormc: each member of S has the type of its column in select<S>(), in order "
                    "(see 'S' and 'C' below)");
    }
    std::vector<S> rows;
    const detail::ColumnName columns[] = {detail::column_name<C>...};
    detail::read_join_projection(
        db, state, columns,
        {&rows, &detail::append_places<S, sizeof...(C)>, detail::cell_readers<C...>});
    return rows;
  }

  template <class M> static constexpr void check_models() {
    static_assert(detail::uses_only_v<M, Base, detail::model_of_t<Joined>...>,
                  "ormc: the join has no model of this column (see 'M' below)");
  }

  template <class B, bool Left, class... On> auto joined(On... on) const {
    return detail::join_next<B, Left, Base, Joined...>(*db_, state_, on...);
  }

  Database* db_;
  detail::JoinState state_;
};

namespace detail {
/// The join of `Parts` so far (`state`; a left-joined one is std::optional) with B: on the
/// condition `on`, or without one along the one foreign key between B and one of them. A free
/// function, so that a join started by Table::join<B>() instantiates only the JoinQuery it
/// returns.
template <class B, bool Left, class... Parts, class... On>
auto join_next(Database& db, const JoinState& state, On... on) {
  using Next = JoinQuery<Parts..., std::conditional_t<Left, std::optional<B>, B>>;
  static_assert(!is_one_of<B, model_of_t<Parts>...>,
                "ormc: a model is joined once (see 'B' below)");
  if constexpr (sizeof...(On) == 0) {
    static_assert(links<B, model_of_t<Parts>...>() == 1,
                  "ormc: join<B>() follows the one foreign key between B and a joined model; "
                  "there is none or more than one: name the condition, join<B>(A_::x == "
                  "B_::y) (see 'B' below)");
    return Next(db, with_join(state, db.dialect(), Query<B>::codec(), Left, nullptr));
  } else {
    using E = std::tuple_element_t<0, std::tuple<On...>>;
    static_assert(uses_only_v<typename E::model_type, B, model_of_t<Parts>...>,
                  "ormc: a join's condition uses a model not joined (see 'E' below)");
    SqlFragment condition(db.dialect(), true);
    (on.write(condition), ...);
    return Next(db, with_join(state, db.dialect(), Query<B>::codec(), Left, &condition));
  }
}
} // namespace detail

} // namespace ormc

#include <ormc/grouped_join.hpp>
