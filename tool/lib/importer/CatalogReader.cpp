#include "importer/CatalogReader.h"

#include <ormc/sql/renderer.hpp>

namespace ormc::importer {
namespace {

std::string text(const live::Row& row, std::size_t i) {
  return i < row.size() && row[i] ? *row[i] : std::string();
}
bool flag(const live::Row& row, std::size_t i) {
  std::string value = text(row, i);
  return value == "1" || value == "t" || value == "true";
}

std::vector<std::string> splitColumns(const std::string& joined) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start <= joined.size()) {
    std::size_t end = joined.find(", ", start);
    out.push_back(joined.substr(start, end == std::string::npos ? end : end - start));
    if (end == std::string::npos) break;
    start = end + 2;
  }
  return out;
}

} // namespace

std::optional<ImportedSchema> readCatalog(live::LiveDatabase& database, const std::string& schema,
                                          std::string& error) {
  const sql::Renderer& d = sql::renderer(database.dialect());
  ImportedSchema out;
  out.dialect = database.dialect();
  out.schema = d.has_schemas() ? schema : "";
  std::optional<std::vector<live::Row>> tables =
      database.query(d.catalog_tables(), {out.schema}, error);
  if (!tables) return std::nullopt;
  for (const live::Row& tableRow : *tables) {
    ImportedTable& table = out.tables.emplace_back();
    table.name = text(tableRow, 0);
    std::vector<std::string> parameters = {out.schema, table.name};
    auto read = [&](const std::string& query) {
      std::optional<std::vector<live::Row>> rows = database.query(query, parameters, error);
      if (!rows) error = "table \"" + table.name + "\": " + error;
      return rows;
    };
    auto columns = read(d.catalog_column_details());
    if (!columns) return std::nullopt;
    for (const live::Row& row : *columns) {
      ImportedColumn& c = table.columns.emplace_back();
      c.name = text(row, 0);
      c.type = text(row, 1);
      c.notNull = flag(row, 2);
      c.defaultExpression = text(row, 3);
      c.keyPosition = static_cast<unsigned>(std::stoul("0" + text(row, 4)));
      c.assignedBy = text(row, 5);
    }
    auto indexes = read(d.catalog_index_details());
    if (!indexes) return std::nullopt;
    for (const live::Row& row : *indexes) {
      ImportedIndex& i = table.indexes.emplace_back();
      i.name = text(row, 0);
      i.unique = flag(row, 1);
      i.primaryKey = text(row, 2) == "pk";
      i.constraint = text(row, 2) == "u";
      if (row.size() > 3 && row[3]) i.columns = splitColumns(*row[3]);
      i.partial = flag(row, 4);
    }
    auto keys = read(d.catalog_foreign_key_details());
    if (!keys) return std::nullopt;
    std::string constraint;
    for (const live::Row& row : *keys) {
      if (table.foreignKeys.empty() || text(row, 0) != constraint) {
        constraint = text(row, 0);
        ImportedForeignKey& fk = table.foreignKeys.emplace_back();
        fk.targetTable = text(row, 2);
        fk.onDelete = text(row, 4);
        fk.onUpdate = text(row, 5);
      }
      ImportedForeignKey& fk = table.foreignKeys.back();
      fk.columns.push_back(text(row, 1));
      if (!text(row, 3).empty()) fk.targetColumns.push_back(text(row, 3));
    }
  }
  return out;
}

} // namespace ormc::importer
