// Splits a database URL into the backend to use and what that backend needs to connect.
#pragma once

#include <ormc/dialect.hpp>
#include <string>
#include <string_view>

namespace ormc::detail {

struct DatabaseTarget {
  Dialect dialect;
  std::string location; // SQLite: a file path or ":memory:"; PostgreSQL: a libpq string
};

/// Throws UsageError for a URL ormc cannot use, saying which forms it accepts.
DatabaseTarget parse_database_url(std::string_view url);

} // namespace ormc::detail
