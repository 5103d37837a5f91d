// Models::check_schema(): the database's tables against the models, so that a table created by
// an older version of the models fails loudly instead of reading wrong or missing data.
#include <algorithm>
#include <cctype>
#include <ormc/database.hpp>
#include <ormc/error.hpp>
#include <ormc/model.hpp>

namespace ormc {
namespace {

bool same_type(std::string_view a, std::string_view b) {
  return std::equal(a.begin(), a.end(), b.begin(), b.end(), [](char x, char y) {
    return std::tolower(static_cast<unsigned char>(x)) ==
           std::tolower(static_cast<unsigned char>(y));
  });
}

std::string nullability(bool not_null) {
  return not_null ? "NOT NULL" : "NULL allowed";
}

/// Indexes and UNIQUE constraints by their columns, foreign keys by column and target.
void compare_keys(Database& db, const ModelStatements& model, const std::string& table,
                  std::vector<std::string>& out) {
  if (!model.indexes.empty()) {
    std::vector<ExistingIndex> existing =
        db.backend().table_indexes(model.schema_name, model.table_name);
    for (const IndexShape& wanted : model.indexes) {
      bool found = std::any_of(existing.begin(), existing.end(), [&](const ExistingIndex& i) {
        return i.columns == wanted.columns && i.unique == wanted.unique;
      });
      if (!found)
        out.push_back(table + ": " + (wanted.unique ? "UNIQUE constraint" : "index") + " on (" +
                      std::string(wanted.columns) + ") missing");
    }
  }
  if (!model.foreign_keys.empty()) {
    std::vector<ExistingForeignKey> existing =
        db.backend().table_foreign_keys(model.schema_name, model.table_name);
    for (const ForeignKeyShape& wanted : model.foreign_keys) {
      bool found = std::any_of(existing.begin(), existing.end(), [&](const ExistingForeignKey& k) {
        return k.column == wanted.column && k.target_table == wanted.target_table &&
               k.target_column == wanted.target_column;
      });
      if (!found)
        out.push_back(table + ", column \"" + std::string(wanted.column) + "\": foreign key to " +
                      std::string(wanted.target_table) + "(" + std::string(wanted.target_column) +
                      ") missing");
    }
  }
}

void compare_table(Database& db, const ModelStatements& model, std::vector<std::string>& out) {
  std::string table = "table " + std::string(model.table);
  std::vector<ExistingColumn> existing =
      db.backend().table_columns(model.schema_name, model.table_name);
  if (existing.empty()) {
    out.push_back(table + ": does not exist");
    return;
  }
  for (const ColumnShape& wanted : model.shape) {
    auto found = std::find_if(existing.begin(), existing.end(),
                              [&](const ExistingColumn& c) { return c.name == wanted.name; });
    std::string column = table + ", column \"" + std::string(wanted.name) + "\"";
    if (found == existing.end()) {
      out.push_back(column + ": missing (the model has " + std::string(wanted.type) + " " +
                    nullability(wanted.not_null) + ")");
      continue;
    }
    if (!same_type(found->type, wanted.type))
      out.push_back(column + ": is " + found->type + ", the model has " + std::string(wanted.type));
    if (found->not_null != wanted.not_null)
      out.push_back(column + ": is " + nullability(found->not_null) + ", the model has " +
                    nullability(wanted.not_null) +
                    (wanted.not_null ? " (its member is not a std::optional)"
                                     : " (its member is a std::optional)"));
  }
  compare_keys(db, model, table, out);
}

} // namespace

void check_schema(Database& db, std::span<const ModelStatements* const> models) {
  std::vector<std::string> differences;
  for (const ModelStatements* model : models)
    compare_table(db, *model, differences);
  if (differences.empty()) return;
  std::string message = "the database does not match the models (" +
                        std::to_string(differences.size()) + " difference" +
                        (differences.size() == 1 ? "" : "s") + "):";
  for (const std::string& d : differences)
    message += "\n  " + d;
  message += "\nmigrate the database, or point the models at the tables it has";
  throw SchemaMismatch(message, "", "", 0, std::move(differences));
}

} // namespace ormc
