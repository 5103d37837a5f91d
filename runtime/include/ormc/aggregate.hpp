// Aggregates over a column or expression, typed like a column, for grouped queries:
//
//   m.orders.query()
//       .group_by(Order_::customer_id)
//       .having(ormc::count<Order>() >= 2)
//       .order_by(ormc::sum(Order_::total_cents).desc())
//       .select(Order_::customer_id, ormc::count<Order>(), ormc::sum(Order_::total_cents));
//
// count() gives std::int64_t; sum() std::int64_t for integers, double for floating point and
// the column's own type for decimals (exact); avg() double; min()/max() the column's own type.
// Over a nullable column the result is a std::optional (a group whose values are all NULL).
// An aggregate is refused by where() (SQL filters groups with HAVING) at compile time.
#pragma once

#include <cstdint>
#include <optional>
#include <ormc/column.hpp>
#include <ormc/expression.hpp>
#include <ormc/sql/aggregate_call.hpp>
#include <type_traits>

namespace ormc {

namespace detail {
template <class T, sql::AggregateFunction F> constexpr auto aggregate_result() {
  using U = plain_t<T>;
  if constexpr (F == sql::AggregateFunction::count) {
    return std::type_identity<std::int64_t>{};
  } else if constexpr (F == sql::AggregateFunction::min || F == sql::AggregateFunction::max) {
    return std::type_identity<U>{};
  } else {
    static_assert(is_number_v<U>,
                  "ormc: sum() and avg() need a numeric column or expression (see 'T' below)");
    static_assert(F != sql::AggregateFunction::avg || !is_decimal_v<U>,
                  "ormc: avg() of a decimal would not be exact; divide sum() by count() in C++ "
                  "(see 'T' below)");
    if constexpr (F == sql::AggregateFunction::avg)
      return std::type_identity<double>{};
    else if constexpr (is_decimal_v<U>)
      return std::type_identity<U>{};
    else if constexpr (std::is_integral_v<U>)
      return std::type_identity<std::int64_t>{};
    else
      return std::type_identity<double>{};
  }
}

template <class C, sql::AggregateFunction F>
using aggregate_value_t = std::conditional_t<
    F != sql::AggregateFunction::count && is_optional_v<typename C::value_type>,
    std::optional<typename decltype(aggregate_result<typename C::value_type, F>())::type>,
    typename decltype(aggregate_result<typename C::value_type, F>())::type>;

/// How the result is read: as the column stores its values where the result is of its kind
/// (a decimal's sum, a time's min), natively for counts, averages and integer sums.
template <class C, sql::AggregateFunction F> constexpr Storage aggregate_storage() {
  using U = plain_t<typename C::value_type>;
  if constexpr (F == sql::AggregateFunction::min || F == sql::AggregateFunction::max)
    return C::time_storage;
  else if constexpr (F == sql::AggregateFunction::sum && is_decimal_v<U>)
    return C::time_storage;
  else
    return Storage::native;
}

/// count(*) over the rows of Model: a column-like type of that model.
template <class Model> struct all_rows {
  using model_type = Model;
  using value_type = std::int64_t;
  static constexpr Storage time_storage = Storage::native;
  static constexpr std::string_view sql = "*";
};
} // namespace detail

/// `function(C)`: an aggregate over column or expression C of one model.
template <Column C, sql::AggregateFunction F>
struct aggregate : column<aggregate<C, F>, typename C::model_type, detail::aggregate_value_t<C, F>,
                          detail::aggregate_storage<C, F>()> {
  static_assert(!detail::is_aggregate<C>(), "ormc: an aggregate of an aggregate (see 'C' below)");
  static_assert(C::time_storage != Storage::json,
                "ormc: an aggregate of a JSON column (see 'C' below)");
  using model_type = typename C::model_type;
  using value_type = detail::aggregate_value_t<C, F>;
  static constexpr bool is_aggregate = true;

private:
  static constexpr std::size_t size = sql::aggregate_call_size(F, C::sql);
  static constexpr std::array<char, size> text = sql::aggregate_call_text<size>(F, C::sql);

public:
  static constexpr std::string_view sql{text.data(), size};
};

/// count(*): the rows of each group.
template <class Model> constexpr auto count() {
  return aggregate<detail::all_rows<Model>, sql::AggregateFunction::count>{};
}
/// count(C): the rows of each group where C is not NULL.
template <Column C> constexpr auto count(C) {
  return aggregate<C, sql::AggregateFunction::count>{};
}
template <Column C> constexpr auto sum(C) {
  return aggregate<C, sql::AggregateFunction::sum>{};
}
template <Column C> constexpr auto avg(C) {
  return aggregate<C, sql::AggregateFunction::avg>{};
}
template <Column C> constexpr auto min(C) {
  return aggregate<C, sql::AggregateFunction::min>{};
}
template <Column C> constexpr auto max(C) {
  return aggregate<C, sql::AggregateFunction::max>{};
}

} // namespace ormc
