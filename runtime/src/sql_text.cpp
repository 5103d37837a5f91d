#include <ormc/column.hpp>
#include <ormc/error.hpp>
#include <ormc/postgres/statement.hpp>
#include <ormc/query_state.hpp>
#include <ormc/sql/renderer.hpp>
#include <ormc/sql_text.hpp>
#include <ormc/sqlite/statement.hpp>

namespace ormc::detail {

SqlFragment::SqlFragment(Dialect dialect) : dialect_(dialect) {}
SqlFragment::SqlFragment(Dialect dialect, bool qualified)
    : dialect_(dialect), qualified_(qualified) {}
SqlFragment::~SqlFragment() = default;
SqlFragment::SqlFragment(const SqlFragment&) = default;
SqlFragment::SqlFragment(SqlFragment&&) noexcept = default;
SqlFragment& SqlFragment::operator=(const SqlFragment&) = default;
SqlFragment& SqlFragment::operator=(SqlFragment&&) noexcept = default;

SqlFragment& SqlFragment::in_query(ColumnName column, const QueryState& q,
                                   const ModelStatements& (*statements)(Dialect),
                                   std::string_view model, std::string_view selected) {
  sql::Fragment subquery = take_subquery(q, statements, model, selected);
  sql::in_query(sql_, name(column), subquery);
  return *this;
}

SqlFragment& SqlFragment::compare_query(ColumnName column, sql::Comparison op, const QueryState& q,
                                        const ModelStatements& (*statements)(Dialect),
                                        std::string_view model, std::string_view selected) {
  sql::Fragment subquery = take_subquery(q, statements, model, selected);
  sql::compare_query(sql_, name(column), op, subquery);
  return *this;
}

sql::Fragment SqlFragment::take_subquery(const QueryState& q,
                                         const ModelStatements& (*statements)(Dialect),
                                         std::string_view model, std::string_view selected) {
  check_dialect(q, dialect_, model);
  dialect_specific_ = true; // the subquery names its table as this dialect does
  for (BoundValue& v : parameters_of(q))
    values_.push_back(std::move(v));
  return subquery_of(q, statements(dialect_), dialect_, selected);
}

SqlFragment& SqlFragment::push_value(BoundValue v) {
  values_.push_back(std::move(v));
  return *this;
}

SqlFragment& SqlFragment::key_set(std::string_view column, std::string encoded) {
  dialect_specific_ = true;
  sql::renderer(dialect_).in_key_set(sql_, column);
  values_.push_back(to_bound(encoded));
  return *this;
}

sql::Fragment SqlFragment::correlated(const ModelStatements& (*statements)(Dialect),
                                      std::string columns, const SqlFragment& condition) {
  const ModelStatements& sql = statements(dialect_);
  const std::string alias = sql::identifier(sql.table_name);
  sql::Select select;
  select.columns = std::move(columns);
  select.table = std::string(sql.table);
  if (select.table != alias) select.alias = alias;
  if (!sql.tenant.empty())
    sql::tenant_test(select.where.emplace_back(), sql::qualified(alias, sql.tenant));
  if (!sql.soft_delete.empty())
    sql::null_test(select.where.emplace_back(), sql::qualified(alias, sql.soft_delete), true);
  select.where.push_back(condition.sql());
  dialect_specific_ = true; // the subquery names its table as this dialect does
  for (const BoundValue& v : condition.values())
    values_.push_back(v);
  return sql::renderer(dialect_).select_fragment(select);
}

SqlFragment& SqlFragment::exists(const ModelStatements& (*statements)(Dialect),
                                 const SqlFragment& condition) {
  sql::exists(sql_, correlated(statements, "1", condition));
  return *this;
}

SqlFragment& SqlFragment::select_item(ColumnName column) {
  sql::select_item(sql_, name(column));
  return *this;
}

SqlFragment& SqlFragment::select_correlated(const ModelStatements& (*statements)(Dialect),
                                            ColumnName aggregate, const SqlFragment& condition) {
  const std::string inner = sql::qualified(sql::identifier(statements(dialect_).table_name),
                                           aggregate.sql); // the inner table's
  sql::select_query(sql_, correlated(statements, inner, condition));
  return *this;
}

SqlFragment& SqlFragment::select_query(const QueryState& q,
                                       const ModelStatements& (*statements)(Dialect),
                                       std::string_view model, std::string_view selected) {
  sql::select_query(sql_, take_subquery(q, statements, model, selected));
  return *this;
}

std::string_view SqlFragment::name(const ColumnName& column) {
  if (!qualified_ || !column.model) return column.sql;
  scratch_ = sql::qualified(sql::identifier(column.model(dialect_).table_name), column.sql);
  return scratch_;
}

SqlFragment& SqlFragment::compare_columns(ColumnName left, sql::Comparison op, ColumnName right) {
  const std::string first(name(left));
  sql::compare_columns(sql_, first, op, name(right));
  return *this;
}

void SqlFragment::json_value(ColumnName column, const std::vector<sql::JsonStep>& path,
                             sql::JsonScalar type) {
  dialect_specific_ = true;
  std::vector<std::string> params;
  sql::renderer(dialect_).json_value(sql_, name(column), path, type, params);
  for (std::string& p : params)
    values_.push_back(to_bound(p));
}

void SqlFragment::write_distance(ColumnName column, sql::VectorMetric metric, bool pgvector,
                                 std::size_t size, std::size_t dimension) {
  if (size != dimension)
    throw UsageError("nearest() on column " + std::string(column.sql) + ": the vector searched " +
                     "for has " + std::to_string(size) + " floats, the column " +
                     std::to_string(dimension));
  dialect_specific_ = true;
  sql::renderer(dialect_).vector_distance(sql_, name(column), metric, pgvector);
}

sql::JsonStep json_step(std::string_view key) {
  // SQLite's JSON paths quote a key in double quotes, with no escape for one inside.
  if (key.find('"') != std::string_view::npos)
    throw UsageError("JSON path key '" + std::string(key) +
                     "' holds a double quote, which SQLite's JSON paths cannot name");
  return {std::string(key), -1};
}

sql::JsonStep json_index(long long index) {
  if (index < 0) throw UsageError("JSON path index " + std::to_string(index) + " is negative");
  return {"", static_cast<std::int64_t>(index)};
}

namespace {
template <class Statement> void bind_to(Statement& s, int index, const BoundValue& v) {
  switch (v.kind) {
  case BoundValue::Kind::null:
    s.bind_null(index);
    return;
  case BoundValue::Kind::boolean:
    s.bind_bool(index, v.integer != 0);
    return;
  case BoundValue::Kind::integer:
    s.bind_int64(index, v.integer);
    return;
  case BoundValue::Kind::real:
    s.bind_double(index, v.real);
    return;
  case BoundValue::Kind::text:
    s.bind_text(index, v.bytes);
    return;
  case BoundValue::Kind::blob:
    s.bind_blob(index, std::as_bytes(std::span(v.bytes.data(), v.bytes.size())));
    return;
  case BoundValue::Kind::timestamp:
    s.bind_timestamp(index, v.integer);
    return;
  case BoundValue::Kind::iso_timestamp:
    s.bind_iso_timestamp(index, v.integer);
    return;
  case BoundValue::Kind::plain_timestamp:
    s.bind_plain_timestamp(index, v.integer);
    return;
  case BoundValue::Kind::date:
    s.bind_date(index, v.integer);
    return;
  case BoundValue::Kind::decimal:
    s.bind_decimal(index, v.integer, v.scale);
    return;
  case BoundValue::Kind::numeric:
    s.bind_numeric(index, v.integer, v.scale);
    return;
  case BoundValue::Kind::vector:
  case BoundValue::Kind::pgvector:
    s.bind_vector(index, std::as_bytes(std::span(v.bytes.data(), v.bytes.size())),
                  v.kind == BoundValue::Kind::pgvector);
    return;
  }
}
} // namespace

void bind_bound(sqlite::Statement& s, int index, const BoundValue& value) {
  bind_to(s, index, value);
}
void bind_bound(postgres::Statement& s, int index, const BoundValue& value) {
  bind_to(s, index, value);
}
void bind_values(sqlite::Statement& s, int& index, std::span<const BoundValue> values) {
  for (const BoundValue& v : values)
    bind_to(s, index++, v);
}
void bind_values(postgres::Statement& s, int& index, std::span<const BoundValue> values) {
  for (const BoundValue& v : values)
    bind_to(s, index++, v);
}

} // namespace ormc::detail
