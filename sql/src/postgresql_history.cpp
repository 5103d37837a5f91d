// PostgreSQL's history triggers (CreateHistory): one plpgsql function per versioned table,
// called after each row's INSERT, UPDATE or DELETE. The time is the transaction's (now()), so
// that as of any moment a transaction's changes are seen all together or not at all; the actor
// is the transaction's setting ormc.actor (set_config(..., true): SET LOCAL).
#include "dialects.hpp"

namespace ormc::sql {
namespace {

TableName function_name(const TableName& table) {
  return {table.schema, history_table(table).name + "_write"};
}

std::string trigger_name(const TableName& table) {
  return identifier(history_table(table).name);
}

// The function's variables: the last version of the row's key and when it began, found by one
// seek of the history's primary key however many versions the key has.
constexpr const char* last_version = "ormc_history_last_version";
constexpr const char* last_from = "ormc_history_last_from";

/// Closes the current version of the key of `row`, then adds `row`'s version: current from
/// now on, or (`deleted`) a zero-length one.
std::string write_version(const CreateTable& table, const std::string& history,
                          std::string_view row, bool deleted) {
  const std::string valid_from = identifier(HistoryColumns::valid_from);
  const std::string valid_to = identifier(HistoryColumns::valid_to);
  const std::string version = identifier(HistoryColumns::version);
  const std::string key = history_key_match(table, row);
  // Another transaction may have written a version after this one began: a version never
  // ends before it began.
  const std::string at = std::string("GREATEST(now(), ") + last_from + ")";
  return "    SELECT " + version + ", " + valid_from + " INTO " + last_version + ", " + last_from +
         " FROM " + history + " WHERE " + key + " ORDER BY " + version + " DESC LIMIT 1;\n" +
         "    UPDATE " + history + " SET " + valid_to + " = " + at + " WHERE " + key + " AND " +
         version + " = " + last_version + " AND " + valid_to + " IS NULL;\n" + "    INSERT INTO " +
         history + " (" + history_insert_columns(table) + ")\n" + "      VALUES (" +
         history_row_values(table, row) + ", coalesce(" + last_version + ", 0) + 1, " + at + ", " +
         (deleted ? at : "NULL") + ", " + (deleted ? "'delete'" : "lower(TG_OP)") +
         ", NULLIF(current_setting('ormc.actor', true), ''));\n";
}

/// `row."k1", row."k2"`: the key of the trigger's row.
std::string key_of(const CreateTable& table, std::string_view row) {
  std::string out;
  for (const std::string& k : key_columns(table))
    out += (out.empty() ? "" : ", ") + std::string(row) + "." + identifier(k);
  return out;
}

} // namespace

std::vector<std::string> postgres_history_triggers(const Renderer& r, const CreateTable& table,
                                                   bool replace) {
  const std::string history = r.table_name(history_table(table.table));
  const std::string function = r.table_name(function_name(table.table));
  const std::string version = identifier(HistoryColumns::version);
  // An UPDATE that changes the key closes the old key's version and starts the new key's.
  const std::string close_old_key =
      "  IF TG_OP = 'UPDATE' AND (" + key_of(table, "OLD") + ") IS DISTINCT FROM (" +
      key_of(table, "NEW") + ") THEN\n    UPDATE " + history + " SET " +
      identifier(HistoryColumns::valid_to) + " = GREATEST(now(), " +
      identifier(HistoryColumns::valid_from) + ") WHERE " + history_key_match(table, "OLD") +
      " AND " + version + " = (SELECT max(" + version + ") FROM " + history + " WHERE " +
      history_key_match(table, "OLD") + ") AND " + identifier(HistoryColumns::valid_to) +
      " IS NULL;\n  END IF;\n";
  const std::string body = std::string("DECLARE\n  ") + last_version + " bigint;\n  " + last_from +
                           " timestamptz;\nBEGIN\n  IF TG_OP = 'DELETE' THEN\n" +
                           write_version(table, history, "OLD", true) +
                           "    RETURN NULL;\n  END IF;\n" + close_old_key +
                           write_version(table, history, "NEW", false) + "  RETURN NULL;\nEND\n";
  std::vector<std::string> out;
  out.push_back("CREATE OR REPLACE FUNCTION " + function +
                "() RETURNS trigger LANGUAGE plpgsql AS $ormc$\n" + body + "$ormc$");
  // OR REPLACE either way: a trigger's definition cannot be tested for IF NOT EXISTS.
  (void)replace;
  out.push_back("CREATE OR REPLACE TRIGGER " + trigger_name(table.table) +
                " AFTER INSERT OR UPDATE OR DELETE ON " + r.table_name(table.table) +
                " FOR EACH ROW EXECUTE FUNCTION " + function + "()");
  return out;
}

std::vector<std::string> postgres_drop_history_triggers(const Renderer& r, const TableName& table) {
  return {"DROP TRIGGER IF EXISTS " + trigger_name(table) + " ON " + r.table_name(table),
          "DROP FUNCTION IF EXISTS " + r.table_name(function_name(table)) + "()"};
}

} // namespace ormc::sql
