// Models in an inline namespace, as versioned library APIs declare them.
#pragma once
#include <cstdint>
#include <ormc/annotations.hpp>
#include <string>

namespace app {
inline namespace v2 {
struct ORMC_TABLE() Widget {
  ORMC_ID() std::int64_t id = 0;
  std::string name;
};
} // namespace v2
} // namespace app
