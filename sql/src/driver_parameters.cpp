#include "ormc/sql/driver_parameters.hpp"

#include <cctype>

namespace ormc::sql {

std::string pyformat_parameters(std::string_view sql) {
  std::string out;
  out.reserve(sql.size() + 16);
  char quote = 0; // inside "..." or '...': a $N there is text, not a parameter
  bool comment = false;
  for (std::size_t i = 0; i < sql.size(); ++i) {
    const char c = sql[i];
    if (c == '%') {
      out += "%%";
      continue;
    }
    if (comment) {
      if (c == '*' && i + 1 < sql.size() && sql[i + 1] == '/') comment = false;
    } else if (quote) {
      if (c == quote) quote = 0; // a doubled quote closes and reopens: the same text results
    } else if (c == '"' || c == '\'') {
      quote = c;
    } else if (c == '/' && i + 1 < sql.size() && sql[i + 1] == '*') {
      comment = true;
    } else if (c == '$' && i + 1 < sql.size() &&
               std::isdigit(static_cast<unsigned char>(sql[i + 1]))) {
      std::size_t end = i + 1;
      while (end < sql.size() && std::isdigit(static_cast<unsigned char>(sql[end])))
        ++end;
      out += "%(p";
      out.append(sql.substr(i + 1, end - i - 1));
      out += ")s";
      i = end - 1;
      continue;
    }
    out += c;
  }
  return out;
}

} // namespace ormc::sql
