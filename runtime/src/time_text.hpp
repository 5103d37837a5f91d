// Text forms of dates and times shared by the backends: ISO 8601 as SQLite's date functions
// write it, and the civil-calendar arithmetic behind it and behind PostgreSQL's own forms.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>

namespace ormc::detail {

// Civil dates in 64-bit arithmetic (H. Hinnant's algorithms): std::chrono::year is 16-bit and
// would wrap past year 32767, while PostgreSQL's timestamps reach 294276 AD.
struct CivilDate {
  long long year;
  unsigned month, day;
};
CivilDate civil_from_days(long long days);
long long days_from_civil(long long year, unsigned month, unsigned day);
bool valid_date(long long year, long long month, long long day);

/// Splits microseconds since 1970 into days since 1970 and microseconds into that day.
struct DayAndTime {
  long long day;
  long long micros_of_day;
};
DayAndTime split_micros(std::int64_t micros);

/// 'YYYY-MM-DD HH:MM:SS', with '.ffffff' when the fraction is not zero, into `out` (32 bytes);
/// the length. Throws DataError outside the years 0000 to 9999, where the text would no longer
/// sort as the time does.
std::size_t format_iso_timestamp(std::int64_t micros, char* out);
/// 'YYYY-MM-DD', years 0000 to 9999.
std::size_t format_iso_date(std::int64_t days, char* out);

/// Reads 'YYYY-MM-DD', optionally followed by ' ' or 'T', 'HH:MM', optional ':SS' and up to six
/// fraction digits, and optionally 'Z' or an offset '+HH:MM' / '-HH:MM' (converted to UTC):
/// the forms SQLite's date functions read. Anything else is nullopt.
std::optional<std::int64_t> parse_iso_timestamp(std::string_view text);
/// 'YYYY-MM-DD' only: days since 1970.
std::optional<std::int64_t> parse_iso_date(std::string_view text);

/// Reads `digits` decimal digits at `pos` (or, with digits == 0, as many as there are).
bool read_digits(std::string_view text, std::size_t& pos, std::size_t digits, long long& out);
/// Whether text[pos] is `c`; advances past it if so.
bool skip_char(std::string_view text, std::size_t& pos, char c);

} // namespace ormc::detail
