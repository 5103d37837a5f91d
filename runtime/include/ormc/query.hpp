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
#include <string>
#include <tuple>
#include <utility>
#include <vector>

namespace ormc {

namespace detail {
/// A condition with its type erased, so that Query<Model> is one type however it was built.
/// Each call binds all its values: one virtual call per condition, none per row.
template <class Model> struct erased_condition {
  virtual ~erased_condition() = default;
  virtual void render(SqlBuilder& b) const = 0;
  virtual void bind(sqlite::Statement& s, int& index) const = 0;
  virtual void bind(postgres::Statement& s, int& index) const = 0;
};

template <class Model, Condition E> struct condition_holder final : erased_condition<Model> {
  explicit condition_holder(E e) : expression(std::move(e)) {}
  void render(SqlBuilder& b) const override { expression.render(b); }
  void bind(sqlite::Statement& s, int& index) const override { expression.bind(s, index); }
  void bind(postgres::Statement& s, int& index) const override { expression.bind(s, index); }
  E expression;
};

/// One ORDER BY term, able to bind its value from a row for keyset pagination (after()).
template <class Model> struct erased_order {
  virtual ~erased_order() = default;
  virtual std::string_view sql() const = 0;
  virtual bool descending() const = 0;
  virtual bool nullable() const = 0;
  virtual bool is_null_in(const Model& row) const = 0;
  virtual void bind_from(sqlite::Statement& s, int& index, const Model& row) const = 0;
  virtual void bind_from(postgres::Statement& s, int& index, const Model& row) const = 0;
};

template <class Model, Column C> struct order_term final : erased_order<Model> {
  explicit order_term(bool desc) : desc_(desc) {}
  std::string_view sql() const override { return C::sql; }
  bool descending() const override { return desc_; }
  bool nullable() const override { return is_optional_v<typename C::value_type>; }
  bool is_null_in(const Model& row) const override {
    if constexpr (is_optional_v<typename C::value_type>)
      return !(row.*C::member).has_value();
    else
      return false;
  }
  void bind_from(sqlite::Statement& s, int& index, const Model& row) const override {
    s.bind(index++, row.*C::member);
  }
  void bind_from(postgres::Statement& s, int& index, const Model& row) const override {
    s.bind(index++, row.*C::member);
  }
  bool desc_;
};

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
    return with_condition(
        std::make_shared<const detail::condition_holder<Model, E>>(std::move(condition)));
  }

  template <Column C> Query order_by(C column) const { return order_by(asc(column)); }
  template <Column C> Query order_by(detail::ordering<C> ordering) const {
    static_assert(std::is_same_v<typename C::model_type, Model>,
                  "ormc: order_by() uses a column of another model (see 'C' below)");
    Query q = *this;
    q.order_.push_back(std::make_shared<const detail::order_term<Model, C>>(ordering.descending));
    return q;
  }

  /// Keyset pagination: the rows that come after `last` in this query's order (the key breaks
  /// ties), so that the next page costs what the first did, however deep it is:
  ///   auto page = q.order_by(Task_::due).limit(50);
  ///   auto next = page.after(rows.back()).all();
  /// NULLs sort after every value, ascending or descending, so paging passes through them too.
  Query after(const Model& last) const {
    Query q = *this;
    q.after_ = std::make_shared<const Model>(last);
    return q;
  }

  /// Also the rows remove() marked deleted, on a model with an ormc:soft_delete column (other
  /// queries leave them out).
  Query with_deleted() const {
    Query q = *this;
    q.with_deleted_ = true;
    return q;
  }

