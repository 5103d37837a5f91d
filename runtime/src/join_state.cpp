#include <ormc/database.hpp>
#include <ormc/error.hpp>
#include <ormc/join_state.hpp>
#include <ormc/sql/renderer.hpp>
#include <ormc/sql/statements.hpp>

namespace ormc::detail {

namespace {

const ModelStatements& statements_of(const JoinedTable& table, Dialect dialect) {
  return table.codec->statements(dialect);
}

/// The table's alias, which qualifies its columns: its name without a schema, quoted.
std::string alias_of(const ModelStatements& sql) {
  return sql::identifier(sql.table_name);
}

/// `"alias"."column"` for a quoted column of the table.
std::string column_of(const ModelStatements& sql, std::string_view quoted) {
  return sql::qualified(alias_of(sql), quoted);
}

/// The foreign key between `joined` and one of the tables before it, as an ON condition.
SqlFragment along_foreign_key(const JoinState& state, Dialect dialect, const ModelCodec& joined) {
  const ModelStatements& target = joined.statements(dialect);
  SqlFragment on(dialect, true);
  int found = 0;
  std::string_view other;
  auto link = [&](const ModelStatements& from, std::string_view column, const ModelStatements& to,
                  std::string_view to_column) {
    if (found++ == 0) {
      const std::string left = column_of(from, sql::identifier(column));
      const std::string right = column_of(to, sql::identifier(to_column));
      on.compare_columns(ColumnName(left), sql::Comparison::equal, ColumnName(right));
    }
  };
  for (const JoinedTable& table : state.tables) {
    const ModelStatements& source = statements_of(table, dialect);
    const int before = found;
    for (const ForeignKeyShape& key : source.foreign_keys)
      if (key.target_table == target.table_name)
        link(source, key.column, target, key.target_column);
    for (const ForeignKeyShape& key : target.foreign_keys)
      if (key.target_table == source.table_name)
        link(target, key.column, source, key.target_column);
    if (found != before) other = table.codec->name;
  }
  const std::string joining = "join<" + std::string(joined.name) + ">()";
  if (found == 0)
    throw UsageError(joining + ": no foreign key links " + std::string(joined.name) +
                     " with the models joined before it; name the condition: join<B>(A_::x == "
                     "B_::y)");
  if (found > 1)
    throw UsageError(joining + ": more than one foreign key column links " +
                     std::string(joined.name) + " with " + std::string(other) +
                     "; name the condition: join<B>(A_::x == B_::y)");
  return on;
}

/// The rows of the table a join sees, qualified: the row tenant's (an ormc:tenant column) and
/// live ones (soft delete); empty for other tables.
sql::Fragment live_rows(const ModelStatements& sql) {
  sql::Fragment f;
  if (!sql.tenant.empty()) sql::tenant_test(f, column_of(sql, sql.tenant));
  if (!sql.tenant.empty() && !sql.soft_delete.empty()) f.sql(" AND ");
  if (!sql.soft_delete.empty()) sql::null_test(f, column_of(sql, sql.soft_delete), true);
  return f;
}

/// Every column of every table, qualified, in read order and table order.
std::string all_columns(const JoinState& state, Dialect dialect) {
  std::string out;
  for (const JoinedTable& table : state.tables) {
    const ModelStatements& sql = statements_of(table, dialect);
    for (const ColumnShape& column : sql.shape)
      out += (out.empty() ? "" : ", ") + column_of(sql, sql::identifier(column.name));
  }
  return out;
}

sql::Select select_of(const JoinState& state, Dialect dialect, sql::Fragment columns) {
  sql::Select select;
  select.columns = std::move(columns);
  const ModelStatements& first = statements_of(state.tables.front(), dialect);
  select.table = std::string(first.table);
  if (select.table != alias_of(first)) select.alias = alias_of(first);
  if (sql::Fragment live = live_rows(first); !live.empty()) select.where.push_back(live);
  for (std::size_t i = 1; i < state.tables.size(); ++i) {
    const JoinedTable& table = state.tables[i];
    const ModelStatements& sql = statements_of(table, dialect);
    sql::Join& join = select.joins.emplace_back();
    join.left = table.left;
    join.table = std::string(sql.table);
    if (join.table != alias_of(sql)) join.alias = alias_of(sql);
    join.on = table.on->sql();
    // A soft-deleted row is not there to join: its test is part of ON (for a LEFT JOIN, in
    // WHERE it would drop the row it is joined to).
    if (sql::Fragment live = live_rows(sql); !live.empty()) join.on.sql(" AND ").append(live);
  }
  for (const auto& condition : state.conditions)
    select.where.push_back(condition->sql());
  select.group_by = state.group_by;
  for (const auto& condition : state.having)
    select.having.push_back(condition->sql());
  for (const JoinOrder& term : state.order)
    select.order.push_back({term.expression, term.descending, term.nullable});
  if (state.group_by.empty()) // a group has no key
    for (const JoinedTable& table : state.tables) {
      const ModelStatements& sql = statements_of(table, dialect);
      for (std::string_view key : sql.key_columns)
        select.order.push_back({column_of(sql, key), false, table.left});
    }
  select.limit = state.limit.has_value();
  select.offset = state.offset.has_value();
  return select;
}

template <class Statement> void bind_join(Statement& s, const JoinState& state) {
  int index = 1;
  for (std::size_t i = 1; i < state.tables.size(); ++i)
    bind_values(s, index, state.tables[i].on->values());
  for (const auto& condition : state.conditions)
    bind_values(s, index, condition->values());
  for (const auto& condition : state.having)
    bind_values(s, index, condition->values());
  if (state.limit) s.bind(index++, *state.limit);
  if (state.offset) s.bind(index++, *state.offset);
}

void check_dialect(const JoinState& state, Dialect dialect) {
  auto check = [&](const SqlFragment& f) {
    if (f.written_for() != dialect)
      throw UsageError("a condition of join<" + std::string(state.tables.back().codec->name) +
                       "> was written for " + to_string(f.written_for()) + " and cannot run on " +
                       to_string(dialect));
  };
  for (std::size_t i = 1; i < state.tables.size(); ++i)
    check(*state.tables[i].on);
  for (const auto* conditions : {&state.conditions, &state.having})
    for (const auto& condition : *conditions)
      check(*condition);
}

/// `column` qualified by its table's alias, for `dialect`.
std::string qualified_column(const ColumnName& column, Dialect dialect) {
  return sql::qualified(alias_of(column.model(dialect)), column.sql);
}

/// Where each table's columns are in the statement, and which of them is its key's first.
struct TableColumns {
  std::vector<int> positions;
  int key = 0;
};

std::vector<TableColumns> columns_of(const JoinState& state, Dialect dialect) {
  std::vector<TableColumns> out;
  int next = 0;
  for (const JoinedTable& table : state.tables) {
    const ModelStatements& sql = statements_of(table, dialect);
    TableColumns& columns = out.emplace_back();
    for (std::size_t i = 0; i < sql.shape.size(); ++i) {
      if (sql::identifier(sql.shape[i].name) == sql.key_columns.front()) columns.key = next;
      columns.positions.push_back(next++);
    }
  }
  return out;
}

} // namespace

JoinState::JoinState() = default;
JoinState::~JoinState() = default;
JoinState::JoinState(const JoinState&) = default;
JoinState::JoinState(JoinState&&) noexcept = default;
JoinState& JoinState::operator=(const JoinState&) = default;
JoinState& JoinState::operator=(JoinState&&) noexcept = default;

JoinState join_from(const ModelCodec& codec) {
  JoinState state;
  state.tables.push_back({&codec, false, nullptr});
  return state;
}

JoinState with_join(const JoinState& state, Dialect dialect, const ModelCodec& codec, bool left,
                    SqlFragment* on) {
  const std::string_view name = codec.statements(dialect).table_name;
  for (const JoinedTable& table : state.tables)
    if (statements_of(table, dialect).table_name == name)
      throw UsageError("join<" + std::string(codec.name) + ">(): table \"" + std::string(name) +
                       "\" is in the join already (as " + std::string(table.codec->name) +
                       "); a table is joined once");
  JoinState joined = state;
  SqlFragment condition = on ? std::move(*on) : along_foreign_key(state, dialect, codec);
  joined.tables.push_back(
      {&codec, left, std::make_shared<const SqlFragment>(std::move(condition))});
  return joined;
}

JoinState with_condition(const JoinState& state, SqlFragment condition) {
  JoinState out = state;
  out.conditions.push_back(std::make_shared<const SqlFragment>(std::move(condition)));
  return out;
}

JoinState with_order(const JoinState& state, Dialect dialect, ColumnName column, bool descending,
                     bool nullable) {
  JoinState out = state;
  out.order.push_back({qualified_column(column, dialect), descending, nullable});
  return out;
}

JoinState with_group_by(const JoinState& state, Dialect dialect,
                        std::span<const ColumnName> columns) {
  if (!state.order.empty() || state.limit || state.offset)
    throw UsageError("group_by() follows where(); order_by(), limit() and offset() apply to the "
                     "groups, so they come after group_by()");
  JoinState out = state;
  for (const ColumnName& column : columns)
    out.group_by.push_back(qualified_column(column, dialect));
  return out;
}

JoinState with_having(const JoinState& state, SqlFragment condition) {
  JoinState out = state;
  out.having.push_back(std::make_shared<const SqlFragment>(std::move(condition)));
  return out;
}

JoinState with_limit(const JoinState& state, std::int64_t limit) {
  if (limit < 0) throw UsageError("limit(" + std::to_string(limit) + "): a limit is at least 0");
  JoinState out = state;
  out.limit = limit;
  return out;
}

JoinState with_offset(const JoinState& state, std::int64_t offset) {
  if (offset < 0)
    throw UsageError("offset(" + std::to_string(offset) + "): an offset is at least 0");
  JoinState out = state;
  out.offset = offset;
  return out;
}

std::string join_sql(const JoinState& state, Dialect dialect) {
  return sql::renderer(dialect).render(select_of(state, dialect, all_columns(state, dialect)));
}

void read_joined(Database& db, const JoinState& state, JoinSink sink) {
  db.with_connection([&](auto& conn) {
    check_dialect(state, conn.dialect_v);
    auto statement = conn.prepare(join_sql(state, conn.dialect_v));
    bind_join(*statement, state);
    const std::vector<TableColumns> columns = columns_of(state, conn.dialect_v);
    while (statement->step()) {
      sink.next_row(sink.rows);
      for (std::size_t i = 0; i < state.tables.size(); ++i) {
        if (state.tables[i].left && statement->is_null(columns[i].key)) continue;
        state.tables[i]
            .codec->functions(*statement)
            .read_mapped(*statement, columns[i].positions.data(), sink.part(sink.rows, i));
      }
    }
  });
}

std::string join_projection_sql(const JoinState& state, Dialect dialect,
                                std::span<const ColumnName> columns) {
  sql::Fragment selected;
  for (const ColumnName& column : columns)
    sql::select_item(selected, qualified_column(column, dialect));
  return sql::renderer(dialect).render(select_of(state, dialect, std::move(selected)));
}

void read_join_projection(Database& db, const JoinState& state, std::span<const ColumnName> columns,
                          ProjectionSink sink) {
  db.with_connection([&](auto& conn) {
    check_dialect(state, conn.dialect_v);
    auto statement = conn.prepare(join_projection_sql(state, conn.dialect_v, columns));
    bind_join(*statement, state);
    read_rows(*statement, sink);
  });
}

std::int64_t count_joined(Database& db, const JoinState& state) {
  return db.with_connection([&](auto& conn) {
    check_dialect(state, conn.dialect_v);
    sql::Select rows = select_of(state, conn.dialect_v, "");
    auto statement =
        conn.prepare(sql::renderer(conn.dialect_v).render(sql::Aggregate{"count", "*", rows}));
    bind_join(*statement, state);
    statement->step();
    std::int64_t n = 0;
    statement->read(0, n);
    return n;
  });
}

std::vector<std::string> explain_join(Database& db, const JoinState& state) {
  return db.with_connection([&](auto& conn) {
    check_dialect(state, conn.dialect_v);
    const sql::Renderer& r = sql::renderer(conn.dialect_v);
    auto statement = conn.prepare(r.explain(join_sql(state, conn.dialect_v)));
    bind_join(*statement, state);
    std::vector<std::string> lines;
    while (statement->step())
      statement->read(r.explain_plan_column(), lines.emplace_back());
    return lines;
  });
}

} // namespace ormc::detail
