// A statement parameter held as a value of its own, for queries built before they run: a
// condition keeps its values as BoundValues, so that Query<Model> is one non-template state and
// binding them is compiled once, in the runtime library, not per condition and model.
#pragma once

#include <cstddef>
#include <cstdint>
#include <ormc/value_codec.hpp>
#include <span>
#include <string>
#include <string_view>
#include <type_traits>

namespace ormc::sqlite {
class Statement;
}
namespace ormc::postgres {
class Statement;
}

namespace ormc::detail {

/// One parameter, converted the way bind_value() converts a member (see value_codec.hpp).
struct BoundValue {
  enum class Kind : unsigned char {
    null,
    boolean,
    integer,
    real,
    text,
    blob,
    timestamp,       // Storage::native
    iso_timestamp,   // Storage::iso_text
    plain_timestamp, // Storage::timestamp
    date,
    decimal, // units of 10^-scale
    numeric, // ... bound as Storage::numeric
    vector,   // a vector's floats (in `bytes`, little-endian): REAL[] or a BLOB
    pgvector, // ... bound as Storage::pgvector
  };
  Kind kind = Kind::null;
  unsigned char scale = 0;  // decimal, numeric
  std::int64_t integer = 0; // boolean (0/1), integer, timestamps (µs since 1970), date (days)
  double real = 0;
  std::string bytes; // text, blob or a vector's floats

  bool is_null() const noexcept { return kind == Kind::null; }
};

/// Binds `value` as parameter `index` (1-based), through the statement's own primitives.
void bind_bound(sqlite::Statement& s, int index, const BoundValue& value);
void bind_bound(postgres::Statement& s, int index, const BoundValue& value);

/// Records one parameter the way bind_value() would bind it: BoundValueSink has the primitives
/// of a statement (bind_null, bind_int64, ...), so the conversion is bind_value()'s own.
struct BoundValueSink {
  BoundValue value;
  void bind_null(int) { value.kind = BoundValue::Kind::null; }
  void bind_bool(int, bool v) {
    value.kind = BoundValue::Kind::boolean;
    value.integer = v ? 1 : 0;
  }
  void bind_int64(int, std::int64_t v) {
    value.kind = BoundValue::Kind::integer;
    value.integer = v;
  }
  void bind_double(int, double v) {
    value.kind = BoundValue::Kind::real;
    value.real = v;
  }
  void bind_text(int, std::string_view v) {
    value.kind = BoundValue::Kind::text;
    value.bytes.assign(v);
  }
  void bind_text_copy(int index, std::string_view v) { bind_text(index, v); }
  void bind_blob(int, std::span<const std::byte> v) {
    value.kind = BoundValue::Kind::blob;
    value.bytes.assign(reinterpret_cast<const char*>(v.data()), v.size());
  }
  void bind_timestamp(int, std::int64_t microseconds) {
    value.kind = BoundValue::Kind::timestamp;
    value.integer = microseconds;
  }
  void bind_iso_timestamp(int, std::int64_t microseconds) {
    value.kind = BoundValue::Kind::iso_timestamp;
    value.integer = microseconds;
  }
  void bind_plain_timestamp(int, std::int64_t microseconds) {
    value.kind = BoundValue::Kind::plain_timestamp;
    value.integer = microseconds;
  }
  void bind_date(int, std::int64_t days) {
    value.kind = BoundValue::Kind::date;
    value.integer = days;
  }
  void bind_decimal(int, std::int64_t units, int scale) {
    value.kind = BoundValue::Kind::decimal;
    value.integer = units;
    value.scale = static_cast<unsigned char>(scale);
  }
  void bind_numeric(int, std::int64_t units, int scale) {
    bind_decimal(0, units, scale);
    value.kind = BoundValue::Kind::numeric;
  }
  void bind_vector(int index, std::span<const std::byte> floats, bool pgvector) {
    bind_blob(index, floats);
    value.kind = pgvector ? BoundValue::Kind::pgvector : BoundValue::Kind::vector;
  }
};

/// `v` as a BoundValue; `index` names the parameter in an error (a value out of range).
template <class T> BoundValue to_bound(const T& v, int index = 0) {
  BoundValueSink sink;
  bind_value(sink, index, v);
  return std::move(sink.value);
}

} // namespace ormc::detail
