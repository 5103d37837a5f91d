// A text column becomes an integer with an explicit conversion (convert_using=): version 2.
#include <cstdint>
#include <optional>
#include <ormc/annotations.hpp>
#include <string>

namespace shop {
struct ORMC_TABLE() Item {
  ORMC_ID() std::int64_t id;
  ORMC_COLUMN(convert_using = "CAST(code AS INTEGER) * 10") std::int64_t code;
};
} // namespace shop
