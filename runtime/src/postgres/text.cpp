#include "postgres/text.hpp"

#include <charconv>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <limits>
#include <ormc/error.hpp>

namespace ormc::postgres::text {
namespace {
using namespace std::chrono;

[[noreturn]] void bad(const char* what, std::string_view text) {
  throw DataError(std::string("cannot read PostgreSQL ") + what + " from '" + std::string(text) +
                  "'");
}

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

/// Reads `digits` decimal digits at `pos` (or, with digits == 0, as many as there are).
bool read_number(std::string_view text, std::size_t& pos, std::size_t digits, long long& out) {
  std::size_t end = pos;
  while (end < text.size() && text[end] >= '0' && text[end] <= '9' &&
         (digits == 0 || end - pos < digits))
    ++end;
  if (end == pos || (digits != 0 && end - pos != digits)) return false;
  auto result = std::from_chars(text.data() + pos, text.data() + end, out);
  pos = end;
  return result.ec == std::errc();
}

// Civil dates in 64-bit arithmetic (H. Hinnant's algorithms): std::chrono::year is 16-bit and
// would wrap past year 32767, while PostgreSQL's timestamps reach 294276 AD.
struct CivilDate {
  long long year;
  unsigned month, day;
};
CivilDate civil_from_days(long long z) {
  z += 719468;
  long long era = (z >= 0 ? z : z - 146096) / 146097;
  long long doe = z - era * 146097;
  long long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  long long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  long long mp = (5 * doy + 2) / 153;
  auto d = static_cast<unsigned>(doy - (153 * mp + 2) / 5 + 1);
  auto m = static_cast<unsigned>(mp < 10 ? mp + 3 : mp - 9);
  return {yoe + era * 400 + (m <= 2), m, d};
}
long long days_from_civil(long long y, unsigned m, unsigned d) {
  y -= m <= 2;
  long long era = (y >= 0 ? y : y - 399) / 400;
  long long yoe = y - era * 400;
  long long doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
  long long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}
bool valid_date(long long y, long long m, long long d) {
  if (m < 1 || m > 12 || d < 1) return false;
  static constexpr int lengths[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  return d <= lengths[m - 1] + (m == 2 && leap);
}

// PostgreSQL's timestamptz range: 4713 BC (year -4712) to 294276 AD.
constexpr long long kFirstYear = -4712, kLastYear = 294276;

bool expect(std::string_view text, std::size_t& pos, char c) {
  if (pos >= text.size() || text[pos] != c) return false;
  ++pos;
  return true;
}
} // namespace

void format_int64(std::int64_t value, std::string& out) {
  char buffer[24];
  auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
  out.assign(buffer, result.ptr);
}

void format_double(double value, std::string& out) {
  if (std::isnan(value)) {
    out = "NaN";
  } else if (std::isinf(value)) {
    out = value > 0 ? "Infinity" : "-Infinity";
  } else {
    char buffer[32];
    auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
    out.assign(buffer, result.ptr);
  }
}

void format_bytea(const std::byte* data, std::size_t size, std::string& out) {
  static constexpr char digits[] = "0123456789abcdef";
  out.resize(2 + 2 * size);
  out[0] = '\\';
  out[1] = 'x';
  for (std::size_t i = 0; i < size; ++i) {
    auto b = static_cast<unsigned char>(data[i]);
    out[2 + 2 * i] = digits[b >> 4];
    out[3 + 2 * i] = digits[b & 0xf];
  }
}

void format_timestamp(std::int64_t micros, std::string& out) {
  constexpr long long per_day = 86'400'000'000LL;
  long long day = micros / per_day, rest = micros % per_day;
  if (rest < 0) {
    rest += per_day;
    --day;
  }
  CivilDate date = civil_from_days(day);
  if (date.year < kFirstYear || date.year > kLastYear)
    throw DataError("timestamp in year " + std::to_string(date.year) +
                    " is outside PostgreSQL's range (4713 BC to 294276 AD)");
  bool bc = date.year <= 0; // there is no year 0: 1 BC is year 0 in the proleptic calendar
  long long seconds_of_day = rest / 1'000'000;
  char buffer[64];
  int n = std::snprintf(buffer, sizeof buffer, "%04lld-%02u-%02u %02lld:%02lld:%02lld.%06lld+00%s",
                        bc ? 1 - date.year : date.year, date.month, date.day, seconds_of_day / 3600,
                        seconds_of_day / 60 % 60, seconds_of_day % 60, rest % 1'000'000,
                        bc ? " BC" : "");
  out.assign(buffer, static_cast<std::size_t>(n));
}

std::int64_t parse_int64(std::string_view text) {
  std::int64_t value = 0;
  auto result = std::from_chars(text.data(), text.data() + text.size(), value);
  if (result.ec != std::errc() || result.ptr != text.data() + text.size()) bad("integer", text);
  return value;
}

double parse_double(std::string_view text) {
  if (text == "NaN") return std::numeric_limits<double>::quiet_NaN();
  if (text == "Infinity") return std::numeric_limits<double>::infinity();
  if (text == "-Infinity") return -std::numeric_limits<double>::infinity();
  double value = 0;
  auto result = std::from_chars(text.data(), text.data() + text.size(), value);
  if (result.ec != std::errc() || result.ptr != text.data() + text.size()) bad("number", text);
  return value;
}

bool parse_bool(std::string_view text) {
  if (text == "t") return true;
  if (text == "f") return false;
  bad("boolean", text);
}

void parse_bytea(std::string_view text, std::vector<std::byte>& out) {
  if (text.size() < 2 || text[0] != '\\' || text[1] != 'x' || text.size() % 2 != 0)
    bad("bytea", text.substr(0, 16));
  out.resize((text.size() - 2) / 2);
  for (std::size_t i = 0; i < out.size(); ++i) {
    int hi = hex_value(text[2 + 2 * i]), lo = hex_value(text[3 + 2 * i]);
    if (hi < 0 || lo < 0) bad("bytea", text.substr(0, 16));
    out[i] = static_cast<std::byte>(hi << 4 | lo);
  }
}

std::int64_t parse_timestamp(std::string_view text) {
  // YYYY-MM-DD HH:MM:SS[.f{1,6}](+|-)HH[:MM[:SS]][ BC]
  std::size_t pos = 0;
  long long year, month, day, hour, minute, second, offset_h = 0, offset_m = 0, offset_s = 0;
  if (!read_number(text, pos, 0, year) || !expect(text, pos, '-') ||
      !read_number(text, pos, 2, month) || !expect(text, pos, '-') ||
      !read_number(text, pos, 2, day) || !expect(text, pos, ' ') ||
      !read_number(text, pos, 2, hour) || !expect(text, pos, ':') ||
      !read_number(text, pos, 2, minute) || !expect(text, pos, ':') ||
      !read_number(text, pos, 2, second))
    bad("timestamp", text);
  long long fraction = 0;
  if (expect(text, pos, '.')) {
    std::size_t start = pos;
    if (!read_number(text, pos, 0, fraction) || pos - start > 6) bad("timestamp", text);
    for (std::size_t i = pos - start; i < 6; ++i)
      fraction *= 10;
  }
  int sign = 0;
  if (pos < text.size() && (text[pos] == '+' || text[pos] == '-'))
    sign = text[pos++] == '+' ? 1 : -1;
  if (sign == 0 || !read_number(text, pos, 2, offset_h)) bad("timestamp", text);
  if (expect(text, pos, ':') && !read_number(text, pos, 2, offset_m)) bad("timestamp", text);
  if (expect(text, pos, ':') && !read_number(text, pos, 2, offset_s)) bad("timestamp", text);
  if (text.substr(pos) == " BC")
    year = 1 - year;
  else if (pos != text.size())
    bad("timestamp", text);

  if (!valid_date(year, month, day) || hour > 24 || minute > 59 || second > 60)
    bad("timestamp", text);
  long long local_seconds =
      days_from_civil(year, static_cast<unsigned>(month), static_cast<unsigned>(day)) * 86400 +
      hour * 3600 + minute * 60 + second;
  long long offset = offset_h * 3600 + offset_m * 60 + offset_s;
  return (local_seconds - sign * offset) * 1'000'000 + fraction;
}

} // namespace ormc::postgres::text
