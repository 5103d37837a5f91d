// Field validation run by generated code before any SQL: max_length, min, max, not_empty, and
// a vector's dimension and finite floats.
// Every violated field of a row is reported at once, in one ValidationError.
#pragma once

#include <cmath>
#include <concepts>
#include <cstddef>
#include <optional>
#include <ormc/error.hpp>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace ormc {

/// One field of a row that breaks one of its model's rules.
struct FieldViolation {
  std::string_view member; // the C++ data member, e.g. "title"
  std::string message;     // e.g. "must be at most 200 characters"
};

/// A row broke its model's validation rules; nothing was sent to the database.
///   catch (const ormc::ValidationError& e) { for (auto& v : e.violations()) ... }
class ValidationError : public Error {
public:
  ValidationError(std::string_view model, std::vector<FieldViolation> violations);

  std::string_view model() const noexcept { return model_; }
  const std::vector<FieldViolation>& violations() const noexcept { return violations_; }

private:
  std::string_view model_;
  std::vector<FieldViolation> violations_;
};

namespace detail {
/// Unicode code points in UTF-8 text: what SQLite's length() and PostgreSQL's VARCHAR(n) count.
constexpr std::size_t utf8_length(std::string_view text) noexcept {
  std::size_t n = 0;
  for (char c : text)
    n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

/// Calls `test` on the value, or on the value inside an engaged std::optional; a NULL passes.
template <class T, class Test> bool fails(const T& value, Test test) {
  return test(value);
}
template <class T, class Test> bool fails(const std::optional<T>& value, Test test) {
  return value.has_value() && test(*value);
}

template <class T, class L> constexpr bool less(const T& value, L limit) {
  if constexpr (std::integral<T> && std::integral<L>)
    return std::cmp_less(value, limit);
  else
    return static_cast<double>(value) < static_cast<double>(limit);
}

template <class T> bool longer_than(const T& value, std::size_t max) {
  return fails(value, [&](const std::string& s) { return utf8_length(s) > max; });
}
template <class T, class L> bool below(const T& value, L min) {
  return fails(value, [&](const auto& v) { return less(v, min); });
}
template <class T, class L> bool above(const T& value, L max) {
  return fails(value, [&](const auto& v) { return less(max, v); });
}
template <class T> bool empty(const T& value) {
  return fails(value, [](const auto& v) { return v.empty(); });
}
/// A vector column's value: another number of floats than its dimension, or a NaN or infinity
/// (which no distance orders, and pgvector refuses).
template <class T> bool dimension_differs(const T& value, std::size_t dimension) {
  return fails(value, [&](const auto& v) { return v.size() != dimension; });
}
template <class T> bool not_finite(const T& value) {
  return fails(value, [](const auto& v) {
    for (float f : v)
      if (!std::isfinite(f)) return true;
    return false;
  });
}

/// Throws one ValidationError listing every violation, if there are any.
inline void throw_if_invalid(std::string_view model, std::vector<FieldViolation>&& violations) {
  if (!violations.empty()) throw ValidationError(model, std::move(violations));
}
} // namespace detail

} // namespace ormc
