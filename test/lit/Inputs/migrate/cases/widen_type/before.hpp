// Columns widened: int32 to int64, uint8 to int32, float to double; every value is kept: version 1.
#include <cstdint>
#include <optional>
#include <ormc/annotations.hpp>
#include <string>

namespace shop {
struct ORMC_TABLE() Item {
  ORMC_ID() std::int64_t id;
  std::int32_t stock;
  std::uint8_t shelf;
  float weight;
};
} // namespace shop
