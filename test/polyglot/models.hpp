// Models whose rows C++ and Python both write and read back (test/polyglot/README.md): every
// mapped type and storage, NULLs, ormc's own columns, and SQL keywords as names.
#pragma once

#include <array>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <ormc/annotations.hpp>
#include <ormc/decimal.hpp>
#include <string>
#include <vector>

namespace polyglot {

enum class Mood : std::int8_t { calm, cheerful, grumpy };
enum class Level : std::int16_t { low = -1, high = 7 };
using Micros = std::chrono::sys_time<std::chrono::microseconds>;
using Millis = std::chrono::sys_time<std::chrono::milliseconds>;
using Money = ormc::decimal<12, 2>;
using Bytes = std::vector<std::byte>;

/// One member of each kind and storage the type mapping has (docs/type-mapping.md).
struct ORMC_TABLE() Sample {
  ORMC_ID(assigned) std::int64_t id = 0;
  bool flag = false;
  std::int8_t i8 = 0;
  std::int16_t i16 = 0;
  std::int32_t i32 = 0;
  std::int64_t i64 = 0;
  std::uint8_t u8 = 0;
  std::uint16_t u16 = 0;
  std::uint32_t u32 = 0;
  std::uint64_t u64 = 0;
  float f32 = 0;
  double f64 = 0;
  std::string text;
  Bytes bytes;
  std::chrono::system_clock::time_point at{};
  ORMC_COLUMN(storage = text) Micros at_text{};
  ORMC_COLUMN(storage = timestamp) Micros at_timestamp{};
  ORMC_COLUMN(storage = unix_millis) Millis at_millis{};
  std::chrono::sys_days day{};
  std::chrono::milliseconds timeout{};
  std::chrono::nanoseconds precise{};
  Money price;
  ORMC_COLUMN(storage = numeric) Money price_numeric;
  nlohmann::json document;
  ORMC_VECTOR(dim = 3) std::vector<float> embedding;
  ORMC_COLUMN(storage = text) Mood mood = Mood::calm;
  Level level = Level::low;
  std::optional<std::int32_t> maybe_int;
  std::optional<std::string> maybe_text;
  std::optional<Bytes> maybe_bytes;
  std::optional<Micros> maybe_at;
  std::optional<std::chrono::sys_days> maybe_day;
  std::optional<Money> maybe_price;
  std::optional<nlohmann::json> maybe_document;
  ORMC_COLUMN(storage = text) std::optional<Mood> maybe_mood;

  bool operator==(const Sample&) const = default;
};

/// ormc's own columns: a UUID key, times, a version and soft delete.
struct ORMC_TABLE() Account {
  ORMC_ID(uuid) std::string id;
  std::string name;
  ORMC_CREATED_AT() Micros created{};
  ORMC_UPDATED_AT() Micros updated{};
  ORMC_VERSION() std::int64_t version = 0;
  ORMC_SOFT_DELETE() std::optional<Micros> removed;
};

/// A database-assigned key, a foreign key, and SQL keywords as names.
struct ORMC_TABLE(name = "order") Order {
  ORMC_ID() ORMC_COLUMN(name = "select") std::int64_t id = 0;
  ORMC_BELONGS_TO(Account) std::string account_id;
  ORMC_COLUMN(name = "group") std::string group;
};

/// Rows of many tenants in one table (ormc:tenant): each side sees only its row tenant's.
struct ORMC_TABLE() Note {
  ORMC_ID() std::int64_t id = 0;
  ORMC_TENANT() std::string tenant;
  std::string body;
};

} // namespace polyglot
