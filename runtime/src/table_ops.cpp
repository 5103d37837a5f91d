// Table<Model>'s and Query<Model>'s statements, run for any model through its ModelCodec. The
// templates here are over the two backends' connection types only, instantiated once, here.
#include "time_text.hpp"

#include <algorithm>
#include <ormc/database.hpp>
#include <ormc/error.hpp>
#include <ormc/postgres/cursor.hpp>
#include <ormc/projection.hpp>
#include <ormc/raw_sql.hpp>
#include <ormc/sql/renderer.hpp>
#include <ormc/sql_text.hpp>
#include <ormc/table_ops.hpp>
#include <type_traits>

namespace ormc::detail {
namespace {
/// Runs the model's INSERT for `row` on a leased statement and writes a database-assigned key
/// back: from RETURNING where the dialect has it, else from the connection's last insert id.
template <class Connection, class Statement>
void insert_one(Connection& conn, const ModelCodec& codec, const ModelStatements& sql,
                Statement& statement, void* row) {
  const auto& functions = codec.functions(statement);
  functions.bind_insert(statement, 0, row);
  if (!codec.key_assigned_by_database) {
    statement.execute();
  } else if (sql.insert_returns_key) {
    statement.step();
    functions.read_key(statement, 0, row);
  } else {
    statement.execute();
    codec.set_key(row, conn.last_insert_id());
  }
}

/// An upsert met a row of another tenant (its guard kept it): from this tenant's side, the key
/// or unique value is taken.
[[noreturn]] void throw_other_tenants_row(const ModelCodec& codec, std::string_view conflict,
                                          const std::string& sql) {
  throw UniqueViolation("upsert of " + std::string(codec.name) + ": the row with this " +
                            std::string(conflict) +
                            " belongs to another tenant, and an upsert writes over its own "
                            "tenant's rows only",
                        sql, "23505", 0);
}

std::vector<std::string> strings(std::span<const std::string_view> names) {
  return {names.begin(), names.end()};
}

/// `INSERT INTO t (c1, c2) VALUES ($1, $2), ($3, $4) ... [RETURNING key]`.
std::string multi_row_insert(const ModelStatements& sql, std::size_t rows, bool returning,
                             Dialect dialect) {
  return sql::renderer(dialect).render(
      sql::Insert{std::string(sql.table), strings(sql.insert_columns), rows,
                  returning ? std::string(sql.key) : std::string()});
}

/// From this many rows on, PostgreSQL's insert_all streams them with COPY (two round trips
/// however many rows) instead of multi-row INSERTs.
constexpr std::size_t copy_from_rows = 64;

/// COPY for PostgreSQL: a database-assigned key is reserved first, for every row in one
/// statement (nextval of the key's sequence, which COPY cannot return), written into the rows
/// and sent with them.
void copy_rows(postgres::Connection& conn, const ModelCodec& codec, const ModelStatements& sql,
               std::span<void* const> rows) {
  const sql::Renderer& postgres = sql::renderer(Dialect::postgresql);
  std::vector<std::string_view> columns;
  std::vector<std::int64_t> keys; // reserved, in the rows' order
  if (codec.key_assigned_by_database) {
    columns.push_back(sql.key);
    // The sequence's oid first: nextval() of a name would look the name up once per row (5x
    // slower at 200,000 rows), of an oid it does not.
    std::optional<std::int64_t> sequence;
    if (sql.key_sequence.empty()) {
      auto find = conn.prepare(postgres.key_sequence());
      find->bind(1, sql.table);
      find->bind(2, sql::unquote_identifier(sql.key));
      if (find->step()) find->read(0, sequence);
    } else {
      auto find = conn.prepare(postgres.named_sequence());
      find->bind(1, sql.key_sequence);
      if (find->step()) find->read(0, sequence);
    }
    if (!sequence)
      throw UsageError(std::string("insert_all: the key ") + std::string(sql.key) + " of " +
                       std::string(codec.name) +
                       " has no sequence (it is neither an identity nor a serial column)");
    auto reserve = conn.prepare(postgres.reserve_keys());
    reserve->bind(1, *sequence);
    reserve->bind(2, static_cast<std::int64_t>(rows.size()));
    for (void* row : rows) {
      if (!reserve->step())
        throw DataError(std::string("insert_all: the key sequence of ") + std::string(codec.name) +
                        " gave fewer keys than rows");
      reserve->read(0, keys.emplace_back());
      codec.set_key(row, keys.back());
    }
  }
  columns.insert(columns.end(), sql.insert_columns.begin(), sql.insert_columns.end());
  // Each row's values as the text PostgreSQL reads: the statement's own binding, never run.
  postgres::Statement values(conn, "", "");
  const auto& functions = codec.functions(values);
  std::string lines;
  for (std::size_t i = 0; i < rows.size(); ++i) {
    if (!keys.empty()) values.bind_int64(1, keys[i]);
    functions.bind_insert(values, keys.empty() ? 0 : 1, rows[i]);
    values.append_copy_line(lines);
  }
  conn.copy_in(sql.table, columns, lines, static_cast<std::int64_t>(rows.size()));
}

/// SQLite runs one prepared INSERT per row (inside the caller's transaction); PostgreSQL sends
/// multi-row INSERTs of up to 1000 rows (fewer when a row has many columns, under the
/// 65535-parameter limit), or from copy_from_rows rows on, COPY (but into a table with a
/// row-level-security policy, which COPY cannot check).
template <class Connection>
void insert_many(Connection& conn, const ModelCodec& codec, std::span<void* const> rows) {
  const ModelStatements& sql = codec.statements(conn.dialect_v);
  const std::size_t columns = sql.insert_columns.size();
  if constexpr (std::is_same_v<Connection, postgres::Connection>) {
    if (rows.size() >= copy_from_rows && columns > 0 && !sql.row_security &&
        (!codec.key_assigned_by_database || codec.integer_key)) {
      copy_rows(conn, codec, sql, rows);
      return;
    }
  }
  if (!Connection::multi_row_inserts || columns == 0) {
    auto statement = conn.prepare(sql.insert);
    for (void* row : rows) {
      insert_one(conn, codec, sql, *statement, row);
      statement->finish_use();
    }
    return;
  }
  const std::size_t per_statement =
      std::max<std::size_t>(1, std::min<std::size_t>(1000, 65535 / columns));
  for (std::size_t first = 0; first < rows.size(); first += per_statement) {
    std::span<void* const> chunk =
        rows.subspan(first, std::min(per_statement, rows.size() - first));
    auto statement = conn.prepare(
        multi_row_insert(sql, chunk.size(), codec.key_assigned_by_database, conn.dialect_v));
    const auto& functions = codec.functions(*statement);
    int offset = 0;
    for (void* row : chunk) {
      functions.bind_insert(*statement, offset, row);
      offset += static_cast<int>(columns);
    }
    if (codec.key_assigned_by_database) {
      for (void* row : chunk) { // RETURNING keeps the VALUES order
        statement->step();
        functions.read_key(*statement, 0, row);
      }
    } else {
      statement->execute();
    }
  }
}

template <class Statement> class StatementRows final : public RowStream {
public:
  StatementRows(StatementLease<Statement> statement, const RowFunctions<Statement>& functions)
      : statement_(std::move(statement)), functions_(functions) {}
  bool next(void* row) override {
    if (!statement_->step()) return false;
    functions_.read(*statement_, row);
    return true;
  }

private:
  StatementLease<Statement> statement_;
  const RowFunctions<Statement>& functions_;
};

class CursorRows final : public RowStream {
public:
  CursorRows(Database& db, postgres::Connection& conn, const std::string& select,
             bool in_transaction, const QueryState& q,
             const RowFunctions<postgres::Statement>& functions)
      : cursor_(conn, select, in_transaction,
                [&](postgres::Statement& statement, int& index) {
                  bind_where(statement, index, q);
                  bind_limit(statement, index, q);
                }),
        functions_(functions), db_(in_transaction ? &db : nullptr) {}
  bool next(void* row) override {
    // A cursor of a transaction fetches as it goes: a row-security policy then reads the
    // setting of the moment, which another row tenant's statement may have changed.
    if (db_) db_->rejoin_scope();
    return cursor_.next(functions_.read, row);
  }

private:
  postgres::Cursor cursor_;
  const RowFunctions<postgres::Statement>& functions_;
  Database* db_; // null for a cursor held past its transaction, whose rows are read already
};

std::string query_sql(const QueryState& q, const ModelCodec& codec, Dialect dialect) {
  check_dialect(q, dialect, codec.name);
  return select_sql(q, codec.statements(dialect), dialect, codec.statements(dialect).columns);
}

/// The query's SELECT, prepared on `conn` with its parameters bound, ready to step.
template <class Connection>
auto prepared_query(Connection& conn, const ModelCodec& codec, const QueryState& q) {
  auto statement = conn.prepare(query_sql(q, codec, conn.dialect_v));
  int index = 1;
  bind_where(*statement, index, q);
  bind_limit(*statement, index, q);
  return statement;
}
} // namespace

void create_table(Database& db, const ModelCodec& codec) {
  for (std::string_view statement : codec.statements(db.dialect()).create)
    db.execute(statement);
}

void create_partitions(Database& db, const ModelCodec& codec,
                       std::chrono::system_clock::time_point from,
                       std::chrono::system_clock::time_point until) {
  const ModelStatements& sql = codec.statements(db.dialect());
  if (sql.partition_interval.empty())
    throw UsageError(std::string(codec.name) +
                     " create_partitions(): the model is not partitioned by time (ormc:table("
                     "partition_by=\"range(member)\"))");
  if (until < from)
    throw UsageError(std::string(codec.name) + " create_partitions(): `until` is before `from`");
  auto iso = [](std::chrono::system_clock::time_point t) {
    char text[32];
    const auto micros =
        std::chrono::duration_cast<std::chrono::microseconds>(t.time_since_epoch()).count();
    return std::string(text, format_iso_timestamp(micros, text)) + "Z";
  };
  const std::string statement = sql::renderer(db.dialect())
                                    .render(sql::CreateTimePartitions{
                                        {std::string(sql.schema_name), std::string(sql.table_name)},
                                        std::string(sql.partition_interval),
                                        iso(from),
                                        iso(until),
                                        0});
  if (!statement.empty()) db.execute(statement);
}

void insert_row(Database& db, const ModelCodec& codec, void* row) {
  db.with_connection([&](auto& conn) {
    const ModelStatements& sql = codec.statements(conn.dialect_v);
    auto statement = conn.prepare(sql.insert);
    insert_one(conn, codec, sql, *statement, row);
  });
}

void insert_rows(Database& db, const ModelCodec& codec, std::span<void* const> rows) {
  db.with_connection([&](auto& conn) { insert_many(conn, codec, rows); });
}

void upsert_row(Database& db, const ModelCodec& codec, const void* row) {
  db.with_connection([&](auto& conn) {
    const ModelStatements& sql = codec.statements(conn.dialect_v);
    {
      auto statement = conn.prepare(sql.upsert_by_key);
      codec.functions(*statement).bind_all(*statement, row);
      if (statement->execute() == 0 && !sql.tenant.empty())
        throw_other_tenants_row(codec, sql.key, statement->sql());
    }
    if (!sql.sync_key.empty()) conn.prepare(sql.sync_key)->step();
  });
}

void upsert_row_on(Database& db, const ModelCodec& codec, std::string_view conflict, void* row) {
  db.with_connection([&](auto& conn) {
    const ModelStatements& sql = codec.statements(conn.dialect_v);
    sql::Upsert upsert{
        {std::string(sql.table), strings(sql.insert_columns), 1, std::string(sql.key)},
        {std::string(conflict)},
        {},
        {}};
    for (std::string_view column : sql.conflict_update_columns)
      if (column != conflict) upsert.update.emplace_back(column);
    if (!sql.version.empty()) upsert.increment.emplace_back(sql.version);
    upsert.guard = std::string(sql.tenant);
    // Nothing else to overwrite: the conflict column itself, so that the row still comes back.
    if (upsert.update.empty() && upsert.increment.empty()) upsert.update.emplace_back(conflict);
    auto statement = conn.prepare(sql::renderer(conn.dialect_v).render(upsert));
    const auto& functions = codec.functions(*statement);
    functions.bind_insert(*statement, 0, row);
    if (!statement->step()) throw_other_tenants_row(codec, conflict, statement->sql());
    functions.read_key(*statement, 0, row);
  });
}

bool get_row(Database& db, const ModelCodec& codec, std::span<const BoundValue> key, void* row) {
  return db.with_connection([&](auto& conn) {
    auto statement = conn.prepare(codec.statements(conn.dialect_v).select_by_key);
    int index = 1;
    bind_values(*statement, index, key);
    if (!statement->step()) return false;
    codec.functions(*statement).read(*statement, row);
    return true;
  });
}

void read_all(Database& db, const ModelCodec& codec, RowSink sink) {
  db.with_connection([&](auto& conn) {
    auto statement = conn.prepare(codec.statements(conn.dialect_v).select_all);
    const auto& functions = codec.functions(*statement);
    while (statement->step())
      functions.read(*statement, sink.next(sink.context));
  });
}

std::int64_t count_rows(Database& db, const ModelCodec& codec) {
  return db.with_connection([&](auto& conn) {
    auto statement = conn.prepare(codec.statements(conn.dialect_v).count);
    statement->step();
    std::int64_t n = 0;
    statement->read(0, n);
    return n;
  });
}

std::int64_t update_row(Database& db, const ModelCodec& codec, const void* row) {
  return db.with_connection([&](auto& conn) {
    auto statement = conn.prepare(codec.statements(conn.dialect_v).update);
    codec.functions(*statement).bind_update(*statement, row);
    return statement->execute();
  });
}

bool delete_row(Database& db, const ModelCodec& codec, std::span<const BoundValue> key, bool purge,
                timestamp at) {
  return db.with_connection([&](auto& conn) {
    const ModelStatements& sql = codec.statements(conn.dialect_v);
    bool soft = !sql.soft_delete.empty() && !purge;
    auto statement = conn.prepare(purge ? sql.purge : sql.remove);
    int index = 1;
    if (soft) bind_time_as(*statement, index++, at, sql.soft_delete_storage);
    bind_values(*statement, index, key);
    return statement->execute() != 0;
  });
}

bool restore_row(Database& db, const ModelCodec& codec, std::span<const BoundValue> key) {
  return db.with_connection([&](auto& conn) {
    auto statement = conn.prepare(codec.statements(conn.dialect_v).restore);
    int index = 1;
    bind_values(*statement, index, key);
    return statement->execute() != 0;
  });
}

std::unique_ptr<RowStream> open_rows(Database& db, const ModelCodec& codec, const QueryState& q,
                                     bool paged) {
  // Outside a transaction the cursor is held past its DECLARE's: a tenant's runs in a
  // transaction of its own.
  const bool in_transaction = db.transaction_depth() > 0;
  return db.with_connection([&](auto& conn) -> std::unique_ptr<RowStream> {
    if constexpr (std::is_same_v<std::remove_reference_t<decltype(conn)>, postgres::Connection>)
      if (paged)
        return std::make_unique<CursorRows>(db, conn, query_sql(q, codec, Dialect::postgresql),
                                            in_transaction, q, codec.postgresql);
    auto statement = prepared_query(conn, codec, q);
    using Statement = std::remove_reference_t<decltype(*statement)>;
    const RowFunctions<Statement>& functions = codec.functions(*statement);
    return std::make_unique<StatementRows<Statement>>(std::move(statement), functions);
  });
}

void read_query(Database& db, const ModelCodec& codec, const QueryState& q, RowSink sink) {
  db.with_connection([&](auto& conn) {
    auto statement = prepared_query(conn, codec, q);
    const auto& functions = codec.functions(*statement);
    while (statement->step())
      functions.read(*statement, sink.next(sink.context));
  });
}

std::optional<std::int64_t> select_integer(Database& db, const ModelCodec& codec,
                                           const QueryState& q, std::string_view function,
                                           std::string_view argument) {
  bool boolean = function == "exists";
  return db.with_connection([&](auto& conn) {
    check_dialect(q, conn.dialect_v, codec.name);
    auto statement = conn.prepare(
        summary_sql(q, codec.statements(conn.dialect_v), conn.dialect_v, function, argument));
    int index = 1;
    bind_where(*statement, index, q);
    if (q.limit || q.offset) bind_limit(*statement, index, q);
    std::optional<std::int64_t> result;
    if (!statement->step()) return result;
    if (boolean) {
      std::optional<bool> value;
      statement->read(0, value);
      if (value) result = *value ? 1 : 0;
    } else {
      statement->read(0, result);
    }
    return result;
  });
}

std::int64_t update_matching(Database& db, const QueryState& q,
                             const ModelStatements& (*statements)(Dialect), std::string_view model,
                             std::span<const std::string_view> columns,
                             std::span<const BoundValue> values, timestamp at) {
  check_changes_unlimited(q);
  return db.with_connection([&](auto& conn) {
    check_dialect(q, conn.dialect_v, model);
    const ModelStatements& sql = statements(conn.dialect_v);
    bool stamp = !sql.updated_at.empty() &&
                 std::find(columns.begin(), columns.end(), sql.updated_at) == columns.end();
    auto statement = conn.prepare(update_sql(q, sql, conn.dialect_v, columns, stamp));
    int index = 1;
    bind_values(*statement, index, values);
    if (stamp) bind_time_as(*statement, index++, at, sql.updated_at_storage);
    bind_where(*statement, index, q);
    return statement->execute();
  });
}

std::int64_t delete_matching(Database& db, const ModelCodec& codec, const QueryState& q, bool purge,
                             timestamp at) {
  check_changes_unlimited(q);
  return db.with_connection([&](auto& conn) {
    check_dialect(q, conn.dialect_v, codec.name);
    const ModelStatements& sql = codec.statements(conn.dialect_v);
    bool soft = !sql.soft_delete.empty() && !purge;
    auto statement = conn.prepare(delete_sql(q, sql, conn.dialect_v, soft));
    int index = 1;
    if (soft) bind_time_as(*statement, index++, at, sql.soft_delete_storage);
    bind_where(*statement, index, q);
    return statement->execute();
  });
}

std::vector<std::string> explain_query(Database& db, const ModelCodec& codec, const QueryState& q) {
  return db.with_connection([&](auto& conn) {
    const sql::Renderer& r = sql::renderer(conn.dialect_v);
    auto statement = conn.prepare(r.explain(query_sql(q, codec, conn.dialect_v)));
    int index = 1;
    bind_where(*statement, index, q);
    bind_limit(*statement, index, q);
    std::vector<std::string> lines;
    while (statement->step())
      statement->read(r.explain_plan_column(), lines.emplace_back());
    return lines;
  });
}

void read_raw(Database& db, const ModelCodec& codec, std::string_view sql,
              std::span<const BoundValue> parameters, RowSink sink) {
  db.with_connection([&](auto& conn) {
    auto statement = conn.prepare(sql);
    int index = 1;
    bind_values(*statement, index, parameters);
    bool more = statement->step(); // PostgreSQL knows the columns once it ran
    std::vector<std::string_view> wanted;
    for (const ColumnShape& column : codec.statements(conn.dialect_v).shape)
      wanted.push_back(column.name);
    const std::vector<int> positions =
        positions_by_name(std::string(codec.name) + " raw()", wanted, column_names(*statement));
    const auto& functions = codec.functions(*statement);
    for (; more; more = statement->step())
      functions.read_mapped(*statement, positions.data(), sink.next(sink.context));
  });
}

namespace {
/// SELECT `columns` over the query, the SELECT list's parameters (`values`) bound first.
void run_projection(Database& db, const QueryState& q,
                    const ModelStatements& (*statements)(Dialect), std::string_view model,
                    const sql::Fragment& columns, std::span<const BoundValue> values,
                    const ProjectionSink& sink) {
  db.with_connection([&](auto& conn) {
    check_dialect(q, conn.dialect_v, model);
    auto statement = conn.prepare(
        sql::renderer(conn.dialect_v).render(select_of(q, statements(conn.dialect_v), columns)));
    int index = 1;
    bind_values(*statement, index, values);
    bind_where(*statement, index, q);
    bind_having(*statement, index, q);
    bind_limit(*statement, index, q);
    read_rows(*statement, sink);
  });
}
} // namespace

void read_projection(Database& db, const QueryState& q,
                     const ModelStatements& (*statements)(Dialect), std::string_view model,
                     std::string_view columns, ProjectionSink sink) {
  run_projection(db, q, statements, model, std::string(columns), {}, sink);
}

void read_projection(Database& db, const QueryState& q,
                     const ModelStatements& (*statements)(Dialect), std::string_view model,
                     const SqlFragment& columns, ProjectionSink sink) {
  if (columns.written_for() != db.dialect()) // a scalar subquery names tables per dialect
    throw UsageError("a select() of " + std::string(model) + " was written for " +
                     std::string(to_string(columns.written_for())) + ", not " +
                     std::string(to_string(db.dialect())));
  run_projection(db, q, statements, model, columns.sql(), columns.values(), sink);
}

std::string query_text(const QueryState& q, const ModelCodec& codec, Dialect dialect) {
  return query_sql(q, codec, dialect);
}

} // namespace ormc::detail
