// What a condition writes: SqlFragment, the SQL layer's fragment (ormc/sql/fragment.hpp) with
// the values of its parameters. Conditions write through the layer's functions only, so no SQL
// text is assembled here.
#pragma once

#include <cstddef>
#include <ormc/bound_value.hpp>
#include <ormc/dialect.hpp>
#include <ormc/sql/fragment.hpp>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace ormc {
struct ModelStatements;
}

namespace ormc::detail {

class QueryState;

/// A column (or an expression or aggregate of columns) as a condition names it: its SQL, and
/// the model whose table it belongs to, so that a query over several tables (a join) can
/// qualify it. Without a model it is written as it is.
struct ColumnName {
  constexpr ColumnName(std::string_view text) : sql(text) {} // NOLINT: plain SQL converts
  constexpr ColumnName(std::string_view text, const ModelStatements& (*of)(Dialect))
      : sql(text), model(of) {}
  std::string_view sql;
  const ModelStatements& (*model)(Dialect) = nullptr;
};

/// A condition's SQL with its parameters' values: a condition is written into one when it is
/// added to a query, so the query keeps text and values, not the condition's type.
class SqlFragment {
public:
  // Out of line, as push_value(): every where() builds one, and its call site should only
  // call (a fragment's vector and strings inlined at each site cost compile time per condition).
  explicit SqlFragment(Dialect dialect);
  /// With `qualified`, each column is written qualified by its model's table (a join's).
  SqlFragment(Dialect dialect, bool qualified);
  ~SqlFragment();
  SqlFragment(const SqlFragment&);
  SqlFragment(SqlFragment&&) noexcept;
  SqlFragment& operator=(const SqlFragment&);
  SqlFragment& operator=(SqlFragment&&) noexcept;

  /// `column op value`.
  template <class T> SqlFragment& compare(ColumnName column, sql::Comparison op, const T& v) {
    sql::compare(sql_, name(column), op);
    return value(v);
  }
  SqlFragment& null_test(ColumnName column, bool is_null) {
    sql::null_test(sql_, name(column), is_null);
    return *this;
  }
  template <class V> SqlFragment& in_list(ColumnName column, const std::vector<V>& values) {
    sql::in_list(sql_, name(column), values.size());
    for (const V& v : values)
      value(v);
    return *this;
  }
  template <class V> SqlFragment& between(ColumnName column, const V& low, const V& high) {
    sql::between(sql_, name(column));
    return value(low).value(high);
  }
  SqlFragment& like(ColumnName column, const std::string& pattern, bool fold_case) {
    (fold_case ? sql::ilike : sql::like)(sql_, name(column));
    return value(pattern);
  }
  /// `left op right`: two columns.
  SqlFragment& compare_columns(ColumnName left, sql::Comparison op, ColumnName right);
  SqlFragment& never() {
    sql::never(sql_);
    return *this;
  }
  SqlFragment& open_group() {
    sql::open_group(sql_);
    return *this;
  }
  SqlFragment& separate(sql::Logical op) {
    sql::separate(sql_, op);
    return *this;
  }
  SqlFragment& open_not() {
    sql::open_not(sql_);
    return *this;
  }
  SqlFragment& close_group() {
    sql::close_group(sql_);
    return *this;
  }
  /// `column` is one of the keys, bound as one parameter (`encoded`: the dialect's key set
  /// text). Its SQL differs by dialect: the fragment is then valid for that dialect only.
  SqlFragment& key_set(std::string_view column, std::string encoded);
  /// `value at path in JSON column op v`, `... IS [NOT] NULL`. Paths are written in each
  /// dialect's syntax: the fragment is then valid for that dialect only.
  template <class T>
  SqlFragment& json_compare(ColumnName column, const std::vector<sql::JsonStep>& path,
                            sql::JsonScalar type, sql::Comparison op, const T& v) {
    json_value(column, path, type);
    sql::compare_written(sql_, op);
    return value(v);
  }
  SqlFragment& json_null_test(ColumnName column, const std::vector<sql::JsonStep>& path,
                              sql::JsonScalar type, bool is_null) {
    json_value(column, path, type);
    sql::null_test_written(sql_, is_null);
    return *this;
  }
  /// The rows of a many-to-many target linked to `source` through a join table, named as in
  /// dialect() (names differ by dialect: the fragment is then valid for that dialect only).
  template <class K>
  SqlFragment& linked(std::string_view target_key, std::string_view join_table,
                      std::string_view source_column, std::string_view target_column,
                      const K& source) {
    dialect_specific_ = true;
    sql::linked_through(sql_, target_key, join_table, source_column, target_column);
    return value(source);
  }

