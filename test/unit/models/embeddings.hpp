// Vector columns (ormc:vector): an embedding of 8 floats in a std::vector, and a nullable
// std::array whose size is its dimension, searched with nearest().
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <ormc/annotations.hpp>
#include <string>
#include <vector>

namespace unit {

struct ORMC_TABLE() Passage {
  ORMC_ID() std::int64_t id = 0;
  std::string lang;
  ORMC_VECTOR(dim = 8) std::vector<float> embedding;
  ORMC_VECTOR() std::optional<std::array<float, 3>> position;
};

} // namespace unit
