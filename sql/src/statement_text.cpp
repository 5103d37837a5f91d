#include <array>
#include <ormc/sql/statement_text.hpp>

namespace ormc::sql {

std::string statement_table(std::string_view sql) {
  std::size_t best = std::string_view::npos;
  for (std::string_view keyword :
       std::array<std::string_view, 3>{"FROM \"", "INTO \"", "UPDATE \""})
    if (std::size_t at = sql.find(keyword); at < best) best = at + keyword.size();
  if (best == std::string_view::npos) return "";
  std::string name;
  for (std::size_t i = best; i < sql.size(); ++i) {
    if (sql[i] != '"') {
      name += sql[i];
    } else if (i + 1 < sql.size() && sql[i + 1] == '"') {
      name += '"'; // a doubled quote inside the name
      ++i;
    } else if (i + 2 < sql.size() && sql[i + 1] == '.' && sql[i + 2] == '"') {
      name += '.'; // schema-qualified: keep both parts
      i += 2;
    } else {
      return name;
    }
  }
  return "";
}

} // namespace ormc::sql
