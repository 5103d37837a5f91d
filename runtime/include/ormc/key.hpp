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

/// `"a" = ? AND "b" = ?` for one key (a condition over Model, for queries).
template <class Model> struct key_equals {
  using model_type = Model;
  using key_type = typename ModelTraits<Model>::key_type;
  key_type key;
  void write(SqlFragment& f) const { write_key(f, key); }

  static void write_key(SqlFragment& f, const key_type& key) {
    if constexpr (key_size<Model> == 1) {
      f.compare(ModelTraits<Model>::key_column::sql, sql::Comparison::equal, key);
    } else {
      f.open_group();
      write_columns(f, key, std::make_index_sequence<key_size<Model>>{});
      f.close_group();
    }
  }

private:
  template <std::size_t... I>
  static void write_columns(SqlFragment& f, const key_type& key, std::index_sequence<I...>) {
    using columns = typename ModelTraits<Model>::key_columns;
    ((I ? f.separate(sql::Logical::all) : f,
      f.compare(std::tuple_element_t<I, columns>::sql, sql::Comparison::equal, std::get<I>(key))),
     ...);
  }
};

/// Any of `keys`: `("a" = ? AND "b" = ?) OR (...)`; an empty set matches nothing.
template <class Model> struct key_in {
  using model_type = Model;
  std::vector<typename ModelTraits<Model>::key_type> keys;
  void write(SqlFragment& f) const {
    if (keys.empty()) {
      f.never();
      return;
    }
    f.open_group();
    for (std::size_t i = 0; i < keys.size(); ++i) {
      if (i) f.separate(sql::Logical::any);
      key_equals<Model>::write_key(f, keys[i]);
    }
    f.close_group();
  }
};

} // namespace ormc::detail
