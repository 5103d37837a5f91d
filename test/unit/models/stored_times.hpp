// Dates, times and enums stored the way schemas made elsewhere store them.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <ormc/annotations.hpp>
#include <string>

namespace unit {

using Micros = std::chrono::sys_time<std::chrono::microseconds>;
using Millis = std::chrono::sys_time<std::chrono::milliseconds>;

/// One member per storage choice, and the date and duration types.
struct ORMC_TABLE() StoredTimes {
  ORMC_ID() std::int64_t id = 0;
  ORMC_COLUMN(storage = text) Micros as_text{};
  ORMC_COLUMN(storage = timestamp) std::optional<Micros> as_timestamp;
  ORMC_COLUMN(storage = unix_seconds) Micros as_seconds{};
  ORMC_COLUMN(storage = unix_millis) std::optional<Millis> as_millis;
  ORMC_COLUMN(storage = unix_micros) Micros as_micros{};
  std::chrono::year_month_day birthday{std::chrono::year(2000), std::chrono::January,
                                       std::chrono::day(1)};
  std::optional<std::chrono::sys_days> hired;
  std::chrono::milliseconds timeout{};
  std::optional<std::chrono::seconds> grace;
  ORMC_UPDATED_AT() ORMC_COLUMN(storage = unix_seconds) Micros changed{};
  ORMC_SOFT_DELETE() ORMC_COLUMN(storage = text) std::optional<Micros> deleted;
};

/// A table as a schema made in PascalCase with TIMESTAMP / DATETIME text columns has it
/// (the Employee table of a well-known sample database), read through its own names and types.
struct ORMC_TABLE(naming = PascalCase, time_storage = timestamp) Employee {
  ORMC_ID(assigned) std::int64_t employee_id = 0;
  std::string last_name;
  std::optional<std::chrono::sys_seconds> birth_date;
  std::optional<std::chrono::sys_seconds> hire_date;
};

enum class Priority : std::int8_t { low, normal, urgent };

/// Enums stored as their enumerators' names, as schemas made elsewhere often keep them.
struct ORMC_TABLE() Ticket {
  ORMC_ID() std::int64_t id = 0;
  ORMC_COLUMN(storage = text) Priority priority = Priority::normal;
  ORMC_COLUMN(storage = text) std::optional<Priority> escalated;
};

} // namespace unit
