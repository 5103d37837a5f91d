// The vector benchmark's table: an embedding of 384 floats per row (a common sentence-embedding
// size), searched with nearest().
#pragma once
#include <cstdint>
#include <ormc/annotations.hpp>
#include <vector>

namespace bench {
struct ORMC_TABLE() Chunk {
  ORMC_ID() std::int64_t id = 0;
  ORMC_VECTOR(dim = 384) std::vector<float> embedding;
};
} // namespace bench
