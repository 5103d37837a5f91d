// The data members of an aggregate struct, in declaration order, as references: what raw SQL
// and select<S>() read a row's columns into, by position, with no reflection at run time.
//
//   struct Summary { std::string title; std::int64_t lines; };
//   detail::field_count<Summary> == 2; detail::fields_of(summary) == std::tie(title, lines)
//
// A member that is itself an aggregate (a nested struct, std::array) would take several
// columns by brace elision: field_count() counts it as those, and fields_of() refuses it.
#pragma once

#include <cstddef>
#include <tuple>
#include <type_traits>
#include <utility>

namespace ormc::detail {

template <class T> struct is_tuple : std::false_type {};
template <class... T> struct is_tuple<std::tuple<T...>> : std::true_type {};

/// Converts to any member type: counting how many initialize S counts its members.
struct any_member {
  template <class T> operator T() const; // NOLINT(google-explicit-constructor): by design
};

template <class S, class... A> constexpr std::size_t count_fields() {
  if constexpr (requires { S{A{}..., any_member{}}; })
    return count_fields<S, A..., any_member>();
  else
    return sizeof...(A);
}

/// How many data members the aggregate S has.
template <class S> inline constexpr std::size_t field_count = count_fields<S>();

template <std::size_t> using any_member_at = any_member;
// Variables, not constexpr functions: a function would be one more for the compiler to keep
// per struct a call site selects into.
template <class S, class Indexes> inline constexpr bool takes_initializers = false;
template <class S, std::size_t... I>
inline constexpr bool takes_initializers<S, std::index_sequence<I...>> = requires {
  S{any_member_at<I>{}...};
};
/// Whether the aggregate S has exactly N data members: what select<S>() knows to expect, checked
/// with two initializations rather than counted up from one (field_count's cost, which a call
/// site with a struct of its own pays per struct).
template <class S, std::size_t N>
inline constexpr bool has_fields = takes_initializers<S, std::make_index_sequence<N>> &&
                                   !takes_initializers<S, std::make_index_sequence<N + 1>>;

inline constexpr std::size_t max_fields = 16;

/// References to the members of `s`, in declaration order; `n` is how many it has.
template <std::size_t n, class S> auto fields_of(S& s) {
  static_assert(std::is_aggregate_v<S>, "ormc: a row struct is an aggregate (plain members, no "
                                        "constructors) or a std::tuple (see 'S' below)");
  static_assert(n >= 1 && n <= max_fields,
                "ormc: a row struct has 1 to 16 data members; use a std::tuple for more");
  if constexpr (n == 1) {
    auto& [m1] = s;
    return std::tie(m1);
  } else if constexpr (n == 2) {
    auto& [m1, m2] = s;
    return std::tie(m1, m2);
  } else if constexpr (n == 3) {
    auto& [m1, m2, m3] = s;
    return std::tie(m1, m2, m3);
  } else if constexpr (n == 4) {
    auto& [m1, m2, m3, m4] = s;
    return std::tie(m1, m2, m3, m4);
  } else if constexpr (n == 5) {
    auto& [m1, m2, m3, m4, m5] = s;
    return std::tie(m1, m2, m3, m4, m5);
  } else if constexpr (n == 6) {
    auto& [m1, m2, m3, m4, m5, m6] = s;
    return std::tie(m1, m2, m3, m4, m5, m6);
  } else if constexpr (n == 7) {
    auto& [m1, m2, m3, m4, m5, m6, m7] = s;
    return std::tie(m1, m2, m3, m4, m5, m6, m7);
  } else if constexpr (n == 8) {
    auto& [m1, m2, m3, m4, m5, m6, m7, m8] = s;
    return std::tie(m1, m2, m3, m4, m5, m6, m7, m8);
  } else if constexpr (n == 9) {
    auto& [m1, m2, m3, m4, m5, m6, m7, m8, m9] = s;
    return std::tie(m1, m2, m3, m4, m5, m6, m7, m8, m9);
  } else if constexpr (n == 10) {
    auto& [m1, m2, m3, m4, m5, m6, m7, m8, m9, m10] = s;
    return std::tie(m1, m2, m3, m4, m5, m6, m7, m8, m9, m10);
  } else if constexpr (n == 11) {
    auto& [m1, m2, m3, m4, m5, m6, m7, m8, m9, m10, m11] = s;
    return std::tie(m1, m2, m3, m4, m5, m6, m7, m8, m9, m10, m11);
  } else if constexpr (n == 12) {
    auto& [m1, m2, m3, m4, m5, m6, m7, m8, m9, m10, m11, m12] = s;
    return std::tie(m1, m2, m3, m4, m5, m6, m7, m8, m9, m10, m11, m12);
  } else if constexpr (n == 13) {
    auto& [m1, m2, m3, m4, m5, m6, m7, m8, m9, m10, m11, m12, m13] = s;
    return std::tie(m1, m2, m3, m4, m5, m6, m7, m8, m9, m10, m11, m12, m13);
  } else if constexpr (n == 14) {
    auto& [m1, m2, m3, m4, m5, m6, m7, m8, m9, m10, m11, m12, m13, m14] = s;
    return std::tie(m1, m2, m3, m4, m5, m6, m7, m8, m9, m10, m11, m12, m13, m14);
  } else if constexpr (n == 15) {
    auto& [m1, m2, m3, m4, m5, m6, m7, m8, m9, m10, m11, m12, m13, m14, m15] = s;
    return std::tie(m1, m2, m3, m4, m5, m6, m7, m8, m9, m10, m11, m12, m13, m14, m15);
  } else if constexpr (n == 16) {
    auto& [m1, m2, m3, m4, m5, m6, m7, m8, m9, m10, m11, m12, m13, m14, m15, m16] = s;
    return std::tie(m1, m2, m3, m4, m5, m6, m7, m8, m9, m10, m11, m12, m13, m14, m15, m16);
  }
}
/// fields_of(), counting the members.
template <class S> auto fields_of(S& s) {
  return fields_of<field_count<S>>(s);
}

} // namespace ormc::detail