  Query limit(std::int64_t n) const {
    Query q = *this;
    q.limit_ = n;
    return q;
  }
  Query offset(std::int64_t n) const {
    Query q = *this;
    q.offset_ = n;
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
      bind_where(*statement, index);
      bind_limit(*statement, index);
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
          render_where(b);
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
  /// A copy with one more condition: out of line, so where() instantiates only its condition.
  Query with_condition(std::shared_ptr<const detail::erased_condition<Model>> condition) const;

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

  /// `<before> table WHERE ... <after>`, one value from one row; empty for NULL. With limit()
  /// or offset() the table is a subquery of the limited rows (`<column>` of each), so that
  /// count(), exists() and the aggregates read what the query reads.
  template <class R>
  std::optional<R> select_one(std::string_view before, std::string_view column,
                              std::string_view after) const {
    return db_->with_connection([&](auto& conn) {
      const ModelStatements& sql = traits::statements(conn.dialect_v);
      detail::SqlBuilder b(conn.dialect_v);
      bool limited = limit_ || offset_;
      b.text(before);
      if (limited) b.text("(SELECT ").text(column).text(" FROM ");
      b.text(sql.table);
      render_where(b);
      if (limited) {
        render_order_and_limit(b, sql);
        b.text(") AS \"ormc_limited\"");
      }
      b.text(after);
      auto statement = conn.prepare(b.take());
      int index = 1;
      bind_where(*statement, index);
      if (limited) bind_limit(*statement, index);
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

  void render_where(detail::SqlBuilder& b) const;
  template <class S> void bind_where(S& statement, int& index) const {
    for (const auto& condition : conditions_)
      condition->bind(statement, index);
    if (after_) { // in the order render_after() wrote the parameters: NULLs bind none
      auto terms = keyset_terms();
      for (std::size_t i = 0; i < terms.size(); ++i)
        for (std::size_t j = 0; j <= i; ++j)
          if (!terms[j]->is_null_in(*after_)) terms[j]->bind_from(statement, index, *after_);
    }
  }

  /// The order's terms, then the key: what after() compares.
  std::vector<std::shared_ptr<const detail::erased_order<Model>>> keyset_terms() const;

  /// (t1 > v1) OR (t1 = v1 AND t2 > v2) OR ... with < for descending terms. NULLs sort last
  /// in either direction (see render_order_and_limit), so after a value come the larger (or
  /// smaller) values and then the NULLs; after a NULL only other NULLs, by the next terms.
  void render_after(detail::SqlBuilder& b) const;
  void render_order_and_limit(detail::SqlBuilder& b, const ModelStatements& sql) const;
  template <class S> void bind_limit(S& statement, int& index) const {
    if (limit_) statement.bind(index++, *limit_);
    if (offset_) statement.bind(index++, *offset_);
  }

  template <class Render, class BindFirst>
  std::int64_t run_changes(Render render, BindFirst bind_first) const {
    if (limit_ || offset_ || !order_.empty())
      throw UsageError("remove() and update() apply to all matching rows; drop order_by/limit");
    return db_->with_connection([&](auto& conn) {
      detail::SqlBuilder b(conn.dialect_v);
      render(b, traits::statements(conn.dialect_v));
      auto statement = conn.prepare(b.take());
      int index = 1;
      bind_first(*statement, index);
      bind_where(*statement, index);
      return statement->execute();
    });
  }

  Database* db_;
  std::vector<std::shared_ptr<const detail::erased_condition<Model>>> conditions_;
  std::vector<std::shared_ptr<const detail::erased_order<Model>>> order_;
  std::shared_ptr<const Model> after_;
  bool with_deleted_ = false;
  std::optional<std::int64_t> limit_;
  std::optional<std::int64_t> offset_;
};

template <class Model>
auto Query<Model>::with_condition(
    std::shared_ptr<const detail::erased_condition<Model>> condition) const -> Query {
  Query q = *this;
  q.conditions_.push_back(std::move(condition));
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
        render_where(b);
      },
      [&](auto& statement, int& index) {
        if (!traits::statements(db_->dialect()).soft_delete.empty()) statement.bind(index++, at);
      });
}

template <class Model> auto Query<Model>::purge() const -> std::int64_t {
  return run_changes(
      [&](detail::SqlBuilder& b, const ModelStatements& sql) {
        b.text("DELETE FROM ").text(sql.table);
        render_where(b);
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
                bind_where(statement, index);
                bind_limit(statement, index);
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
  const ModelStatements& sql = traits::statements(dialect);
  detail::SqlBuilder b(dialect);
  b.text("SELECT ").text(columns).text(" FROM ").text(sql.table);
  render_where(b);
  render_order_and_limit(b, sql);
  return b.take();
}

template <class Model>
auto Query<Model>::statement_rows() const -> std::unique_ptr<detail::row_source<Model>> {
  return db_->with_connection([&](auto& conn) -> std::unique_ptr<detail::row_source<Model>> {
    using Statement = typename std::remove_reference_t<decltype(conn)>::statement_type;
    auto statement = conn.prepare(sql(conn.dialect_v));
    int index = 1;
    bind_where(*statement, index);
    bind_limit(*statement, index);
    return std::make_unique<detail::statement_rows<Model, Statement>>(std::move(statement));
  });
}

template <class Model> auto Query<Model>::render_where(detail::SqlBuilder& b) const -> void {
  bool first = true;
  auto next = [&] {
    b.text(first ? " WHERE " : " AND ");
    first = false;
  };
  std::string_view soft_delete = traits::statements(b.dialect()).soft_delete;
  if (!soft_delete.empty() && !with_deleted_) {
    next();
    b.text(soft_delete).text(" IS NULL");
  }
  for (const auto& condition : conditions_) {
    next();
    condition->render(b);
  }
  if (after_) {
    next();
    render_after(b);
  }
}

template <class Model>
auto Query<Model>::keyset_terms() const
    -> std::vector<std::shared_ptr<const detail::erased_order<Model>>> {
  auto terms = order_;
  terms.push_back(
      std::make_shared<const detail::order_term<Model, typename traits::key_column>>(false));
  return terms;
}

template <class Model> auto Query<Model>::render_after(detail::SqlBuilder& b) const -> void {
  auto terms = keyset_terms();
  b.text("(");
  for (std::size_t i = 0; i < terms.size(); ++i) {
    b.text(i ? " OR (" : "(");
    for (std::size_t j = 0; j < i; ++j) {
      if (terms[j]->is_null_in(*after_))
        b.text(terms[j]->sql()).text(" IS NULL AND ");
      else
        b.text(terms[j]->sql()).text(" = ").param().text(" AND ");
    }
    const auto& term = *terms[i];
    if (term.is_null_in(*after_)) {
      b.text("1 = 0)"); // nothing sorts after a NULL in this term
    } else if (term.nullable()) {
      b.text("(").text(term.sql()).text(term.descending() ? " < " : " > ").param();
      b.text(" OR ").text(term.sql()).text(" IS NULL))");
    } else {
      b.text(term.sql()).text(term.descending() ? " < " : " > ").param().text(")");
    }
  }
  b.text(")");
}

template <class Model>
auto Query<Model>::render_order_and_limit(detail::SqlBuilder& b, const ModelStatements& sql) const
    -> void {
  b.text(" ORDER BY ");
  // NULLs last in either direction, the same on every backend (their defaults differ).
  for (const auto& term : order_)
    b.text(term->sql())
        .text(term->descending() ? " DESC" : "")
        .text(term->nullable() ? " NULLS LAST, " : ", ");
  b.text(sql.key); // last, so that the order is total and pages are stable
  if (limit_) b.text(" LIMIT ").param();
  if (offset_) {
    if (!limit_ && b.dialect() == Dialect::sqlite) b.text(" LIMIT -1"); // SQLite: no bare OFFSET
    b.text(" OFFSET ").param();
  }
}

} // namespace ormc
