// Reading a Search variant from a JSON object, for the generated sources of models with
// ormc:table(variants) (only they include nlohmann's whole header): each field's filter from a
// value (equality) or an object of operators, each value checked against the column's type.
#pragma once

#include <chrono>
#include <cstdint>
#include <initializer_list>
#include <iterator>
#include <limits>
#include <nlohmann/json.hpp>
#include <ormc/decimal.hpp>
#include <ormc/storage.hpp>
#include <ormc/variants.hpp>
#include <span>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

namespace ormc::detail {

[[noreturn]] void throw_invalid_search(std::string_view model, const std::string& field,
                                       const std::string& why);
/// InvalidSearch unless `object` is a JSON object.
void check_search_object(const nlohmann::json& object, std::string_view model);
[[noreturn]] void throw_unknown_search_field(std::string_view model, const std::string& key,
                                             std::initializer_list<std::string_view> fields);
/// "a string", "an integer", ...: what a JSON value is, for messages.
std::string json_kind(const nlohmann::json& value);
/// ISO 8601 text (`2026-12-05T10:00:00Z`, an offset, or no zone for UTC) as microseconds
/// since 1970, or 'YYYY-MM-DD' as days; InvalidSearch naming `field` otherwise.
std::int64_t search_micros(const std::string& text, std::string_view model,
                           const std::string& field);
std::int64_t search_days(const std::string& text, std::string_view model, const std::string& field);
/// InvalidSearch: `name` is none of `names`.
[[noreturn]] void throw_unknown_enumerator(std::string_view model, const std::string& field,
                                           const std::string& name,
                                           std::span<const std::string_view> names);

/// `value` as a V, the type of a search's column; InvalidSearch naming `field` otherwise.
template <class V>
V search_value(const nlohmann::json& value, std::string_view model, const std::string& field) {
  auto expected = [&](const char* what) {
    throw_invalid_search(model, field,
                         std::string("expected ") + what + ", got " + json_kind(value));
  };
  if constexpr (std::is_same_v<V, std::string>) {
    if (!value.is_string()) expected("a string");
    return value.get<std::string>();
  } else if constexpr (std::is_same_v<V, bool>) {
    if (!value.is_boolean()) expected("true or false");
    return value.get<bool>();
  } else if constexpr (std::is_integral_v<V>) {
    if (!value.is_number_integer()) expected("an integer");
    const bool fits = value.is_number_unsigned()
                          ? value.get<std::uint64_t>() <=
                                static_cast<std::uint64_t>(std::numeric_limits<V>::max())
                          : value.get<std::int64_t>() >=
                                    static_cast<std::int64_t>(std::numeric_limits<V>::min()) &&
                                (std::is_unsigned_v<V> ||
                                 value.get<std::int64_t>() <=
                                     static_cast<std::int64_t>(std::numeric_limits<V>::max()));
    if (!fits) throw_invalid_search(model, field, value.dump() + " is out of the column's range");
    return static_cast<V>(value.is_number_unsigned()
                              ? value.get<std::uint64_t>()
                              : static_cast<std::uint64_t>(value.get<std::int64_t>()));
  } else if constexpr (std::is_floating_point_v<V>) {
    if (!value.is_number()) expected("a number");
    return static_cast<V>(value.get<double>());
  } else if constexpr (is_decimal_v<V>) {
    // A JSON number is a double: a decimal comes as text, so that no digit is lost.
    if (!value.is_string()) expected("a decimal as a string (\"10.50\")");
    try {
      return V(value.get<std::string>());
    } catch (const Error& e) {
      throw_invalid_search(model, field, e.what());
    }
  } else if constexpr (is_date_v<V>) {
    if (!value.is_string()) expected("a date as \"YYYY-MM-DD\"");
    const std::chrono::sys_days day{
        std::chrono::days(search_days(value.get<std::string>(), model, field))};
    return V(day);
  } else if constexpr (is_time_point<V>::value) {
    if (!value.is_string()) expected("a time as ISO 8601 text (\"2026-12-05T10:00:00Z\")");
    const std::chrono::sys_time<std::chrono::microseconds> at{
        std::chrono::microseconds(search_micros(value.get<std::string>(), model, field))};
    const V out = std::chrono::time_point_cast<typename V::duration>(at);
    if (out != at) // a filter rounded to the column's precision would match other rows
      throw_invalid_search(model, field,
                           value.get<std::string>() + " is finer than the column's precision");
    return out;
  } else if constexpr (is_duration_v<V>) {
    return V(search_value<typename V::rep>(value, model, field)); // a count of V's units
  } else if constexpr (std::is_enum_v<V>) {
    if constexpr (requires { EnumNames<V>::names; }) { // stored as names: named in JSON too
      if (!value.is_string()) expected("an enumerator's name");
      const std::string name = value.get<std::string>();
      for (std::size_t i = 0; i < std::size(EnumNames<V>::names); ++i)
        if (EnumNames<V>::names[i] == name) return EnumNames<V>::values[i];
      throw_unknown_enumerator(model, field, name, EnumNames<V>::names);
    } else { // stored as its integer: that integer
      return static_cast<V>(search_value<std::underlying_type_t<V>>(value, model, field));
    }
  } else {
    throw_invalid_search(model, field, "this column's type is not read from JSON");
  }
}

/// The filter of `field` from its JSON: a value (equality) or an object of operators.
template <class T>
void read_filter(const nlohmann::json& j, std::string_view model, const char* field,
                 Filter<T>& filter) {
  using V = typename Filter<T>::value_type;
  if (!j.is_object()) {
    filter.eq = search_value<V>(j, model, field);
    return;
  }
  for (const auto& [op, value] : j.items()) {
    const std::string at = std::string(field) + "." + op;
    if (op == "eq")
      filter.eq = search_value<V>(value, model, at);
    else if (op == "ne")
      filter.ne = search_value<V>(value, model, at);
    else if (op == "lt")
      filter.lt = search_value<V>(value, model, at);
    else if (op == "lte")
      filter.lte = search_value<V>(value, model, at);
    else if (op == "gt")
      filter.gt = search_value<V>(value, model, at);
    else if (op == "gte")
      filter.gte = search_value<V>(value, model, at);
    else if (op == "in") {
      if (!value.is_array())
        throw_invalid_search(model, at, "expected an array, got " + json_kind(value));
      std::vector<V> values;
      for (std::size_t i = 0; i < value.size(); ++i)
        values.push_back(search_value<V>(value[i], model, at + "[" + std::to_string(i) + "]"));
      filter.in = std::move(values);
    } else if (op == "like") {
      if constexpr (!std::is_same_v<V, std::string>)
        throw_invalid_search(model, at, "like applies to text columns");
      filter.like = search_value<std::string>(value, model, at);
    } else if (op == "is_null") {
      if constexpr (!is_optional_v<T>)
        throw_invalid_search(model, at, "is_null applies to nullable columns");
      filter.is_null = search_value<bool>(value, model, at);
    } else {
      throw_invalid_search(model, at,
                           "unknown operator (eq, ne, lt, lte, gt, gte, in, like, is_null)");
    }
  }
}

} // namespace ormc::detail
