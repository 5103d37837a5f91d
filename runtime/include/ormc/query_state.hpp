// What a Query<Model> holds and how it becomes SQL, whatever its model: conditions already
// written as SQL fragments with their values, the order, the keyset position, limit and offset.
// Compiled once, in the runtime library; Query<Model> adds only reading rows into its model.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <memory>
#include <optional>
#include <ormc/model.hpp>
#include <ormc/sql/statements.hpp>
#include <ormc/sql_text.hpp>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace ormc::detail {

/// One ORDER BY term.
struct OrderTerm {
  std::string_view sql; // the quoted column
  bool descending = false;
  bool nullable = false;
  /// The term's value in a row of the query's model, for after().
  BoundValue (*value_in)(const void* row) = nullptr;
};

class QueryState {
public:
  QueryState();
  ~QueryState();
  QueryState(const QueryState&);
  QueryState(QueryState&&) noexcept;
  QueryState& operator=(const QueryState&);
  QueryState& operator=(QueryState&&) noexcept;

  /// Joined with AND. Shared by the copies a query is refined into, so that a statement bound
  /// to a condition's text (SQLite does not copy it) may outlive the copy that ran it.
  std::vector<std::shared_ptr<const SqlFragment>> conditions;
  std::vector<OrderTerm> order; // the key follows, so that the order is total
  /// after(): the values of the order's terms in the row to continue after, then its key.
  std::optional<std::vector<BoundValue>> after;
  bool with_deleted = false;
  /// The rows are the model's history table's (ormc:table(versioned)): as_of(), history().
  /// Such a query reads only.
  bool history = false;
  /// GroupedQuery: the quoted columns of GROUP BY, and the HAVING conditions (joined with AND).
  /// A grouped query's order is its own terms only: the key is not among the groups' columns.
  std::vector<std::string_view> group_by;
  std::vector<std::shared_ptr<const SqlFragment>> having;
  /// nearest(): the distance of each row's vector from the one searched for, the first ORDER
  /// BY term (its value bound with the limit's, after WHERE's and HAVING's).
  std::shared_ptr<const SqlFragment> nearest;
  std::optional<std::int64_t> limit;
  std::optional<std::int64_t> offset;
};

/// Throws UsageError when a condition (any_of(), a many-to-many link) was written for another
/// dialect than `dialect`: its SQL differs by dialect.
void check_dialect(const QueryState& q, Dialect dialect, std::string_view model);

/// The query's conditions, for WHERE: the row tenant's test of a model with an ormc:tenant
/// column, the live-rows test of a soft-delete model, the conditions, the keyset position.
std::vector<sql::Fragment> where_of(const QueryState& q, const ModelStatements& sql);
/// The query as the SQL layer's Select of `columns`: where_of(), the order (the key last, so
/// that it is total and pages are stable), limit and offset.
sql::Select select_of(const QueryState& q, const ModelStatements& sql, sql::Fragment columns);
std::string select_sql(const QueryState& q, const ModelStatements& sql, Dialect dialect,
                       std::string_view columns);
/// One value over the query's rows: `function(argument)` (count, sum, ...; argument a quoted
/// column or *), or for function "exists" whether there is a row. With limit() or offset() the
/// rows are a subquery, so that the value is over what the query reads.
std::string summary_sql(const QueryState& q, const ModelStatements& sql, Dialect dialect,
                        std::string_view function, std::string_view argument);
/// UPDATE of the matching rows setting each of `columns` (a parameter each, in order), then
/// with `stamp` the model's updated_at column; then where_of()'s parameters.
std::string update_sql(const QueryState& q, const ModelStatements& sql, Dialect dialect,
                       std::span<const std::string_view> columns, bool stamp);
/// DELETE of the matching rows, or with `soft` the UPDATE marking them deleted (a parameter:
/// the time); then where_of()'s parameters.
std::string delete_sql(const QueryState& q, const ModelStatements& sql, Dialect dialect, bool soft);

/// The parameters of where_of(), from `index` on.
void bind_where(sqlite::Statement& s, int& index, const QueryState& q);
void bind_where(postgres::Statement& s, int& index, const QueryState& q);
/// The query as a subquery selecting `columns`: select_of() without an order unless it is
/// limited (an IN list or one value needs none, and PostgreSQL refuses ORDER BY the key beside
/// an aggregate), as a fragment whose parameters are parameters_of().
sql::Fragment subquery_of(const QueryState& q, const ModelStatements& sql, Dialect dialect,
                          std::string_view columns);
/// The values of every parameter of select_of(), in order: where_of()'s, HAVING's, the limit's.
std::vector<BoundValue> parameters_of(const QueryState& q);

/// The parameters of the HAVING conditions, from `index` on.
void bind_having(sqlite::Statement& s, int& index, const QueryState& q);
void bind_having(postgres::Statement& s, int& index, const QueryState& q);
/// The parameters of the ORDER BY (nearest()'s vector), the limit and the offset.
void bind_limit(sqlite::Statement& s, int& index, const QueryState& q);
void bind_limit(postgres::Statement& s, int& index, const QueryState& q);

/// `q` grouped by `columns`. Throws UsageError when the query has an order, a limit, an offset
/// or after(): before group_by() they would apply to rows that are then grouped, which SQL
/// cannot say. (Out of line, as the next two, so that each call site only calls.)
QueryState grouped(const QueryState& q, std::initializer_list<std::string_view> columns);
/// `q` with one more HAVING condition, or one more ORDER BY term.
QueryState with_having(const QueryState& q, SqlFragment condition);
QueryState with_order(const QueryState& q, OrderTerm term);

/// `q` ordered by `distance` first and limited to `k` rows: nearest(). Throws UsageError for
/// k < 1, a second nearest(), or a query paged with after().
QueryState with_nearest(const QueryState& q, SqlFragment distance, std::int64_t k);

/// Throws UsageError: remove() and update() apply to all matching rows.
void check_changes_unlimited(const QueryState& q);

} // namespace ormc::detail
