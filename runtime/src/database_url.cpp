#include "database_url.hpp"

#include <cctype>
#include <ormc/error.hpp>

namespace ormc::detail {
namespace {
[[noreturn]] void invalid(std::string_view url, const std::string& why) {
  throw UsageError("invalid database URL '" + std::string(url) + "': " + why +
                   " (expected sqlite:<path>, sqlite::memory:, postgresql://... or key=value)");
}
} // namespace

/// `host=db port=5432 dbname=app`: libpq's key=value form starts with a keyword and '='.
bool is_key_value_conninfo(std::string_view url) {
  std::size_t i = 0;
  while (i < url.size() && (std::isalnum(static_cast<unsigned char>(url[i])) || url[i] == '_'))
    ++i;
  while (i < url.size() && url[i] == ' ')
    ++i;
  return i > 0 && i < url.size() && url[i] == '=';
}

DatabaseTarget parse_database_url(std::string_view url) {
  if (is_key_value_conninfo(url)) return {Dialect::postgresql, std::string(url)};
  std::size_t colon = url.find(':');
  if (colon == std::string_view::npos || colon == 0) invalid(url, "no scheme");
  std::string_view scheme = url.substr(0, colon);
  std::string_view rest = url.substr(colon + 1);
  if (scheme == "sqlite" || scheme == "sqlite3") {
    if (rest == ":memory:") return {Dialect::sqlite, ":memory:"};
    if (rest.substr(0, 2) == "//") rest.remove_prefix(2); // sqlite:///abs → /abs
    if (rest.empty()) invalid(url, "no file path");
    if (rest.find('\0') != std::string_view::npos) invalid(url, "NUL byte in path");
    return {Dialect::sqlite, std::string(rest)};
  }
  if (scheme == "postgresql" || scheme == "postgres") {
    if (rest.substr(0, 2) != "//") invalid(url, "expected postgresql://");
    return {Dialect::postgresql, std::string(url)};
  }
  invalid(url, "unknown scheme '" + std::string(scheme) + "'");
}

} // namespace ormc::detail
