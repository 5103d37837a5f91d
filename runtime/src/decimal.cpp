#include <ormc/decimal.hpp>
#include <ormc/error.hpp>

namespace ormc::detail {

std::optional<std::int64_t> parse_decimal(std::string_view text, int precision, int scale) {
  std::size_t pos = 0;
  bool negative = false;
  if (pos < text.size() && (text[pos] == '-' || text[pos] == '+')) negative = text[pos++] == '-';
  std::int64_t units = 0;
  int digits = 0; // significant digits kept, the fraction's `scale` included
  bool any = false;
  for (; pos < text.size() && text[pos] >= '0' && text[pos] <= '9'; ++pos) {
    any = true;
    if (units == 0 && text[pos] == '0') continue; // leading zeros
    if (++digits > precision - scale) return std::nullopt;
    units = units * 10 + (text[pos] - '0');
  }
  int fraction = 0;
  if (pos < text.size() && text[pos] == '.') {
    ++pos;
    for (; pos < text.size() && text[pos] >= '0' && text[pos] <= '9'; ++pos) {
      any = true;
      if (fraction == scale) {
        if (text[pos] != '0') return std::nullopt; // finer than the scale: not exact
        continue;
      }
      units = units * 10 + (text[pos] - '0');
      ++fraction;
    }
  }
  if (!any || pos != text.size()) return std::nullopt;
  for (; fraction < scale; ++fraction)
    units *= 10;
  return negative ? -units : units;
}

std::string format_decimal(std::int64_t units, int scale) {
  bool negative = units < 0;
  // The magnitude as unsigned, so that no negation overflows.
  std::uint64_t magnitude =
      negative ? 0 - static_cast<std::uint64_t>(units) : static_cast<std::uint64_t>(units);
  std::string digits = std::to_string(magnitude);
  if (digits.size() <= static_cast<std::size_t>(scale))
    digits.insert(0, static_cast<std::size_t>(scale) + 1 - digits.size(), '0');
  if (scale > 0) digits.insert(digits.size() - static_cast<std::size_t>(scale), 1, '.');
  return negative ? "-" + digits : digits;
}

void throw_decimal_error(const std::string& message) {
  throw DataError(message);
}

} // namespace ormc::detail
