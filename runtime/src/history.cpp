// Reading a versioned model's history table (ormc/history.hpp): the same query machinery as
// the table's (QueryState, select_of()), pointed at `<table>_history` with the conditions of a
// time, and each version's history columns read after the model's own.
#include <ormc/database.hpp>
#include <ormc/error.hpp>
#include <ormc/history.hpp>
#include <ormc/sql/renderer.hpp>
#include <string>

namespace ormc::detail {
namespace {

using sql::HistoryColumns;

// Quoted (sql::identifier() of HistoryColumns), for the conditions' ColumnNames, which keep
// views of them.
constexpr std::string_view valid_from_sql = "\"history_valid_from\"";
constexpr std::string_view valid_to_sql = "\"history_valid_to\"";

/// `valid_to IS NULL OR valid_to > at`: the version had not ended by `at`.
void not_ended_by(SqlFragment& f, timestamp at) {
  f.open_group()
      .null_test(valid_to_sql, true)
      .separate(sql::Logical::any)
      .compare(valid_to_sql, sql::Comparison::greater, at)
      .close_group();
}

QueryState reading_history(const QueryState& q) {
  if (q.history)
    throw UsageError("as_of() or a history read of a query that already reads history");
  QueryState out = q;
  out.history = true;
  return out;
}

HistoryOperation operation_named(const std::string& name) {
  if (name == "insert") return HistoryOperation::insert;
  if (name == "update") return HistoryOperation::update;
  if (name == "delete") return HistoryOperation::remove;
  throw DataError("history: operation '" + name + "' is none of insert, update, delete");
}
} // namespace

QueryState as_of(const QueryState& q, Dialect dialect, timestamp at) {
  QueryState out = reading_history(q);
  SqlFragment current(dialect);
  current.compare(valid_from_sql, sql::Comparison::less_equal, at).separate(sql::Logical::all);
  not_ended_by(current, at);
  out.conditions.push_back(std::make_shared<const SqlFragment>(std::move(current)));
  return out;
}

QueryState versions(const QueryState& q, Dialect dialect, std::optional<timestamp> from,
                    std::optional<timestamp> to) {
  QueryState out = reading_history(q);
  // Began before `to`, and ended after `from` or (a removal) at it.
  SqlFragment overlapping(dialect);
  if (to) overlapping.compare(valid_from_sql, sql::Comparison::less, *to);
  if (to && from) overlapping.separate(sql::Logical::all);
  if (from)
    overlapping.open_group()
        .null_test(valid_to_sql, true)
        .separate(sql::Logical::any)
        .compare(valid_to_sql, sql::Comparison::greater, *from)
        .separate(sql::Logical::any)
        .compare(valid_from_sql, sql::Comparison::greater_equal, *from)
        .close_group();
  if (from || to)
    out.conditions.push_back(std::make_shared<const SqlFragment>(std::move(overlapping)));
  return out;
}

void read_versions(Database& db, const ModelCodec& codec, const QueryState& q, VersionSink sink) {
  db.with_connection([&](auto& conn) {
    check_dialect(q, conn.dialect_v, codec.name);
    const ModelStatements& sql = codec.statements(conn.dialect_v);
    if (sql.history_table.empty())
      throw UsageError("history of " + std::string(codec.name) +
                       ", which keeps none: mark it ormc:table(versioned)");
    std::string columns(sql.columns);
    for (std::string_view column : HistoryColumns::all)
      columns += ", " + sql::identifier(column);
    sql::Select select = select_of(q, sql, columns);
    select.order.push_back({sql::identifier(HistoryColumns::version), false, false});
    auto statement = conn.prepare(sql::renderer(conn.dialect_v).render(select));
    int index = 1;
    bind_where(*statement, index, q);
    bind_limit(*statement, index, q);
    const auto& functions = codec.functions(*statement);
    const int first = static_cast<int>(sql.shape.size());
    std::string operation;
    while (statement->step()) {
      VersionInfo* info = nullptr;
      functions.read(*statement, sink.next(sink.context, &info));
      statement->read(first, info->version);
      statement->read(first + 1, info->valid_from);
      statement->read(first + 2, info->valid_to);
      statement->read(first + 3, operation);
      info->operation = operation_named(operation);
      statement->read(first + 4, info->actor);
    }
  });
}

void throw_no_version(std::string_view model, const std::string& key, std::int64_t version) {
  throw NotFound("restore: " + std::string(model) + " row " + key + " has no version " +
                 std::to_string(version));
}

} // namespace ormc::detail
