// How a date or time member is stored, when a schema someone else made decides it: the generated
// code wraps such a member in stored_as<S>(...) wherever it binds or reads it, and value_codec.hpp
// converts through the storage named here. Members without a choice keep ormc's own storage
// (INTEGER microseconds on SQLite, TIMESTAMPTZ on PostgreSQL).
#pragma once

#include <array>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <type_traits>
#include <vector>

namespace ormc {

/// How a member is stored where the schema chooses (`ormc:column(storage=...)`): the storage of a
/// std::chrono::system_clock::time_point column, or of an ormc::decimal one.
/// Every storage holds UTC; none loses what the member holds: a value the storage cannot hold
/// exactly (a fraction of a second in whole seconds) is a DataError, not rounded.
enum class Storage : unsigned char {
  native,       // INTEGER microseconds since 1970 (SQLite), TIMESTAMPTZ (PostgreSQL)
  iso_text,     // TEXT 'YYYY-MM-DD HH:MM:SS[.ffffff]' on both: years 0000 to 9999
  unix_seconds, // INTEGER / BIGINT seconds since 1970
  unix_millis,  // ... milliseconds
  unix_micros,  // ... microseconds
  timestamp,    // TIMESTAMP without time zone (PostgreSQL), ISO text as above (SQLite)
  // ... and of an ormc::decimal column:
  numeric, // the number itself (NUMERIC affinity, as SQLite schemas made elsewhere hold it);
           // NUMERIC(p, s) on PostgreSQL either way
  // ... and of an enum column:
  enum_text, // its enumerator's name, as TEXT; a stored name that is not one is a DataError
  // ... and of a JSON column (nlohmann::json, or a type with to_json/from_json):
  json, // JSONB (PostgreSQL), TEXT with a json_valid() CHECK (SQLite); <ormc/json.hpp>
  // ... and of a vector column (std::vector<float>, std::array<float, N>):
  pgvector, // pgvector's vector(N) on PostgreSQL; natively REAL[] there, a BLOB on SQLite either way
};

/// The enumerators of an enum stored as text; generated code specializes it for each such enum.
template <class E> struct EnumNames;

namespace detail {

/// Binds and reads a JSON column's member of type T; defined in <ormc/json.hpp>, which generated
/// code includes only where a model has a JSON column (nlohmann's header is large).
template <class T> struct json_codec;

/// A member bound or read through a storage other than its type's own. `T` is the member's type
/// (const when binding), possibly a std::optional.
template <Storage S, class T> struct stored_member {
  static constexpr Storage storage = S;
  using member_type = T;
  T& value;
};
template <class T> inline constexpr bool is_stored_member = false;
template <Storage S, class T> inline constexpr bool is_stored_member<stored_member<S, T>> = true;

/// A date member: std::chrono::sys_days or std::chrono::year_month_day, DATE on PostgreSQL and
/// 'YYYY-MM-DD' text on SQLite.
template <class T> inline constexpr bool is_date_v = false;
template <class Rep>
inline constexpr bool is_date_v<std::chrono::time_point<
    std::chrono::system_clock, std::chrono::duration<Rep, std::ratio<86400>>>> =
    std::is_integral_v<Rep>;
template <> inline constexpr bool is_date_v<std::chrono::year_month_day> = true;

/// A vector member (ormc:vector): its floats, as REAL[] or vector(N) on PostgreSQL and a BLOB
/// of little-endian floats on SQLite.
template <class T> inline constexpr bool is_float_vector_v = false;
template <> inline constexpr bool is_float_vector_v<std::vector<float>> = true;
template <std::size_t N> inline constexpr bool is_float_vector_v<std::array<float, N>> = true;

/// A duration member with an integer count: stored as that count, in the member's own unit.
template <class T> inline constexpr bool is_duration_v = false;
template <class Rep, class Period>
inline constexpr bool is_duration_v<std::chrono::duration<Rep, Period>> = std::is_integral_v<Rep>;

/// `at` at the precision a column's storage keeps (whole seconds in unix_seconds), so that the
/// time ormc fills in binds without loss and a row read back equals the row written.
inline std::chrono::sys_time<std::chrono::microseconds>
at_precision(std::chrono::sys_time<std::chrono::microseconds> at, Storage storage) {
  using namespace std::chrono;
  if (storage == Storage::unix_seconds) return floor<seconds>(at);
  if (storage == Storage::unix_millis) return floor<milliseconds>(at);
  return at;
}

} // namespace detail

/// Wraps `member` for binding or reading through storage S; generated code calls it.
template <Storage S, class T> detail::stored_member<S, T> stored_as(T& member) noexcept {
  return {member};
}

} // namespace ormc
