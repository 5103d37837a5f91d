#include "postgres_text.hpp"

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
  auto tp = sys_time<microseconds>(microseconds(micros));
  auto day = floor<days>(tp);
  year_month_day ymd(day);
  hh_mm_ss<microseconds> time(tp - day);
  int year = static_cast<int>(ymd.year());
  bool bc = year <= 0; // there is no year 0: 1 BC is year 0 in the proleptic calendar
  char buffer[64];
  int n = std::snprintf(buffer, sizeof buffer, "%04d-%02u-%02u %02d:%02d:%02d.%06lld+00%s",
                        bc ? 1 - year : year, static_cast<unsigned>(ymd.month()),
                        static_cast<unsigned>(ymd.day()), static_cast<int>(time.hours().count()),
                        static_cast<int>(time.minutes().count()),
                        static_cast<int>(time.seconds().count()),
                        static_cast<long long>(time.subseconds().count()), bc ? " BC" : "");
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

  year_month_day ymd{std::chrono::year(static_cast<int>(year)),
                     std::chrono::month(static_cast<unsigned>(month)),
                     std::chrono::day(static_cast<unsigned>(day))};
  if (!ymd.ok()) bad("timestamp", text);
  auto local = sys_days(ymd).time_since_epoch() + hours(hour) + minutes(minute) + seconds(second) +
               microseconds(fraction);
  auto offset = hours(offset_h) + minutes(offset_m) + seconds(offset_s);
  return duration_cast<microseconds>(local - sign * offset).count();
}

} // namespace ormc::postgres::text
