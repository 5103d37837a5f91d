#include "statement_text.hpp"

#include <ormc/sql/statement_text.hpp>

namespace ormc::detail {

std::string schema_mismatch_hint(std::string_view sql) {
  std::string table = sql::statement_table(sql);
  return " (table \"" + (table.empty() ? std::string("?") : table) +
         "\" does not match the models; Models::check_schema() lists the differences)";
}

} // namespace ormc::detail
