#include <algorithm>
#include <cctype>
#include <ormc/sql/catalog.hpp>

namespace ormc::sql {
namespace {
bool same_type(const std::string& a, const std::string& b) {
  return std::equal(a.begin(), a.end(), b.begin(), b.end(), [](char x, char y) {
    return std::tolower(static_cast<unsigned char>(x)) ==
           std::tolower(static_cast<unsigned char>(y));
  });
}

std::string nullability(bool not_null) {
  return not_null ? "NOT NULL" : "NULL allowed";
}
} // namespace

std::vector<std::string> schema_differences(const std::string& name, const TableShape& wanted,
                                            const TableShape& found) {
  std::vector<std::string> out;
  std::string table = "table " + name;
  if (found.columns.empty()) return {table + ": does not exist"};
  for (const CatalogColumn& w : wanted.columns) {
    auto f = std::find_if(found.columns.begin(), found.columns.end(),
                          [&](const CatalogColumn& c) { return c.name == w.name; });
    std::string column = table + ", column \"" + w.name + "\"";
    if (f == found.columns.end()) {
      out.push_back(column + ": missing (the model has " + w.type + " " + nullability(w.not_null) +
                    ")");
      continue;
    }
    if (!same_type(f->type, w.type))
      out.push_back(column + ": is " + f->type + ", the model has " + w.type);
    if (f->not_null != w.not_null)
      out.push_back(column + ": is " + nullability(f->not_null) + ", the model has " +
                    nullability(w.not_null) +
                    (w.not_null ? " (its member is not a std::optional)"
                                : " (its member is a std::optional)"));
  }
  for (const CatalogIndex& w : wanted.indexes)
    if (std::none_of(found.indexes.begin(), found.indexes.end(), [&](const CatalogIndex& i) {
          return i.columns == w.columns && i.unique == w.unique;
        }))
      out.push_back(table + ": " + (w.unique ? "UNIQUE constraint" : "index") + " on (" +
                    w.columns + ") missing");
  for (const CatalogForeignKey& w : wanted.foreign_keys)
    if (std::none_of(found.foreign_keys.begin(), found.foreign_keys.end(),
                     [&](const CatalogForeignKey& k) {
                       return k.column == w.column && k.target_table == w.target_table &&
                              k.target_column == w.target_column;
                     }))
      out.push_back(table + ", column \"" + w.column + "\": foreign key to " + w.target_table +
                    "(" + w.target_column + ") missing");
  return out;
}

} // namespace ormc::sql
