#include "time_text.hpp"

#include <ormc/variants_json.hpp>

namespace ormc {

InvalidSearch::InvalidSearch(std::string model, std::string field, const std::string& why)
    : Error("search of " + model + (field.empty() ? "" : ", \"" + field + "\"") + ": " + why),
      model_(std::move(model)), field_(std::move(field)) {}

namespace detail {

void throw_invalid_search(std::string_view model, const std::string& field,
                          const std::string& why) {
  throw InvalidSearch(std::string(model), field, why);
}

void check_search_object(const nlohmann::json& object, std::string_view model) {
  if (!object.is_object())
    throw_invalid_search(model, "", "expected a JSON object of fields, got " + json_kind(object));
}

void throw_unknown_search_field(std::string_view model, const std::string& key,
                                std::initializer_list<std::string_view> fields) {
  std::string names;
  for (std::string_view f : fields)
    names += (names.empty() ? "" : ", ") + std::string(f);
  throw_invalid_search(model, key, "no such field (the fields: " + names + ")");
}

std::int64_t search_micros(const std::string& text, std::string_view model,
                           const std::string& field) {
  if (std::optional<std::int64_t> micros = parse_iso_timestamp(text)) return *micros;
  throw_invalid_search(model, field,
                       "\"" + text + "\" is not an ISO 8601 time (2026-12-05T10:00:00Z)");
}

std::int64_t search_days(const std::string& text, std::string_view model,
                         const std::string& field) {
  if (std::optional<std::int64_t> days = parse_iso_date(text)) return *days;
  throw_invalid_search(model, field, "\"" + text + "\" is not a date (YYYY-MM-DD)");
}

void throw_unknown_enumerator(std::string_view model, const std::string& field,
                              const std::string& name, std::span<const std::string_view> names) {
  std::string list;
  for (std::string_view n : names)
    list += (list.empty() ? "" : ", ") + std::string(n);
  throw_invalid_search(model, field, "\"" + name + "\" is none of " + list);
}

std::string json_kind(const nlohmann::json& value) {
  switch (value.type()) {
  case nlohmann::json::value_t::null:
    return "null";
  case nlohmann::json::value_t::boolean:
    return value.get<bool>() ? "true" : "false";
  case nlohmann::json::value_t::string:
    return "the string " + value.dump();
  case nlohmann::json::value_t::number_integer:
  case nlohmann::json::value_t::number_unsigned:
    return "the integer " + value.dump();
  case nlohmann::json::value_t::number_float:
    return "the number " + value.dump();
  case nlohmann::json::value_t::array:
    return "an array";
  case nlohmann::json::value_t::object:
    return "an object";
  default:
    return "a value of another kind";
  }
}

} // namespace detail
} // namespace ormc
