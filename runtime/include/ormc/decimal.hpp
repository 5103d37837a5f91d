// An exact decimal number with a fixed scale, for NUMERIC(p, s) columns (prices, amounts):
// `ormc::decimal<10, 2>` holds -99999999.99 to 99999999.99 as a count of cents, so that every
// value round-trips and sums exactly, which a double cannot promise.
#pragma once

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace ormc {

namespace detail {
/// 10^n for n in 0..18.
constexpr std::int64_t pow10(int n) {
  std::int64_t out = 1;
  for (int i = 0; i < n; ++i)
    out *= 10;
  return out;
}

/// Reads `text` ("-12.5", "3", "0.990") as a count of 10^-scale units: nullopt when it is not a
/// plain decimal number, has more than `scale` fraction digits other than trailing zeros, or has
/// more than `precision` digits in all.
std::optional<std::int64_t> parse_decimal(std::string_view text, int precision, int scale);
/// `units` 10^-scale units as text with exactly `scale` fraction digits: "-12.50".
std::string format_decimal(std::int64_t units, int scale);
[[noreturn]] void throw_decimal_error(const std::string& message);
} // namespace detail

/// A decimal of at most `Precision` digits, `Scale` of them after the point (NUMERIC(P, S)).
/// Arithmetic is exact; a result beyond `Precision` digits throws ormc::DataError.
template <int Precision, int Scale> class decimal {
  static_assert(Precision >= 1 && Precision <= 18,
                "ormc::decimal holds at most 18 digits (a 64-bit count of units)");
  static_assert(Scale >= 0 && Scale <= Precision, "ormc::decimal: 0 <= Scale <= Precision");

public:
  static constexpr int precision = Precision;
  static constexpr int scale = Scale;
  /// The largest count of units: 10^Precision - 1.
  static constexpr std::int64_t max_units = detail::pow10(Precision) - 1;

  constexpr decimal() = default;
  /// A whole number: decimal<10, 2>(5) is 5.00.
  constexpr explicit decimal(std::int64_t whole) : units_(checked(whole, detail::pow10(Scale))) {}
  /// Parses "12.34"; throws ormc::DataError for anything that is not such a number or does not fit.
  explicit decimal(std::string_view text) {
    std::optional<std::int64_t> units = detail::parse_decimal(text, Precision, Scale);
    if (!units)
      detail::throw_decimal_error("'" + std::string(text) + "' is not a decimal of at most " +
                                  std::to_string(Precision) + " digits, " + std::to_string(Scale) +
                                  " after the point");
    units_ = *units;
  }
  explicit decimal(const char* text) : decimal(std::string_view(text)) {}

  /// The value counted in units of 10^-Scale (cents for Scale 2).
  static constexpr decimal from_units(std::int64_t units) {
    decimal out;
    out.units_ = in_range(units);
    return out;
  }
  constexpr std::int64_t units() const noexcept { return units_; }

  std::string to_string() const { return detail::format_decimal(units_, Scale); }
  /// The nearest double, for display and floating-point math; not exact.
  double to_double() const noexcept {
    return static_cast<double>(units_) / static_cast<double>(detail::pow10(Scale));
  }

  constexpr decimal operator+(decimal other) const { return from_units(units_ + other.units_); }
  constexpr decimal operator-(decimal other) const { return from_units(units_ - other.units_); }
  constexpr decimal operator-() const { return from_units(-units_); }
  constexpr decimal operator*(std::int64_t factor) const {
    return from_units(checked(units_, factor));
  }
  constexpr decimal& operator+=(decimal other) { return *this = *this + other; }
  constexpr decimal& operator-=(decimal other) { return *this = *this - other; }

  constexpr auto operator<=>(const decimal&) const = default;

private:
  static constexpr std::int64_t in_range(std::int64_t units) {
    if (units > max_units || units < -max_units)
      detail::throw_decimal_error("decimal result beyond " + std::to_string(Precision) + " digits");
    return units;
  }
  static constexpr std::int64_t checked(std::int64_t a, std::int64_t b) {
    std::int64_t out = 0;
    if (__builtin_mul_overflow(a, b, &out))
      detail::throw_decimal_error("decimal result beyond " + std::to_string(Precision) + " digits");
    return in_range(out);
  }

  std::int64_t units_ = 0;
};

namespace detail {
template <class T> inline constexpr bool is_decimal_v = false;
template <int P, int S> inline constexpr bool is_decimal_v<decimal<P, S>> = true;
} // namespace detail

} // namespace ormc
