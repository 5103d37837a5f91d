#include "postgres/text.hpp"

#include "time_text.hpp"

#include <charconv>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <limits>
#include <ormc/error.hpp>

namespace ormc::postgres::text {
namespace {
using namespace std::chrono;
using detail::civil_from_days;
using detail::CivilDate;
using detail::days_from_civil;
using detail::valid_date;
constexpr auto read_number = detail::read_digits;
constexpr auto expect = detail::skip_char;

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

// PostgreSQL's timestamptz range: 4713 BC (year -4712) to 294276 AD.
constexpr long long kFirstYear = -4712, kLastYear = 294276;
// ... and its date range: 4713 BC to 5874897 AD.
constexpr long long kLastDateYear = 5874897;

/// A year before 1 as PostgreSQL writes it: there is no year 0, so 1 BC is year 0 here.
long long written_year(long long year) {
  return year <= 0 ? 1 - year : year;
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

void format_vector(const std::byte* floats, std::size_t size, bool pgvector, std::string& out) {
  out.assign(1, pgvector ? '[' : '{');
  char buffer[32];
  for (std::size_t at = 0; at + sizeof(float) <= size; at += sizeof(float)) {
    float value;
    std::memcpy(&value, floats + at, sizeof value);
    if (at) out += ',';
    if (std::isnan(value)) {
      out += "NaN";
    } else if (std::isinf(value)) {
      out += value > 0 ? "Infinity" : "-Infinity";
    } else {
      auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
      out.append(buffer, result.ptr);
    }
  }
  out += pgvector ? ']' : '}';
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

void format_timestamp(std::int64_t micros, std::string& out, bool with_zone) {
  detail::DayAndTime split = detail::split_micros(micros);
  CivilDate date = civil_from_days(split.day);
  if (date.year < kFirstYear || date.year > kLastYear)
    throw DataError("timestamp in year " + std::to_string(date.year) +
                    " is outside PostgreSQL's range (4713 BC to 294276 AD)");
  long long rest = split.micros_of_day, seconds_of_day = rest / 1'000'000;
  char buffer[64];
  int n = std::snprintf(buffer, sizeof buffer, "%04lld-%02u-%02u %02lld:%02lld:%02lld.%06lld%s%s",
                        written_year(date.year), date.month, date.day, seconds_of_day / 3600,
                        seconds_of_day / 60 % 60, seconds_of_day % 60, rest % 1'000'000,
                        with_zone ? "+00" : "", date.year <= 0 ? " BC" : "");
  out.assign(buffer, static_cast<std::size_t>(n));
}

void format_date(std::int64_t days, std::string& out) {
  CivilDate date = civil_from_days(days);
  if (date.year < kFirstYear || date.year > kLastDateYear)
    throw DataError("date in year " + std::to_string(date.year) +
                    " is outside PostgreSQL's range (4713 BC to 5874897 AD)");
  char buffer[48];
  int n = std::snprintf(buffer, sizeof buffer, "%04lld-%02u-%02u%s", written_year(date.year),
                        date.month, date.day, date.year <= 0 ? " BC" : "");
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

std::int64_t parse_timestamp(std::string_view text, bool with_zone) {
  // YYYY-MM-DD HH:MM:SS[.f{1,6}][(+|-)HH[:MM[:SS]]][ BC]: the zone with_zone only
  const char* what = with_zone ? "timestamp with time zone" : "timestamp";
  std::size_t pos = 0;
  long long year, month, day, hour, minute, second, offset_h = 0, offset_m = 0, offset_s = 0;
  if (!read_number(text, pos, 0, year) || !expect(text, pos, '-') ||
      !read_number(text, pos, 2, month) || !expect(text, pos, '-') ||
      !read_number(text, pos, 2, day) || !expect(text, pos, ' ') ||
      !read_number(text, pos, 2, hour) || !expect(text, pos, ':') ||
      !read_number(text, pos, 2, minute) || !expect(text, pos, ':') ||
      !read_number(text, pos, 2, second))
    bad(what, text);
  long long fraction = 0;
  if (expect(text, pos, '.')) {
    std::size_t start = pos;
    if (!read_number(text, pos, 0, fraction) || pos - start > 6) bad(what, text);
    for (std::size_t i = pos - start; i < 6; ++i)
      fraction *= 10;
  }
  int sign = 0;
  if (with_zone) {
    if (pos < text.size() && (text[pos] == '+' || text[pos] == '-'))
      sign = text[pos++] == '+' ? 1 : -1;
    if (sign == 0 || !read_number(text, pos, 2, offset_h)) bad(what, text);
    if (expect(text, pos, ':') && !read_number(text, pos, 2, offset_m)) bad(what, text);
    if (expect(text, pos, ':') && !read_number(text, pos, 2, offset_s)) bad(what, text);
  }
  if (text.substr(pos) == " BC")
    year = 1 - year;
  else if (pos != text.size())
    bad(what, text);

  if (!valid_date(year, month, day) || hour > 24 || minute > 59 || second > 60) bad(what, text);
  long long local_seconds =
      days_from_civil(year, static_cast<unsigned>(month), static_cast<unsigned>(day)) * 86400 +
      hour * 3600 + minute * 60 + second;
  long long offset = offset_h * 3600 + offset_m * 60 + offset_s;
  return (local_seconds - sign * offset) * 1'000'000 + fraction;
}

std::int64_t parse_date(std::string_view text) {
  // YYYY-MM-DD[ BC]
  std::size_t pos = 0;
  long long year, month, day;
  if (!read_number(text, pos, 0, year) || !expect(text, pos, '-') ||
      !read_number(text, pos, 2, month) || !expect(text, pos, '-') ||
      !read_number(text, pos, 2, day))
    bad("date", text);
  if (text.substr(pos) == " BC")
    year = 1 - year;
  else if (pos != text.size())
    bad("date", text);
  if (!valid_date(year, month, day)) bad("date", text);
  return days_from_civil(year, static_cast<unsigned>(month), static_cast<unsigned>(day));
}

void parse_vector(std::string_view text, std::vector<float>& out) {
  out.clear();
  const bool braces = text.size() >= 2 && text.front() == '{' && text.back() == '}';
  const bool brackets = text.size() >= 2 && text.front() == '[' && text.back() == ']';
  if (!braces && !brackets)
    throw DataError("expected a vector as {1,2,...} or [1,2,...], got '" + std::string(text) + "'");
  std::string_view items = text.substr(1, text.size() - 2);
  while (!items.empty()) {
    const std::size_t comma = items.find(',');
    std::string_view item = items.substr(0, comma);
    while (!item.empty() && item.front() == ' ')
      item.remove_prefix(1);
    float value = 0;
    if (item == "NaN") {
      value = std::numeric_limits<float>::quiet_NaN();
    } else if (item == "Infinity" || item == "-Infinity") {
      value = item[0] == '-' ? -std::numeric_limits<float>::infinity()
                             : std::numeric_limits<float>::infinity();
    } else {
      auto [end, ec] = std::from_chars(item.data(), item.data() + item.size(), value);
      if (ec != std::errc() || end != item.data() + item.size())
        throw DataError("expected a vector of numbers, got '" + std::string(item) + "' in '" +
                        std::string(text) + "'");
    }
    out.push_back(value);
    if (comma == std::string_view::npos) break;
    items.remove_prefix(comma + 1);
  }
}

} // namespace ormc::postgres::text
