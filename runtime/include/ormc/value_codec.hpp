// How each supported C++ type is written to and read from a statement. Shared by all backends:
// each provides a few primitives (bind_int64, read_text, ...) and these templates pick one per
// type at compile time.
#pragma once

#include <algorithm>
#include <bit>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <iterator>
#include <limits>
#include <optional>
#include <ormc/converter.hpp>
#include <ormc/decimal.hpp>
#include <ormc/error.hpp>
#include <ormc/storage.hpp>
#include <ratio>
#include <span>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

namespace ormc::detail {

template <class T> inline constexpr bool is_optional_v = false;
template <class T> inline constexpr bool is_optional_v<std::optional<T>> = true;

template <class T> inline constexpr bool is_bytes_v = false;
template <> inline constexpr bool is_bytes_v<std::vector<std::byte>> = true;
template <> inline constexpr bool is_bytes_v<std::vector<std::uint8_t>> = true;

/// A system_clock time_point other than a date (sys_days is one: is_date_v).
template <class T> inline constexpr bool is_system_time_v = false;
template <class D>
inline constexpr bool is_system_time_v<std::chrono::time_point<std::chrono::system_clock, D>> =
    !is_date_v<std::chrono::time_point<std::chrono::system_clock, D>>;

/// A member's value kept by a condition until it is bound through storage S.
template <Storage S, class T> struct stored_value {
  static constexpr Storage storage = S;
  using value_type = T;
  T value;
};
template <class T> inline constexpr bool is_stored_value = false;
template <Storage S, class T> inline constexpr bool is_stored_value<stored_value<S, T>> = true;

template <class T> inline constexpr bool dependent_false_v = false;

/// A vector's floats as the bytes SQLite stores (little-endian, 4 each) and the statements bind.
template <class V> std::span<const std::byte> float_bytes(const V& floats) noexcept {
  static_assert(std::endian::native == std::endian::little,
                "ormc: vector columns store little-endian floats; this machine is big-endian");
  return std::as_bytes(std::span<const float>(floats.data(), floats.size()));
}

/// Throws DataError naming the statement parameter (bind) or result column (read).
[[noreturn]] void throw_out_of_range(const char* place, int position, const char* what);
/// Whether the user declared ormc::converter<T> (<ormc/converter.hpp>).
template <class T>
concept has_converter = requires {
  typename converter<T>::stored_type;
};

/// A converter's from_stored() refused what the column holds.
[[noreturn]] void throw_converter_refused(int column, std::string_view name, std::string_view why);

/// A JSON column's stored text that does not parse, or does not convert to the member's type.
[[noreturn]] void throw_unreadable_json(int column, std::string_view name, std::string_view text,
                                        std::string_view why);
/// Throws DataError: column `column` holds `text`, which names none of `type`'s enumerators.
[[noreturn]] void throw_unknown_name(int column, std::string_view name, std::string_view text,
                                     std::string_view type);

/// Microseconds since the Unix epoch; finer fractions are dropped (rounded toward the past).
/// A coarser time_point (sys_seconds, sys_days) beyond what microseconds can count is rejected.
template <class D>
std::int64_t to_microseconds(std::chrono::time_point<std::chrono::system_clock, D> tp, int index) {
  using std::chrono::microseconds;
  if constexpr (std::ratio_greater_v<typename D::period, std::micro>) {
    constexpr D max = std::chrono::duration_cast<D>(microseconds::max());
    constexpr D min = std::chrono::duration_cast<D>(microseconds::min());
    if (tp.time_since_epoch() > max || tp.time_since_epoch() < min)
      throw_out_of_range("parameter", index, "time_point too far from 1970 for microseconds");
  }
  return std::chrono::floor<microseconds>(tp).time_since_epoch().count();
}

/// The time_point `micros` microseconds after the epoch, in the member's own duration.
template <class D>
std::chrono::time_point<std::chrono::system_clock, D> from_microseconds(std::int64_t micros,
                                                                        int column) {
  std::chrono::microseconds value(micros);
  if constexpr (std::ratio_less_v<typename D::period, std::micro>) {
    // A finer duration (nanoseconds) cannot count as far as microseconds can.
    constexpr auto max = std::chrono::duration_cast<std::chrono::microseconds>(D::max());
    constexpr auto min = std::chrono::duration_cast<std::chrono::microseconds>(D::min());
    if (value > max || value < min)
      throw_out_of_range("column", column, "stored timestamp does not fit the member's time_point");
  }
  return std::chrono::time_point<std::chrono::system_clock, D>(std::chrono::floor<D>(value));
}

/// `micros` in whole units of `per` microseconds; a remainder would be lost, so it is an error.
inline std::int64_t whole_units(std::int64_t micros, std::int64_t per, int index,
                                const char* what) {
  if (micros % per != 0) throw_out_of_range("parameter", index, what);
  return micros / per;
}

/// Microseconds from a count of units of `per` microseconds, refused past what int64 holds.
inline std::int64_t micros_from_units(std::int64_t count, std::int64_t per, int column) {
  if (count > std::numeric_limits<std::int64_t>::max() / per ||
      count < std::numeric_limits<std::int64_t>::min() / per)
    throw_out_of_range("column", column, "stored time is too far from 1970 for microseconds");
  return count * per;
}

/// Days since 1970 of a date member.
template <class T> std::int64_t days_of(const T& value, int index) {
  if constexpr (std::is_same_v<T, std::chrono::year_month_day>) {
    if (!value.ok()) throw_out_of_range("parameter", index, "year_month_day is not a valid date");
    return std::chrono::sys_days(value).time_since_epoch().count();
  } else {
    return value.time_since_epoch().count();
  }
}

template <class Statement, class T> void bind_value(Statement& s, int index, const T& value);

template <Storage S, class Statement, class D>
void bind_time(Statement& s, int index, std::chrono::time_point<std::chrono::system_clock, D> tp) {
  std::int64_t micros = to_microseconds(tp, index);
  if constexpr (S == Storage::native)
    s.bind_timestamp(index, micros);
  else if constexpr (S == Storage::iso_text)
    s.bind_iso_timestamp(index, micros);
  else if constexpr (S == Storage::timestamp)
    s.bind_plain_timestamp(index, micros);
  else if constexpr (S == Storage::unix_seconds)
    s.bind_int64(index, whole_units(micros, 1'000'000, index,
                                    "time_point has a fraction of a second, but its column "
                                    "stores whole seconds"));
  else if constexpr (S == Storage::unix_millis)
    s.bind_int64(index, whole_units(micros, 1'000, index,
                                    "time_point has a fraction of a millisecond, but its column "
                                    "stores whole milliseconds"));
  else
    s.bind_int64(index, micros);
}

/// A member through storage S: a time_point, or a decimal stored as a number.
template <Storage S, class Statement, class T>
void bind_stored(Statement& s, int index, const T& value) {
  if constexpr (S == Storage::json) {
    json_codec<T>::bind(s, index, value);
  } else if constexpr (is_float_vector_v<T>) {
    static_assert(S == Storage::pgvector, "ormc: a vector's storage is native or pgvector");
    s.bind_vector(index, float_bytes(value), true);
  } else if constexpr (is_decimal_v<T>) {
    static_assert(S == Storage::numeric, "ormc: a decimal's storage is native or numeric");
    s.bind_numeric(index, value.units(), T::scale);
  } else if constexpr (std::is_enum_v<T>) {
    static_assert(S == Storage::enum_text, "ormc: an enum's storage is native or enum_text");
    using Names = EnumNames<T>;
    for (std::size_t i = 0; i < std::size(Names::values); ++i)
      if (Names::values[i] == value) return s.bind_text(index, Names::names[i]);
    throw_out_of_range("parameter", index, "the enum's value is none of its enumerators");
  } else {
    bind_time<S>(s, index, value);
  }
}

/// bind_time() with the storage chosen at run time: the time the runtime itself writes into a
/// soft_delete or updated_at column, at the precision of that column's storage.
template <class Statement>
void bind_time_as(Statement& s, int index, std::chrono::sys_time<std::chrono::microseconds> at,
                  Storage storage) {
  at = at_precision(at, storage);
  switch (storage) {
  case Storage::native:
    return bind_time<Storage::native>(s, index, at);
  case Storage::iso_text:
    return bind_time<Storage::iso_text>(s, index, at);
  case Storage::unix_seconds:
    return bind_time<Storage::unix_seconds>(s, index, at);
  case Storage::unix_millis:
    return bind_time<Storage::unix_millis>(s, index, at);
  case Storage::unix_micros:
    return bind_time<Storage::unix_micros>(s, index, at);
  case Storage::timestamp:
    return bind_time<Storage::timestamp>(s, index, at);
  case Storage::numeric:
  case Storage::enum_text:
  case Storage::json:
  case Storage::pgvector:
    break;
  }
  // The validator (storage-type) keeps these off time columns; a hand-edited ModelStatements
  // must not write a time as something else.
  throw UsageError(
      "ormc: a time column cannot be stored as a decimal, an enum name, JSON or a vector");
}

template <class Statement, class T> void bind_value(Statement& s, int index, const T& value) {
  if constexpr (is_optional_v<T>) {
    if (value)
      bind_value(s, index, *value);
    else
      s.bind_null(index);
  } else if constexpr (has_converter<T>) {
    using Stored = typename converter<T>::stored_type;
    static_assert(!is_optional_v<Stored> && !is_bytes_v<Stored>,
                  "ormc: a converter's stored_type is a plain value: not std::optional, not bytes "
                  "(see 'T' below)");
    Stored stored = converter<T>::to_stored(value);
    if constexpr (std::is_same_v<Stored, std::string>)
      s.bind_text_copy(index, stored); // the converter's text lives only here
    else
      bind_value(s, index, stored);
  } else if constexpr (std::is_same_v<T, bool>) {
    s.bind_bool(index, value);
  } else if constexpr (std::is_enum_v<T>) {
    bind_value(s, index, static_cast<std::underlying_type_t<T>>(value));
  } else if constexpr (std::is_integral_v<T>) {
    if constexpr (std::is_unsigned_v<T> && sizeof(T) >= sizeof(std::int64_t)) {
      if (value > static_cast<T>(std::numeric_limits<std::int64_t>::max()))
        throw_out_of_range("parameter", index, "unsigned value above INT64_MAX cannot be stored");
    }
    s.bind_int64(index, static_cast<std::int64_t>(value));
  } else if constexpr (std::is_floating_point_v<T>) {
    s.bind_double(index, static_cast<double>(value));
  } else if constexpr (std::is_same_v<T, std::string>) {
    s.bind_text(index, value);
  } else if constexpr (is_bytes_v<T>) {
    s.bind_blob(index, std::as_bytes(std::span(value.data(), value.size())));
  } else if constexpr (is_float_vector_v<T>) {
    s.bind_vector(index, float_bytes(value), false);
  } else if constexpr (is_system_time_v<T>) {
    s.bind_timestamp(index, to_microseconds(value, index));
  } else if constexpr (is_date_v<T>) {
    s.bind_date(index, days_of(value, index));
  } else if constexpr (is_decimal_v<T>) {
    s.bind_decimal(index, value.units(), T::scale);
  } else if constexpr (is_duration_v<T>) {
    bind_value(s, index, value.count());
  } else if constexpr (is_stored_value<T>) {
    bind_value(s, index, stored_member<T::storage, const typename T::value_type>{value.value});
  } else if constexpr (is_stored_member<T>) {
    using Member = std::remove_const_t<typename T::member_type>;
    if constexpr (is_optional_v<Member>) {
      if (value.value)
        bind_stored<T::storage>(s, index, *value.value);
      else
        s.bind_null(index);
    } else {
      bind_stored<T::storage>(s, index, value.value);
    }
  } else if constexpr (std::is_convertible_v<const T&, std::string_view>) {
    s.bind_text(index, std::string_view(value)); // string literals and views, for raw SQL
  } else {
    static_assert(dependent_false_v<T>, "ormc: this member type cannot be stored");
  }
}

template <class To> To checked_integer(std::int64_t v, int column) {
  if constexpr (std::is_same_v<To, std::int64_t>) {
    return v;
  } else {
    bool fits = std::is_unsigned_v<To>
                    ? v >= 0 && static_cast<std::uint64_t>(v) <= std::numeric_limits<To>::max()
                    : v >= static_cast<std::int64_t>(std::numeric_limits<To>::min()) &&
                          v <= static_cast<std::int64_t>(std::numeric_limits<To>::max());
    if (!fits)
      throw_out_of_range("column", column, "stored integer does not fit the member's type");
    return static_cast<To>(v);
  }
}

template <class Row, class T> void read_date(Row& r, int column, T& out) {
  std::int64_t days = r.read_date(column);
  if constexpr (std::is_same_v<T, std::chrono::year_month_day>) {
    // std::chrono::year holds -32767 to 32767.
    constexpr std::int64_t first = -12'687'428, last = 11'248'737; // -32767-01-01, 32767-12-31
    if (days < first || days > last)
      throw_out_of_range("column", column, "stored date does not fit std::chrono::year_month_day");
    out = std::chrono::year_month_day(std::chrono::sys_days(std::chrono::days(days)));
  } else {
    using Days = typename T::duration;
    out = T(Days(checked_integer<typename Days::rep>(days, column)));
  }
}

/// Reads a time through storage S into a time_point of any duration, exactly: a stored value
/// finer than the member's duration is refused rather than rounded.
template <Storage S, class Row, class D>
void read_time(Row& r, int column, std::chrono::time_point<std::chrono::system_clock, D>& out) {
  std::int64_t micros;
  if constexpr (S == Storage::native)
    micros = r.read_timestamp(column);
  else if constexpr (S == Storage::iso_text)
    micros = r.read_iso_timestamp(column);
  else if constexpr (S == Storage::timestamp)
    micros = r.read_plain_timestamp(column);
  else if constexpr (S == Storage::unix_seconds)
    micros = micros_from_units(r.read_int64(column), 1'000'000, column);
  else if constexpr (S == Storage::unix_millis)
    micros = micros_from_units(r.read_int64(column), 1'000, column);
  else
    micros = r.read_int64(column);
  out = from_microseconds<D>(micros, column);
  if constexpr (std::ratio_greater_v<typename D::period, std::micro>) {
    if (std::chrono::floor<std::chrono::microseconds>(out).time_since_epoch().count() != micros)
      throw_out_of_range("column", column,
                         "stored time is finer than the member's time_point can hold");
  }
}

/// A vector column's floats into a std::vector (any number) or a std::array (exactly N).
template <class Row, class T> void read_floats(Row& r, int column, T& out) {
  std::span<const float> floats = r.read_vector(column);
  if constexpr (std::is_same_v<T, std::vector<float>>) {
    out.assign(floats.begin(), floats.end());
  } else {
    if (floats.size() != out.size()) {
      const std::string why = "stored vector has " + std::to_string(floats.size()) +
                              " floats; the member's std::array holds " +
                              std::to_string(out.size());
      throw_out_of_range("column", column, why.c_str());
    }
    std::copy(floats.begin(), floats.end(), out.begin());
  }
}

template <Storage S, class Row, class T> void read_stored(Row& r, int column, T& out) {
  if constexpr (S == Storage::json) {
    json_codec<T>::read(r, column, out);
  } else if constexpr (is_float_vector_v<T>) {
    read_floats(r, column, out); // either text form reads
  } else if constexpr (is_decimal_v<T>) {
    static_assert(S == Storage::numeric, "ormc: a decimal's storage is native or numeric");
    out = T::from_units(r.read_numeric(column, T::precision, T::scale));
  } else if constexpr (std::is_enum_v<T>) {
    using Names = EnumNames<T>;
    std::string_view text = r.read_text_view(column);
    for (std::size_t i = 0; i < std::size(Names::names); ++i)
      if (Names::names[i] == text) {
        out = Names::values[i];
        return;
      }
    throw_unknown_name(column, r.column_name(column), text, Names::type);
  } else {
    read_time<S>(r, column, out);
  }
}

template <class Row, class T> void read_value(Row& r, int column, T& out) {
  if constexpr (is_optional_v<T>) {
    if (r.is_null(column)) {
      out.reset();
    } else {
      if (!out) out.emplace();
      read_value(r, column, *out);
    }
  } else if constexpr (has_converter<T>) {
    typename converter<T>::stored_type stored{};
    read_value(r, column, stored);
    try {
      out = converter<T>::from_stored(std::move(stored));
    } catch (const std::exception& e) {
      throw_converter_refused(column, r.column_name(column), e.what());
    }
  } else if constexpr (std::is_same_v<T, bool>) {
    out = r.read_bool(column);
  } else if constexpr (std::is_enum_v<T>) {
    std::underlying_type_t<T> underlying{};
    read_value(r, column, underlying);
    out = static_cast<T>(underlying);
  } else if constexpr (std::is_integral_v<T>) {
    out = checked_integer<T>(r.read_int64(column), column);
  } else if constexpr (std::is_floating_point_v<T>) {
    double value = r.read_double(column);
    // A finite value beyond a float's range would read as infinity: refused like an integer
    // out of range. Values within half a unit of the largest float round to it (text forms
    // such as PostgreSQL's 3.4028235e+38 are a little beyond it).
    if constexpr (std::is_same_v<T, float>) {
      constexpr double limit = static_cast<double>(std::numeric_limits<float>::max()) + 0x1p103;
      if (value - value == 0 && (value >= limit || value <= -limit)) // finite and too large
        throw_out_of_range("column", column, "stored number does not fit the member's float");
    }
    out = static_cast<T>(value);
  } else if constexpr (std::is_same_v<T, std::string>) {
    r.read_text(column, out);
  } else if constexpr (is_bytes_v<T>) {
    std::span<const std::byte> bytes = r.read_blob(column);
    const auto* first = reinterpret_cast<const typename T::value_type*>(bytes.data());
    out.assign(first, first + bytes.size());
  } else if constexpr (is_float_vector_v<T>) {
    read_floats(r, column, out);
  } else if constexpr (is_system_time_v<T>) {
    out = from_microseconds<typename T::duration>(r.read_timestamp(column), column);
  } else if constexpr (is_date_v<T>) {
    read_date(r, column, out);
  } else if constexpr (is_decimal_v<T>) {
    out = T::from_units(r.read_decimal(column, T::precision, T::scale));
  } else if constexpr (is_duration_v<T>) {
    out = T(checked_integer<typename T::rep>(r.read_int64(column), column));
  } else if constexpr (is_stored_member<T>) {
    using Member = typename T::member_type;
    if constexpr (is_optional_v<Member>) {
      if (r.is_null(column)) {
        out.value.reset();
      } else {
        if (!out.value) out.value.emplace();
        read_stored<T::storage>(r, column, *out.value);
      }
    } else {
      read_stored<T::storage>(r, column, out.value);
    }
  } else {
    static_assert(dependent_false_v<T>, "ormc: this member type cannot be read");
  }
}

} // namespace ormc::detail
