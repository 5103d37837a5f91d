// JSON columns: a nlohmann::json member, or a member of any type with to_json/from_json marked
// ormc:column(json), stored as JSONB on PostgreSQL and as JSON text on SQLite. Generated code
// includes this header only where a model has a JSON column.
//
//   struct [[clang::annotate("ormc:table")]] Doc {
//     [[clang::annotate("ormc:id")]] std::int64_t id;
//     nlohmann::json attrs;                                      // any JSON value
//     [[clang::annotate("ormc:column(json)")]] Address address;  // through to_json/from_json
//   };
//   m.docs.where(Doc_::attrs.path<std::int64_t>("owner", "age") > 30)
#pragma once

#include <nlohmann/json.hpp>
#include <ormc/storage.hpp>
#include <ormc/value_codec.hpp>
#include <string>
#include <string_view>
#include <type_traits>

namespace ormc::detail {

template <class T>
inline constexpr bool is_nlohmann_json_v = nlohmann::detail::is_basic_json<T>::value;

template <class T> struct json_codec {
  /// nlohmann::json itself, or the JSON type a user type converts through.
  using json_type = std::conditional_t<is_nlohmann_json_v<T>, T, nlohmann::json>;
  static_assert(is_nlohmann_json_v<T> || (std::is_constructible_v<json_type, const T&> &&
                                          requires(const json_type& j) { j.template get<T>(); }),
                "ormc: a JSON column's type needs to_json(nlohmann::json&, const T&) and "
                "from_json(const nlohmann::json&, T&) where ADL finds them (see 'T' below)");

  template <class Statement> static void bind(Statement& s, int index, const T& value) {
    std::string text;
    try {
      if constexpr (is_nlohmann_json_v<T>)
        text = value.dump();
      else
        text = json_type(value).dump();
    } catch (const nlohmann::json::exception& e) {
      // dump() refuses strings that are not UTF-8; JSON text cannot hold them.
      throw_out_of_range("parameter", index, e.what());
    }
    s.bind_text_copy(index, text);
  }

  template <class Row> static void read(Row& r, int column, T& out) {
    std::string_view text = r.read_text_view(column);
    json_type parsed = json_type::parse(text, nullptr, false);
    if (parsed.is_discarded())
      throw_unreadable_json(column, r.column_name(column), text, "not JSON");
    if constexpr (is_nlohmann_json_v<T>) {
      out = std::move(parsed);
    } else {
      try {
        out = parsed.template get<T>();
      } catch (const nlohmann::json::exception& e) {
        throw_unreadable_json(column, r.column_name(column), text, e.what());
      }
    }
  }
};

} // namespace ormc::detail
