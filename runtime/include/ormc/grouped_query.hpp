// A query whose rows are groups: Query::group_by(columns...) makes one. Its select() reads the
// grouped columns and aggregates over each group; having() filters groups, order_by() orders
// them by a grouped column or an aggregate:
//
//   struct Spend { std::int64_t customer_id; std::int64_t orders; std::int64_t cents; };
//   auto big = m.orders.where(Order_::status != Status::open)
//                  .group_by(Order_::customer_id)
//                  .having(ormc::sum(Order_::total_cents) > 10000)
//                  .order_by(ormc::sum(Order_::total_cents).desc())
//                  .select<Spend>(Order_::customer_id, ormc::count<Order>(),
//                                 ormc::sum(Order_::total_cents));
//
// What a group cannot give is refused at compile time: a column neither grouped nor aggregated
// in select() or order_by(), an aggregate in where(), reading whole rows.
#pragma once

#include <cstdint>
#include <memory>
#include <ormc/aggregate.hpp>
#include <ormc/column.hpp>
#include <ormc/database.hpp>
#include <ormc/model.hpp>
#include <ormc/projection.hpp>
#include <ormc/query_state.hpp>
#include <ormc/sql_text.hpp>
#include <tuple>
#include <type_traits>
#include <utility>
#include <vector>

namespace ormc {

template <class Model> class Query;

template <class Model, Column... G> class GroupedQuery {
public:
  using traits = ModelTraits<Model>;

  /// Query::group_by() makes one; `state` holds the query's conditions and the GROUP BY.
  GroupedQuery(Database& db, detail::QueryState state) : db_(&db), state_(std::move(state)) {}

  /// Keeps the groups that meet `condition` (HAVING): over aggregates or grouped columns.
  template <Condition E> GroupedQuery having(E condition) const {
    static_assert(std::is_same_v<typename E::model_type, Model>,
                  "ormc: having() uses columns of another model (see 'E' below)");
    detail::SqlFragment written(db_->dialect());
    condition.write(written);
    return GroupedQuery(*db_, detail::with_having(state_, std::move(written)));
  }

  template <Column C> GroupedQuery order_by(C column) const { return order_by(asc(column)); }
  template <Column C> GroupedQuery order_by(detail::ordering<C> ordering) const {
    static_assert(of_a_group<C>(), "ormc: after group_by(), order_by() takes a grouped column or "
                                   "an aggregate (see 'C' below)");
    return GroupedQuery(
        *db_, detail::with_order(state_, {C::sql, ordering.descending,
                                          detail::is_optional_v<typename C::value_type>, nullptr}));
  }

  GroupedQuery limit(std::int64_t n) const {
    GroupedQuery q = *this;
    q.state_.limit = n;
    return q;
  }
  GroupedQuery offset(std::int64_t n) const {
    GroupedQuery q = *this;
    q.state_.offset = n;
    return q;
  }

  /// One tuple per group: select(Order_::customer_id, ormc::count<Order>()) gives
  /// std::vector<std::tuple<std::int64_t, std::int64_t>>.
  template <Column... C>
  std::vector<std::tuple<typename C::value_type...>> select(C... columns) const {
    check_selected<C...>();
    return detail::project<std::tuple<typename C::value_type...>>(
        *db_, state_, &Query<Model>::statements, traits::name, columns...);
  }
  /// One S per group: any aggregate struct with one member per column, of its type, in order.
  template <class S, Column... C> std::vector<S> select(C... columns) const {
    check_selected<C...>();
    return detail::project<S>(*db_, state_, &Query<Model>::statements, traits::name, columns...);
  }

  /// A grouped column or an aggregate, one value per group, as a subquery for in():
  ///   auto busy = by_customer.having(ormc::count<Order>() > 2);
  ///   m.customers.where(Customer_::id.in(busy.subquery(Order_::customer_id)));
  template <Column C> Subquery<C, true> subquery(C) const {
    static_assert(std::is_same_v<typename C::model_type, Model>,
                  "ormc: subquery() names a column of another model (see 'C' below)");
    static_assert(of_a_group<C>(), "ormc: after group_by(), subquery() takes a grouped column or "
                                   "an aggregate (see 'C' below)");
    return {std::make_shared<const detail::QueryState>(state_), &Query<Model>::statements,
            traits::name};
  }

  /// The SQL select(columns...) runs in `dialect`, for logging and tests.
  template <Column... C> std::string sql(Dialect dialect, C...) const {
    check_selected<C...>();
    detail::check_dialect(state_, dialect, traits::name);
    return detail::select_sql(state_, Query<Model>::statements(dialect), dialect,
                              detail::column_list<C...>::sql);
  }

private:
  /// Whether C has one value per group: a grouped column, or an aggregate.
  template <class C> static constexpr bool of_a_group() {
    return detail::is_aggregate<C>() || (std::is_same_v<C, G> || ...);
  }
  template <class... C> static constexpr void check_selected() {
    static_assert(sizeof...(C) > 0, "ormc: select() needs at least one column");
    static_assert((std::is_same_v<typename C::model_type, Model> && ...),
                  "ormc: select() names a column of another model");
    static_assert((of_a_group<C>() && ...),
                  "ormc: after group_by(), select() takes the grouped columns and aggregates "
                  "(see 'C' below)");
  }

  Database* db_;
  detail::QueryState state_;
};

} // namespace ormc
