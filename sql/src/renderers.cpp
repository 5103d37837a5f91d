// The renderer of each dialect.
#include "dialects.hpp"

#include <stdexcept>
#include <string>

namespace ormc::sql {

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
