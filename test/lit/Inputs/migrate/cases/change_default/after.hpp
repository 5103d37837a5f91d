// A default changed: rows already stored keep their value, new ones take the new default: version 2.
#include <cstdint>
#include <optional>
#include <ormc/annotations.hpp>
#include <string>

namespace shop {
struct ORMC_TABLE() Book {
  ORMC_ID() std::int64_t id;
  ORMC_COLUMN(default = 5) std::int32_t rating;
};
} // namespace shop
