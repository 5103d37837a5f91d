#include "time_text.hpp"

#include <charconv>
#include <cstdio>
#include <ormc/error.hpp>
#include <string>

namespace ormc::detail {

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

DayAndTime split_micros(std::int64_t micros) {
  constexpr long long per_day = 86'400'000'000LL;
  long long day = micros / per_day, rest = micros % per_day;
  if (rest < 0) {
    rest += per_day;
    --day;
  }
  return {day, rest};
}

bool read_digits(std::string_view text, std::size_t& pos, std::size_t digits, long long& out) {
  std::size_t end = pos;
  while (end < text.size() && text[end] >= '0' && text[end] <= '9' &&
         (digits == 0 || end - pos < digits))
    ++end;
  if (end == pos || (digits != 0 && end - pos != digits)) return false;
  auto result = std::from_chars(text.data() + pos, text.data() + end, out);
  pos = end;
  return result.ec == std::errc();
}

bool skip_char(std::string_view text, std::size_t& pos, char c) {
  if (pos >= text.size() || text[pos] != c) return false;
  ++pos;
  return true;
}

namespace {
void check_iso_year(long long year) {
  if (year < 0 || year > 9999)
    throw DataError("year " + std::to_string(year) +
                    " cannot be stored as ISO 8601 text, which holds the years 0000 to 9999");
}

/// YYYY-MM-DD at `pos`: days since 1970, or nullopt.
std::optional<long long> read_iso_date(std::string_view text, std::size_t& pos) {
  long long year, month, day;
  if (!read_digits(text, pos, 4, year) || !skip_char(text, pos, '-') ||
      !read_digits(text, pos, 2, month) || !skip_char(text, pos, '-') ||
      !read_digits(text, pos, 2, day) || !valid_date(year, month, day))
    return std::nullopt;
  return days_from_civil(year, static_cast<unsigned>(month), static_cast<unsigned>(day));
}
} // namespace

std::size_t format_iso_date(std::int64_t days, char* out) {
  CivilDate date = civil_from_days(days);
  check_iso_year(date.year);
  int n = std::snprintf(out, 32, "%04lld-%02u-%02u", date.year, date.month, date.day);
  return static_cast<std::size_t>(n);
}

std::size_t format_iso_timestamp(std::int64_t micros, char* out) {
  DayAndTime split = split_micros(micros);
  std::size_t n = format_iso_date(split.day, out);
  long long seconds = split.micros_of_day / 1'000'000, fraction = split.micros_of_day % 1'000'000;
  n += static_cast<std::size_t>(std::snprintf(out + n, 32 - n, " %02lld:%02lld:%02lld",
                                              seconds / 3600, seconds / 60 % 60, seconds % 60));
  if (fraction != 0)
    n += static_cast<std::size_t>(std::snprintf(out + n, 32 - n, ".%06lld", fraction));
  return n;
}

std::optional<std::int64_t> parse_iso_date(std::string_view text) {
  std::size_t pos = 0;
  auto days = read_iso_date(text, pos);
  if (!days || pos != text.size()) return std::nullopt;
  return *days;
}

std::optional<std::int64_t> parse_iso_timestamp(std::string_view text) {
  std::size_t pos = 0;
  auto days = read_iso_date(text, pos);
  if (!days) return std::nullopt;
  long long hour = 0, minute = 0, second = 0, fraction = 0, offset = 0;
  if (pos < text.size() && (text[pos] == ' ' || text[pos] == 'T')) {
    ++pos;
    if (!read_digits(text, pos, 2, hour) || !skip_char(text, pos, ':') ||
        !read_digits(text, pos, 2, minute))
      return std::nullopt;
    if (skip_char(text, pos, ':')) {
      if (!read_digits(text, pos, 2, second)) return std::nullopt;
      if (skip_char(text, pos, '.')) {
        std::size_t start = pos;
        // Finer than microseconds would be lost: not this form.
        if (!read_digits(text, pos, 0, fraction) || pos - start > 6) return std::nullopt;
        for (std::size_t i = pos - start; i < 6; ++i)
          fraction *= 10;
      }
    }
    if (hour > 23 || minute > 59 || second > 59) return std::nullopt;
    if (skip_char(text, pos, 'Z')) {
    } else if (pos < text.size() && (text[pos] == '+' || text[pos] == '-')) {
      int sign = text[pos++] == '+' ? 1 : -1;
      long long offset_h, offset_m;
      if (!read_digits(text, pos, 2, offset_h) || !skip_char(text, pos, ':') ||
          !read_digits(text, pos, 2, offset_m) || offset_h > 23 || offset_m > 59)
        return std::nullopt;
      offset = sign * (offset_h * 3600 + offset_m * 60);
    }
  }
  if (pos != text.size()) return std::nullopt;
  long long seconds = *days * 86400 + hour * 3600 + minute * 60 + second - offset;
  return seconds * 1'000'000 + fraction;
}

} // namespace ormc::detail
