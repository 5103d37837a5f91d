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

/// Throws UsageError for a URL ormc cannot use, saying which forms it accepts (with any
/// password in it masked).
DatabaseTarget parse_database_url(std::string_view url);

/// Whether a libpq URI (`postgresql://...?k=v&...`) or key=value string sets `key` — parsed, so
/// that a database named `connect_timeout_db` does not count.
bool conninfo_has(std::string_view conninfo, std::string_view key);

/// `host=db port=5432 dbname=app`: libpq's key=value form.
bool is_key_value_conninfo(std::string_view url);

/// `url` with its password replaced by `***`, for messages.
std::string redact_password(std::string_view url);

} // namespace ormc::detail
