#include "emit/CatalogShape.h"

#include "emit/DdlEmitter.h"
#include "emit/SqlSchema.h"

namespace ormc::emit {
namespace {
std::string joined(const std::vector<std::string>& columns) {
  std::string out;
  for (const std::string& c : columns)
    out += (out.empty() ? "" : ", ") + c;
  return out;
}
} // namespace

sql::TableShape catalogShape(const ir::Schema& schema, const ir::Model& m, const sql::Renderer& d) {
  sql::TableShape out;
  sql::CreateTable table = describeTable(schema, m);
  for (const ir::Column& c : m.columns)
    out.columns.push_back({c.name, d.catalog_type(columnDefinition(c, m.table)), !c.nullable});
  for (const sql::ColumnDefinition& c : table.columns)
    if (!c.unique_constraint.empty()) out.indexes.push_back({c.name, true});
  for (const sql::NamedColumns& u : table.unique)
    out.indexes.push_back({joined(u.columns), true});
  for (const sql::Index& i : table.indexes)
    if (d.creates(i)) out.indexes.push_back({joined(i.columns), false});
  // The catalogs list a foreign key column by column: (invoice_id -> invoice.id), ...
  for (const sql::ForeignKey& fk : table.foreign_keys)
    for (std::size_t i = 0; i < fk.columns.size(); ++i)
      out.foreign_keys.push_back({fk.columns[i], fk.target.name, fk.target_columns[i]});
  return out;
}

} // namespace ormc::emit
