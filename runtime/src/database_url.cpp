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

/// Calls `each(key, value_begin, value_end, key_begin)` for every key=value of a libpq key=value
/// string; values may be single-quoted with backslash escapes.
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
    each(key, value_start, i, key_start);
  }
}

std::string unquote(std::string_view value) {
  if (value.empty() || value.front() != '\'') return std::string(value);
  std::string out;
  for (std::size_t i = 1; i < value.size() && value[i] != '\''; ++i) {
    if (value[i] == '\\' && i + 1 < value.size()) ++i;
    out += value[i];
  }
  return out;
}

std::string number(long long n) {
  return std::to_string(n);
}

void add_parameter(std::string& conninfo, std::string_view key, const std::string& value) {
  if (!is_uri(conninfo)) {
    conninfo += " " + std::string(key) + "=" + value;
    return;
  }
  std::size_t fragment = conninfo.find('#');
  std::string tail = fragment == std::string::npos ? "" : conninfo.substr(fragment);
  if (fragment != std::string::npos) conninfo.erase(fragment);
  char separator = conninfo.find('?') == std::string::npos ? '?' : '&';
  if (conninfo.back() == '?' || conninfo.back() == '&') separator = '\0';
  if (separator) conninfo += separator;
  conninfo += std::string(key) + "=" + value + tail;
}

/// Sets `key` to `value`, replacing the URL's own.
void set_parameter(std::string& conninfo, std::string_view key, const std::string& value) {
  take_parameter(conninfo, key);
  add_parameter(conninfo, key, value);
}
/// Sets `key` to `value` only when the URL does not.
void default_parameter(std::string& conninfo, std::string_view key, const std::string& value) {
  if (!conninfo_has(conninfo, key)) add_parameter(conninfo, key, value);
}

/// take_parameter() for anything with a `?k=v&...` query: URIs and SQLite URLs.
std::optional<std::string> take_query_parameter(std::string& conninfo, std::string_view key) {
  std::optional<std::string> value;
  std::size_t query = conninfo.find('?');
  if (query == std::string::npos) return value;
  std::size_t end = conninfo.find('#', query);
  if (end == std::string::npos) end = conninfo.size();
  std::string kept;
  std::string_view rest(conninfo.data() + query + 1, end - query - 1);
  while (true) {
    std::size_t amp = rest.find('&');
    std::string_view pair = rest.substr(0, amp);
    std::size_t equals = pair.find('=');
    if (pair.substr(0, equals) == key)
      value = equals == std::string_view::npos ? "" : std::string(pair.substr(equals + 1));
    else if (!pair.empty())
      kept += (kept.empty() ? "" : "&") + std::string(pair);
    if (amp == std::string_view::npos) break;
    rest.remove_prefix(amp + 1);
  }
  conninfo = conninfo.substr(0, kept.empty() ? query : query + 1) + kept + conninfo.substr(end);
  return value;
}
} // namespace

std::optional<std::string> take_parameter(std::string& conninfo, std::string_view key) {
  if (is_uri(conninfo)) return take_query_parameter(conninfo, key);
  std::optional<std::string> value;
  std::string kept;
  std::size_t copied = 0;
  for_each_keyword(
      conninfo, [&](std::string_view k, std::size_t begin, std::size_t end, std::size_t key_begin) {
        if (k != key) return;
        value = unquote(std::string_view(conninfo).substr(begin, end - begin));
        kept += conninfo.substr(copied, key_begin - copied);
        copied = end;
      });
  if (value) conninfo = kept + conninfo.substr(copied);
  return value;
}

std::optional<std::chrono::milliseconds> parse_duration(std::string_view text) {
  std::size_t digits = 0;
  long long n = 0;
  while (digits < text.size() && std::isdigit(static_cast<unsigned char>(text[digits]))) {
    if (n > 1'000'000'000'000LL) return std::nullopt; // beyond any sensible timeout
    n = n * 10 + (text[digits++] - '0');
  }
  if (digits == 0) return std::nullopt;
  std::string_view unit = text.substr(digits);
  if (unit.empty() || unit == "ms") return std::chrono::milliseconds(n);
  if (unit == "s") return std::chrono::seconds(n);
  if (unit == "min") return std::chrono::minutes(n);
  return std::nullopt;
}

std::optional<std::chrono::milliseconds>
take_statement_timeout(std::string& location, Dialect dialect, std::string_view url) {
  std::optional<std::string> text = dialect == Dialect::sqlite
                                        ? take_query_parameter(location, "statement_timeout")
                                        : take_parameter(location, "statement_timeout");
  if (!text) return std::nullopt;
  std::optional<std::chrono::milliseconds> timeout = parse_duration(*text);
  if (!timeout)
    invalid(url, "statement_timeout=" + *text +
                     " is no duration (milliseconds, or a number with ms, s or min)");
  return timeout;
}

