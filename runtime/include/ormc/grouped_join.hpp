// A join whose rows are groups: JoinQuery::group_by(columns...) makes one. Grouped columns and
// aggregates may come from any joined model:
//
//   struct ArtistTracks { std::optional<std::string> artist; std::int64_t tracks; };
//   m.tracks.join<Album>().join<Artist>()
//       .group_by(Artist_::name)
//       .having(ormc::count<Track>() >= 2)
//       .order_by(ormc::sum(Track_::milliseconds).desc())
//       .select<ArtistTracks>(Artist_::name, ormc::count<Track>());
//
// As in a grouped query, what a group cannot give is refused at compile time: a column neither
// grouped nor aggregated in select() or order_by(), a column of a model not joined.
#pragma once

#include <cstdint>
#include <optional>
#include <ormc/aggregate.hpp>
#include <ormc/column.hpp>
#include <ormc/database.hpp>
#include <ormc/join_state.hpp>
#include <ormc/scalar.hpp>
#include <string>
#include <tuple>
#include <type_traits>
#include <vector>

namespace ormc {

template <class Join, Column... G> class GroupedJoinQuery {
public:
  GroupedJoinQuery(Database& db, detail::JoinState state) : db_(&db), state_(std::move(state)) {}

  /// Keeps the groups that meet `condition` (HAVING): over aggregates or grouped columns.
  template <Condition E> GroupedJoinQuery having(E condition) const {
    Join::template check_models<typename E::model_type>();
    detail::SqlFragment written(db_->dialect(), true);
    condition.write(written);
    return {*db_, detail::with_having(state_, std::move(written))};
  }

  template <Column C> GroupedJoinQuery order_by(C column) const { return order_by(asc(column)); }
  template <Column C> GroupedJoinQuery order_by(detail::ordering<C> ordering) const {
    Join::template check_models<typename C::model_type>();
    static_assert(of_a_group<C>(), "ormc: after group_by(), order_by() takes a grouped column or "
                                   "an aggregate (see 'C' below)");
    return {*db_,
            detail::with_order(state_, db_->dialect(), detail::column_name<C>, ordering.descending,
                               detail::is_optional_v<typename result_column<C>::value_type>)};
  }

  GroupedJoinQuery limit(std::int64_t n) const { return {*db_, detail::with_limit(state_, n)}; }
  GroupedJoinQuery offset(std::int64_t n) const { return {*db_, detail::with_offset(state_, n)}; }

  /// One tuple per group; a grouped column of a left-joined model, and an aggregate other than
  /// count() over one, is a std::optional (the group of rows without that model).
  template <class... C> auto select(C...) const {
    return select<std::tuple<typename result_column<C>::value_type...>, C...>(C{}...);
  }
  /// One S per group: any aggregate struct with one member per column, of its type, in order.
  template <class S, class... C> std::vector<S> select(C...) const {
    static_assert(sizeof...(C) > 0, "ormc: select() needs at least one column");
    (Join::template check_models<typename C::model_type>(), ...);
    static_assert((of_a_group<C>() && ...),
                  "ormc: after group_by(), select() takes the grouped columns and aggregates "
                  "(see 'C' below)");
    return Join::template project_into<S, result_column<C>...>(*db_, state_);
  }

  /// The SQL select(columns...) runs in `dialect`, for logs and tests.
  template <class... C> std::string sql(Dialect dialect, C...) const {
    const detail::ColumnName columns[] = {detail::column_name<C>...};
    return detail::join_projection_sql(state_, dialect, columns);
  }

private:
  /// Whether C has one value per group: a grouped column, or an aggregate.
  template <class C> static constexpr bool of_a_group() {
    return detail::is_aggregate<C>() || (std::is_same_v<C, G> || ...);
  }
  /// How column C of a group reads: a left-joined model's column, or an aggregate over one
  /// that is NULL over NULLs, as a std::optional; count() is a number whatever it counts.
  template <class C>
  using result_column =
      std::conditional_t<detail::is_count<C>, C, typename Join::template result_column<C>>;

  Database* db_;
  detail::JoinState state_;
};

} // namespace ormc
