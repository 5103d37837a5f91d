#include <ormc/error.hpp>
#include <ormc/raw_sql.hpp>
#include <ormc/sql/renderer.hpp>

namespace ormc::detail {

std::string explain_sql(Dialect dialect, std::string_view sql) {
  return sql::renderer(dialect).explain(sql);
}

int explain_plan_column(Dialect dialect) {
  return sql::renderer(dialect).explain_plan_column();
}

void throw_column_count(std::string_view what, std::size_t expected,
                        const std::vector<std::string>& columns) {
  std::string names;
  for (const std::string& c : columns)
    names += (names.empty() ? "" : ", ") + c;
  throw UsageError(std::string(what) + ": the statement returns " + std::to_string(columns.size()) +
                   " column" + (columns.size() == 1 ? "" : "s") + " (" + names +
                   ") but the row takes " + std::to_string(expected) +
                   "; select one column per member, in the members' order");
}

} // namespace ormc::detail
