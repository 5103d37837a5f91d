// The example's models: plain structs, annotated. GCC sees plain structs (the macros expand to
// nothing there); ormc parses them with Clang.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <ormc/annotations.hpp>
#include <string>

namespace todo {

enum class Priority : std::uint8_t { low, normal, high };

struct ORMC_TABLE(comment = "things to do") Task {
  ORMC_ID() std::int64_t id = 0;
  ORMC_COLUMN(max_length = 200, index) std::string title;
  std::optional<std::string> note; // NULL when there is none
  bool done = false;
  Priority priority = Priority::normal;
  std::chrono::system_clock::time_point due{};
};

/// `user` is an SQL keyword; ormc quotes every identifier, so it works as a table name.
struct ORMC_TABLE(name = "user") User {
  ORMC_ID() std::int64_t id = 0;
  ORMC_COLUMN(unique, max_length = 320) std::string email;
  std::string name;
};

} // namespace todo
