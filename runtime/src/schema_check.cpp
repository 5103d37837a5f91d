// Models::check_schema(): the database's tables against the models, so that a table created by
// an older version of the models fails loudly instead of reading wrong or missing data. The
// comparison is the SQL layer's (sql/catalog.hpp), which `ormc --check-db` shares.
#include <ormc/database.hpp>
#include <ormc/error.hpp>
#include <ormc/model.hpp>
#include <ormc/sql/renderer.hpp>

namespace ormc {
namespace {

/// The model's columns, in the SQL layer's terms.
std::vector<sql::CatalogColumn> columns_of(const ModelStatements& model) {
  std::vector<sql::CatalogColumn> out;
  for (const ColumnShape& c : model.shape)
    out.push_back({std::string(c.name), std::string(c.type), c.not_null});
  return out;
}

/// What the model's table should be, in the SQL layer's terms.
sql::TableShape wanted_shape(const ModelStatements& model) {
  sql::TableShape out;
  out.columns = columns_of(model);
  for (const IndexShape& i : model.indexes)
    out.indexes.push_back({std::string(i.columns), i.unique});
  for (const ForeignKeyShape& k : model.foreign_keys)
    out.foreign_keys.push_back(
        {std::string(k.column), std::string(k.target_table), std::string(k.target_column)});
  return out;
}

sql::TableShape found_shape(Backend& backend, const ModelStatements& model) {
  sql::TableShape out;
  out.columns = backend.table_columns(model.schema_name, model.table_name);
  if (out.columns.empty()) return out;
  if (!model.indexes.empty())
    out.indexes = backend.table_indexes(model.schema_name, model.table_name);
  if (!model.foreign_keys.empty())
    out.foreign_keys = backend.table_foreign_keys(model.schema_name, model.table_name);
  return out;
}

/// A versioned model's history table: every column of the model's, then the history's own, so
/// that a history left behind by a change of its table is found before a trigger fails on it.
sql::TableShape wanted_history_shape(const ModelStatements& model, Dialect dialect) {
  sql::TableShape out;
  out.columns = columns_of(model);
  for (const sql::ColumnDefinition& c : sql::history_own_columns())
    out.columns.push_back({c.name, sql::renderer(dialect).catalog_type(c), c.not_null});
  return out;
}

} // namespace

void check_schema(Database& db, std::span<const ModelStatements* const> models) {
  std::vector<std::string> differences;
  // Through with_connection(): a tenant's catalog is its own schema's.
  db.with_connection([&](Backend& backend) {
    for (const ModelStatements* model : models)
      for (std::string& d : sql::schema_differences(std::string(model->table), wanted_shape(*model),
                                                    found_shape(backend, *model)))
        differences.push_back(std::move(d));
    for (const ModelStatements* model : models) {
      if (model->history_table.empty()) continue;
      const sql::TableName history =
          sql::history_table({std::string(model->schema_name), std::string(model->table_name)});
      for (std::string& d : sql::schema_differences(
               std::string(model->history_table), wanted_history_shape(*model, db.dialect()),
               {backend.table_columns(history.schema, history.name), {}, {}}))
        differences.push_back(std::move(d));
    }
  });
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
