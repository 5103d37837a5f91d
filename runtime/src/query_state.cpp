#include <algorithm>
#include <ormc/error.hpp>
#include <ormc/postgres/statement.hpp>
#include <ormc/query_state.hpp>
#include <ormc/sql/renderer.hpp>
#include <ormc/sqlite/statement.hpp>

namespace ormc::detail {

QueryState::QueryState() = default;
QueryState::~QueryState() = default;
QueryState::QueryState(const QueryState&) = default;
QueryState::QueryState(QueryState&&) noexcept = default;
QueryState& QueryState::operator=(const QueryState&) = default;
QueryState& QueryState::operator=(QueryState&&) noexcept = default;

namespace {
/// The order's terms, then the key's columns: the ORDER BY, and what after() compares.
std::vector<sql::OrderTerm> order_of(const QueryState& q, const ModelStatements& sql) {
  std::vector<sql::OrderTerm> terms;
  terms.reserve(q.order.size() + sql.key_columns.size() + 1);
  if (q.nearest) terms.push_back({q.nearest->sql(), false, true}); // NULL vectors last
  for (const OrderTerm& term : q.order)
    terms.push_back({std::string(term.sql), term.descending, term.nullable});
  if (q.group_by.empty()) // a group has no key
    for (std::string_view column : sql.key_columns)
      terms.push_back({std::string(column), false, false});
  return terms;
}

/// A query of history (as_of()) reads; the rows it sees are versions, not the table's.
void check_writable(const QueryState& q) {
  if (q.history)
    throw UsageError("update() or remove() of a query of history (as_of()): history is read "
                     "only; write the table's rows, and the triggers keep their history");
}

std::vector<bool> null_values(const std::vector<BoundValue>& values) {
  std::vector<bool> out;
  out.reserve(values.size());
  for (const BoundValue& v : values)
    out.push_back(v.is_null());
  return out;
}

/// Calls `f` with each value of where_of()'s parameters, in order: the conditions', then the
/// keyset position's in the order keyset_after() wrote them (NULLs take none). What binding a
/// statement and parameters_of() both follow.
template <class F> void for_each_where_value(const QueryState& q, F f) {
  for (const auto& condition : q.conditions)
    for (const BoundValue& v : condition->values())
      f(v);
  if (q.after)
    for (std::size_t term : sql::keyset_parameters(null_values(*q.after)))
      f((*q.after)[term]);
}
template <class F> void for_each_having_value(const QueryState& q, F f) {
  for (const auto& condition : q.having)
    for (const BoundValue& v : condition->values())
      f(v);
}

template <class Statement> void bind_where_to(Statement& s, int& index, const QueryState& q) {
  for_each_where_value(q, [&](const BoundValue& v) { bind_bound(s, index++, v); });
}

template <class Statement> void bind_having_to(Statement& s, int& index, const QueryState& q) {
  for_each_having_value(q, [&](const BoundValue& v) { bind_bound(s, index++, v); });
}

template <class Statement> void bind_limit_to(Statement& s, int& index, const QueryState& q) {
  if (q.nearest) bind_values(s, index, q.nearest->values());
  if (q.limit) s.bind(index++, *q.limit);
  if (q.offset) s.bind(index++, *q.offset);
}
} // namespace

void check_dialect(const QueryState& q, Dialect dialect, std::string_view model) {
  if (q.nearest && q.nearest->written_for() != dialect)
    throw UsageError(std::string("a nearest() of ") + std::string(model) + " was written for " +
                     std::string(to_string(q.nearest->written_for())) + ", not " +
                     std::string(to_string(dialect)));
  for (const auto* conditions : {&q.conditions, &q.having})
    for (const auto& condition : *conditions)
      if (condition->dialect_specific() && condition->written_for() != dialect)
        throw UsageError(std::string("a query of ") + std::string(model) +
                         " holds a condition written for " +
                         std::string(to_string(condition->written_for())) +
                         " (any_of() or a many-to-many link), whose SQL differs by dialect; its " +
                         std::string(to_string(dialect)) + " SQL needs a query built on a " +
                         std::string(to_string(dialect)) + " connection");
}

std::vector<sql::Fragment> where_of(const QueryState& q, const ModelStatements& sql) {
  std::vector<sql::Fragment> where;
  where.reserve(q.conditions.size() + 3);
  if (!sql.tenant.empty()) sql::tenant_test(where.emplace_back(), sql.tenant);
  if (!sql.soft_delete.empty() && !q.with_deleted)
    sql::null_test(where.emplace_back(), sql.soft_delete, true);
  for (const auto& condition : q.conditions)
    where.push_back(condition->sql());
  if (q.after) where.push_back(sql::keyset_after(order_of(q, sql), null_values(*q.after)));
  return where;
}

sql::Select select_of(const QueryState& q, const ModelStatements& sql, sql::Fragment columns) {
  if (q.history && sql.history_table.empty())
    throw UsageError("as_of() of table " + std::string(sql.table_name) +
                     ", which keeps no history: mark its model ormc:table(versioned)");
  sql::Select select{std::move(columns),  std::string(q.history ? sql.history_table : sql.table),
                     where_of(q, sql),    order_of(q, sql),
                     q.limit.has_value(), q.offset.has_value()};
  for (std::string_view column : q.group_by)
    select.group_by.emplace_back(column);
  for (const auto& condition : q.having)
    select.having.push_back(condition->sql());
  return select;
}

sql::Fragment subquery_of(const QueryState& q, const ModelStatements& sql, Dialect dialect,
                          std::string_view columns) {
  sql::Select select = select_of(q, sql, std::string(columns));
  if (!q.limit && !q.offset) select.order.clear();
  return sql::renderer(dialect).select_fragment(select);
}

std::vector<BoundValue> parameters_of(const QueryState& q) {
  std::vector<BoundValue> out;
  auto keep = [&](const BoundValue& v) { out.push_back(v); };
  for_each_where_value(q, keep);
  for_each_having_value(q, keep);
  if (q.nearest)
    for (const BoundValue& v : q.nearest->values())
      out.push_back(v);
  if (q.limit) out.push_back(to_bound(*q.limit));
  if (q.offset) out.push_back(to_bound(*q.offset));
  return out;
}

std::string select_sql(const QueryState& q, const ModelStatements& sql, Dialect dialect,
                       std::string_view columns) {
  return sql::renderer(dialect).render(select_of(q, sql, std::string(columns)));
}

std::string summary_sql(const QueryState& q, const ModelStatements& sql, Dialect dialect,
                        std::string_view function, std::string_view argument) {
  sql::Select rows = select_of(q, sql, {});
  if (function == "exists") return sql::renderer(dialect).render(sql::Exists{std::move(rows)});
  return sql::renderer(dialect).render(
      sql::Aggregate{std::string(function), std::string(argument), std::move(rows)});
}

std::string update_sql(const QueryState& q, const ModelStatements& sql, Dialect dialect,
                       std::span<const std::string_view> columns, bool stamp) {
  check_writable(q);
  sql::Update update{std::string(sql.table), {}, where_of(q, sql)};
  for (std::string_view column : columns)
    update.set.push_back({std::string(column), sql::parameter()});
  if (stamp) update.set.push_back({std::string(sql.updated_at), sql::parameter()});
  // A bulk update changes rows others may hold: their update() must then conflict.
  if (!sql.version.empty() &&
      std::find(columns.begin(), columns.end(), sql.version) == columns.end())
    update.set.push_back({std::string(sql.version), sql::incremented(sql.version)});
  return sql::renderer(dialect).render(update);
}

std::string delete_sql(const QueryState& q, const ModelStatements& sql, Dialect dialect,
                       bool soft) {
  check_writable(q);
  const sql::Renderer& r = sql::renderer(dialect);
  if (soft)
    return r.render(sql::Update{std::string(sql.table),
                                {{std::string(sql.soft_delete), sql::parameter()}},
                                where_of(q, sql)});
  return r.render(sql::Delete{std::string(sql.table), where_of(q, sql)});
}

void bind_where(sqlite::Statement& s, int& index, const QueryState& q) {
  bind_where_to(s, index, q);
}
void bind_where(postgres::Statement& s, int& index, const QueryState& q) {
  bind_where_to(s, index, q);
}
QueryState grouped(const QueryState& q, std::initializer_list<std::string_view> columns) {
  if (!q.order.empty() || q.after || q.limit || q.offset)
    throw UsageError("group_by() follows where(); order_by(), limit(), offset() and after() "
                     "apply to the groups, so they come after group_by()");
  QueryState out = q;
  out.group_by.assign(columns.begin(), columns.end());
  return out;
}

QueryState with_having(const QueryState& q, SqlFragment condition) {
  QueryState out = q;
  out.having.push_back(std::make_shared<const SqlFragment>(std::move(condition)));
  return out;
}

QueryState with_order(const QueryState& q, OrderTerm term) {
  QueryState out = q;
  out.order.push_back(term);
  return out;
}

void bind_having(sqlite::Statement& s, int& index, const QueryState& q) {
  bind_having_to(s, index, q);
}
void bind_having(postgres::Statement& s, int& index, const QueryState& q) {
  bind_having_to(s, index, q);
}
void bind_limit(sqlite::Statement& s, int& index, const QueryState& q) {
  bind_limit_to(s, index, q);
}
void bind_limit(postgres::Statement& s, int& index, const QueryState& q) {
  bind_limit_to(s, index, q);
}

QueryState with_nearest(const QueryState& q, SqlFragment distance, std::int64_t k) {
  if (k < 1) throw UsageError("nearest(): k is " + std::to_string(k) + "; it finds at least 1 row");
  if (q.nearest) throw UsageError("nearest() is called once per query");
  if (q.after) throw UsageError("nearest() orders by distance; after() pages by columns");
  QueryState out = q;
  out.nearest = std::make_shared<const SqlFragment>(std::move(distance));
  out.limit = k;
  return out;
}

void check_changes_unlimited(const QueryState& q) {
  if (q.limit || q.offset || !q.order.empty())
    throw UsageError("remove() and update() apply to all matching rows; drop order_by/limit");
}

} // namespace ormc::detail
