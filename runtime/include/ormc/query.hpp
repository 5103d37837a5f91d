#pragma once

#include <cstdint>
#include <iterator>
#include <memory>
#include <optional>
#include <ormc/auto_values.hpp>
#include <ormc/column.hpp>
#include <ormc/database.hpp>
#include <ormc/error.hpp>
#include <ormc/model.hpp>
#include <ormc/postgres/cursor.hpp>
#include <ormc/query_state.hpp>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

namespace ormc {

namespace detail {
/// Rows of a running query, read one at a time into the caller's struct.
template <class Model> struct row_source {
  virtual ~row_source() = default;
  virtual bool next(Model& row) = 0;
};

template <class Model> struct cursor_rows final : row_source<Model> {
  template <class... Args>
  explicit cursor_rows(Args&&... args) : cursor(std::forward<Args>(args)...) {}
  bool next(Model& row) override { return cursor.next(row); }
  postgres::Cursor<Model> cursor;
};

template <class Model, class Statement> struct statement_rows final : row_source<Model> {
  explicit statement_rows(StatementLease<Statement> lease) : statement(std::move(lease)) {}
  bool next(Model& row) override {
    if (!statement->step()) return false;
    ModelTraits<Model>::read(*statement, row);
    return true;
  }
  StatementLease<Statement> statement;
};
} // namespace detail

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
  explicit query_iterator(std::unique_ptr<detail::row_source<Model>> rows)
      : rows_(std::move(rows)) {
    ++*this;
  }
  Model& operator*() { return row_; }
  Model* operator->() { return &row_; }
  query_iterator& operator++() {
    if (rows_ && !rows_->next(row_)) rows_.reset();
    return *this;
  }
  bool operator==(const query_iterator& other) const { return rows_ == other.rows_; }

private:
  std::unique_ptr<detail::row_source<Model>> rows_; // null at the end
  Model row_{};                                     // reused: one struct for every row
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
    static_assert(std::is_same_v<typename E::model_type, Model>,
                  "ormc: the condition uses columns of another model (see 'E' below)");
    detail::SqlFragment written(db_->dialect());
    condition.write(written);
    return with_condition(std::move(written));
  }

  template <Column C> Query order_by(C column) const { return order_by(asc(column)); }
  template <Column C> Query order_by(detail::ordering<C> ordering) const {
    static_assert(std::is_same_v<typename C::model_type, Model>,
                  "ormc: order_by() uses a column of another model (see 'C' below)");
    return with_order({C::sql, ordering.descending, detail::is_optional_v<typename C::value_type>,
                       [](const void* row) {
                         return detail::to_bound(static_cast<const Model*>(row)->*C::member);
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
  /// sum(): std::int64_t for integer columns, double for floating ones; avg(): double;
  /// min()/max(): the column's own type.
  template <Column C> auto sum(C) const {
    using T = typename detail::unwrap_optional<typename C::value_type>::type;
    static_assert(std::is_arithmetic_v<T> && !std::is_same_v<T, bool>,
                  "ormc: sum() needs a numeric column (see 'C' below)");
    using R = std::conditional_t<std::is_integral_v<T>, std::int64_t, double>;
    return aggregate<C, R>("sum");
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
  template <Column... C> std::vector<std::tuple<typename C::value_type...>> select(C...) const {
    static_assert(sizeof...(C) > 0, "ormc: select() needs at least one column");
    static_assert((std::is_same_v<typename C::model_type, Model> && ...),
                  "ormc: select() names a column of another model");
    std::string columns;
    ((columns += (columns.empty() ? "" : ", ") + std::string(C::sql)), ...);
    return db_->with_connection([&](auto& conn) {
      std::vector<std::tuple<typename C::value_type...>> rows;
      auto statement = conn.prepare(select_sql(conn.dialect_v, columns));
      int index = 1;
      detail::bind_where(*statement, index, state_);
      detail::bind_limit(*statement, index, state_);
      while (statement->step())
        read_tuple(*statement, rows.emplace_back(), std::index_sequence_for<C...>{});
      return rows;
    });
  }
  bool exists() const;

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
    auto at = detail::now(); // for an updated_at column the sets do not name
    return run_changes(
        [&](detail::SqlBuilder& b, const ModelStatements& sql) {
          b.text("UPDATE ").text(sql.table).text(" SET ");
          bool first = true;
          ((b.text(first ? "" : ", ").text(column_of(sets)).text(" = ").param(), first = false),
           ...);
          if (stamps_update(sql, sets...)) b.text(", ").text(sql.updated_at).text(" = ").param();
          detail::render_where(b, state_, sql);
        },
        [&](auto& statement, int& index) {
          (statement.bind(index++, sets.value), ...);
          if (stamps_update(traits::statements(db_->dialect()), sets...))
            statement.bind(index++, at);
        });
  }

  /// An input iterator over the rows; the statement runs when it is created.
  using iterator = detail::query_iterator<Model>;

  /// Runs the query and reads it row by row, in constant memory: SQLite steps through the
  /// statement; PostgreSQL fetches pages of rows from a server-side cursor.
  iterator begin() const;
  iterator end() const { return iterator(); }

  /// The SQL this query runs in `dialect`, for logging and tests.
  std::string sql(Dialect dialect) const;

private:
  /// Copies with one more condition or ORDER BY term: out of line, so that where() and
  /// order_by() instantiate only the writing of their condition or term.
  Query with_condition(detail::SqlFragment condition) const;
  Query with_order(detail::OrderTerm term) const;

  std::string select_sql(Dialect dialect, std::string_view columns) const;

  template <class Statement, class Tuple, std::size_t... I>
  static void read_tuple(Statement& statement, Tuple& row, std::index_sequence<I...>) {
    (statement.read(static_cast<int>(I), std::get<I>(row)), ...);
  }

  template <Column C, class R> std::optional<R> aggregate(const char* function) const {
    static_assert(std::is_same_v<typename C::model_type, Model>,
                  "ormc: an aggregate over a column of another model (see 'C' below)");
    return select_one<R>(std::string("SELECT ") + function + "(" + std::string(C::sql) + ") FROM ",
                         C::sql, "");
  }

  /// One value from one row of detail::select_one_sql(); empty for NULL.
  template <class R>
  std::optional<R> select_one(std::string_view before, std::string_view column,
                              std::string_view after) const {
    return db_->with_connection([&](auto& conn) {
      detail::check_dialect(state_, conn.dialect_v, traits::name);
      auto statement = conn.prepare(detail::select_one_sql(
          state_, traits::statements(conn.dialect_v), conn.dialect_v, before, column, after));
      int index = 1;
      detail::bind_where(*statement, index, state_);
      if (state_.limit || state_.offset) detail::bind_limit(*statement, index, state_);
      std::optional<R> result;
      if (statement->step()) statement->read(0, result);
      return result;
    });
  }

  /// The rows of one prepared statement (PostgreSQL: its whole result, in memory).
  std::unique_ptr<detail::row_source<Model>> statement_rows() const;

  /// Whether a bulk update also sets the model's updated_at column.
  template <class... A> static bool stamps_update(const ModelStatements& sql, const A&... sets) {
    return !sql.updated_at.empty() && ((column_of(sets) != sql.updated_at) && ...);
  }

  template <class A> static std::string_view column_of(const A&) {
    return decltype(column_type(std::declval<A>()))::sql;
  }
  template <class C, class V> static C column_type(detail::assignment<C, V>);

  template <class Render, class BindFirst>
  std::int64_t run_changes(Render render, BindFirst bind_first) const {
    detail::check_changes_unlimited(state_);
    return db_->with_connection([&](auto& conn) {
      detail::check_dialect(state_, conn.dialect_v, traits::name);
      detail::SqlBuilder b(conn.dialect_v);
      render(b, traits::statements(conn.dialect_v));
      auto statement = conn.prepare(b.take());
      int index = 1;
      bind_first(*statement, index);
      detail::bind_where(*statement, index, state_);
      return statement->execute();
    });
  }

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
  Query q = *this;
  std::vector<detail::BoundValue> values;
  for (const detail::OrderTerm& term : state_.order)
    values.push_back(term.value_in(&last));
  values.push_back(detail::to_bound(traits::key(last)));
  q.state_.after = std::move(values);
  return q;
}

// Out of the class body, so that not being inline, they are instantiated once, in the
// generated .cpp of each model (extern template in its header), not in every unit that uses them.
template <class Model> auto Query<Model>::all() const -> std::vector<Model> {
  std::vector<Model> rows;
  for (auto it = iterator(statement_rows()); it != end(); ++it)
    rows.push_back(std::move(*it));
  return rows;
}

template <class Model> auto Query<Model>::first() const -> std::optional<Model> {
  auto it = iterator(limit(1).statement_rows());
  if (it == end()) return std::nullopt;
  return std::move(*it);
}

template <class Model> auto Query<Model>::count() const -> std::int64_t {
  return *select_one<std::int64_t>("SELECT count(*) FROM ", "1", "");
}

template <class Model> auto Query<Model>::exists() const -> bool {
  return *select_one<bool>("SELECT EXISTS (SELECT 1 FROM ", "1", ")");
}

template <class Model> auto Query<Model>::remove() const -> std::int64_t {
  auto at = detail::now();
  return run_changes(
      [&](detail::SqlBuilder& b, const ModelStatements& sql) {
        if (sql.soft_delete.empty())
          b.text("DELETE FROM ").text(sql.table);
        else
          b.text("UPDATE ").text(sql.table).text(" SET ").text(sql.soft_delete).text(" = ").param();
        detail::render_where(b, state_, sql);
      },
      [&](auto& statement, int& index) {
        if (!traits::statements(db_->dialect()).soft_delete.empty()) statement.bind(index++, at);
      });
}

template <class Model> auto Query<Model>::purge() const -> std::int64_t {
  return run_changes(
      [&](detail::SqlBuilder& b, const ModelStatements& sql) {
        b.text("DELETE FROM ").text(sql.table);
        detail::render_where(b, state_, sql);
      },
      [](auto&, int&) {});
}

template <class Model> auto Query<Model>::begin() const -> iterator {
  if (db_->dialect() != Dialect::postgresql) return iterator(statement_rows());
  return iterator(
      db_->with_connection([&](auto& conn) -> std::unique_ptr<detail::row_source<Model>> {
        if constexpr (std::is_same_v<std::remove_cvref_t<decltype(conn)>, postgres::Connection>) {
          return std::make_unique<detail::cursor_rows<Model>>(
              conn, sql(Dialect::postgresql), db_->transaction_depth() > 0,
              [&](postgres::Statement& statement, int& index) {
                detail::bind_where(statement, index, state_);
                detail::bind_limit(statement, index, state_);
              });
        } else {
          return nullptr; // not reached: SQLite took the branch above
        }
      }));
}

template <class Model> auto Query<Model>::sql(Dialect dialect) const -> std::string {
  return select_sql(dialect, traits::statements(dialect).columns);
}

template <class Model>
auto Query<Model>::select_sql(Dialect dialect, std::string_view columns) const -> std::string {
  detail::check_dialect(state_, dialect, traits::name);
  return detail::select_sql(state_, traits::statements(dialect), dialect, columns);
}

template <class Model>
auto Query<Model>::statement_rows() const -> std::unique_ptr<detail::row_source<Model>> {
  return db_->with_connection([&](auto& conn) -> std::unique_ptr<detail::row_source<Model>> {
    using Statement = typename std::remove_reference_t<decltype(conn)>::statement_type;
    auto statement = conn.prepare(sql(conn.dialect_v));
    int index = 1;
    detail::bind_where(*statement, index, state_);
    detail::bind_limit(*statement, index, state_);
    return std::make_unique<detail::statement_rows<Model, Statement>>(std::move(statement));
  });
}

} // namespace ormc
