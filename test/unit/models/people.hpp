// A model with its operation variants (ormc:table(variants)): Person_Create, Person_Update and
// Person_Search, beside ormc's own columns (timestamps, a version) that no variant takes.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <ormc/annotations.hpp>
#include <ormc/decimal.hpp>
#include <ormc/mixins.hpp>
#include <string>

namespace unit {

enum class Level : std::uint8_t { basic, gold };
enum class Channel : std::int16_t { web = 1, phone = 2 };

struct ORMC_TABLE(variants, accessor = people) Person : ormc::mixins::Timestamps {
  ORMC_ID() std::int64_t id = 0;
  ORMC_COLUMN(max_length = 12, not_empty) std::string name;
  std::optional<std::int32_t> age;
  std::string email = "nobody@example.org";
  ormc::decimal<10, 2> balance;
  bool active = true;
  ORMC_COLUMN(storage = text) Level tier = Level::basic; // searched by name in JSON
  Channel channel = Channel::web;                     // stored as its integer: so in JSON
  std::optional<std::chrono::sys_days> born;
  std::optional<std::chrono::sys_seconds> last_seen; // whole seconds: a finer filter is refused
  ORMC_VERSION() std::int32_t version = 0;
};

} // namespace unit
