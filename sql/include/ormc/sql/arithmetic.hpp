// The SQL of arithmetic over columns, the same text in every dialect, built at compile time so
// that an expression is a type with a static `sql` like a column: `("UnitPrice" * "Quantity")`.
#pragma once

#include <array>
#include <cstddef>
#include <string_view>

namespace ormc::sql {

enum class Arithmetic { add, subtract, multiply };

/// The text around two operands: open + left + middle + right + close. `widen` computes integers
/// as BIGINT (PostgreSQL's INTEGER * INTEGER would overflow at 2^31).
struct ArithmeticParts {
  std::string_view open, middle, close;
};
constexpr ArithmeticParts arithmetic_parts(Arithmetic op, bool widen) {
  std::string_view middle = op == Arithmetic::add        ? " + "
                            : op == Arithmetic::subtract ? " - "
                                                         : " * ";
  if (!widen) return {"(", middle, ")"};
  return {"(CAST(",
          op == Arithmetic::add        ? " AS BIGINT) + "
          : op == Arithmetic::subtract ? " AS BIGINT) - "
                                       : " AS BIGINT) * ",
          ")"};
}

/// The text of round(x, scale) after x, for scales 0..99; "" for a negative scale.
struct RoundingSuffix {
  char chars[8] = {};
  std::size_t size = 0;
  constexpr std::string_view view() const { return {chars, size}; }
};
constexpr RoundingSuffix rounding_suffix(int scale) {
  RoundingSuffix out;
  if (scale < 0) return out;
  for (char c : {',', ' '})
    out.chars[out.size++] = c;
  if (scale >= 10) out.chars[out.size++] = static_cast<char>('0' + scale / 10);
  out.chars[out.size++] = static_cast<char>('0' + scale % 10);
  out.chars[out.size++] = ')';
  return out;
}

/// `(left op right)`, or with `round_scale` >= 0 `round((left op right), scale)` (a decimal
/// computed in floating point, as SQLite does for one stored as the number itself, brought back
/// to its scale), as N characters: N is arithmetic_size() of the same arguments.
constexpr std::size_t arithmetic_size(std::string_view left, std::string_view right, Arithmetic op,
                                      bool widen, int round_scale = -1) {
  ArithmeticParts p = arithmetic_parts(op, widen);
  std::size_t round = round_scale < 0 ? 0 : std::string_view("round(").size();
  return round + p.open.size() + left.size() + p.middle.size() + right.size() + p.close.size() +
         rounding_suffix(round_scale).size;
}
template <std::size_t N>
constexpr std::array<char, N> arithmetic_text(std::string_view left, std::string_view right,
                                              Arithmetic op, bool widen, int round_scale = -1) {
  ArithmeticParts p = arithmetic_parts(op, widen);
  RoundingSuffix suffix = rounding_suffix(round_scale);
  std::array<char, N> out{};
  std::size_t i = 0;
  for (std::string_view part : {round_scale < 0 ? std::string_view() : std::string_view("round("),
                                p.open, left, p.middle, right, p.close, suffix.view()})
    for (char c : part)
      out[i++] = c;
  return out;
}

} // namespace ormc::sql
