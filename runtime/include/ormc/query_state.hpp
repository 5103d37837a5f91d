// What a Query<Model> holds and how it becomes SQL, whatever its model: conditions already
// written as SQL fragments with their values, the order, the keyset position, limit and offset.
// Compiled once, in the runtime library; Query<Model> adds only reading rows into its model.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <ormc/model.hpp>
#include <ormc/sql_text.hpp>
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
  std::optional<std::int64_t> limit;
  std::optional<std::int64_t> offset;
};

/// Throws UsageError when a condition (any_of(), a many-to-many link) was written for another
/// dialect than `dialect`: its SQL differs by dialect.
void check_dialect(const QueryState& q, Dialect dialect, std::string_view model);

/// ` WHERE ...`: the live-rows test of a soft-delete model, the conditions, the keyset position.
void render_where(SqlBuilder& b, const QueryState& q, const ModelStatements& sql);
/// ` ORDER BY ... LIMIT ... OFFSET ...`. NULLs sort last in either direction, on every backend.
void render_order_and_limit(SqlBuilder& b, const QueryState& q, const ModelStatements& sql);
/// `SELECT <columns> FROM <table>` with render_where() and render_order_and_limit().
std::string select_sql(const QueryState& q, const ModelStatements& sql, Dialect dialect,
                       std::string_view columns);
/// `<before> table WHERE ... <after>`; with limit() or offset() the table is a subquery of the
/// limited rows (`<column>` of each), so that count(), exists() and aggregates read what the
/// query reads.
std::string select_one_sql(const QueryState& q, const ModelStatements& sql, Dialect dialect,
                           std::string_view before, std::string_view column,
                           std::string_view after);

/// The parameters of render_where(), from `index` on.
void bind_where(sqlite::Statement& s, int& index, const QueryState& q);
void bind_where(postgres::Statement& s, int& index, const QueryState& q);
/// The parameters of render_order_and_limit().
void bind_limit(sqlite::Statement& s, int& index, const QueryState& q);
void bind_limit(postgres::Statement& s, int& index, const QueryState& q);

/// Throws UsageError: remove() and update() apply to all matching rows.
void check_changes_unlimited(const QueryState& q);

} // namespace ormc::detail
