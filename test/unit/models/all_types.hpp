// Models for the runtime tests: every mapped type, nullable and not, and SQL keywords as names.
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <ormc/annotations.hpp>
#include <string>
#include <vector>

namespace unit {

enum class Color : std::int16_t { red = -1, green = 0, blue = 7 };
enum Plain { plain_a = 1, plain_b = 1000000 };
using Timestamp = std::chrono::system_clock::time_point;
using Bytes = std::vector<std::byte>;

struct ORMC_TABLE() AllTypes {
  ORMC_ID() std::int64_t id = 0;
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
  std::vector<std::uint8_t> octets;
  Timestamp at{};
  Color color = Color::green;
  Plain plain = plain_a;
  ORMC_IGNORE() int not_stored = 0;
};

struct ORMC_TABLE(name = "nullables") Nullables {
  ORMC_ID() std::int64_t id = 0;
  std::optional<bool> flag;
  std::optional<std::int32_t> number;
  std::optional<std::uint64_t> big;
  std::optional<double> real;
  std::optional<std::string> text;
  std::optional<Bytes> bytes;
  std::optional<Timestamp> at;
  std::optional<Color> color;
};

/// SQL keywords as table and column names.
struct ORMC_TABLE(name = "order") Order {
  ORMC_ID() ORMC_COLUMN(name = "select") std::int64_t id = 0;
  ORMC_COLUMN(name = "user", unique) std::string user;
  ORMC_COLUMN(name = "group", max_length = 5) std::string group;
  ORMC_COLUMN(name = "where", index) std::int32_t where = 0;
};

/// time_points of other durations than the clock's own.
struct ORMC_TABLE() Schedule {
  ORMC_ID() std::int64_t id = 0;
  std::chrono::sys_seconds start{};
  std::chrono::sys_days day{};
};

/// An integer key the application chooses, as in a schema without identity columns.
struct ORMC_TABLE() Artist {
  ORMC_ID(assigned) std::int64_t artist_id = 0;
  std::string name;
};

/// A table of a schema made in PascalCase, named by a rule instead of name= on each member.
struct ORMC_TABLE(naming = PascalCase) InvoiceLine {
  ORMC_ID(assigned) std::int64_t invoice_line_id = 0;
  double unit_price = 0;
  std::int32_t quantity = 0;
};

/// A key the application chooses.
struct ORMC_TABLE() Setting {
  ORMC_ID() std::string key;
  std::string value;
};

} // namespace unit
