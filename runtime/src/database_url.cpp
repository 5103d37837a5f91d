#include "database_url.hpp"

#include <ormc/error.hpp>

namespace ormc::detail {
namespace {
[[noreturn]] void invalid(std::string_view url, const std::string& why) {
  throw UsageError("invalid database URL '" + std::string(url) + "': " + why +
                   " (expected sqlite:<path>, sqlite::memory: or postgresql://...)");
}
} // namespace

DatabaseTarget parse_database_url(std::string_view url) {
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
  if (scheme == "postgresql" || scheme == "postgres")
    invalid(url, "this build of ormc has no PostgreSQL backend");
  invalid(url, "unknown scheme '" + std::string(scheme) + "'");
}

} // namespace ormc::detail
