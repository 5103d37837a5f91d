// The SQL of an aggregate over a column or expression, the same text in every dialect, built at
// compile time so that an aggregate is a type with a static `sql` like a column: `sum("total")`.
#pragma once

#include <array>
#include <cstddef>
#include <string_view>

namespace ormc::sql {

enum class AggregateFunction { count, sum, avg, min, max };

constexpr std::string_view aggregate_name(AggregateFunction f) {
  switch (f) {
  case AggregateFunction::count:
    return "count";
  case AggregateFunction::sum:
    return "sum";
  case AggregateFunction::avg:
    return "avg";
  case AggregateFunction::min:
    return "min";
  case AggregateFunction::max:
    return "max";
  }
  return "";
}

/// `function(argument)` as N characters, N = aggregate_call_size() of the same arguments;
/// `argument` "*" for count(*).
constexpr std::size_t aggregate_call_size(AggregateFunction f, std::string_view argument) {
  return aggregate_name(f).size() + 1 + argument.size() + 1;
}
template <std::size_t N>
constexpr std::array<char, N> aggregate_call_text(AggregateFunction f, std::string_view argument) {
  std::array<char, N> out{};
  std::size_t i = 0;
  for (std::string_view part :
       {aggregate_name(f), std::string_view("("), argument, std::string_view(")")})
    for (char c : part)
      out[i++] = c;
  return out;
}

} // namespace ormc::sql