ConnectOptions resolve_options(const ConnectOptions& given, const ConnectOptions& from_url) {
  ConnectOptions out;
  out.statement_timeout = given.statement_timeout      ? given.statement_timeout
                          : from_url.statement_timeout ? from_url.statement_timeout
                                                       : default_statement_timeout;
  out.keepalive_idle = given.keepalive_idle;
  out.keepalive_interval = given.keepalive_interval;
  out.keepalive_count = given.keepalive_count;
  out.sqlite_journal = given.sqlite_journal ? given.sqlite_journal : from_url.sqlite_journal;
  return out;
}

std::string postgres_conninfo(std::string conninfo, const ConnectOptions& resolved) {
  // libpq waits forever for an unreachable host, and keeps a connection to a dead peer
  // forever, unless told otherwise.
  if (resolved.keepalive_idle)
    set_parameter(conninfo, "keepalives_idle", number(resolved.keepalive_idle->count()));
  if (resolved.keepalive_interval)
    set_parameter(conninfo, "keepalives_interval", number(resolved.keepalive_interval->count()));
  if (resolved.keepalive_count)
    set_parameter(conninfo, "keepalives_count", number(*resolved.keepalive_count));
  default_parameter(conninfo, "connect_timeout", "10");
  default_parameter(conninfo, "keepalives", "1");
  default_parameter(conninfo, "keepalives_idle", "15");
  default_parameter(conninfo, "keepalives_interval", "5");
  default_parameter(conninfo, "keepalives_count", "3");
  default_parameter(conninfo, "tcp_user_timeout", "30000");
  return conninfo;
}

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
  for_each_keyword(conninfo, [&](std::string_view k, std::size_t, std::size_t, std::size_t) {
    found = found || k == key;
  });
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
  for_each_keyword(url, [&](std::string_view key, std::size_t begin, std::size_t end, std::size_t) {
    if (key != "password") return;
    masked += std::string(url.substr(copied, begin - copied)) + "***";
    copied = end;
  });
  return masked + std::string(url.substr(copied));
}

namespace {
/// The backend and its part of the URL, parameters still in it.
DatabaseTarget split_database_url(std::string_view url) {
  if (is_key_value_conninfo(url)) return {Dialect::postgresql, std::string(url), {}};
  std::size_t colon = url.find(':');
  if (colon == std::string_view::npos || colon == 0) invalid(url, "no scheme");
  std::string_view scheme = url.substr(0, colon);
  std::string_view rest = url.substr(colon + 1);
  if (scheme == "sqlite" || scheme == "sqlite3") {
    if (rest.substr(0, 2) == "//") rest.remove_prefix(2); // sqlite:///abs → /abs
    if (rest.empty() || rest.front() == '?') invalid(url, "no file path");
    if (rest.find('\0') != std::string_view::npos) invalid(url, "NUL byte in path");
    return {Dialect::sqlite, std::string(rest), {}};
  }
  if (scheme == "postgresql" || scheme == "postgres") {
    if (rest.substr(0, 2) != "//") invalid(url, "expected postgresql://");
    return {Dialect::postgresql, std::string(url), {}};
  }
  invalid(url, "unknown scheme '" + std::string(scheme) + "'");
}
} // namespace

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
  DatabaseTarget target = split_database_url(url);
  bool sqlite = target.dialect == Dialect::sqlite;
  target.options.statement_timeout = take_statement_timeout(target.location, target.dialect, url);
  if (sqlite) {
    if (std::optional<std::string> journal =
            take_query_parameter(target.location, "journal_mode")) {
      if (*journal == "wal")
        target.options.sqlite_journal = SqliteJournal::wal;
      else if (*journal == "delete")
        target.options.sqlite_journal = SqliteJournal::rollback;
      else if (*journal == "keep")
        target.options.sqlite_journal = SqliteJournal::keep;
      else
        invalid(url, "journal_mode=" + *journal + " is not wal, delete or keep");
    }
    std::size_t query = target.location.find('?');
    if (query != std::string::npos) {
      std::string parameters = target.location.substr(query + 1);
      target.location.erase(query);
      if (!parameters.empty())
        invalid(url, "SQLite URLs take only statement_timeout and journal_mode");
    }
    if (target.location.empty()) invalid(url, "no file path");
  }
  return target;
}

} // namespace ormc::detail
