// SQLite's history triggers (CreateHistory): one per event, in built-in SQL only, so that every
// program that writes the file records history, not only those that registered a function.
// The actor is the row a transaction writes into "ormc_history_actor" (SQLite serializes write
// transactions, so no other writer's can be seen), cleared before it commits.
#include "dialects.hpp"

namespace ormc::sql {
namespace {

constexpr std::string_view actor_table = "ormc_history_actor";

std::string trigger_name(const TableName& table, std::string_view event) {
  return identifier(history_table(table).name + "_" + std::string(event));
}

/// `(SELECT max("history_version") FROM history WHERE key of row)`: the key's last version,
/// found by one seek of the history's primary key however many versions the key has.
std::string last_version(const CreateTable& table, const std::string& history,
                         std::string_view row) {
  return "(SELECT max(" + identifier(HistoryColumns::version) + ") FROM " + history + " WHERE " +
         history_key_match(table, row) + ")";
}

/// A trigger after `event` (INSERT, UPDATE, DELETE): closes the current version of the key of
/// `closed` (OLD or NEW), and adds the version of `added` (the row written, or the row deleted,
/// as a zero-length version).
std::string trigger(const Renderer& r, const CreateTable& table, std::string_view event,
                    std::string_view closed, std::string_view added, bool replace) {
  const std::string history = r.table_name(history_table(table.table));
  const std::string& now = sqlite_statement_time();
  const std::string valid_from = identifier(HistoryColumns::valid_from);
  const std::string valid_to = identifier(HistoryColumns::valid_to);
  const std::string version = identifier(HistoryColumns::version);
  // The last version's start: a clock set back must not make a version end before it began.
  const std::string at = "max(" + now + ", coalesce((SELECT " + valid_from + " FROM " + history +
                         " WHERE " + history_key_match(table, added) + " ORDER BY " + version +
                         " DESC LIMIT 1), " + now + "))";
  const bool deleted = event == "DELETE";
  const char* operation = event == "INSERT" ? "insert" : deleted ? "delete" : "update";
  return std::string("CREATE TRIGGER ") + (replace ? "" : "IF NOT EXISTS ") +
         trigger_name(table.table, operation) + " AFTER " + std::string(event) + " ON " +
         r.table_name(table.table) + " FOR EACH ROW BEGIN UPDATE " + history + " SET " + valid_to +
         " = max(" + now + ", " + valid_from + ") WHERE " + history_key_match(table, closed) +
         " AND " + version + " = " + last_version(table, history, closed) + " AND " + valid_to +
         " IS NULL; INSERT INTO " + history + " (" + history_insert_columns(table) + ") VALUES (" +
         history_row_values(table, added) + ", coalesce(" + last_version(table, history, added) +
         ", 0) + 1, " + at + ", " + (deleted ? at : "NULL") + ", '" + operation + "', (SELECT " +
         identifier("actor") + " FROM " + identifier(actor_table) + ")); END";
}

} // namespace

const std::string& sqlite_statement_time() {
  static const std::string now =
      "CAST(round((julianday('now') - 2440587.5) * 86400000.0) AS INTEGER) * 1000";
  return now;
}

std::vector<std::string> sqlite_history_triggers(const Renderer& r, const CreateTable& table,
                                                 bool replace) {
  std::vector<std::string> out;
  out.push_back("CREATE TABLE IF NOT EXISTS " + identifier(actor_table) + " (" + identifier("id") +
                " INTEGER PRIMARY KEY CHECK (" + identifier("id") + " = 1), " +
                identifier("actor") + " TEXT NOT NULL) STRICT");
  if (replace)
    for (std::string& drop : sqlite_drop_history_triggers(r, table.table))
      out.push_back(std::move(drop));
  out.push_back(trigger(r, table, "INSERT", "NEW", "NEW", replace));
  out.push_back(trigger(r, table, "UPDATE", "OLD", "NEW", replace));
  out.push_back(trigger(r, table, "DELETE", "OLD", "OLD", replace));
  return out;
}

std::vector<std::string> sqlite_drop_history_triggers(const Renderer& /*r*/,
                                                      const TableName& table) {
  std::vector<std::string> out;
  for (std::string_view event : {"insert", "update", "delete"})
    out.push_back("DROP TRIGGER IF EXISTS " + trigger_name(table, event));
  return out;
}

} // namespace ormc::sql
