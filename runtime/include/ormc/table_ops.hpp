// The operations of Table<Model> and Query<Model>, compiled once in the runtime library: each
// takes the model's ModelCodec and rows by address, chooses the backend at run time, and runs
// the model's statements. Table and Query keep only what is typed: hooks, validation, keys.
#pragma once

#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <ormc/auto_values.hpp>
#include <ormc/model_codec.hpp>
#include <ormc/query_state.hpp>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace ormc {
class Database;
}

namespace ormc::detail {

void create_table(Database& db, const ModelCodec& codec);
/// Table::create_partitions(): the partitions by time from `from` through `until`.
void create_partitions(Database& db, const ModelCodec& codec,
                       std::chrono::system_clock::time_point from,
                       std::chrono::system_clock::time_point until);
/// INSERT of one prepared row; a database-assigned key is written back into it.
void insert_row(Database& db, const ModelCodec& codec, void* row);
/// Inserts `rows` by the backend's fastest path (SQLite: one prepared INSERT per row;
/// PostgreSQL: COPY from 64 rows on, else one multi-row INSERT); keys written back.
/// The caller opens the transaction.
void insert_rows(Database& db, const ModelCodec& codec, std::span<void* const> rows);
/// INSERT ... ON CONFLICT (key) DO UPDATE, binding every column; then the key's sequence moved
/// past the largest key where the database needs it.
void upsert_row(Database& db, const ModelCodec& codec, const void* row);
/// INSERT ... ON CONFLICT (`conflict`) DO UPDATE ... RETURNING key, binding the insert's columns.
void upsert_row_on(Database& db, const ModelCodec& codec, std::string_view conflict, void* row);
/// Reads the row with `key` into `row`; false if there is none.
/// `key` holds one value per key column, in key order.
bool get_row(Database& db, const ModelCodec& codec, std::span<const BoundValue> key, void* row);
/// Every row, ordered by key.
void read_all(Database& db, const ModelCodec& codec, RowSink sink);
std::int64_t count_rows(Database& db, const ModelCodec& codec);
/// UPDATE by key; the number of rows changed.
std::int64_t update_row(Database& db, const ModelCodec& codec, const void* row);
/// DELETE by key, or (soft delete, unless `purge`) the UPDATE that marks the row deleted at
/// `at`; whether a row changed.
bool delete_row(Database& db, const ModelCodec& codec, std::span<const BoundValue> key, bool purge,
                timestamp at);
bool restore_row(Database& db, const ModelCodec& codec, std::span<const BoundValue> key);

/// The rows of a query, one at a time: a statement stepped (SQLite, or PostgreSQL with its
/// whole result), or a PostgreSQL server-side cursor read a page at a time.
class RowStream {
public:
  virtual ~RowStream() = default;
  /// Reads the next row into `row`; false after the last.
  virtual bool next(void* row) = 0;
};
/// Runs the query; `paged` reads PostgreSQL through a cursor (iteration in constant memory).
std::unique_ptr<RowStream> open_rows(Database& db, const ModelCodec& codec, const QueryState& q,
                                     bool paged);
/// Every row of the query, in one statement.
void read_query(Database& db, const ModelCodec& codec, const QueryState& q, RowSink sink);
/// summary_sql()'s value as an integer (count), or for "exists" a truth value read as 0/1;
/// empty for NULL.
std::optional<std::int64_t> select_integer(Database& db, const ModelCodec& codec,
                                           const QueryState& q, std::string_view function,
                                           std::string_view argument);
/// The rows of hand-written SQL with `parameters`, each model column read from the statement's
/// column of its name (Table::raw()).
void read_raw(Database& db, const ModelCodec& codec, std::string_view sql,
              std::span<const BoundValue> parameters, RowSink sink);

/// The plan of the query, one line per row (Renderer::explain()).
std::vector<std::string> explain_query(Database& db, const ModelCodec& codec, const QueryState& q);
/// The SQL of the query in `dialect` (UsageError if a condition was written for another).
std::string query_text(const QueryState& q, const ModelCodec& codec, Dialect dialect);
/// DELETE of the matching rows (soft delete, unless `purge`: the UPDATE marking them at `at`).
/// Query::update(): sets `columns` to `values` (and the updated_at column, to `at`, unless
/// `columns` name it; an ormc:version column is advanced) in the rows `q` matches.
std::int64_t update_matching(Database& db, const QueryState& q,
                             const ModelStatements& (*statements)(Dialect), std::string_view model,
                             std::span<const std::string_view> columns,
                             std::span<const BoundValue> values, timestamp at);

std::int64_t delete_matching(Database& db, const ModelCodec& codec, const QueryState& q, bool purge,
                             timestamp at);

} // namespace ormc::detail