  /// `column IN (subquery)`, `column op (subquery)`: the SELECT of `selected` over `q` (a
  /// query of the model whose statements these are), with its parameters' values. Its text
  /// names tables as dialect() does: the fragment is then valid for that dialect only.
  SqlFragment& in_query(ColumnName column, const QueryState& q,
                        const ModelStatements& (*statements)(Dialect), std::string_view model,
                        std::string_view selected);
  SqlFragment& compare_query(ColumnName column, sql::Comparison op, const QueryState& q,
                             const ModelStatements& (*statements)(Dialect), std::string_view model,
                             std::string_view selected);

  /// `EXISTS (SELECT 1 FROM table WHERE condition)`: `condition` written qualified (it names
  /// columns of this fragment's rows too: a correlated subquery) over the table of the model
  /// whose statements these are, its live rows only. Valid for dialect() only.
  SqlFragment& exists(const ModelStatements& (*statements)(Dialect), const SqlFragment& condition);

  // A SELECT list, written when a select() names a scalar subquery: its values bind first.
  /// One more column, expression or aggregate.
  SqlFragment& select_item(ColumnName column);
  /// `(SELECT aggregate FROM table WHERE condition)`: one value per outer row, `condition`
  /// (written qualified) correlating the live rows of the model whose statements these are
  /// with the outer query's. Valid for dialect() only.
  SqlFragment& select_correlated(const ModelStatements& (*statements)(Dialect),
                                 ColumnName aggregate, const SqlFragment& condition);
  /// `(subquery)`: one value from another query (in_query()'s arguments).
  SqlFragment& select_query(const QueryState& q, const ModelStatements& (*statements)(Dialect),
                            std::string_view model, std::string_view selected);

  /// nearest()'s ORDER BY term: how far vector column `column` (of `dimension` floats) is from
  /// `to` by `metric`. UsageError naming the column when `to` has another dimension. Valid for
  /// dialect() only.
  template <class V>
  SqlFragment& distance(ColumnName column, sql::VectorMetric metric, bool pgvector, const V& to,
                        std::size_t dimension) {
    write_distance(column, metric, pgvector, to.size(), dimension);
    BoundValue v = to_bound(to);
    if (pgvector) v.kind = BoundValue::Kind::pgvector;
    return push_value(std::move(v));
  }

  Dialect dialect() const noexcept { return dialect_; }
  /// Whether the text is only valid for written_for()'s dialect.
  bool dialect_specific() const noexcept { return dialect_specific_; }
  Dialect written_for() const noexcept { return dialect_; }

  const sql::Fragment& sql() const noexcept { return sql_; }
  std::span<const BoundValue> values() const noexcept { return values_; }

private:
  /// The column's SQL as this fragment writes it: qualified by its table when qualified_.
  /// Valid until the next call.
  std::string_view name(const ColumnName& column);
  void json_value(ColumnName column, const std::vector<sql::JsonStep>& path, sql::JsonScalar type);
  void write_distance(ColumnName column, sql::VectorMetric metric, bool pgvector,
                      std::size_t size, std::size_t dimension);
  /// The next parameter's value, converted as bind_value() converts it.
  template <class T> SqlFragment& value(const T& v) {
    return push_value(to_bound(v, static_cast<int>(values_.size()) + 1));
  }
  SqlFragment& push_value(BoundValue v);
  /// The subquery's text for in_query()/compare_query(); its values are appended here, where
  /// its parameters stand among this fragment's.
  /// SELECT `columns` FROM the table of `statements`'s model, its live rows that meet
  /// `condition` (qualified, naming outer rows too); the condition's values appended here.
  sql::Fragment correlated(const ModelStatements& (*statements)(Dialect), std::string columns,
                           const SqlFragment& condition);
  sql::Fragment take_subquery(const QueryState& q, const ModelStatements& (*statements)(Dialect),
                              std::string_view model, std::string_view selected);

  Dialect dialect_;
  bool qualified_ = false;
  bool dialect_specific_ = false;
  std::string scratch_; // name()'s
  sql::Fragment sql_;
  std::vector<BoundValue> values_;
};

/// Binds `values` from parameter `index` on, advancing it.
void bind_values(sqlite::Statement& s, int& index, std::span<const BoundValue> values);
void bind_values(postgres::Statement& s, int& index, std::span<const BoundValue> values);

} // namespace ormc::detail
