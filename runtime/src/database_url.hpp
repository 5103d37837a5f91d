// Splits a database URL into the backend to use and what that backend needs to connect.
#pragma once

#include <chrono>
#include <optional>
#include <ormc/connect_options.hpp>
#include <ormc/dialect.hpp>
#include <string>
#include <string_view>

namespace ormc::detail {

struct DatabaseTarget {
  Dialect dialect;
  std::string location;   // SQLite: a file path or ":memory:"; PostgreSQL: a libpq string
  ConnectOptions options; // ormc's own parameters, taken out of `location`
};

/// Throws UsageError for a URL ormc cannot use, saying which forms it accepts (with any
/// password in it masked). `statement_timeout` is ormc's parameter on both backends (libpq would
/// refuse it); SQLite URLs take no other.
DatabaseTarget parse_database_url(std::string_view url);

/// `given`'s fields, else `from_url`'s, else the defaults (see ConnectOptions).
ConnectOptions resolve_options(const ConnectOptions& given, const ConnectOptions& from_url);

/// The libpq string to connect with: `conninfo` with the options' keepalives (replacing the
/// URL's), and defaults for what neither sets: connect_timeout=10, keepalives, and
/// tcp_user_timeout=30000 (sent data unacknowledged for 30 s drops the connection).
std::string postgres_conninfo(std::string conninfo, const ConnectOptions& resolved);

/// Removes `key` from a libpq URI's query or a key=value string; returns its value, if any.
std::optional<std::string> take_parameter(std::string& conninfo, std::string_view key);

/// Removes `statement_timeout` from a SQLite location or libpq string and parses it; throws
/// UsageError naming `url` (the whole URL, password masked) when it is no duration.
std::optional<std::chrono::milliseconds>
take_statement_timeout(std::string& location, Dialect dialect, std::string_view url);

/// "500ms", "5s", "2min" or a number of milliseconds; nullopt for anything else.
std::optional<std::chrono::milliseconds> parse_duration(std::string_view text);

/// Whether a libpq URI (`postgresql://...?k=v&...`) or key=value string sets `key` — parsed, so
/// that a database named `connect_timeout_db` does not count.
bool conninfo_has(std::string_view conninfo, std::string_view key);

/// `host=db port=5432 dbname=app`: libpq's key=value form.
bool is_key_value_conninfo(std::string_view url);

/// `url` with its password replaced by `***`, for messages.
std::string redact_password(std::string_view url);

} // namespace ormc::detail
