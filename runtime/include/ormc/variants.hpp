// Operation-specific variants of a model, generated with ormc:table(variants): a Create
// struct (the columns a client supplies), an Update struct (every column optional: only those
// set are written) and a Search struct (per-column filters that become a typed query, also
// read from the JSON object an HTTP API receives).
//
//   User u = m.users.create(User_Create{.name = "ann", .email = "ann@example.org"});
//   m.users.update(u.id, User_Update{.name = "anne"});      // UPDATE ... SET "name" = ? ...
//   auto q = m.users.search(User_Search{.age = {.gte = 18}}).order_by(User_::name);
//   auto q2 = m.users.search(ormc::ModelVariants<User>::search_from_json(request_body));
#pragma once

#include <optional>
#include <ormc/column.hpp>
#include <ormc/error.hpp>
#include <ormc/query.hpp>
#include <string>
#include <type_traits>
#include <vector>

namespace ormc {

/// The filters of one column in a Search struct; `T` is the member's type. Each one set is a
/// condition, all joined with AND: `{.gte = 18, .lt = 65}` is a range (designated
/// initializers follow the members' order).
template <class T> struct Filter {
  using value_type = typename detail::unwrap_optional<T>::type;
  // Each initialized, so that designated initializers naming some compile warning-free on GCC.
  std::optional<value_type> eq{}, ne{}, gt{}, gte{}, lt{}, lte{};
  std::optional<std::vector<value_type>> in{}; // an empty list matches nothing
  std::optional<std::string> like{};           // text columns: like()'s pattern
  std::optional<bool> is_null{};               // true: IS NULL, false: IS NOT NULL
};

/// A Search read from JSON named a field, an operator or a value the model cannot take. The
/// message names the model and the field (`age.gt`).
class InvalidSearch : public Error {
public:
  InvalidSearch(std::string model, std::string field, const std::string& why);
  const std::string& model() const noexcept { return model_; }
  const std::string& field() const noexcept { return field_; } // "" for the whole object
private:
  std::string model_;
  std::string field_;
};

/// The variants of Model: generated for ormc:table(variants) (create_type, update_type,
/// search_type, and the functions Table's create(), update(key, changes) and search() call).
template <class Model> struct ModelVariants;

namespace detail {
template <class Model> constexpr bool has_variants = requires {
  sizeof(ModelVariants<Model>);
};

/// `q` refined by each filter of `f` that is set, on column C (member `field`).
template <class Model, class C, class T>
Query<Model> apply_filter(Query<Model> q, C column, const Filter<T>& f, const char* field) {
  using V = typename Filter<T>::value_type;
  if (f.eq) q = q.where(column == *f.eq);
  if (f.ne) q = q.where(column != *f.ne);
  if (f.gt) q = q.where(column > *f.gt);
  if (f.gte) q = q.where(column >= *f.gte);
  if (f.lt) q = q.where(column < *f.lt);
  if (f.lte) q = q.where(column <= *f.lte);
  if (f.in) q = q.where(column.in(*f.in));
  if constexpr (std::is_same_v<V, std::string>) {
    if (f.like) q = q.where(column.like(*f.like));
  } else if (f.like) {
    throw InvalidSearch(std::string(ModelTraits<Model>::name), field,
                        "like applies to text columns");
  }
  if (f.is_null) q = q.where(*f.is_null ? column.is_null() : column.is_not_null());
  return q;
}
} // namespace detail

} // namespace ormc
