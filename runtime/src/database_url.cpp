#include "database_url.hpp"

#include <cctype>
#include <ormc/error.hpp>

namespace ormc::detail {
namespace {
[[noreturn]] void invalid(std::string_view url, const std::string& why) {
  throw UsageError("invalid database URL '" + redact_password(url) + "': " + why +
                   " (expected sqlite:<path>, sqlite::memory:, postgresql://... or key=value)");
}
bool is_uri(std::string_view url) {
  return url.rfind("postgresql://", 0) == 0 || url.rfind("postgres://", 0) == 0;
}

/// Calls `each(key, value_begin, value_end)` for every key=value of a libpq key=value string;
/// values may be single-quoted with backslash escapes.
template <class Each> void for_each_keyword(std::string_view s, Each each) {
  std::size_t i = 0;
  auto space = [&] {
    while (i < s.size() && std::isspace(static_cast<unsigned char>(s[i])))
      ++i;
  };
  while (true) {
    space();
    std::size_t key_start = i;
    while (i < s.size() && s[i] != '=' && !std::isspace(static_cast<unsigned char>(s[i])))
      ++i;
    std::string_view key = s.substr(key_start, i - key_start);
    space();
    if (i >= s.size() || s[i] != '=') return;
    ++i;
    space();
    std::size_t value_start = i;
    if (i < s.size() && s[i] == '\'') {
      for (++i; i < s.size() && s[i] != '\''; ++i)
        if (s[i] == '\\') ++i;
      if (i < s.size()) ++i;
    } else {
      while (i < s.size() && !std::isspace(static_cast<unsigned char>(s[i])))
        ++i;
    }
    each(key, value_start, i);
  }
}
} // namespace

bool conninfo_has(std::string_view conninfo, std::string_view key) {
  if (is_uri(conninfo)) {
    std::size_t query = conninfo.find('?');
    if (query == std::string_view::npos) return false;
    std::string_view rest = conninfo.substr(query + 1);
    while (!rest.empty()) {
      std::size_t amp = rest.find('&');
      std::string_view pair = rest.substr(0, amp);
      if (pair.substr(0, pair.find('=')) == key) return true;
      if (amp == std::string_view::npos) break;
      rest.remove_prefix(amp + 1);
    }
    return false;
  }
  bool found = false;
  for_each_keyword(
      conninfo, [&](std::string_view k, std::size_t, std::size_t) { found = found || k == key; });
  return found;
}

std::string redact_password(std::string_view url) {
  std::string out(url);
  if (url.find("://") != std::string_view::npos) { // any scheme://user:password@host/...
    std::size_t start = url.find("://") + 3;
    std::size_t at = url.find('@', start);
    std::size_t end_of_authority = url.find_first_of("/?", start);
    if (at != std::string_view::npos &&
        (end_of_authority == std::string_view::npos || at < end_of_authority)) {
      std::size_t colon = url.find(':', start);
      if (colon != std::string_view::npos && colon < at)
        out = std::string(url.substr(0, colon + 1)) + "***" + std::string(url.substr(at));
    }
    std::size_t query = out.find('?');
    for (std::size_t p = out.find("password=", query);
         query != std::string::npos && p != std::string::npos; p = out.find("password=", p + 1)) {
      std::size_t value = p + 9, end = out.find('&', value);
      out.replace(value, (end == std::string::npos ? out.size() : end) - value, "***");
    }
    return out;
  }
  if (!is_key_value_conninfo(url)) return out;
  std::string masked;
  std::size_t copied = 0;
  for_each_keyword(url, [&](std::string_view key, std::size_t begin, std::size_t end) {
    if (key != "password") return;
    masked += std::string(url.substr(copied, begin - copied)) + "***";
    copied = end;
  });
  return masked + std::string(url.substr(copied));
}

// libpq's key=value form starts with a keyword and '='.
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
