// Checks added: a column minimum and a table check, enforced for every writer afterwards: version 2.
#include <cstdint>
#include <optional>
#include <ormc/annotations.hpp>
#include <string>

namespace shop {
struct ORMC_TABLE(check = "reserved <= stock") Item {
  ORMC_ID() std::int64_t id;
  ORMC_COLUMN(min = 0) std::int32_t stock;
  std::int32_t reserved;
};
} // namespace shop
