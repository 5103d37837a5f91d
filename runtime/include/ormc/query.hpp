#pragma once

#include <cstdint>
#include <iterator>
#include <memory>
#include <optional>
#include <ormc/auto_values.hpp>
#include <ormc/column.hpp>
#include <ormc/database.hpp>
#include <ormc/error.hpp>
#include <ormc/expression.hpp>
#include <ormc/grouped_query.hpp>
#include <ormc/history.hpp>
#include <ormc/key.hpp>
#include <ormc/model.hpp>
#include <ormc/projection.hpp>
#include <ormc/query_state.hpp>
#include <ormc/row_fields.hpp>
#include <ormc/table_ops.hpp>
#include <span>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

namespace ormc {

/// How nearest() measures the distance between two vectors (pgvector's <->, <=>, <#>).
using Metric = sql::VectorMetric;

namespace detail {
/// Query<Model>::iterator: an input iterator over the rows. Outside the Query, so that declaring
/// Query<Model> extern (generated headers do) does not instantiate it in every unit.
template <class Model> class query_iterator {
public:
  using iterator_category = std::input_iterator_tag;
  using value_type = Model;
  using difference_type = std::ptrdiff_t;
  using pointer = Model*;
  using reference = Model&;

  query_iterator() = default;
  explicit query_iterator(std::unique_ptr<detail::RowStream> rows) : rows_(std::move(rows)) {
    ++*this;
  }
  Model& operator*() { return row_; }
  Model* operator->() { return &row_; }
  query_iterator& operator++() {
    if (rows_ && !rows_->next(&row_)) rows_.reset();
    return *this;
  }
  bool operator==(const query_iterator& other) const { return rows_ == other.rows_; }

private:
  std::unique_ptr<detail::RowStream> rows_; // null at the end
  Model row_{};                             // reused: one struct for every row
};
} // namespace detail

/// A query over one model's table. Building it runs nothing; reading it (all(), first(),
/// count(), exists(), range-for) runs one statement. Each call returns a new Query, so a query
/// can be kept and refined:
///
///   auto open = m.tasks.where(Task_::done == false);
///   for (const Task& t : open.order_by(Task_::due.desc()).limit(10)) ...
///   std::int64_t n = open.count();
template <class Model> class Query {
public:
  using traits = ModelTraits<Model>;

  explicit Query(Database& db) noexcept : db_(&db) {}

  /// Adds a condition; several are joined with AND.
  template <Condition E> Query where(E condition) const {
    static_assert(!detail::is_model_set<typename E::model_type>,
                  "ormc: a condition mixes columns of two models; a join's where() takes it: "
                  "m.orders.join<Customer>().where(...) (see 'E' below)");
    static_assert(std::is_same_v<typename E::model_type, Model>,
                  "ormc: the condition uses columns of another model (see 'E' below)");
    static_assert(!detail::uses_aggregate<E>(),
                  "ormc: where() filters rows; a condition on an aggregate filters groups: "
                  "group_by(...).having(condition) (see 'E' below)");
    detail::SqlFragment written(db_->dialect());
    condition.write(written);
    return with_condition(std::move(written));
  }

  template <Column C> Query order_by(C column) const { return order_by(asc(column)); }
  template <Column C> Query order_by(detail::ordering<C> ordering) const {
    static_assert(std::is_same_v<typename C::model_type, Model>,
                  "ormc: order_by() uses a column of another model (see 'C' below)");
    static_assert(!detail::is_aggregate<C>(),
                  "ormc: order_by() of an aggregate orders groups: group_by(...).order_by() "
                  "(see 'C' below)");
    return with_order({C::sql, ordering.descending, detail::is_optional_v<typename C::value_type>,
                       [](const void* row) {
                         auto value = detail::value_in<C>(*static_cast<const Model*>(row));
                         return detail::to_bound(detail::as_stored<C>(value));
                       }});
  }

  /// Keyset pagination: the rows that come after `last` in this query's order (the key breaks
  /// ties), so that the next page costs what the first did, however deep it is:
  ///   auto page = q.order_by(Task_::due).limit(50);
  ///   auto next = page.after(rows.back()).all();
  /// NULLs sort after every value, ascending or descending, so paging passes through them too.
  Query after(const Model& last) const;

  /// Also the rows remove() marked deleted, on a model with an ormc:soft_delete column (other
  /// queries leave them out).
  Query with_deleted() const {
    Query q = *this;
    q.state_.with_deleted = true;
    return q;
  }

  /// The `k` rows whose vector column C (ormc:vector) is nearest `to`, nearest first, among
  /// the query's rows: `m.docs.where(Doc_::lang == "en").nearest(Doc_::embedding, q, 10)`.
  /// By Euclidean distance, or Metric::cosine, or Metric::inner_product (largest first). Exact
  /// over every row on SQLite and on REAL[] columns; pgvector's index serves storage=pgvector.
  /// Rows without a vector come last; order_by() terms break ties.
  template <Column C, class V>
  Query nearest(C, const V& to, std::int64_t k, Metric metric = Metric::l2) const {
    static_assert(
        detail::is_float_vector_v<typename detail::unwrap_optional<typename C::value_type>::type>,
        "ormc: nearest() searches a vector column, marked ormc:vector (see 'C' below)");
    static_assert(std::is_same_v<typename C::model_type, Model>,
                  "ormc: nearest() searches a column of another model (see 'C' below)");
    static_assert(detail::is_float_vector_v<V>,
                  "ormc: nearest() searches for a std::vector<float> or std::array<float, N> "
                  "(see 'V' below)");
    detail::SqlFragment distance(db_->dialect());
    distance.distance(detail::column_name<C>, metric, C::time_storage == Storage::pgvector, to,
                      C::dimension);
    Query q = *this;
    q.state_ = detail::with_nearest(state_, std::move(distance), k);
    return q;
  }

  /// ormc:table(versioned): the rows as they were at `at`, read from the history table; the
  /// query's conditions, order and limit apply to those versions:
  ///   m.docs.where(Doc_::lang == "en").as_of(last_week).order_by(Doc_::title).all()
  /// Such a query reads only: its update() and remove() are UsageErrors.
  template <class Duration>
  Query as_of(std::chrono::sys_time<Duration> at) const requires traits::versioned {
    Query q = *this;
    q.state_ =
        detail::as_of(state_, db_->dialect(), std::chrono::floor<std::chrono::microseconds>(at));
    return q;
  }

  /// ormc:table(versioned): every version of the matching rows, by key and then version; with
  /// `from` and `to`, those current at some time in [from, to) and the removals in it. What
  /// Table::history() and Table::between() read; UsageError for a model without history.
  /// (Unconstrained, unlike them: Clang 14 instantiates every member of an explicitly
  /// instantiated class, its constraints unchecked, so what they call must compile for any
  /// model.)
  std::vector<Version<Model>> versions(std::optional<detail::timestamp> from = {},
                                       std::optional<detail::timestamp> to = {}) const;

  Query limit(std::int64_t n) const {
    Query q = *this;
    q.state_.limit = n;
    return q;
  }
  Query offset(std::int64_t n) const {
    Query q = *this;
    q.state_.offset = n;
    return q;
  }

  /// Every matching row, in a vector; one statement.
  std::vector<Model> all() const;

  /// The first matching row (in the query's order), if any.
  std::optional<Model> first() const;

  /// How many rows the query reads: with limit() or offset(), at most that many.
  std::int64_t count() const;

  /// Aggregates over the matching rows; empty when there are none (SQL gives NULL).
  /// sum(): std::int64_t for integer columns, double for floating ones, the column's own type
  /// for decimals (exact on both backends); avg(): double;
  /// min()/max(): the column's own type.
  template <Column C> auto sum(C) const {
    using T = typename detail::unwrap_optional<typename C::value_type>::type;
    if constexpr (detail::is_decimal_v<T>) {
      return aggregate<C, T>("sum"); // exact: a decimal, or DataError beyond its digits
    } else {
      static_assert(std::is_arithmetic_v<T> && !std::is_same_v<T, bool>,
                    "ormc: sum() needs a numeric column (see 'C' below)");
      using R = std::conditional_t<std::is_integral_v<T>, std::int64_t, double>;
      return aggregate<C, R>("sum");
    }
  }
  template <Column C> std::optional<double> avg(C) const {
    using T = typename detail::unwrap_optional<typename C::value_type>::type;
    static_assert(std::is_arithmetic_v<T> && !std::is_same_v<T, bool>,
                  "ormc: avg() needs a numeric column (see 'C' below)");
    return aggregate<C, double>("avg");
  }
  template <Column C> auto min(C) const {
    return aggregate<C, typename detail::unwrap_optional<typename C::value_type>::type>("min");
  }
  template <Column C> auto max(C) const {
    return aggregate<C, typename detail::unwrap_optional<typename C::value_type>::type>("max");
  }

  /// Chosen columns of the matching rows, as tuples: select(Task_::id, Task_::title) gives
  /// std::vector<std::tuple<std::int64_t, std::string>>.
  /// A scalar subquery (ormc::scalar()) is read like a column.
  template <Selectable... C>
  std::vector<std::tuple<typename C::value_type...>> select(C... columns) const {
    check_selected<C...>();
    return detail::project<std::tuple<typename C::value_type...>>(*db_, state_, &Query::statements,
                                                                  traits::name, columns...);
  }
  /// Chosen columns of the matching rows, each row read straight into an S: any aggregate
  /// struct with one member per column, in order, of the column's type.
  ///   struct Line { std::int64_t id; std::string title; };
  ///   std::vector<Line> lines = q.select<Line>(Task_::id, Task_::title);
  template <class S, Selectable... C> std::vector<S> select(C... columns) const {
    check_selected<C...>();
    return detail::project<S>(*db_, state_, &Query::statements, traits::name, columns...);
  }

  /// One column (or expression, or aggregate) of the matching rows, as a subquery for a
  /// condition of another query: `Customer_::id.in(orders.subquery(Order_::customer_id))`,
  /// or with an aggregate one value to compare with: `Track_::ms > q.subquery(ormc::avg(...))`.
  template <Column C> Subquery<C, false> subquery(C) const {
    static_assert(std::is_same_v<typename C::model_type, Model>,
                  "ormc: subquery() names a column of another model (see 'C' below)");
    return {std::make_shared<const detail::QueryState>(state_), &Query::statements, traits::name};
  }

  /// The matching rows in groups, one per value of `columns` (GROUP BY): see GroupedQuery.
  /// The query's conditions choose the rows that are grouped; order, limit and after() apply
  /// to the groups, so they follow group_by().
  template <Column... G> GroupedQuery<Model, G...> group_by(G...) const {
    static_assert(sizeof...(G) > 0, "ormc: group_by() needs at least one column");
    static_assert((std::is_same_v<typename G::model_type, Model> && ...),
                  "ormc: group_by() names a column of another model (see 'G' below)");
    static_assert((!detail::is_aggregate<G>() && ...),
                  "ormc: group_by() of an aggregate (see 'G' below)");
    return GroupedQuery<Model, G...>(*db_, detail::grouped(state_, {std::string_view(G::sql)...}));
  }
  bool exists() const;

  /// How the database would run this query (SQLite's EXPLAIN QUERY PLAN, PostgreSQL's
  /// EXPLAIN), one line per row of the plan: which index it uses, or that it scans.
  std::vector<std::string> explain() const;

  /// Deletes the matching rows; how many there were. On a model with soft delete they are
  /// marked deleted instead (purge() deletes them). One statement: no hooks run.
  std::int64_t remove() const;

  /// Deletes the matching rows for good, also soft-deleted ones that the query sees.
  std::int64_t purge() const;

  /// Sets columns of the matching rows: `where(...).update(Task_::done.set(true))`.
  template <class... Assignments> std::int64_t update(Assignments... sets) const {
    static_assert(sizeof...(Assignments) > 0, "ormc: update() needs at least one set()");
    static_assert((std::is_same_v<typename Assignments::model_type, Model> && ...),
                  "ormc: update() sets a column of another model");
    // The values converted here, the statement run by the library: a call site compiles only
    // the conversions.
    const std::string_view columns[] = {column_of(sets)...};
    const detail::BoundValue values[] = {detail::to_bound(sets.value)...};
    return detail::update_matching(*db_, state_, &Query::statements, traits::name, columns, values,
                                   detail::now());
  }

  /// update() of quoted `columns` to `values` (converted as their members bind), for the
  /// Update variant, whose columns are known only when it runs.
  std::int64_t update_columns(std::span<const std::string_view> columns,
                              std::span<const detail::BoundValue> values) const;

  /// An input iterator over the rows; the statement runs when it is created.
  using iterator = detail::query_iterator<Model>;

  /// Runs the query and reads it row by row, in constant memory: SQLite steps through the
  /// statement; PostgreSQL fetches pages of rows from a server-side cursor.
  iterator begin() const;
  iterator end() const { return iterator(); }

  /// The SQL this query runs in `dialect`, for logging and tests.
  std::string sql(Dialect dialect) const;

  /// The model's statements in `dialect`. Out of line: a unit that reads a projection refers
  /// to the generated source's instance instead of instantiating the model's statements.
  static const ModelStatements& statements(Dialect dialect);
  /// The model's codec, for the library's joins. Out of line for the same reason.
  static const detail::ModelCodec& codec();

private:
  /// Copies with one more condition or ORDER BY term: out of line, so that where() and
  /// order_by() instantiate only the writing of their condition or term.
  Query with_condition(detail::SqlFragment condition) const;
  Query with_order(detail::OrderTerm term) const;

  template <class... C> static constexpr void check_selected() {
    static_assert(sizeof...(C) > 0, "ormc: select() needs at least one column");
    static_assert((detail::selects_from<C, Model> && ...),
                  "ormc: select() names a column of another model");
    static_assert((!detail::is_aggregate<C>() && ...),
                  "ormc: select() of an aggregate needs groups: group_by(...).select(...), or "
                  "the query's own count()/sum()/min()/max()/avg() over all rows (see 'C' below)");
  }

  template <Column C, class R> std::optional<R> aggregate(const char* function) const {
    static_assert(std::is_same_v<typename C::model_type, Model>,
                  "ormc: an aggregate over a column of another model (see 'C' below)");
    return select_one<R, C>(function, C::sql);
  }

  /// One value from one row of detail::summary_sql(); empty for NULL. `C`, when given, is the
  /// column whose storage the value is read through (min and max give the column's own type).
  template <class R, class C = void>
  std::optional<R> select_one(std::string_view function, std::string_view argument) const {
    return db_->with_connection([&](auto& conn) {
      detail::check_dialect(state_, conn.dialect_v, traits::name);
      auto statement = conn.prepare(detail::summary_sql(state_, statements(conn.dialect_v),
                                                        conn.dialect_v, function, argument));
      int index = 1;
      detail::bind_where(*statement, index, state_);
      if (state_.limit || state_.offset) detail::bind_limit(*statement, index, state_);
      std::optional<R> result;
      if (statement->step()) {
        if constexpr (std::is_void_v<C>)
          statement->read(0, result);
        else
          statement->read(0, detail::as_stored<C>(result));
      }
      return result;
    });
  }

  template <class A> static std::string_view column_of(const A&) {
    return decltype(column_type(std::declval<A>()))::sql;
  }
  template <class C, class V> static C column_type(detail::assignment<C, V>);

  Database* db_;
  detail::QueryState state_;
};

template <class Model>
auto Query<Model>::with_condition(detail::SqlFragment condition) const -> Query {
  Query q = *this;
  q.state_.conditions.push_back(std::make_shared<const detail::SqlFragment>(std::move(condition)));
  return q;
}

template <class Model> auto Query<Model>::with_order(detail::OrderTerm term) const -> Query {
  Query q = *this;
  q.state_.order.push_back(term);
  return q;
}

template <class Model> auto Query<Model>::after(const Model& last) const -> Query {
  if (state_.nearest) throw UsageError("after() pages by columns; nearest() orders by distance");
  Query q = *this;
  std::vector<detail::BoundValue> values;
  for (const detail::OrderTerm& term : state_.order)
    values.push_back(term.value_in(&last));
  for (detail::BoundValue& key : detail::key_values<Model>(traits::key(last)))
    values.push_back(std::move(key));
  q.state_.after = std::move(values);
  return q;
}

// Out of the class body, so that not being inline, they are instantiated once, in the
// generated .cpp of each model (extern template in its header), not in every unit that uses them.
template <class Model> auto Query<Model>::all() const -> std::vector<Model> {
  std::vector<Model> rows;
  detail::read_query(*db_, detail::model_codec<Model>, state_, detail::append_to(rows));
  return rows;
}

template <class Model> auto Query<Model>::first() const -> std::optional<Model> {
  Query one = limit(1);
  std::vector<Model> rows;
  detail::read_query(*db_, detail::model_codec<Model>, one.state_, detail::append_to(rows));
  if (rows.empty()) return std::nullopt;
  return std::move(rows.front());
}

template <class Model>
auto Query<Model>::versions(std::optional<detail::timestamp> from,
                            std::optional<detail::timestamp> to) const
    -> std::vector<Version<Model>> {
  std::vector<Version<Model>> out;
  detail::read_versions(*db_, detail::model_codec<Model>,
                        detail::versions(state_, db_->dialect(), from, to),
                        detail::append_versions(out));
  return out;
}

template <class Model> auto Query<Model>::count() const -> std::int64_t {
  return *detail::select_integer(*db_, detail::model_codec<Model>, state_, "count", "*");
}

template <class Model> auto Query<Model>::exists() const -> bool {
  return *detail::select_integer(*db_, detail::model_codec<Model>, state_, "exists", "") != 0;
}

template <class Model> auto Query<Model>::remove() const -> std::int64_t {
  return detail::delete_matching(*db_, detail::model_codec<Model>, state_, false, detail::now());
}

template <class Model> auto Query<Model>::purge() const -> std::int64_t {
  return detail::delete_matching(*db_, detail::model_codec<Model>, state_, true, detail::now());
}

template <class Model> auto Query<Model>::explain() const -> std::vector<std::string> {
  return detail::explain_query(*db_, detail::model_codec<Model>, state_);
}

template <class Model> auto Query<Model>::begin() const -> iterator {
  return iterator(detail::open_rows(*db_, detail::model_codec<Model>, state_, true));
}

template <class Model> auto Query<Model>::statements(Dialect dialect) -> const ModelStatements& {
  return traits::statements(dialect);
}

template <class Model>
auto Query<Model>::update_columns(std::span<const std::string_view> columns,
                                  std::span<const detail::BoundValue> values) const
    -> std::int64_t {
  return detail::update_matching(*db_, state_, &Query::statements, traits::name, columns, values,
                                 detail::now());
}

template <class Model> auto Query<Model>::codec() -> const detail::ModelCodec& {
  return detail::model_codec<Model>;
}

template <class Model> auto Query<Model>::sql(Dialect dialect) const -> std::string {
  return detail::query_text(state_, detail::model_codec<Model>, dialect);
}

} // namespace ormc
