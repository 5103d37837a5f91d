#include "live/CatalogCheck.h"

#include "emit/CatalogShape.h"
#include "emit/SqlSchema.h"

namespace ormc::live {
namespace {
std::string text(const Row& row, std::size_t i) {
  return i < row.size() && row[i] ? *row[i] : std::string();
}
bool flag(const Row& row, std::size_t i) {
  std::string value = text(row, i);
  return value == "1" || value == "t" || value == "true";
}
} // namespace

Findings checkDatabase(const ir::Schema& schema, LiveDatabase& database) {
  Findings out;
  const sql::Renderer& d = sql::renderer(database.dialect());
  for (const ir::Model& m : schema.models) {
    std::vector<std::string> parameters = {d.has_schemas() ? m.schema : "", m.table};
    sql::TableShape found;
    std::string error;
    auto read = [&](const std::string& query) {
      std::optional<std::vector<Row>> rows = database.query(query, parameters, error);
      if (!rows) {
        Finding f;
        f.severity = Severity::Error;
        f.id = "schema-drift";
        f.message = "cannot read the catalog of table " + d.table_name(emit::tableName(m)) +
                    " (--check-db): " + error;
        out.push_back(std::move(f));
      }
      return rows.value_or(std::vector<Row>{});
    };
    for (const Row& row : read(d.catalog_columns()))
      found.columns.push_back({text(row, 0), text(row, 1), flag(row, 2)});
    if (!found.columns.empty()) {
      for (const Row& row : read(d.catalog_indexes()))
        found.indexes.push_back({text(row, 1), flag(row, 0)});
      for (const Row& row : read(d.catalog_foreign_keys()))
        found.foreign_keys.push_back({text(row, 0), text(row, 1), text(row, 2)});
    }
    for (const std::string& difference : sql::schema_differences(
             d.table_name(emit::tableName(m)), emit::catalogShape(schema, m, d), found)) {
      Finding f;
      f.severity = Severity::Error;
      f.id = "schema-drift";
      f.message =
          "the database (--check-db) differs from model " + m.qualifiedName + ": " + difference;
      f.loc = m.loc;
      out.push_back(std::move(f));
    }
  }
  return out;
}

} // namespace ormc::live
