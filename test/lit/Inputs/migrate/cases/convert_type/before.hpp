// A text column becomes an integer with an explicit conversion (convert_using=): version 1.
#include <cstdint>
#include <optional>
#include <ormc/annotations.hpp>
#include <string>

namespace shop {
struct ORMC_TABLE() Item {
  ORMC_ID() std::int64_t id;
  std::string code;
};
} // namespace shop
