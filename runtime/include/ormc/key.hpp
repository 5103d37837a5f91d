// A model's key as the runtime binds and matches it: one column, or a composite key's columns
// (ModelTraits<Model>::key_columns, key_type a std::tuple in the same order).
#pragma once

#include <array>
#include <cstddef>
#include <ormc/bound_value.hpp>
#include <ormc/column.hpp>
#include <ormc/model.hpp>
#include <ormc/sql_text.hpp>
#include <tuple>
#include <utility>
#include <vector>

namespace ormc::detail {

template <class Model>
inline constexpr std::size_t key_size = std::tuple_size_v<typename ModelTraits<Model>::key_columns>;

/// The key's values, one per key column, as the statements by key bind them.
template <class Model>
std::array<BoundValue, key_size<Model>>
key_values(const typename ModelTraits<Model>::key_type& key) {
  if constexpr (key_size<Model> == 1)
    return {to_bound(key)};
  else
    return std::apply(
        [](const auto&... v) { return std::array<BoundValue, key_size<Model>>{to_bound(v)...}; },
        key);
}

/// `"a" = ? AND "b" = ?`: the columns of `Columns` (a std::tuple of column tags) each equal to
/// the element of `values` (a std::tuple) in the same place.
template <class Columns, class Values, std::size_t... I>
void write_tuple_equals(SqlFragment& f, const Values& values, std::index_sequence<I...>) {
  f.open_group();
  ((I ? f.separate(sql::Logical::all) : f,
    f.compare(std::tuple_element_t<I, Columns>::sql, sql::Comparison::equal, std::get<I>(values))),
   ...);
  f.close_group();
}

/// Any of `values`: `("a" = ? AND "b" = ?) OR (...)` over `Columns`; an empty set matches
/// nothing. The foreign keys to a composite key load through it.
template <class Model, class Columns, class Values> struct tuples_in {
  using model_type = Model;
  std::vector<Values> values;
  void write(SqlFragment& f) const {
    if (values.empty()) {
      f.never();
      return;
    }
    f.open_group();
    for (std::size_t i = 0; i < values.size(); ++i) {
      if (i) f.separate(sql::Logical::any);
      write_tuple_equals<Columns>(f, values[i],
                                  std::make_index_sequence<std::tuple_size_v<Columns>>{});
    }
    f.close_group();
  }
};

/// `"a" = ? AND "b" = ?` for one key (a condition over Model, for queries).
template <class Model> struct key_equals {
  using model_type = Model;
  using key_type = typename ModelTraits<Model>::key_type;
  key_type key;
  void write(SqlFragment& f) const {
    if constexpr (key_size<Model> == 1)
      f.compare(ModelTraits<Model>::key_column::sql, sql::Comparison::equal, key);
    else
      write_tuple_equals<typename ModelTraits<Model>::key_columns>(
          f, key, std::make_index_sequence<key_size<Model>>{});
  }
};

/// Any of `keys` of a composite key: `("a" = ? AND "b" = ?) OR (...)`.
template <class Model>
using key_in = tuples_in<Model, typename ModelTraits<Model>::key_columns,
                         typename ModelTraits<Model>::key_type>;

} // namespace ormc::detail
