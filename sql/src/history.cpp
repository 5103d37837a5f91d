// What every dialect's history of a versioned table shares: its name and its columns. The
// triggers that write it are each dialect's (sqlite_history.cpp, postgresql_history.cpp).
#include "dialects.hpp"

namespace ormc::sql {

TableName history_table(const TableName& table) {
  return {table.schema, table.name + "_history"};
}

ColumnDefinition history_column(const ColumnDefinition& column) {
  ColumnDefinition c;
  c.name = column.name;
  c.type = column.type;
  c.max_length = column.max_length;
  c.precision = column.precision;
  c.scale = column.scale;
  c.dimension = column.dimension;
  c.not_null = column.not_null;
  c.default_value = column.default_value;
  c.declared_types = column.declared_types;
  return c;
}

std::vector<std::string> key_columns(const CreateTable& table) {
  if (table.primary_key) return table.primary_key->columns;
  std::vector<std::string> key;
  for (const ColumnDefinition& c : table.columns)
    if (c.primary_key) key.push_back(c.name);
  return key;
}

std::vector<ColumnDefinition> history_own_columns() {
  std::vector<ColumnDefinition> out;
  auto add = [&](std::string_view name, ColumnType type, bool not_null) {
    ColumnDefinition c;
    c.name = std::string(name);
    c.type = type;
    c.not_null = not_null;
    out.push_back(std::move(c));
  };
  add(HistoryColumns::version, ColumnType::int64, true);
  add(HistoryColumns::valid_from, ColumnType::timestamp, true);
  add(HistoryColumns::valid_to, ColumnType::timestamp, false);
  add(HistoryColumns::operation, ColumnType::text, true);
  add(HistoryColumns::actor, ColumnType::text, false);
  return out;
}

CreateTable history_table_definition(const CreateTable& table) {
  CreateTable history;
  history.table = history_table(table.table);
  for (const ColumnDefinition& c : table.columns)
    history.columns.push_back(history_column(c));
  for (ColumnDefinition& c : history_own_columns())
    history.columns.push_back(std::move(c));
  NamedColumns key{history.table.name + "_pkey", key_columns(table)};
  key.columns.emplace_back(HistoryColumns::version);
  history.primary_key = std::move(key);
  history.without_rowid = true;
  history.comment = "Every version of each row of " + table.table.name + " (ormc:table(versioned))";
  return history;
}

std::string history_insert_columns(const CreateTable& table) {
  std::string out;
  for (const ColumnDefinition& c : table.columns)
    out += (out.empty() ? "" : ", ") + identifier(c.name);
  for (std::string_view column : HistoryColumns::all)
    out += ", " + identifier(column);
  return out;
}

std::string history_row_values(const CreateTable& table, std::string_view row) {
  std::string out;
  for (const ColumnDefinition& c : table.columns)
    out += (out.empty() ? "" : ", ") + std::string(row) + "." + identifier(c.name);
  return out;
}

std::string history_key_match(const CreateTable& table, std::string_view row,
                              std::string_view history) {
  const std::string qualifier = history.empty() ? "" : std::string(history) + ".";
  std::string out;
  for (const std::string& k : key_columns(table))
    out += (out.empty() ? "" : " AND ") + qualifier + identifier(k) + " = " + std::string(row) +
           "." + identifier(k);
  return out;
}

std::vector<std::string> start_history(const Renderer& r, const CreateTable& table,
                                       const std::string& now) {
  const std::string history = r.table_name(history_table(table.table));
  const std::string current = r.table_name(table.table);
  // The history rows of the key of the table's row, qualified: both tables have the columns.
  const std::string key_match = history_key_match(table, current, history);
  return {"UPDATE " + history + " SET " + identifier(HistoryColumns::valid_to) + " = " + now +
              " WHERE " + identifier(HistoryColumns::valid_to) + " IS NULL",
          "INSERT INTO " + history + " (" + history_insert_columns(table) + ") SELECT " +
              history_row_values(table, current) + ", coalesce((SELECT max(" +
              identifier(HistoryColumns::version) + ") FROM " + history + " WHERE " + key_match +
              "), 0) + 1, " + now + ", NULL, 'insert', NULL FROM " + current};
}

std::vector<std::string> Renderer::render(const CreateHistory& s) const {
  std::vector<std::string> out = render(history_table_definition(s.table));
  for (std::string& trigger : history_triggers(s.table, false))
    out.push_back(std::move(trigger));
  return out;
}

} // namespace ormc::sql
