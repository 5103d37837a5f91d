// An index removed, another added: version 1.
#include <cstdint>
#include <optional>
#include <ormc/annotations.hpp>
#include <string>

namespace shop {
struct ORMC_TABLE() Book {
  ORMC_ID() std::int64_t id;
  ORMC_COLUMN(index) std::string title;
  std::int32_t year;
};
} // namespace shop
