// The dialects' renderers, for renderers.cpp. Adding a dialect: a file beside sqlite.cpp that
// defines one here, an enumerator in dialect.hpp, and a line in renderers.cpp.
#pragma once

#include <ormc/sql/renderer.hpp>

namespace ormc::sql {

/// `NUMERIC(p, s)` or `decimal(p)` (any case) with p <= 18, what ormc::decimal holds: p and s.
bool decimal_digits(const std::string& type, int& precision, int& scale);

// The history triggers of a versioned table (CreateHistory), in sqlite_history.cpp and
// postgresql_history.cpp, from the pieces they share (history.cpp):
/// The table's columns then the HistoryColumns, quoted, ", " between them: the history's
/// INSERT list.
std::string history_insert_columns(const CreateTable& table);
/// `row."a", row."b"`: the table's columns of the trigger's row `row` (NEW or OLD).
std::string history_row_values(const CreateTable& table, std::string_view row);
/// `"k" = row."k" AND ...`: the history rows of the key of `row`; with `history` (the quoted
/// history table), its columns qualified by it.
std::string history_key_match(const CreateTable& table, std::string_view row,
                              std::string_view history = "");
/// The time of the statement being run, in microseconds since the Unix epoch: 'now' is the
/// same throughout one sqlite3_step(), so the rows one statement changes share it. SQLite's
/// clock counts milliseconds.
const std::string& sqlite_statement_time();
std::vector<std::string> sqlite_history_triggers(const Renderer& r, const CreateTable& table,
                                                 bool replace);
/// Renderer::start_history(), the time being `now` (an SQL expression).
std::vector<std::string> start_history(const Renderer& r, const CreateTable& table,
                                       const std::string& now);
std::vector<std::string> sqlite_drop_history_triggers(const Renderer& r, const TableName& table);
std::vector<std::string> postgres_history_triggers(const Renderer& r, const CreateTable& table,
                                                   bool replace);
std::vector<std::string> postgres_drop_history_triggers(const Renderer& r, const TableName& table);

/// Renderer::schema_copy() of PostgreSQL (postgresql_schema_copy.cpp).
const SchemaCopy& postgres_schema_copy();

const Renderer& sqlite_renderer();
const Renderer& postgres_renderer();

} // namespace ormc::sql
