// Arithmetic over the columns of one model, typed like a column: usable wherever a column is —
// where(), order_by() (with keyset pages), select(), sum()/min()/max()/avg():
//
//   auto line_total = InvoiceLine_::unit_price * InvoiceLine_::quantity; // ormc::decimal<18, 2>
//   m.invoice_lines.where(line_total > Price("10.00")).order_by(line_total.desc())
//   m.invoice_lines.query().sum(line_total)                              // exact on both backends
//
// Integers give std::int64_t (computed as BIGINT), a floating-point operand gives double, and a
// decimal gives a decimal of its scale: decimals add to and subtract from decimals of the same
// scale, and multiply integers — the operations whose result keeps the scale, and so stay exact
// in both the decimal's storages on SQLite (a count of units, or the number itself).
#pragma once

#include <cstdint>
#include <optional>
#include <ormc/column.hpp>
#include <ormc/decimal.hpp>
#include <ormc/sql/arithmetic.hpp>
#include <ormc/value_codec.hpp>
#include <type_traits>

namespace ormc {

namespace detail {
template <class T> using plain_t = typename unwrap_optional<T>::type;
template <class T>
inline constexpr bool is_number_v = is_decimal_v<T> ||
                                    (std::is_arithmetic_v<T> && !std::is_same_v<T, bool>);

/// The value of column or expression C in `row`, as C's value_type.
template <class C, class Model> auto value_in(const Model& row) {
  if constexpr (requires { C::member; })
    return row.*C::member;
  else
    return C::evaluate(row);
}

/// An operand's value, and whether it has one: a NULL operand makes the expression NULL.
template <class T> constexpr bool present(const T&) {
  return true;
}
template <class T> bool present(const std::optional<T>& v) {
  return v.has_value();
}
template <class T> const T& operand(const T& v) {
  return v;
}
template <class T> const T& operand(const std::optional<T>& v) {
  return *v;
}

template <class X, class Y, sql::Arithmetic Op> constexpr auto arithmetic_result() {
  static_assert(is_number_v<X> && is_number_v<Y>,
                "ormc: arithmetic applies to numeric columns (see 'X' and 'Y' below)");
  if constexpr (is_decimal_v<X> && is_decimal_v<Y>) {
    static_assert(Op != sql::Arithmetic::multiply,
                  "ormc: a decimal times a decimal changes the scale; multiply a decimal by an "
                  "integer column (see 'X' and 'Y' below)");
    static_assert(X::scale == Y::scale,
                  "ormc: decimals added or subtracted have the same scale (see 'X' and 'Y' below)");
    return std::type_identity<decimal<18, X::scale>>{};
  } else if constexpr (is_decimal_v<X> || is_decimal_v<Y>) {
    using D = std::conditional_t<is_decimal_v<X>, X, Y>;
    using N = std::conditional_t<is_decimal_v<X>, Y, X>;
    static_assert(std::is_integral_v<N> && Op == sql::Arithmetic::multiply,
                  "ormc: a decimal is multiplied by integers and added to decimals, so that "
                  "its scale holds (see 'X' and 'Y' below)");
    return std::type_identity<decimal<18, D::scale>>{};
  } else if constexpr (std::is_floating_point_v<X> || std::is_floating_point_v<Y>) {
    return std::type_identity<double>{};
  } else {
    return std::type_identity<std::int64_t>{};
  }
}

/// How the result is stored: as its decimal operands are (both alike), else natively.
template <class L, class R> constexpr Storage arithmetic_storage() {
  constexpr bool left = is_decimal_v<plain_t<typename L::value_type>>;
  constexpr bool right = is_decimal_v<plain_t<typename R::value_type>>;
  static_assert(!(left && right) || L::time_storage == R::time_storage,
                "ormc: decimals stored differently (storage=numeric on one) cannot be combined "
                "(see 'L' and 'R' below)");
  if constexpr (left)
    return L::time_storage;
  else if constexpr (right)
    return R::time_storage;
  else
    return Storage::native;
}

template <class Out, sql::Arithmetic Op, class X, class Y> Out compute(const X& x, const Y& y) {
  if constexpr (is_decimal_v<Out> && is_decimal_v<X> && is_decimal_v<Y>)
    return Op == sql::Arithmetic::add ? Out::from_units(x.units()) + Out::from_units(y.units())
                                      : Out::from_units(x.units()) - Out::from_units(y.units());
  else if constexpr (is_decimal_v<Out> && is_decimal_v<X>)
    return Out::from_units(x.units()) * static_cast<std::int64_t>(y);
  else if constexpr (is_decimal_v<Out>)
    return Out::from_units(y.units()) * static_cast<std::int64_t>(x);
  else if constexpr (Op == sql::Arithmetic::add)
    return static_cast<Out>(x) + static_cast<Out>(y);
  else if constexpr (Op == sql::Arithmetic::subtract)
    return static_cast<Out>(x) - static_cast<Out>(y);
  else
    return static_cast<Out>(x) * static_cast<Out>(y);
}

template <class L, class R, sql::Arithmetic Op>
using arithmetic_value_t =
    typename decltype(arithmetic_result<plain_t<typename L::value_type>,
                                        plain_t<typename R::value_type>, Op>())::type;
template <class L, class R, sql::Arithmetic Op>
using nullable_arithmetic_t =
    std::conditional_t<is_optional_v<typename L::value_type> ||
                           is_optional_v<typename R::value_type>,
                       std::optional<arithmetic_value_t<L, R, Op>>, arithmetic_value_t<L, R, Op>>;
} // namespace detail

/// `(L op R)`: a column-like expression over two columns (or expressions) of one model. NULL
/// when either is.
template <Column L, Column R, sql::Arithmetic Op>
struct arithmetic
    : column<arithmetic<L, R, Op>, typename L::model_type, detail::nullable_arithmetic_t<L, R, Op>,
             detail::arithmetic_storage<L, R>()> {
  static_assert(std::is_same_v<typename L::model_type, typename R::model_type>,
                "ormc: arithmetic over columns of two models (see 'L' and 'R' below)");
  using value_type = detail::nullable_arithmetic_t<L, R, Op>;
  using model_type = typename L::model_type;
  /// Over aggregates, an aggregate itself: `sum(a) - sum(b)` in a grouped select or having().
  static constexpr bool is_aggregate = detail::is_aggregate<L>() || detail::is_aggregate<R>();

private:
  using plain = detail::arithmetic_value_t<L, R, Op>;
  static constexpr bool widen = std::is_same_v<plain, std::int64_t>;
  // A decimal stored as the number itself is computed in floating point on SQLite: rounded
  // back to its scale, it is the exact result (and PostgreSQL's NUMERIC result unchanged).
  static constexpr int round_scale = [] {
    if constexpr (detail::is_decimal_v<plain>)
      return detail::arithmetic_storage<L, R>() == Storage::numeric ? plain::scale : -1;
    else
      return -1;
  }();
  static constexpr std::size_t size = sql::arithmetic_size(L::sql, R::sql, Op, widen, round_scale);
  static constexpr std::array<char, size> text =
      sql::arithmetic_text<size>(L::sql, R::sql, Op, widen, round_scale);

public:
  static constexpr std::string_view sql{text.data(), size};

  /// The expression computed in C++, as the database computes it (for keyset pages).
  static value_type evaluate(const model_type& row) {
    auto left = detail::value_in<L>(row);
    auto right = detail::value_in<R>(row);
    if constexpr (detail::is_optional_v<value_type>)
      if (!detail::present(left) || !detail::present(right)) return std::nullopt;
    return detail::compute<plain, Op>(detail::operand(left), detail::operand(right));
  }
};

template <Column L, Column R> constexpr auto operator+(L, R) {
  return arithmetic<L, R, sql::Arithmetic::add>{};
}
template <Column L, Column R> constexpr auto operator-(L, R) {
  return arithmetic<L, R, sql::Arithmetic::subtract>{};
}
template <Column L, Column R> constexpr auto operator*(L, R) {
  return arithmetic<L, R, sql::Arithmetic::multiply>{};
}

} // namespace ormc
