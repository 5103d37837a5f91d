#include <algorithm>
#include <cctype>
#include <ormc/error.hpp>
#include <ormc/raw_sql.hpp>
#include <ormc/sql/renderer.hpp>

namespace ormc::detail {

namespace {
bool same_ignoring_case(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) ==
                  std::tolower(static_cast<unsigned char>(y));
         });
}

std::string listed(const std::vector<std::string>& columns) {
  std::string names;
  for (const std::string& c : columns)
    names += (names.empty() ? "" : ", ") + c;
  return names;
}
} // namespace

std::string explain_sql(Dialect dialect, std::string_view sql) {
  return sql::renderer(dialect).explain(sql);
}

int explain_plan_column(Dialect dialect) {
  return sql::renderer(dialect).explain_plan_column();
}

void throw_column_count(std::string_view what, std::size_t expected,
                        const std::vector<std::string>& columns) {
  const std::string names = listed(columns);
  throw UsageError(std::string(what) + ": the statement returns " + std::to_string(columns.size()) +
                   " column" + (columns.size() == 1 ? "" : "s") + " (" + names +
                   ") but the row takes " + std::to_string(expected) +
                   "; select one column per member, in the members' order");
}

std::vector<int> positions_by_name(std::string_view what, std::span<const std::string_view> wanted,
                                   const std::vector<std::string>& columns) {
  std::vector<int> positions;
  for (std::string_view name : wanted) {
    int exact = -1, folded = -1, exact_count = 0, folded_count = 0;
    for (std::size_t i = 0; i < columns.size(); ++i) {
      if (columns[i] == name)
        exact = static_cast<int>(i), ++exact_count;
      else if (same_ignoring_case(columns[i], name))
        folded = static_cast<int>(i), ++folded_count;
    }
    if (exact_count > 1 || (exact_count == 0 && folded_count > 1))
      throw UsageError(std::string(what) + ": the statement returns more than one column named \"" +
                       std::string(name) + "\" (" + listed(columns) +
                       "); give each a name of its own with AS");
    if (exact_count == 0 && folded_count == 0)
      throw UsageError(std::string(what) + ": the statement returns no column named \"" +
                       std::string(name) + "\" (it returns " + listed(columns) + ")");
    positions.push_back(exact_count ? exact : folded);
  }
  return positions;
}

void throw_name_count(std::size_t width, std::size_t names) {
  throw UsageError("raw(): by_name lists " + std::to_string(names) + " column" +
                   (names == 1 ? "" : "s") + " but the row takes " + std::to_string(width) +
                   "; name one column per member, in the members' order");
}

} // namespace ormc::detail
