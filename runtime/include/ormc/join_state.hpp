// What a JoinQuery holds and how it becomes SQL, whatever its models: the tables in join order
// with their ON conditions, the conditions over any of them, the order, limit and offset, all
// written with columns qualified by their tables. Compiled once, in the runtime library;
// JoinQuery adds only the typed checks and the reading into its row type.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <ormc/model_codec.hpp>
#include <ormc/projection.hpp>
#include <ormc/sql_text.hpp>
#include <span>
#include <string>
#include <vector>

namespace ormc {
class Database;
}

namespace ormc::detail {

struct JoinedTable {
  const ModelCodec* codec = nullptr;
  bool left = false; // LEFT JOIN: the row may have no such model
  /// The ON condition; for the first table none, else the foreign key found between this
  /// table and one before it when the join named no condition.
  std::shared_ptr<const SqlFragment> on;
};

/// One ORDER BY term of a join, its column qualified.
struct JoinOrder {
  std::string expression;
  bool descending = false;
  bool nullable = false;
};

struct JoinState {
  // Out of line, in the library: every JoinQuery a call chain makes copies and destroys one.
  JoinState();
  ~JoinState();
  JoinState(const JoinState&);
  JoinState(JoinState&&) noexcept;
  JoinState& operator=(const JoinState&);
  JoinState& operator=(JoinState&&) noexcept;

  std::vector<JoinedTable> tables;                            // [0]: the model the join starts from
  std::vector<std::shared_ptr<const SqlFragment>> conditions; // joined with AND
  std::vector<JoinOrder> order; // each table's key follows, so that the order is total
  /// group_by(): the qualified columns of GROUP BY, and the HAVING conditions (joined with
  /// AND). A grouped join's order is its own terms only: a group has no key.
  std::vector<std::string> group_by;
  std::vector<std::shared_ptr<const SqlFragment>> having;
  std::optional<std::int64_t> limit;
  std::optional<std::int64_t> offset;
};

/// Where a joined row goes: `next_row` starts a row, `part` gives where the current row's
/// model `table` (its place in JoinState::tables) is read into, making an optional one present.
struct JoinSink {
  void* rows;
  void (*next_row)(void* rows);
  void* (*part)(void* rows, std::size_t table);
};

/// A join starting from the model of `codec`.
JoinState join_from(const ModelCodec& codec);
/// `state` joined with the model of `codec`, on `on`; without it (null), along the one foreign key
/// between it and a table before it (UsageError naming both models when there is none, or more than
/// one; JoinQuery checks that at compile time too). Throws UsageError when its table is there
/// already.
JoinState with_join(const JoinState& state, Dialect dialect, const ModelCodec& codec, bool left,
                    SqlFragment* on);
JoinState with_condition(const JoinState& state, SqlFragment condition);
/// `state` with one more ORDER BY term, `column` qualified for `dialect`.
JoinState with_order(const JoinState& state, Dialect dialect, ColumnName column, bool descending,
                     bool nullable);
/// `state` grouped by `columns`, each qualified for `dialect`. Throws UsageError when the join
/// has an order, a limit or an offset: they apply to the groups, so they follow group_by().
JoinState with_group_by(const JoinState& state, Dialect dialect,
                        std::span<const ColumnName> columns);
/// `state` with one more HAVING condition (written qualified).
JoinState with_having(const JoinState& state, SqlFragment condition);
JoinState with_limit(const JoinState& state, std::int64_t limit);
JoinState with_offset(const JoinState& state, std::int64_t offset);

/// Runs the join and reads each row's models through `sink`; a LEFT JOINed model whose key
/// is NULL is absent.
void read_joined(Database& db, const JoinState& state, JoinSink sink);
/// Runs the join selecting `columns` (each qualified by its table), each row through `sink`.
void read_join_projection(Database& db, const JoinState& state, std::span<const ColumnName> columns,
                          ProjectionSink sink);
/// The SQL read_join_projection() runs in `dialect`.
std::string join_projection_sql(const JoinState& state, Dialect dialect,
                                std::span<const ColumnName> columns);
/// How many rows the join has.
std::int64_t count_joined(Database& db, const JoinState& state);
/// The SQL read_joined() runs in `dialect`.
std::string join_sql(const JoinState& state, Dialect dialect);
/// The plan of read_joined()'s statement, one line per row.
std::vector<std::string> explain_join(Database& db, const JoinState& state);

} // namespace ormc::detail
