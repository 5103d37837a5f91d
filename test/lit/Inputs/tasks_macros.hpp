// The same model as tasks.hpp, written with the ORMC_* macros; GCC sees plain structs.
#pragma once

#include <ormc/annotations.hpp>

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>

namespace app {

struct ORMC_TABLE() Task {
  ORMC_ID() std::int64_t id = 0;
  ORMC_COLUMN(max_length = 200, index) std::string title;
  std::optional<std::string> note;
  bool done = false;
  std::chrono::system_clock::time_point due{};
};

} // namespace app
