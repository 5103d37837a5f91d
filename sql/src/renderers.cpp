// The renderer of each dialect.
#include "dialects.hpp"

#include <regex>
#include <stdexcept>
#include <string>

namespace ormc::sql {

bool decimal_digits(const std::string& type, int& precision, int& scale) {
  static const std::regex numeric(
      R"(\s*(numeric|decimal)\s*\(\s*(\d{1,9})\s*(,\s*(\d{1,9})\s*)?\)\s*)", std::regex::icase);
  std::smatch m;
  if (!std::regex_match(type, m, numeric)) return false;
  precision = std::stoi(m[2]);
  scale = m[4].matched ? std::stoi(m[4]) : 0;
  return precision >= 1 && precision <= 18 && scale <= precision;
}

const Renderer& renderer(Dialect dialect) {
  switch (dialect) {
  case Dialect::sqlite:
    return sqlite_renderer();
  case Dialect::postgresql:
    return postgres_renderer();
  }
  throw std::invalid_argument("ormc::sql::renderer: unknown dialect " +
                              std::to_string(static_cast<int>(dialect)));
}

const std::vector<Dialect>& all_dialects() {
  static const std::vector<Dialect> dialects{Dialect::sqlite, Dialect::postgresql};
  return dialects;
}

} // namespace ormc::sql
