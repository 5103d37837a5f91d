// TableInfo's views of a model's generated statements (ormc/metadata.hpp).
#include <algorithm>
#include <ormc/metadata.hpp>
#include <ormc/sql/fragment.hpp>

namespace ormc {

std::vector<ColumnInfo> TableInfo::columns() const {
  std::vector<ColumnInfo> out;
  out.reserve(statements->shape.size());
  for (const ColumnShape& c : statements->shape) {
    const std::string quoted = sql::identifier(c.name);
    const bool key = std::find(statements->key_columns.begin(), statements->key_columns.end(),
                               quoted) != statements->key_columns.end();
    out.push_back({c.name, c.type, !c.not_null, key});
  }
  return out;
}

std::vector<std::string_view> TableInfo::key() const {
  std::vector<std::string_view> out;
  for (std::string_view quoted : statements->key_columns)
    for (const ColumnShape& c : statements->shape)
      if (sql::identifier(c.name) == quoted) out.push_back(c.name);
  return out;
}

std::string TableInfo::tenant_column() const {
  return statements->tenant.empty() ? std::string() : sql::unquote_identifier(statements->tenant);
}

} // namespace ormc
