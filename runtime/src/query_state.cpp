#include <ormc/error.hpp>
#include <ormc/postgres/statement.hpp>
#include <ormc/query_state.hpp>
#include <ormc/sqlite/statement.hpp>

namespace ormc::detail {

QueryState::QueryState() = default;
QueryState::~QueryState() = default;
QueryState::QueryState(const QueryState&) = default;
QueryState::QueryState(QueryState&&) noexcept = default;
QueryState& QueryState::operator=(const QueryState&) = default;
QueryState& QueryState::operator=(QueryState&&) noexcept = default;

namespace {
/// The order's terms, then the key: what after() compares.
std::vector<OrderTerm> keyset_terms(const QueryState& q, const ModelStatements& sql) {
  std::vector<OrderTerm> terms = q.order;
  terms.push_back({sql.key, false, false, nullptr});
  return terms;
}

/// (t1 > v1) OR (t1 = v1 AND t2 > v2) OR ... with < for descending terms. NULLs sort last in
/// either direction (see render_order_and_limit), so after a value come the larger (or smaller)
/// values and then the NULLs; after a NULL only other NULLs, by the next terms.
void render_after(SqlBuilder& b, const QueryState& q, const ModelStatements& sql) {
  std::vector<OrderTerm> terms = keyset_terms(q, sql);
  const std::vector<BoundValue>& values = *q.after;
  b.text("(");
  for (std::size_t i = 0; i < terms.size(); ++i) {
    b.text(i ? " OR (" : "(");
    for (std::size_t j = 0; j < i; ++j) {
      if (values[j].is_null())
        b.text(terms[j].sql).text(" IS NULL AND ");
      else
        b.text(terms[j].sql).text(" = ").param().text(" AND ");
    }
    const OrderTerm& term = terms[i];
    if (values[i].is_null()) {
      b.text("1 = 0)"); // nothing sorts after a NULL in this term
    } else if (term.nullable) {
      b.text("(").text(term.sql).text(term.descending ? " < " : " > ").param();
      b.text(" OR ").text(term.sql).text(" IS NULL))");
    } else {
      b.text(term.sql).text(term.descending ? " < " : " > ").param().text(")");
    }
  }
  b.text(")");
}

template <class Statement> void bind_where_to(Statement& s, int& index, const QueryState& q) {
  for (const auto& condition : q.conditions)
    bind_values(s, index, condition->values());
  if (q.after) { // in the order render_after() wrote the parameters: NULLs bind none
    const std::vector<BoundValue>& values = *q.after;
    for (std::size_t i = 0; i < values.size(); ++i)
      for (std::size_t j = 0; j <= i; ++j)
        if (!values[j].is_null()) bind_bound(s, index++, values[j]);
  }
}

template <class Statement> void bind_limit_to(Statement& s, int& index, const QueryState& q) {
  if (q.limit) s.bind(index++, *q.limit);
  if (q.offset) s.bind(index++, *q.offset);
}
} // namespace

void check_dialect(const QueryState& q, Dialect dialect, std::string_view model) {
  for (const auto& condition : q.conditions)
    if (condition->dialect_specific() && condition->written_for() != dialect)
      throw UsageError(std::string("a query of ") + std::string(model) +
                       " holds a condition written for " +
                       std::string(to_string(condition->written_for())) +
                       " (any_of() or a many-to-many link), whose SQL differs by dialect; its " +
                       std::string(to_string(dialect)) + " SQL needs a query built on a " +
                       std::string(to_string(dialect)) + " connection");
}

void render_where(SqlBuilder& b, const QueryState& q, const ModelStatements& sql) {
  bool first = true;
  auto next = [&] {
    b.text(first ? " WHERE " : " AND ");
    first = false;
  };
  if (!sql.soft_delete.empty() && !q.with_deleted) {
    next();
    b.text(sql.soft_delete).text(" IS NULL");
  }
  for (const auto& condition : q.conditions) {
    next();
    b.fragment(*condition);
  }
  if (q.after) {
    next();
    render_after(b, q, sql);
  }
}

void render_order_and_limit(SqlBuilder& b, const QueryState& q, const ModelStatements& sql) {
  b.text(" ORDER BY ");
  // NULLs last in either direction, the same on every backend (their defaults differ).
  for (const OrderTerm& term : q.order)
    b.text(term.sql)
        .text(term.descending ? " DESC" : "")
        .text(term.nullable ? " NULLS LAST, " : ", ");
  b.text(sql.key); // last, so that the order is total and pages are stable
  if (q.limit) b.text(" LIMIT ").param();
  if (q.offset) {
    if (!q.limit && b.dialect() == Dialect::sqlite) b.text(" LIMIT -1"); // SQLite: no bare OFFSET
    b.text(" OFFSET ").param();
  }
}

std::string select_sql(const QueryState& q, const ModelStatements& sql, Dialect dialect,
                       std::string_view columns) {
  SqlBuilder b(dialect);
  b.text("SELECT ").text(columns).text(" FROM ").text(sql.table);
  render_where(b, q, sql);
  render_order_and_limit(b, q, sql);
  return b.take();
}

std::string select_one_sql(const QueryState& q, const ModelStatements& sql, Dialect dialect,
                           std::string_view before, std::string_view column,
                           std::string_view after) {
  SqlBuilder b(dialect);
  bool limited = q.limit || q.offset;
  b.text(before);
  if (limited) b.text("(SELECT ").text(column).text(" FROM ");
  b.text(sql.table);
  render_where(b, q, sql);
  if (limited) {
    render_order_and_limit(b, q, sql);
    b.text(") AS \"ormc_limited\"");
  }
  b.text(after);
  return b.take();
}

void bind_where(sqlite::Statement& s, int& index, const QueryState& q) {
  bind_where_to(s, index, q);
}
void bind_where(postgres::Statement& s, int& index, const QueryState& q) {
  bind_where_to(s, index, q);
}
void bind_limit(sqlite::Statement& s, int& index, const QueryState& q) {
  bind_limit_to(s, index, q);
}
void bind_limit(postgres::Statement& s, int& index, const QueryState& q) {
  bind_limit_to(s, index, q);
}

void check_changes_unlimited(const QueryState& q) {
  if (q.limit || q.offset || !q.order.empty())
    throw UsageError("remove() and update() apply to all matching rows; drop order_by/limit");
}

} // namespace ormc::detail
